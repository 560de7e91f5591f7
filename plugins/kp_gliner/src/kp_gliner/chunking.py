"""Word windows for texts longer than a GLiNER model can read, and merging their predictions.

GLiNER reads at most ``max_len`` words (384 for most published models) and its tokenizer at most
``model_max_length`` subwords, prompt included; past either limit gliner truncates, silently for
the subwords. kp never lets that happen: a text is cut into windows of whole words that fit both
limits, consecutive windows overlap by ``overlap`` words, and predictions are mapped back to the
original text and merged. Torch-free, so it is tested on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs


@attrs.frozen
class Chunking:
    """How one text was cut: word windows ``[first, stop)`` and the character range of each."""

    words: int
    windows: tuple[tuple[int, int], ...]
    char_ranges: tuple[tuple[int, int], ...]
    max_words: int
    overlap: int
    subword_budget: int | None
    # Single words longer than the whole subword budget: read from their first subwords only.
    oversized_words: int = 0

    @property
    def chunked(self) -> bool:
        return len(self.windows) > 1

    @property
    def covered_words(self) -> int:
        seen = 0
        cursor = 0
        for first, stop in self.windows:
            seen += max(0, stop - max(first, cursor))
            cursor = max(cursor, stop)
        return seen

    def to_json(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "chunks": len(self.windows),
            "windows": [list(w) for w in self.windows],
            "char_ranges": [list(r) for r in self.char_ranges],
            "max_words": self.max_words,
            "overlap": self.overlap,
            "subword_budget": self.subword_budget,
            "covered_words": self.covered_words,
            "oversized_words": self.oversized_words,
        }


def plan_windows(
    n_words: int,
    *,
    max_words: int,
    overlap: int,
    subword_counts: Sequence[int] | None = None,
    subword_budget: int | None = None,
) -> tuple[list[tuple[int, int]], int]:
    """Greedy word windows covering ``n_words`` words: each at most ``max_words`` words and (when
    counts are given) ``subword_budget`` subwords; the next window starts ``overlap`` words before
    the previous one ended. Returns the windows and the number of oversized single words."""
    if max_words < 1:
        raise ValueError(f"max_words must be >= 1, got {max_words}")
    if overlap < 0:
        raise ValueError(f"overlap must be >= 0, got {overlap}")
    if subword_counts is not None and len(subword_counts) != n_words:
        raise ValueError(f"{len(subword_counts)} subword counts for {n_words} words")
    windows: list[tuple[int, int]] = []
    oversized = 0
    first = 0
    while first < n_words:
        stop, used = first, 0
        while stop < n_words and stop - first < max_words:
            cost = subword_counts[stop] if subword_counts is not None else 0
            if subword_budget is not None and used + cost > subword_budget:
                break
            used += cost
            stop += 1
        if stop == first:  # one word longer than the budget: it gets a window of its own
            oversized += 1
            stop = first + 1
        windows.append((first, stop))
        if stop >= n_words:
            break
        # Overlap never more than half the window, so every window moves forward.
        first = max(stop - min(overlap, (stop - first) // 2), first + 1)
    return windows, oversized


@attrs.frozen
class Candidate:
    """A predicted entity in global word indices (``last`` inclusive)."""

    first: int
    last: int
    label: str
    score: float


def _touches_cut(candidate: Candidate, window: tuple[int, int], n_words: int) -> bool:
    first, stop = window
    return (first > 0 and candidate.first == first) or (stop < n_words and candidate.last == stop - 1)


def merge_window_predictions(
    per_window: Sequence[Sequence[Candidate]], windows: Sequence[tuple[int, int]], n_words: int
) -> list[Candidate]:
    """One non-overlapping list from the predictions of overlapping windows.

    A prediction touching a window's cut edge may be a clipped entity; it is dropped when another
    window holds the same words well inside. The rest are merged greedily by score, as GLiNER's
    own flat decoding does inside one window, and returned by position.
    """
    kept: list[Candidate] = []
    for index, (candidates, window) in enumerate(zip(per_window, windows, strict=True)):
        for cand in candidates:
            if _touches_cut(cand, window, n_words) and any(
                other[0] <= cand.first and cand.last < other[1] and not _touches_cut(cand, other, n_words)
                for j, other in enumerate(windows)
                if j != index
            ):
                continue
            kept.append(cand)
    chosen: list[Candidate] = []
    for cand in sorted(kept, key=lambda c: (-c.score, c.first, c.last, c.label)):
        if all(cand.last < c.first or c.last < cand.first for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: (c.first, c.last))
