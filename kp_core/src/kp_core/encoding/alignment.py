"""Alignment between character spans, subword tokens and BIOES training labels.

Definitions used throughout kp:

* **Offsets** are one ``(start, end)`` character range per subword over the document, end
  exclusive; specials carry an empty range such as ``(0, 0)``. Pieces whose range starts or ends
  on whitespace (SentencePiece "▁" pieces whose offsets include the space) are trimmed to their
  non-whitespace characters; a piece that is only whitespace carries no characters at all.
* A **word** is a maximal run of consecutive character-carrying subwords with no whitespace
  between one piece and the next (contiguous or overlapping offsets, or a gap of non-space
  characters the tokenizer dropped). A special or whitespace-only piece ends a word. When a
  tokenizer covers every non-space character, words are exactly the whitespace tokens the
  EuroPriv-Bench scorer uses.
* A unit (word or subword) belongs to a span when they overlap by at least one character, the
  same rule as the whitespace grid.

Training labels come in two schemes. ``"first"``: each word's BIOES tag on its first subword,
-100 on continuation pieces and specials. ``"all"``: every character-carrying subword gets a
BIOES tag computed at subword level. Problems are never dropped silently: spans that cover no
token, are cut by the window edge, or share a unit with another span come back as
:class:`SpanIssue` records (offsets and type only, never text).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import attrs
import numpy as np

from kp_core.encoding.grid import overlapping_tokens
from kp_core.errors import KpError
from kp_core.taxonomy import label2id

IGNORE_INDEX = -100
SCHEMES = ("first", "all")
DEFAULT_SCHEME = "first"


class SpanAlignmentError(KpError, ValueError):
    """Spans that cannot be put on the subword labels; ``issues`` lists them (offsets, types)."""

    def __init__(self, issues: Sequence[SpanIssue]) -> None:
        self.issues = tuple(issues)
        shown = "; ".join(i.describe() for i in self.issues[:10])
        more = f" (+{len(self.issues) - 10} more)" if len(self.issues) > 10 else ""
        super().__init__(f"{len(self.issues)} span(s) could not be aligned to subwords: {shown}{more}")


@attrs.frozen(slots=True)
class SpanIssue:
    """A gold span that did not align cleanly. ``reason``: ``no_token`` (nothing of it is in the
    tokens, e.g. truncated away), ``truncated`` (cut by the first/last token; the visible part is
    labelled as the inside of the entity) or ``collision`` (shares a word/subword with an earlier
    span, or overlaps it; the earlier span keeps the unit)."""

    start: int
    end: int
    label: str
    reason: str

    def describe(self) -> str:
        return f"{self.start}:{self.end} ({self.label}) {self.reason}"


@attrs.frozen(slots=True)
class Alignment:
    """Per-subword label ids (-100 = not trained) and the spans that did not align cleanly."""

    label_ids: tuple[int, ...]
    issues: tuple[SpanIssue, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.issues


@cache
def _space_code_points() -> np.ndarray:
    return np.array([c for c in range(0x110000) if chr(c).isspace()], dtype=np.uint32)


def _space_mask(text: str) -> np.ndarray:
    """(len(text),) bool: ``str.isspace()`` of every character (vectorised over code points)."""
    code_points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return np.isin(code_points, _space_code_points())


def _trim(is_space: np.ndarray, arr: np.ndarray) -> np.ndarray:
    n = len(is_space)
    positions = np.arange(n + 1)
    # next_text[i]: first non-space position >= i; after_text[i]: one past the last non-space < i.
    next_text = np.where(np.r_[~is_space, True], positions, n)
    next_text = np.minimum.accumulate(next_text[::-1])[::-1]
    after_text = np.maximum.accumulate(np.where(np.r_[False, ~is_space], positions, 0))
    start = np.minimum(next_text[arr[:, 0]], arr[:, 1])
    end = np.maximum(after_text[arr[:, 1]], start)
    return np.stack([start, end], axis=1)


def trim_offsets(text: str, offsets: np.ndarray | Sequence[Sequence[int]]) -> np.ndarray:
    """(T, 2) offsets with leading/trailing whitespace of each piece removed; a piece that is
    only whitespace (or a special) comes back empty (start == end)."""
    arr = np.array(offsets, dtype=np.int64).reshape(-1, 2) if len(offsets) else np.zeros((0, 2), dtype=np.int64)
    n = len(text)
    bad = np.flatnonzero((arr[:, 0] < 0) | (arr[:, 1] < arr[:, 0]) | (arr[:, 1] > n))
    if bad.size:
        i = int(bad[0])
        raise ValueError(
            f"token {i}: offsets {tuple(int(x) for x in arr[i])} are not a range inside the text (len {n})"
        )
    return _trim(_space_mask(text), arr)


def content_mask(trimmed: np.ndarray, special_mask: np.ndarray | None = None) -> np.ndarray:
    """(T,) True where a subword carries characters and is not a special."""
    mask = trimmed[:, 1] > trimmed[:, 0]
    if special_mask is not None:
        special = np.asarray(special_mask, dtype=bool)
        if special.shape != mask.shape:
            raise ValueError(f"special_mask has shape {special.shape}, expected {mask.shape}")
        mask &= ~special
    return mask


def word_ids(text: str, trimmed: np.ndarray, carries: np.ndarray) -> np.ndarray:
    """(T,) word index of each character-carrying subword, -1 elsewhere (see module docs)."""
    ids = np.full(len(trimmed), -1, dtype=np.intp)
    positions = np.flatnonzero(carries)
    if positions.size == 0:
        return ids
    spaces_before = np.r_[0, np.cumsum(_space_mask(text))]
    starts, ends = trimmed[positions, 0], trimmed[positions, 1]
    reach = np.maximum.accumulate(ends)[:-1]  # how far the text before each piece is covered
    gap_start = np.minimum(reach, starts[1:])
    no_space_between = spaces_before[starts[1:]] == spaces_before[gap_start]
    adjacent = np.diff(positions) == 1  # a special or whitespace-only piece in between ends the word
    new_word = np.r_[True, ~(adjacent & no_space_between)]
    ids[positions] = np.cumsum(new_word) - 1
    return ids


def label_positions(
    text: str,
    offsets: np.ndarray | Sequence[Sequence[int]],
    *,
    scheme: str = DEFAULT_SCHEME,
    special_mask: np.ndarray | None = None,
) -> np.ndarray:
    """(T,) bool: the positions that carry a label under ``scheme`` (the ``decode_mask`` of decoding)."""
    _check_scheme(scheme)
    trimmed = trim_offsets(text, offsets)
    carries = content_mask(trimmed, special_mask)
    if scheme == "all":
        return carries
    ids = word_ids(text, trimmed, carries)
    first = carries.copy()
    first[1:] &= ids[1:] != ids[:-1]
    return first


def _check_scheme(scheme: str) -> None:
    if scheme not in SCHEMES:
        raise ValueError(f"unknown labelling scheme {scheme!r}; choose from {', '.join(SCHEMES)}")


def _span_fields(span: Any) -> tuple[int, int, str]:
    if isinstance(span, Mapping):
        return int(span["start"]), int(span["end"]), str(span["label"])
    return int(span.start), int(span.end), str(span.label)


def _has_text(text: str, start: int, end: int) -> bool:
    return start < end and not text[start:end].isspace()


def _unit_tags(
    text: str, unit_ranges: list[tuple[int, int]], spans: Iterable[Any], ids: Mapping[str, int]
) -> tuple[list[int], list[SpanIssue]]:
    """BIOES label id per unit (text-ordered char ranges) plus the issues met on the way."""
    tags = [ids["O"]] * len(unit_ranges)
    issues: list[SpanIssue] = []
    starts = [u[0] for u in unit_ranges]
    ends = [u[1] for u in unit_ranges]
    # Window coverage: characters outside it were cut off by truncation, not left unlabelled.
    cover_start = starts[0] if unit_ranges else 0
    cover_end = max(ends) if unit_ranges else 0
    prev_end = -1
    for start, end, label in sorted((_span_fields(s) for s in spans), key=lambda f: (f[0], f[1])):
        if f"S-{label}" not in ids:
            raise ValueError(f"span {start}:{end}: unknown label {label!r} (not a KP type)")
        if end <= start:
            raise ValueError(f"span {start}:{end} ({label}): empty or inverted range")
        if start < prev_end:
            issues.append(SpanIssue(start, end, label, "collision"))
            continue
        prev_end = end
        members = overlapping_tokens(starts, ends, start, end)
        if not members:
            issues.append(SpanIssue(start, end, label, "no_token"))
            continue
        if any(tags[i] != ids["O"] for i in members):
            issues.append(SpanIssue(start, end, label, "collision"))
            continue
        cut_left = _has_text(text, start, min(end, cover_start))
        cut_right = _has_text(text, max(start, cover_end), end)
        if cut_left or cut_right:
            issues.append(SpanIssue(start, end, label, "truncated"))
        for pos, i in enumerate(members):
            opens = pos == 0 and not cut_left
            closes = pos == len(members) - 1 and not cut_right
            prefix = "S" if opens and closes else "B" if opens else "E" if closes else "I"
            tags[i] = ids[f"{prefix}-{label}"]
    return tags, issues


def align_spans(
    text: str,
    offsets: np.ndarray | Sequence[Sequence[int]],
    spans: Iterable[Any],
    *,
    scheme: str = DEFAULT_SCHEME,
    special_mask: np.ndarray | None = None,
) -> Alignment:
    """Training label ids for one tokenized text (or window) and a report of unaligned spans.

    ``spans`` are :class:`~kp_core.types.Span` objects or ``{start, end, label}`` mappings with KP
    labels (anything else is an error). Never raises for truncation or collisions: see ``issues``.
    """
    _check_scheme(scheme)
    ids = label2id()
    trimmed = trim_offsets(text, offsets)
    carries = content_mask(trimmed, special_mask)
    positions = np.flatnonzero(carries)
    if positions.size > 1 and (np.diff(trimmed[positions, 0]) < 0).any():
        bad = int(positions[1:][np.diff(trimmed[positions, 0]) < 0][0])
        raise ValueError(f"token {bad}: offsets go backwards; subword offsets must be in text order")
    out = np.full(len(trimmed), IGNORE_INDEX, dtype=np.int64)
    if scheme == "all":
        units = [(int(trimmed[i, 0]), int(trimmed[i, 1])) for i in positions]
        tags, issues = _unit_tags(text, units, spans, ids)
        out[positions] = tags
    else:
        words = word_ids(text, trimmed, carries)
        units: list[tuple[int, int]] = []
        heads = positions
        if positions.size:
            per_word = words[positions]
            head_at = np.flatnonzero(np.r_[True, per_word[1:] != per_word[:-1]])
            heads = positions[head_at]
            word_ends = np.maximum.reduceat(trimmed[positions, 1], head_at)
            units = [(int(trimmed[h, 0]), int(e)) for h, e in zip(heads, word_ends, strict=True)]
        tags, issues = _unit_tags(text, units, spans, ids)
        out[heads] = tags
    return Alignment(label_ids=tuple(int(x) for x in out), issues=tuple(issues))


def subword_label_ids(
    text: str,
    offsets: np.ndarray | Sequence[Sequence[int]],
    spans: Iterable[Any],
    *,
    scheme: str = DEFAULT_SCHEME,
    special_mask: np.ndarray | None = None,
) -> list[int]:
    """Training label ids (``kp_core.taxonomy.label2id()``; -100 = ignored) for one tokenized text.

    Raises :class:`SpanAlignmentError` when any span covers no token, is truncated, or collides;
    use :func:`align_spans` to get the labels together with the list of such spans instead.
    """
    result = align_spans(text, offsets, spans, scheme=scheme, special_mask=special_mask)
    if result.issues:
        raise SpanAlignmentError(result.issues)
    return list(result.label_ids)
