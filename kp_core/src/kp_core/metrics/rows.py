"""Gold rows as the row metrics see them, and the shared "was this gold span redacted?" primitive.

Row metrics take rows in the harness format (``{text, spans: [{start, end, label, ...}],
country?, ...}``) or kp :class:`~kp_core.types.Example` objects, which are turned into that format.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from kp_core.encoding.grid import overlapping_tokens, whitespace_tokens
from kp_core.taxonomy import OUTSIDE

DEFAULT_COUNTRY = "RO"


def as_row(row: Any) -> Mapping[str, Any]:
    """A harness-format row from a mapping or a kp Example."""
    if isinstance(row, Mapping):
        return row
    to_json = getattr(row, "to_json", None)
    if to_json is None:
        raise TypeError(f"expected a row mapping or an Example, got {type(row).__name__}")
    return to_json()


def as_rows(rows: Sequence[Any]) -> list[Mapping[str, Any]]:
    return [as_row(r) for r in rows]


def span_country(row: Mapping[str, Any], span: Mapping[str, Any], forced: str | None = None) -> str:
    """``span.country``, else ``row.country``, else RO; uppercased (harness §3.4)."""
    if forced is not None:
        return forced
    return str(span.get("country") or row.get("country") or DEFAULT_COUNTRY).upper()


def span_text(row: Mapping[str, Any], span: Mapping[str, Any]) -> str:
    return row["text"][span["start"] : span["end"]]


@lru_cache(maxsize=8192)
def grid_tokens(text: str) -> tuple[tuple[int, int], ...]:
    """The whitespace tokens of :func:`kp_core.encoding.grid.whitespace_tokens`, cached: every row metric
    asks for the same documents."""
    return tuple(whitespace_tokens(text))


@lru_cache(maxsize=8192)
def token_bounds(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the whitespace tokens of ``text`` (cached: every row metric asks)."""
    tokens = grid_tokens(text)
    return [t[0] for t in tokens], [t[1] for t in tokens]


def check_tag_count(doc: int, text: str, tags: Sequence[str]) -> None:
    n = len(token_bounds(text)[0])
    if len(tags) != n:
        raise ValueError(f"document {doc}: {len(tags)} predicted tags for {n} whitespace tokens")


def member_tokens(text: str, start: int, end: int) -> range:
    """Tokens overlapping [start, end) by at least one character."""
    return overlapping_tokens(*token_bounds(text), start, end)


def span_detected(text: str, start: int, end: int, tags: Sequence[str]) -> bool:
    """A gold span is detected iff some whitespace token overlapping it carries a non-O tag, of
    any type (harness §3.2; ``tags`` are the predictions after the fairness mask)."""
    return any(tags[i] != OUTSIDE for i in member_tokens(text, start, end))


SubjectKey = Callable[[Mapping[str, Any], Mapping[str, Any]], "tuple[Hashable, ...] | None"]


def subject_outcomes(
    rows: Sequence[Any], pred_tags: Sequence[Sequence[str]] | None, subject_key: SubjectKey
) -> dict[tuple[Hashable, ...], bool]:
    """``(doc, *subject_key(row, span))`` → detected, over every gold span whose key is not None.

    A subject is detected iff every one of its occurrences is (harness §3.2), so it leaks iff any
    occurrence is left untagged. With ``pred_tags=None`` only the gold subjects are collected and
    none is detected. Keys come in first-seen order.
    """
    rows = as_rows(rows)
    tag_rows: Sequence[Sequence[str] | None] = [None] * len(rows) if pred_tags is None else pred_tags
    if len(rows) != len(tag_rows):
        raise ValueError(f"{len(rows)} gold rows but {len(tag_rows)} predicted tag sequences")
    subjects: dict[tuple[Hashable, ...], bool] = {}
    for doc, (row, tags) in enumerate(zip(rows, tag_rows, strict=True)):
        text = row["text"]
        if tags is not None:
            check_tag_count(doc, text, tags)
        for span in row.get("spans") or ():
            key = subject_key(row, span)
            if key is None:
                continue
            subject = (doc, *key)
            detected = tags is not None and span_detected(text, span["start"], span["end"], tags)
            subjects[subject] = subjects.get(subject, True) and detected
    return subjects
