"""Word windows and merging, without a model."""

from __future__ import annotations

import random

import pytest

from kp_gliner.chunking import Candidate, merge_window_predictions, plan_windows


def _covered(windows, n):
    seen = set()
    for first, stop in windows:
        seen.update(range(first, stop))
    return seen == set(range(n))


@pytest.mark.parametrize("n", [0, 1, 5, 384, 385, 1000, 10_000])
def test_windows_cover_every_word_within_limits(n: int) -> None:
    windows, oversized = plan_windows(n, max_words=384, overlap=32)
    assert oversized == 0
    assert _covered(windows, n)
    assert all(0 < stop - first <= 384 for first, stop in windows)
    for (a1, b1), (a2, _) in zip(windows, windows[1:], strict=False):
        assert b1 - a2 == 32  # consecutive windows overlap by exactly the overlap
        assert a2 > a1
    if n <= 384:
        assert len(windows) == (1 if n else 0)


def test_subword_budget_is_respected() -> None:
    rng = random.Random(0)
    counts = [rng.randint(1, 9) for _ in range(3000)]
    windows, oversized = plan_windows(3000, max_words=384, overlap=20, subword_counts=counts, subword_budget=400)
    assert oversized == 0 and _covered(windows, 3000)
    assert all(sum(counts[a:b]) <= 400 for a, b in windows)
    assert max(b - a for a, b in windows) < 384  # the subword budget, not max_words, was binding


def test_a_word_longer_than_the_budget_gets_its_own_window() -> None:
    counts = [1, 1, 500, 1, 1]
    windows, oversized = plan_windows(5, max_words=10, overlap=1, subword_counts=counts, subword_budget=100)
    assert oversized == 1 and _covered(windows, 5)
    assert (2, 3) in windows


def test_bad_settings_are_errors() -> None:
    with pytest.raises(ValueError, match="max_words"):
        plan_windows(10, max_words=0, overlap=0)
    with pytest.raises(ValueError, match="overlap"):
        plan_windows(10, max_words=5, overlap=-1)


def test_merge_prefers_the_unclipped_copy_of_an_entity() -> None:
    windows = [(0, 10), (6, 16)]
    clipped = Candidate(first=8, last=9, label="PERSON", score=0.99)  # touches the cut at word 9
    whole = Candidate(first=8, last=10, label="PERSON", score=0.7)
    merged = merge_window_predictions([[clipped], [whole]], windows, 16)
    assert merged == [whole]


def test_merge_dedupes_and_resolves_overlaps_by_score() -> None:
    windows = [(0, 10), (5, 15)]
    a = Candidate(first=6, last=7, label="EMAIL", score=0.6)
    a_again = Candidate(first=6, last=7, label="EMAIL", score=0.8)
    rival = Candidate(first=7, last=8, label="PERSON", score=0.7)
    early = Candidate(first=1, last=2, label="DATE", score=0.9)
    merged = merge_window_predictions([[early, a], [a_again, rival]], windows, 15)
    assert merged == [early, a_again]


def test_edge_spans_are_kept_when_no_other_window_holds_them() -> None:
    windows = [(0, 10), (10, 20)]  # no overlap: nothing else can hold the boundary entity
    edge = Candidate(first=9, last=9, label="PHONE", score=0.9)
    assert merge_window_predictions([[edge], []], windows, 20) == [edge]
