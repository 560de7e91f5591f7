"""Sliding windows for documents longer than a model's context, and merging their outputs."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def plan_windows(n_tokens: int, window: int, overlap: int) -> list[tuple[int, int]]:
    """Cover ``range(n_tokens)`` with ``[start, end)`` windows of at most ``window`` tokens.

    Consecutive windows share at least ``overlap`` tokens. A document longer than ``window`` gets
    the fewest windows that can do that, all of one length, spread evenly: a document a little
    longer than one window becomes two windows of about half, not two full ones that mostly
    repeat each other (the model's work grows with the tokens it sees, and every token still
    has at least ``overlap // 2`` tokens of context on the cut side).
    """
    if window <= 0:
        raise ValueError(f"window must be positive, got {window}")
    if not 0 <= overlap < window:
        raise ValueError(f"overlap must be in [0, window), got {overlap} for window {window}")
    if n_tokens < 0:
        raise ValueError(f"n_tokens must be >= 0, got {n_tokens}")
    if n_tokens == 0:
        return []
    if n_tokens <= window:
        return [(0, n_tokens)]
    count = -(-(n_tokens - overlap) // (window - overlap))
    length = -(-(n_tokens + (count - 1) * overlap) // count)  # <= window because count is enough
    stride = length - overlap
    starts = [min(i * stride, n_tokens - length) for i in range(count)]
    return [(s, s + length) for s in starts]


def merge_window_logprobs(
    n_tokens: int, windows: Sequence[tuple[int, int]], window_logprobs: Sequence[np.ndarray]
) -> np.ndarray:
    """(n_tokens, L) per-token mean of the log-probabilities of every window covering the token."""
    if len(windows) != len(window_logprobs):
        raise ValueError(f"{len(windows)} windows but {len(window_logprobs)} log-probability arrays")
    if not windows:
        if n_tokens:
            raise ValueError(f"no windows for {n_tokens} tokens")
        return np.zeros((0, 0))
    width = np.shape(window_logprobs[0])[-1]
    total = np.zeros((n_tokens, width))
    count = np.zeros(n_tokens, dtype=np.intp)
    for w, ((start, end), lp) in enumerate(zip(windows, window_logprobs, strict=True)):
        arr = np.asarray(lp, dtype=np.float64)
        if not 0 <= start < end <= n_tokens:
            raise ValueError(f"window {w} = [{start}, {end}) is outside [0, {n_tokens})")
        if arr.shape != (end - start, width):
            raise ValueError(f"window {w} = [{start}, {end}) has log-probabilities of shape {arr.shape}")
        total[start:end] += arr
        count[start:end] += 1
    uncovered = np.flatnonzero(count == 0)
    if uncovered.size:
        raise ValueError(f"{uncovered.size} tokens covered by no window (first at index {uncovered[0]})")
    return total / count[:, None]
