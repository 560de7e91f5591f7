"""Checking a whole dataset and reporting every bad row (``kp data validate``)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Mapping
from typing import Any

import attrs

from kp_core.data.io import RowStream, Source, read_rows
from kp_core.data.labels import LabelResolver
from kp_core.data.rows import DocIdTracker, Problem, check_row


@attrs.frozen(slots=True)
class ValidationReport:
    """What ``validate`` found. ``problems`` lists every defect of every row, in file order."""

    source: str
    rows: int
    valid_rows: int
    spans: int
    dropped_spans: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> int:
        return len({p.where for p in self.problems})

    def counts_by_code(self) -> dict[str, int]:
        return dict(sorted(Counter(p.code for p in self.problems).items()))

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "ok": self.ok,
            "rows": self.rows,
            "valid_rows": self.valid_rows,
            "bad_rows": self.bad_rows,
            "spans": self.spans,
            "dropped_spans": self.dropped_spans,
            "problem_counts": self.counts_by_code(),
            "problems": [p.to_json() for p in self.problems],
        }

    def summary(self) -> str:
        head = f"{self.source}: {self.rows} rows, {self.spans} spans"
        if self.dropped_spans:
            head += f", {self.dropped_spans} spans dropped by the label map"
        if self.ok:
            return f"{head}: OK"
        counts = ", ".join(f"{code} {n}" for code, n in self.counts_by_code().items())
        return f"{head} in {self.valid_rows} valid rows; {self.bad_rows} bad rows, {len(self.problems)} problems ({counts})"


def validate(
    source: Source,
    *,
    label_map: Mapping[str, str | None] | None = None,
    scheme: str | None = None,
    strict: bool = True,
    name: str | None = None,
    progress: bool | None = None,
) -> ValidationReport:
    """Check every row of ``source``; never stops at the first defect. ``progress`` None draws a
    bar only when stderr is a terminal (``kp --progress``)."""
    from tqdm import tqdm

    from kp_core.cli.options import show_progress

    resolver = LabelResolver(label_map, scheme)
    doc_ids = DocIdTracker()
    problems: list[Problem] = []
    rows = valid = spans = dropped = 0
    show = show_progress(progress)
    source_name = name or _source_name(source)
    records = read_rows(source, name=name)
    with tqdm(records, desc="validate", unit=" rows", file=sys.stderr, disable=not show) as bar:
        for record in bar:
            source_name = source_name or record.source
            rows += 1
            result = check_row(record, resolver, strict=strict)
            problems.extend(result.problems)
            duplicate = doc_ids.check(record)
            if duplicate is not None:
                problems.append(duplicate)
            dropped += result.dropped_spans
            if result.example is not None and duplicate is None:
                valid += 1
                spans += len(result.example.spans)
    source_name = source_name or "<rows>"
    if rows == 0:
        problems.append(Problem(source_name, "no_rows", "the source holds no rows"))
    return ValidationReport(
        source=source_name,
        rows=rows,
        valid_rows=valid,
        spans=spans,
        dropped_spans=dropped,
        problems=tuple(problems),
    )


def _source_name(source: Source) -> str | None:
    """The name messages give ``source``, when known before its first row is read."""
    if isinstance(source, RowStream):
        return source.name
    if isinstance(source, str) or hasattr(source, "__fspath__"):
        return str(source)
    return None
