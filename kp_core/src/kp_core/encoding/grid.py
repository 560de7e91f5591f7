"""The whitespace-token grid EuroPriv-Bench scores on, and BIOES tags over it.

Tokens are maximal runs of non-whitespace characters (``str.isspace``); punctuation stays attached.
Gold goes through the strict path (errors on overlap, span on no token, token collision);
predictions go through the tolerant path (never raises; first span wins per token; adjacent
same-type runs merge, as the harness does).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from kp_core.errors import KpError
from kp_core.taxonomy import OUTSIDE
from kp_core.types import Span

# For str patterns the regex \s is exactly str.isspace() (both are Py_UNICODE_ISSPACE; a test checks
# every code point), so \S+ gives the harness's runs of non-space characters.
_NON_SPACE = re.compile(r"\S+")


class GoldAlignmentError(KpError, ValueError):
    """Gold spans that cannot be put on the whitespace grid. The message carries offsets, never text."""


def whitespace_tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of every maximal run of characters for which ``str.isspace()`` is false."""
    return [m.span() for m in _NON_SPACE.finditer(text)]


def overlapping_tokens(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> range:
    """Indices of the tokens (given by sorted ``starts``/``ends``) overlapping [start, end) by at
    least one character, found by binary search."""
    first = bisect.bisect_right(ends, start)  # first token whose end > start
    last = bisect.bisect_left(starts, end)  # first token whose start >= end
    return range(first, max(first, last))


def _member_tokens(tokens: _TokenIndex, start: int, end: int) -> range:
    return overlapping_tokens(tokens.starts, tokens.ends, start, end)


class _TokenIndex(list):
    """A token list with cached start/end columns for repeated span lookups."""

    def __init__(self, tokens: Iterable[tuple[int, int]]) -> None:
        super().__init__(tokens)
        self.starts = [t[0] for t in self]
        self.ends = [t[1] for t in self]


def _tag_run(tags: list[str], indices: range, label: str) -> None:
    if len(indices) == 1:
        tags[indices[0]] = f"S-{label}"
        return
    tags[indices[0]] = f"B-{label}"
    for i in indices[1:-1]:
        tags[i] = f"I-{label}"
    tags[indices[-1]] = f"E-{label}"


def gold_bioes(text: str, spans: Sequence[Span]) -> list[str]:
    """Strict gold path: one BIOES tag per whitespace token, or :class:`GoldAlignmentError`."""
    tokens = _TokenIndex(whitespace_tokens(text))
    tags = [OUTSIDE] * len(tokens)
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    prev_end = -1
    for span in ordered:
        if span.start < prev_end:
            raise GoldAlignmentError(
                f"overlapping spans: a span starts at {span.start} before the previous one ends at {prev_end}"
            )
        prev_end = span.end
        members = _member_tokens(tokens, span.start, span.end)
        if len(members) == 0:
            raise GoldAlignmentError(f"span {span.start}:{span.end} ({span.label}) covers no whitespace token")
        for i in members:
            if tags[i] != OUTSIDE:
                raise GoldAlignmentError(
                    f"token collision: span {span.start}:{span.end} ({span.label}) shares token "
                    f"{tokens[i][0]}:{tokens[i][1]} with another span"
                )
        _tag_run(tags, members, span.label)
    return tags


def labels_to_bioes(labels: Sequence[str | None]) -> list[str]:
    """Per-token type labels (None = outside) → BIOES, each maximal run of one label one entity."""
    tags = [OUTSIDE] * len(labels)
    i = 0
    n = len(labels)
    while i < n:
        label = labels[i]
        if label is None:
            i += 1
            continue
        j = i
        while j + 1 < n and labels[j + 1] == label:
            j += 1
        _tag_run(tags, range(i, j + 1), label)
        i = j + 1
    return tags


def predicted_bioes(text: str, spans: Sequence[Span], tokens: Sequence[tuple[int, int]] | None = None) -> list[str]:
    """Tolerant prediction path: never raises. Spans are applied in list order, the first span wins
    a token, and adjacent same-type runs merge into one entity (the harness's v0 behaviour)."""
    index = _TokenIndex(tokens if tokens is not None else whitespace_tokens(text))
    labels: list[str | None] = [None] * len(index)
    for span in spans:
        for i in _member_tokens(index, span.start, span.end):
            if labels[i] is None:
                labels[i] = span.label
    return labels_to_bioes(labels)


def bioes_to_spans(text: str, tags: Sequence[str], tokens: Sequence[tuple[int, int]] | None = None) -> list[Span]:
    """Read char spans back off the grid: S = one token; B absorbs following I/E of its type and
    stops at E or anything else; a stray I/E is a one-token span."""
    toks = tokens if tokens is not None else whitespace_tokens(text)
    if len(tags) != len(toks):
        raise ValueError(f"{len(tags)} tags for {len(toks)} whitespace tokens")
    spans: list[Span] = []
    i = 0
    n = len(tags)
    while i < n:
        tag = tags[i]
        if tag == OUTSIDE:
            i += 1
            continue
        prefix, _, label = tag.partition("-")
        j = i
        if prefix == "B":
            while j + 1 < n:
                nxt_prefix, _, nxt_label = tags[j + 1].partition("-")
                if nxt_label != label or nxt_prefix not in ("I", "E"):
                    break
                j += 1
                if nxt_prefix == "E":
                    break
        spans.append(Span(toks[i][0], toks[j][1], label, text=text[toks[i][0] : toks[j][1]]))
        i = j + 1
    return spans


def validate_bioes(tags: Sequence[str]) -> None:
    """Raise ValueError on a malformed BIOES sequence (bad prefix or type, I/E without an open
    entity of the same type, B/S/O while an entity is open, or an entity left open at the end)."""
    from kp_core.taxonomy import entity_names

    known = set(entity_names())
    open_label: str | None = None
    for i, tag in enumerate(tags):
        if tag == OUTSIDE:
            if open_label is not None:
                raise ValueError(f"tag {i}: O while {open_label} is open")
            continue
        prefix, sep, label = tag.partition("-")
        if not sep or prefix not in ("B", "I", "E", "S") or label not in known:
            raise ValueError(f"tag {i}: malformed tag {tag!r}")
        if prefix in ("B", "S"):
            if open_label is not None:
                raise ValueError(f"tag {i}: {prefix} while {open_label} is open")
            if prefix == "B":
                open_label = label
        else:
            if open_label != label:
                raise ValueError(f"tag {i}: {tag} without an open {label}")
            if prefix == "E":
                open_label = None
    if open_label is not None:
        raise ValueError(f"sequence ends with {open_label} open")


def snap_spans(text: str, spans: Sequence[Span]) -> list[Span]:
    """Snap spans outward to whole whitespace tokens (what the scorer sees), keeping order."""
    index = _TokenIndex(whitespace_tokens(text))
    out = []
    for span in spans:
        members = _member_tokens(index, span.start, span.end)
        if len(members) == 0:
            continue
        start, end = index[members[0]][0], index[members[-1]][1]
        out.append(Span(start, end, span.label, score=span.score, text=text[start:end]))
    return out
