"""The statistics of ``kp compare``: exact McNemar against hand-computed binomial values, the
seeded paired bootstrap of an F1 difference, the per-unit outcomes, and the verdict rule
(Bonferroni, win / worse / not significant)."""

from __future__ import annotations

import random

import attrs
import numpy as np
import pytest

from kp_core.evaluation.compare_verdict import NOT_SIGNIFICANT, WIN, WORSE, judge, verdict
from kp_core.evaluation.head_to_head import PairStats, SystemScore, compare_systems, masked_tags, score_system
from kp_core.evaluation.spec import default_spec
from kp_core.metrics.detection import entity_f1
from kp_core.metrics.significance import (
    document_resamples,
    mcnemar_exact,
    mcnemar_from_outcomes,
    paired_bootstrap_f1,
)
from kp_core.types import Span


def _score(name: str, outcomes: list[bool], doc_counts: list[tuple[int, int, int]], f1: float) -> SystemScore:
    result = {"scores": {"entity_f1": {"precision": f1, "recall": f1, "f1": f1}}}
    return SystemScore(
        name=name,
        result=result,
        doc_counts=np.asarray(doc_counts, dtype=np.int64),
        outcomes={"subject": outcomes, "entity": outcomes},
    )


# --- McNemar ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("b", "c", "expected"),
    [
        # p = 2 * sum_{i<=min(b,c)} C(n, i) / 2^n, worked by hand:
        (8, 2, 2 * (1 + 10 + 45) / 1024),  # n=10: 112/1024 = 0.109375
        (9, 1, 2 * (1 + 10) / 1024),  # n=10: 22/1024 = 0.021484375
        (5, 0, 2 * 1 / 32),  # n=5: 0.0625, never below 0.05 with five discordant units
        (6, 0, 2 * 1 / 64),  # n=6: 0.03125
        (3, 3, 1.0),  # 2 * (1+6+15+20)/64 = 84/64, capped at 1
        (0, 0, 1.0),  # no discordant unit
    ],
)
def test_mcnemar_exact_p_is_the_hand_computed_binomial(b, c, expected):
    assert mcnemar_exact(b, c).p_value == pytest.approx(expected, abs=0, rel=1e-15)
    assert mcnemar_exact(c, b).p_value == mcnemar_exact(b, c).p_value


def test_a_pair_counts_b_and_c_from_paired_outcomes():
    a = [True] * 9 + [False] + [True] * 5 + [False] * 3
    b = [False] * 9 + [True] + [True] * 5 + [False] * 3
    first, second = _score("A", a, [(1, 1, 1)], 1.0), _score("B", b, [(0, 0, 1)], 0.0)
    indices = document_resamples(1, resamples=10, seed=1)
    stats = compare_systems(first, second, unit="subject", indices=indices, seed=1)
    assert (stats.mcnemar.b, stats.mcnemar.c) == (9, 1)
    assert stats.mcnemar.p_value == 22 / 1024
    assert stats.units == len(a)


# --- the paired bootstrap of the F1 difference -------------------------------------------------------


def _counts(rng: random.Random, n: int, hit: float) -> np.ndarray:
    rows = []
    for _ in range(n):
        gold = rng.randrange(1, 6)
        tp = sum(rng.random() < hit for _ in range(gold))
        rows.append((tp, tp + rng.randrange(0, 2), gold))
    return np.asarray(rows, dtype=np.int64)


def test_document_resamples_follow_the_recipe():
    got = document_resamples(7, resamples=3, seed=42)
    rng = random.Random(42)
    expected = [[rng.randrange(7) for _ in range(7)] for _ in range(3)]
    assert got.tolist() == expected


def test_paired_bootstrap_is_deterministic_under_a_seed():
    rng = random.Random(0)
    a, b = _counts(rng, 50, 0.9), _counts(rng, 50, 0.6)
    first = paired_bootstrap_f1(a, b, resamples=500, seed=7)
    again = paired_bootstrap_f1(a, b, resamples=500, seed=7)
    other = paired_bootstrap_f1(a, b, resamples=500, seed=8)
    assert np.array_equal(first.deltas, again.deltas)
    assert first.to_json() == again.to_json()
    assert not np.array_equal(first.deltas, other.deltas)
    assert first.delta == other.delta  # the point estimate does not depend on the seed


def test_paired_bootstrap_difference_and_interval():
    rng = random.Random(3)
    a, b = _counts(rng, 80, 0.95), _counts(rng, 80, 0.5)
    result = paired_bootstrap_f1(a, b, resamples=1000, seed=11)

    def f1(total):
        tp, pred, gold = (int(x) for x in total)
        p, r = tp / pred, tp / gold
        return 2 * p * r / (p + r)

    assert result.delta == pytest.approx(f1(a.sum(axis=0)) - f1(b.sum(axis=0)), abs=1e-15)
    low, high = result.interval(0.95)
    assert (low, high) == (float(result.deltas[25]), float(result.deltas[975]))
    assert 0 < low < result.delta < high
    wider = result.interval(1 - 0.05 / 8)
    assert wider[0] <= low and wider[1] >= high
    assert result.p_value == 2 / 1001  # every resample above 0: the smallest p 1000 resamples give


def test_paired_bootstrap_of_equal_systems_is_zero_and_not_significant():
    a = _counts(random.Random(5), 30, 0.7)
    result = paired_bootstrap_f1(a, a.copy(), resamples=200, seed=1)
    assert result.delta == 0.0 and result.interval() == (0.0, 0.0) and result.p_value == 1.0


def test_paired_bootstrap_refuses_unpaired_counts():
    with pytest.raises(ValueError, match="shape"):
        paired_bootstrap_f1(np.zeros((3, 3)), np.zeros((4, 3)))


# --- outcomes from rows: the one scoring path -----------------------------------------------------------


def _row(text: str, spans: list[tuple[str, str]]) -> dict:
    out = []
    for value, label in spans:
        start = text.index(value)
        out.append({"start": start, "end": start + len(value), "label": label})
    return {"text": text, "spans": out}


ROWS = [
    _row("Ana Pop met Ion Dan on 2020-01-02 and Ana Pop again", [("Ana Pop", "PERSON"), ("Ion Dan", "PERSON"), ("2020-01-02", "DATE")]),
    _row("Write to a@b.example now", [("a@b.example", "EMAIL")]),
]  # fmt: skip


def _spans(row: dict, keep) -> list[Span]:
    return [Span(s["start"], s["end"], s["label"]) for i, s in enumerate(row["spans"]) if keep(i, s)]


def test_score_system_units_and_f1_match_the_scoring_path(tmp_path):
    # "Ana Pop" appears twice in the text but is annotated once here: one subject per (doc, type, value).
    spec = default_spec(tmp_path / "toy.jsonl", ROWS)
    spans = [_spans(ROWS[0], lambda i, s: s["label"] == "PERSON"), _spans(ROWS[1], lambda i, s: True)]
    score = score_system(spec, ROWS, spans, name="x", model_id="x")
    assert score.outcomes["entity"] == [True, True, False, True]
    assert score.outcomes["subject"] == [True, True, False, True]
    tp, pred, gold = score.doc_counts.sum(axis=0)
    assert (tp, pred, gold) == (3, 3, 4)
    assert score.f1 == score.result["scores"]["entity_f1"]["f1"] == pytest.approx(2 * 1 * 0.75 / 1.75)


def test_a_subject_is_detected_only_when_every_occurrence_is():
    rows = [_row("Ana Pop and Ana Pop", [])]
    rows[0]["spans"] = [{"start": 0, "end": 7, "label": "PERSON"}, {"start": 12, "end": 19, "label": "PERSON"}]
    spec = default_spec("toy.jsonl", rows)
    one = score_system(spec, rows, [[Span(0, 7, "PERSON")]], name="one", model_id="one")
    both = score_system(spec, rows, [[Span(0, 7, "PERSON"), Span(12, 19, "PERSON")]], name="both", model_id="both")
    assert one.outcomes["subject"] == [False] and both.outcomes["subject"] == [True]
    assert one.outcomes["entity"] == [True, False] and both.outcomes["entity"] == [True, True]


def test_the_f1_of_the_counts_equals_the_result_rows(dev_rows):
    rows = dev_rows["it"][:30]
    spec = default_spec("it_realskeleton_rows.json", rows)
    spans = [_spans(r, lambda i, s: i % 2 == 0) for r in rows]
    score = score_system(spec, rows, spans, name="half", model_id="half")
    tp, pred, gold = (int(x) for x in score.doc_counts.sum(axis=0))
    p, r = tp / pred, tp / gold
    assert score.f1 == pytest.approx(2 * p * r / (p + r), abs=1e-15)
    gold_tags, masked = masked_tags(rows, spans)
    assert score.f1 == entity_f1(gold_tags, masked)["f1"]
    assert len(score.outcomes["entity"]) == gold == sum(len(r["spans"]) for r in rows)


# --- the verdict ---------------------------------------------------------------------------------------


def _pair(b: int, c: int, a_hit: float, b_hit: float, name: str = "B") -> PairStats:
    rng = random.Random(9)
    a_counts, b_counts = _counts(rng, 60, a_hit), _counts(rng, 60, b_hit)
    outcomes_a = [True] * b + [False] * c
    outcomes_b = [False] * b + [True] * c
    return PairStats(
        a="A",
        b=name,
        f1_a=0.0,
        f1_b=0.0,
        unit="subject",
        units=b + c,
        mcnemar=mcnemar_from_outcomes(outcomes_a, outcomes_b),
        bootstrap=paired_bootstrap_f1(a_counts, b_counts, resamples=1000, seed=1),
    )


def test_judge_win_worse_and_not_significant():
    assert judge("it", _pair(30, 0, 0.95, 0.4), alpha=0.05, comparisons=1).status == WIN
    assert judge("it", _pair(0, 30, 0.95, 0.4), alpha=0.05, comparisons=1).status == WORSE  # McNemar the other way
    assert judge("it", _pair(30, 0, 0.4, 0.95), alpha=0.05, comparisons=1).status == WORSE  # F1 the other way
    flat = judge("it", _pair(3, 3, 0.9, 0.4), alpha=0.05, comparisons=1)
    assert flat.status == NOT_SIGNIFICANT and "McNemar" in flat.reason


def test_bonferroni_adjusts_p_and_widens_the_interval():
    pair = _pair(9, 1, 0.95, 0.4)  # exact p = 0.0215: significant alone, not among four comparisons
    alone = judge("it", pair, alpha=0.05, comparisons=1)
    among_four = judge("it", pair, alpha=0.05, comparisons=4)
    assert alone.status == WIN and alone.mcnemar_p_adjusted == 22 / 1024
    assert among_four.status == NOT_SIGNIFICANT and among_four.mcnemar_p_adjusted == 4 * 22 / 1024
    assert among_four.ci_level == 1 - 0.05 / 4
    assert among_four.ci_low <= alone.ci_low and among_four.ci_high >= alone.ci_high


def test_verdict_best_only_when_every_comparison_wins():
    wins = [("it", _pair(40, 0, 0.95, 0.4, "B")), ("dk", _pair(40, 0, 0.95, 0.4, "C"))]
    best = verdict("A", wins, alpha=0.05)
    assert best.best and best.comparisons == 2
    assert best.line.startswith("verdict: A is best: it beats B, C significantly on every slice (it, dk;")
    mixed = verdict("A", [*wins, ("se", _pair(0, 40, 0.4, 0.95, "B"))], alpha=0.05)
    assert not mixed.best
    assert "worse on se vs B" in mixed.line and "on it vs" not in mixed.line
    assert [f.slice for f in mixed.failures] == ["se"]
    assert not verdict("A", [], alpha=0.05).best


def test_a_mcnemar_win_with_an_f1_interval_over_zero_is_not_significant():
    counts = _counts(random.Random(2), 60, 0.8)
    pair = attrs.evolve(_pair(30, 0, 0.9, 0.4), bootstrap=paired_bootstrap_f1(counts, counts.copy(), resamples=200))
    judged = judge("it", pair, alpha=0.05, comparisons=1)
    assert judged.status == NOT_SIGNIFICANT
    assert "includes 0" in judged.reason and "McNemar" not in judged.reason
