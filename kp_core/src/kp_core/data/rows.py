"""One raw row → one :class:`~kp_core.types.Example`, or the list of everything wrong with it.

Every message names offsets, span numbers and labels, never the text under a span: these rows
hold personal data. Span numbers are 0-based positions in the row's own ``spans`` list.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from kp_core.classification.labels import DOC_LABELS_FIELD, LEVELS, DocLabelError, doc_labels, parse_explicit
from kp_core.data.io import RowRecord
from kp_core.data.labels import LabelResolver, UnknownLabelError
from kp_core.encoding.grid import GoldAlignmentError, gold_bioes
from kp_core.taxonomy import TAXONOMY_VERSION, entity_names
from kp_core.types import Example, Span

METADATA_FIELDS = ("language", "domain", "country", "doc_id", "template_id")
_ROW_FIELDS = frozenset(("text", "spans", *METADATA_FIELDS))
_SPAN_FIELDS = frozenset(("start", "end", "label", "text", "score"))


@attrs.frozen(slots=True)
class Problem:
    """One defect of one row. ``code`` is stable (for scripts); ``message`` is for people."""

    where: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def to_json(self) -> dict[str, str]:
        return {"where": self.where, "code": self.code, "message": self.message}


@attrs.frozen(slots=True)
class RowCheck:
    """The outcome for one row: an Example when ``problems`` is empty, else None."""

    record: RowRecord
    example: Example | None
    problems: tuple[Problem, ...]
    dropped_spans: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@attrs.define
class _Collector:
    where: str
    problems: list[Problem] = attrs.field(factory=list)

    def add(self, code: str, message: str) -> None:
        self.problems.append(Problem(self.where, code, message))


def _metadata(row: Mapping[str, Any], out: _Collector) -> dict[str, str | None]:
    values: dict[str, str | None] = {}
    for key in METADATA_FIELDS:
        value = row.get(key)
        if key == "doc_id" and _is_int(value):
            value = str(value)  # numeric document ids are common; keep them as strings
        if value is not None and not isinstance(value, str):
            out.add("bad_type", f"{key} is {_type_name(value)}, expected a string")
            value = None
        values[key] = value
    return values


def _unknown_label(resolver: LabelResolver) -> str:
    if resolver.scheme is not None:
        return f"unknown label (not a KP type, not mapped by scheme {resolver.scheme!r} or --label-map)"
    return f"unknown label (not in the taxonomy {TAXONOMY_VERSION}); map it with --label-map or --scheme"


def _span(
    index: int,
    raw: Any,
    text: str | None,
    resolver: LabelResolver,
    out: _Collector,
) -> Span | None | bool:
    """A Span, False when the span is bad (problem recorded), None when the map drops it."""
    if not isinstance(raw, Mapping):
        out.add("bad_type", f"span {index} is {_type_name(raw)}, expected an object")
        return False
    bad = False
    for key in ("start", "end"):
        if key not in raw:
            out.add("missing_field", f"span {index} has no {key!r}")
            bad = True
        elif not _is_int(raw[key]):
            out.add("bad_type", f"span {index} {key} is {_type_name(raw[key])}, expected an integer")
            bad = True
    label = raw.get("label")
    if "label" not in raw:
        out.add("missing_field", f"span {index} has no 'label'")
        bad = True
    elif not isinstance(label, str):
        out.add("bad_type", f"span {index} label is {_type_name(label)}, expected a string")
        bad = True
    score = raw.get("score")
    if score is not None and (not isinstance(score, int | float) or isinstance(score, bool) or not 0 <= score <= 1):
        out.add("bad_type", f"span {index} score must be a number in [0, 1]")
        bad = True
    span_text = raw.get("text")
    if span_text is not None and not isinstance(span_text, str):
        out.add("bad_type", f"span {index} text is {_type_name(span_text)}, expected a string")
        bad = True
    if bad:
        return False
    start, end = raw["start"], raw["end"]
    kp_label: str | None = None
    try:
        kp_label = resolver.resolve(label).label
    except UnknownLabelError:
        # The label itself is never shown: an unknown label may be a value pasted from the text.
        out.add("unknown_label", f"span {index} ({start}:{end}): {_unknown_label(resolver)}")
        bad = True
    shown = kp_label or "unknown label"
    if end <= start:
        out.add("empty_span", f"span {index} ({shown}) has end {end} <= start {start}")
        return False
    if text is not None and (start < 0 or end > len(text)):
        out.add(
            "offset_out_of_range", f"span {index} ({shown}) {start}:{end} lies outside the text (length {len(text)})"
        )
        return False
    if text is not None and span_text is not None and text[start:end] != span_text:
        out.add(
            "text_mismatch", f"span {index} ({shown}) {start}:{end}: its 'text' field differs from text[{start}:{end}]"
        )
        bad = True
    if bad or text is None:
        return False
    if kp_label is None:
        return None
    extra = {k: v for k, v in raw.items() if k not in _SPAN_FIELDS and v is not None}
    return Span(start, end, kp_label, score=score, text=span_text, extra=extra)


def _overlaps(spans: list[tuple[int, Span]], out: _Collector) -> bool:
    found = False
    ordered = sorted(spans, key=lambda pair: (pair[1].start, pair[1].end))
    reach_index, reach = None, None
    for index, span in ordered:
        if reach is not None and span.start < reach.end:
            out.add(
                "overlap",
                f"spans {reach_index} ({reach.label} {reach.start}:{reach.end}) and {index} "
                f"({span.label} {span.start}:{span.end}) overlap",
            )
            found = True
        if reach is None or span.end > reach.end:
            reach_index, reach = index, span
    return found


def check_row(record: RowRecord, resolver: LabelResolver, *, strict: bool = True) -> RowCheck:
    """Every defect of one row; with ``strict`` also whether its spans sit on the whitespace grid
    the way the EuroPriv-Bench gold path requires (no token shared by two spans, none on no token)."""
    out = _Collector(record.where)
    if record.error is not None:
        out.add("bad_json", record.error)
        return RowCheck(record, None, tuple(out.problems))
    row = record.row
    if not isinstance(row, Mapping):
        out.add("not_object", f"row is {_type_name(row)}, expected an object with 'text' and 'spans'")
        return RowCheck(record, None, tuple(out.problems))

    text = row.get("text")
    if "text" not in row:
        out.add("missing_field", "row has no 'text'")
        text = None
    elif not isinstance(text, str):
        out.add("bad_type", f"text is {_type_name(text)}, expected a string")
        text = None
    elif not text.strip():
        out.add("empty_text", "text is empty" if not text else "text is whitespace only")

    raw_spans = row.get("spans")
    if "spans" not in row:
        out.add("missing_field", "row has no 'spans' (use [] for a document without PII)")
        raw_spans = []
    elif not isinstance(raw_spans, list | tuple):
        out.add("bad_type", f"spans is {_type_name(raw_spans)}, expected a list")
        raw_spans = []

    metadata = _metadata(row, out)
    spans: list[tuple[int, Span]] = []
    dropped = 0
    for index, raw in enumerate(raw_spans):
        span = _span(index, raw, text, resolver, out)
        if span is None:
            dropped += 1
        elif span is not False:
            spans.append((index, span))

    spans_ok = not out.problems
    _check_doc_labels(row, [span for _, span in spans] if spans_ok else None, out)
    overlapping = _overlaps(spans, out)
    if strict and text is not None and not overlapping and not out.problems:
        try:
            gold_bioes(text, [span for _, span in spans])
        except GoldAlignmentError as exc:
            out.add("grid", f"not on the whitespace grid: {exc}")

    if out.problems:
        return RowCheck(record, None, tuple(out.problems), dropped)
    extra = {k: v for k, v in row.items() if k not in _ROW_FIELDS and v is not None}
    example = Example(text=text, spans=[span for _, span in spans], extra=extra, **metadata)
    return RowCheck(record, example, (), dropped)


def _check_doc_labels(row: Mapping[str, Any], spans: list[Span] | None, out: _Collector) -> None:
    """The row's explicit ``doc_labels``, when it has them: well formed (``bad_doc_labels``) and,
    when its spans could be read (``spans`` not None), agreeing with them (``doc_labels_conflict``).
    Unknown type names and levels are counted, not shown: like an unknown span label, they may be
    a value pasted from the text."""
    value = row.get(DOC_LABELS_FIELD)
    if value is None:
        return
    if isinstance(value, Mapping):
        types, level = value.get("types"), value.get("level")
        if isinstance(types, list):
            known = entity_names()
            unknown = [i for i, name in enumerate(types) if isinstance(name, str) and name not in known]
            if unknown:
                places = ", ".join(str(i) for i in unknown)
                which = (
                    f"entry {places} is not a KP type" if len(unknown) == 1 else f"entries {places} are not KP types"
                )
                out.add("bad_doc_labels", f"{DOC_LABELS_FIELD}.types {which}")
                return
        if isinstance(level, str) and level not in LEVELS:
            out.add("bad_doc_labels", f"{DOC_LABELS_FIELD}.level is not one of {', '.join(LEVELS)}")
            return
    try:
        parse_explicit(value, where=out.where)
    except DocLabelError as exc:
        out.add("bad_doc_labels", _reason(exc, out.where))
        return
    if spans is None:
        return
    try:
        doc_labels((span.label for span in spans), value, where=out.where)
    except DocLabelError as exc:
        out.add("doc_labels_conflict", _reason(exc, out.where))


def _reason(exc: DocLabelError, where: str) -> str:
    """The reason of a doc_labels error without its location (a Problem carries that)."""
    return str(exc).removeprefix(f"{where}: ")


def check_spans(
    raw_spans: Any, text: str, resolver: LabelResolver, where: str, *, field: str = "spans"
) -> tuple[list[Span], tuple[Problem, ...]]:
    """The spans of one record checked one by one as :func:`check_row` checks a row's (JSON
    integer offsets inside ``text``, a known label, a score in [0, 1]), with every problem.
    Overlaps are allowed: predictions and spans handed to de-identification may overlap."""
    out = _Collector(where)
    if not isinstance(raw_spans, list):
        out.add("bad_type", f"{field} is {_type_name(raw_spans)}, expected a list")
        return [], tuple(out.problems)
    spans = []
    for index, raw in enumerate(raw_spans):
        span = _span(index, raw, text, resolver, out)
        if isinstance(span, Span):
            spans.append(span)
    return spans, tuple(out.problems)


@attrs.define
class DocIdTracker:
    """Remembers where each doc_id was first seen, to flag duplicates across a source."""

    first_seen: dict[str, str] = attrs.field(factory=dict)

    def check(self, record: RowRecord) -> Problem | None:
        row = record.row
        doc_id = row.get("doc_id") if isinstance(row, Mapping) else None
        if _is_int(doc_id):
            doc_id = str(doc_id)
        if not isinstance(doc_id, str):
            return None
        where = record.where
        earlier = self.first_seen.setdefault(doc_id, where)
        if earlier == where:
            return None
        # The doc_id is not shown (ids are often names or case numbers); its first place is.
        return Problem(where, "duplicate_doc_id", f"doc_id repeats the doc_id at {earlier}")
