"""Sliding windows: planning, merging, and decoding a long document window by window."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kp_core.decoding import decode_spans, kp_space, merge_window_logprobs, plan_windows


@settings(max_examples=200, deadline=None)
@given(n=st.integers(0, 3000), window=st.integers(1, 600), data=st.data())
def test_windows_cover_everything_with_the_requested_overlap(n, window, data):
    overlap = data.draw(st.integers(0, window - 1))
    windows = plan_windows(n, window, overlap)
    if n == 0:
        assert windows == []
        return
    assert windows[0][0] == 0 and windows[-1][1] == n
    for start, end in windows:
        assert 0 <= start < end <= n and end - start <= window
    for (s1, e1), (s2, e2) in zip(windows, windows[1:], strict=False):
        assert s1 < s2 and e1 < e2
        assert e1 - s2 >= overlap  # consecutive windows share at least `overlap` tokens
    if n <= window:
        assert windows == [(0, n)]
    else:
        # the fewest windows that can share `overlap`, all of one length, no longer than needed
        assert len(windows) == -(-(n - overlap) // (window - overlap))
        lengths = {e - s for s, e in windows}
        assert len(lengths) == 1
        length = lengths.pop()
        assert length * len(windows) - (len(windows) - 1) * overlap < n + len(windows)


def test_a_document_just_over_one_window_is_split_in_halves_not_two_full_windows():
    assert plan_windows(140, 126, 31) == [(0, 86), (54, 140)]
    assert plan_windows(127, 126, 0) == [(0, 64), (63, 127)]


def test_plan_windows_rejects_bad_arguments():
    for args in [(10, 0, 0), (10, 5, 5), (10, 5, -1), (-1, 5, 1)]:
        with pytest.raises(ValueError):
            plan_windows(*args)


def test_merge_averages_log_probabilities_over_covering_windows():
    windows = [(0, 3), (2, 5)]
    a = np.arange(6, dtype=float).reshape(3, 2)
    b = 10 + np.arange(6, dtype=float).reshape(3, 2)
    merged = merge_window_logprobs(5, windows, [a, b])
    np.testing.assert_allclose(merged[:2], a[:2])
    np.testing.assert_allclose(merged[2], (a[2] + b[0]) / 2)
    np.testing.assert_allclose(merged[3:], b[1:])


def test_merge_errors_name_the_window():
    with pytest.raises(ValueError, match="window 1"):
        merge_window_logprobs(5, [(0, 3), (2, 5)], [np.zeros((3, 2)), np.zeros((2, 2))])
    with pytest.raises(ValueError, match="covered by no window"):
        merge_window_logprobs(6, [(0, 3)], [np.zeros((3, 2))])
    with pytest.raises(ValueError, match="outside"):
        merge_window_logprobs(3, [(0, 4)], [np.zeros((4, 2))])


def _document(seed: int, n_words: int) -> tuple[str, np.ndarray, np.ndarray]:
    """A text of random words, one 'subword' per word, and model-like log-probabilities."""
    rng = np.random.default_rng(seed)
    words = ["".join(rng.choice(list("abcdefghij"), size=rng.integers(1, 6))) for _ in range(n_words)]
    text = " ".join(words)
    offsets, pos = [], 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    logits = rng.normal(0, 1.5, size=(n_words, len(kp_space())))
    logits[:, 0] += 2.5
    return text, np.array(offsets), logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 300), window=st.integers(8, 128), data=st.data())
def test_windowed_decoding_equals_single_window_decoding(seed, n, window, data):
    overlap = data.draw(st.integers(0, window - 1))
    text, offsets, lp = _document(seed, n)
    windows = plan_windows(n, window, overlap)
    # A model whose per-token output does not depend on context gives every window the same rows,
    # so merging must reproduce them and decoding must not change.
    merged = merge_window_logprobs(n, windows, [lp[s:e] for s, e in windows])
    np.testing.assert_allclose(merged, lp)
    windowed, whole = decode_spans(text, offsets, merged), decode_spans(text, offsets, lp)
    assert [(s.start, s.end, s.label) for s in windowed] == [(s.start, s.end, s.label) for s in whole]
    assert [s.score for s in windowed] == pytest.approx([s.score for s in whole], rel=1e-12)
    if n <= window:
        assert windows == [(0, n)]
