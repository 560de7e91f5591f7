"""Loading rows as :class:`~kp_core.types.Example` values, failing loudly on the first bad row."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from kp_core.data.io import DataError, Source, read_rows
from kp_core.data.labels import LabelResolver
from kp_core.data.rows import DocIdTracker, check_row
from kp_core.types import Example


def iter_examples(
    source: Source,
    *,
    label_map: Mapping[str, str | None] | None = None,
    scheme: str | None = None,
    strict: bool = True,
    name: str | None = None,
) -> Iterator[Example]:
    """Stream Examples from a file, dataset or rows (constant memory for JSONL, apart from the
    doc_id set used to catch duplicates).

    Raises :class:`DataError` at the first bad row, naming its file and line and every defect
    found in it. ``strict=False`` waives only the whitespace-grid check (spans that share a
    whitespace token or cover none), which EuroPriv-Bench gold needs but subword training data may
    not; every other defect is still an error. Run ``kp data validate`` for a full report.
    """
    resolver = LabelResolver(label_map, scheme)
    doc_ids = DocIdTracker()
    for record in read_rows(source, name=name):
        result = check_row(record, resolver, strict=strict)
        problems = list(result.problems)
        duplicate = doc_ids.check(record)
        if duplicate is not None:
            problems.append(duplicate)
        if problems:
            reasons = "; ".join(p.message for p in problems)
            raise DataError(f"{record.where}: {reasons}")
        assert result.example is not None
        yield result.example


def load_examples(
    source: Source,
    *,
    label_map: Mapping[str, str | None] | None = None,
    scheme: str | None = None,
    strict: bool = True,
    name: str | None = None,
) -> list[Example]:
    """All Examples of ``source`` in order; see :func:`iter_examples`."""
    return list(iter_examples(source, label_map=label_map, scheme=scheme, strict=strict, name=name))
