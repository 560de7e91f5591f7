"""Presidio's results -> kp spans: KP types, sorted, non-overlapping.

Presidio may return overlapping results of different types (an EMAIL_ADDRESS and the URL of its
domain). The harness gives each whitespace token the type of the first result, in Presidio's
order, that touches it. kp keeps, of each result, the characters outside every word an earlier
result touched: so no span splits a word another span holds, scored on the harness's token grid
kp's spans give exactly the harness's tags (a test holds it on every dev document), and a span
keeps Presidio's own character offsets wherever results do not overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kp_core.types import Span


def _unclaimed(start: int, end: int, claimed: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside every claimed interval."""
    parts = [(start, end)]
    for a, b in claimed:
        parts = [piece for s, e in parts for piece in ((s, min(e, a)), (max(s, b), e)) if piece[0] < piece[1]]
    return parts


def _words_touched(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to the whitespace-delimited words it touches."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def to_kp_spans(text: str, results: Iterable[Any], table: Mapping[str, str]) -> list[Span]:
    """The KP spans of one text from Presidio's ``RecognizerResult`` list (types the table does
    not map are dropped, as the harness drops them)."""
    claimed: list[tuple[int, int]] = []
    spans: list[Span] = []
    for result in results:
        label = table.get(result.entity_type)
        if label is None:
            continue
        score = min(1.0, max(0.0, float(result.score)))
        for a, b in _unclaimed(int(result.start), int(result.end), claimed):
            a, b = _stripped(text, a, b)
            if a < b:
                spans.append(Span(a, b, label, score=score, text=text[a:b]))
        claimed.append(_words_touched(text, int(result.start), int(result.end)))
    return sorted(spans, key=lambda s: (s.start, s.end))
