"""Classifier metrics: AUROC (exact, ties shared) and ECE (15 equal-width bins) against hand
computed cases and plain references; the bootstrap report of a small hand-made case."""

from __future__ import annotations

import itertools
import random

import pytest

from kp_core.classification import DOC_LABELS, PERSONAL_DATA, DocLabels, DocPrediction
from kp_core.classification.metrics import auroc, evaluate_classifier, expected_calibration_error, format_report


def pairwise_auroc(labels: list[int], scores: list[float]) -> float:
    """The definition: P(score of a positive > score of a negative), a tie counting one half."""
    pos = [s for y, s in zip(labels, scores, strict=True) if y]
    neg = [s for y, s in zip(labels, scores, strict=True) if not y]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p, n in itertools.product(pos, neg))
    return wins / (len(pos) * len(neg))


def binned_ece(labels: list[int], scores: list[float], bins: int = 15) -> float:
    """The definition with explicit edges: bin k holds [k/bins, (k+1)/bins), the last one closed."""
    total = 0.0
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        inside = [
            (y, s) for y, s in zip(labels, scores, strict=True) if low <= s < high or (k == bins - 1 and s == 1.0)
        ]
        if inside:
            accuracy = sum(y for y, _ in inside) / len(inside)
            confidence = sum(s for _, s in inside) / len(inside)
            total += len(inside) / len(scores) * abs(accuracy - confidence)
    return total


def test_auroc_hand_cases() -> None:
    assert auroc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == pytest.approx(0.75)
    assert auroc([0, 1], [0.2, 0.9]) == 1.0 and auroc([1, 0], [0.2, 0.9]) == 0.0
    assert auroc([1, 0], [0.5, 0.5]) == 0.5  # a tie is half a win
    # positives 0.9, 0.5, 0.1 against negatives 0.5, 0.2: 2 + 1.5 + 0 wins of 6 pairs
    assert auroc([1, 1, 0, 0, 1], [0.9, 0.5, 0.5, 0.2, 0.1]) == pytest.approx(3.5 / 6)
    assert auroc([1, 1], [0.3, 0.4]) is None and auroc([0], [0.3]) is None


def test_auroc_matches_the_pairwise_definition_with_many_ties() -> None:
    rng = random.Random(7)
    for _ in range(50):
        n = rng.randint(2, 40)
        labels = [rng.randint(0, 1) for _ in range(n)]
        scores = [rng.choice((0.0, 0.25, 0.5, 0.75, 1.0)) if rng.random() < 0.5 else rng.random() for _ in range(n)]
        if 0 < sum(labels) < n:
            assert auroc(labels, scores) == pytest.approx(pairwise_auroc(labels, scores), abs=1e-12)


def test_ece_hand_cases() -> None:
    # bin [1/15, 2/15): accuracy 0.5, confidence 0.1; bin [13/15, 14/15): accuracy 1, confidence 0.9
    assert expected_calibration_error([0, 1, 1, 1], [0.1, 0.1, 0.9, 0.9]) == pytest.approx(0.5 * 0.4 + 0.5 * 0.1)
    assert expected_calibration_error([1], [1.0]) == 0.0  # 1.0 falls in the last bin
    assert expected_calibration_error([0, 1], [0.0, 1.0]) == 0.0
    assert expected_calibration_error([1, 1], [0.5, 0.5]) == pytest.approx(0.5)


def test_ece_matches_the_binned_definition() -> None:
    rng = random.Random(3)
    for _ in range(50):
        n = rng.randint(1, 60)
        labels = [rng.randint(0, 1) for _ in range(n)]
        scores = [rng.choice((0.0, 1.0, 1 / 15, 2 / 15, 0.5)) if rng.random() < 0.3 else rng.random() for _ in range(n)]
        assert expected_calibration_error(labels, scores) == pytest.approx(binned_ece(labels, scores), abs=1e-12)


def _prediction(score: float, types: set[str]) -> DocPrediction:
    scores = dict.fromkeys(DOC_LABELS, 0.0)
    scores[PERSONAL_DATA] = score
    scores.update(dict.fromkeys(types, 0.9))
    return DocPrediction.from_scores(scores, dict.fromkeys(DOC_LABELS, 0.5))


def test_the_report_of_a_hand_case() -> None:
    gold = [
        DocLabels(frozenset({"EMAIL"}), "direct"),
        DocLabels(frozenset({"DATE"}), "quasi"),
        DocLabels(frozenset(), "none"),
        DocLabels(frozenset(), "none"),
    ]
    predicted = [
        _prediction(0.9, {"EMAIL"}),  # right: PERSONAL_DATA and EMAIL, level direct
        _prediction(0.3, set()),  # missed: PERSONAL_DATA and DATE, level none instead of quasi
        _prediction(0.6, {"EMAIL"}),  # false alarm: PERSONAL_DATA and EMAIL, level direct
        _prediction(0.1, set()),  # right
    ]
    report = evaluate_classifier(gold, predicted, resamples=200, seed=1)
    # PERSONAL_DATA: TP 1, FP 1, FN 1; EMAIL: TP 1, FP 1; DATE: FN 1. Micro: TP 2, FP 2, FN 2
    assert report["labels"][PERSONAL_DATA]["f1"] == pytest.approx(0.5)
    assert report["labels"]["EMAIL"]["precision"] == 0.5 and report["labels"]["EMAIL"]["recall"] == 1.0
    assert report["labels"]["DATE"]["f1"] == 0.0 and report["labels"]["DATE"]["support"] == 1
    assert report["micro_f1"]["value"] == pytest.approx(0.5)
    assert report["macro_f1"]["value"] == pytest.approx((0.5 + 2 / 3 + 0.0) / 3)
    assert report["level_accuracy"]["value"] == 0.5
    # PERSONAL_DATA scores: positives 0.9, 0.3 against negatives 0.6, 0.1: 3 wins of 4
    assert report["personal_data_auroc"]["value"] == pytest.approx(0.75)
    assert report["personal_data_ece"]["value"] == pytest.approx(binned_ece([1, 1, 0, 0], [0.9, 0.3, 0.6, 0.1]))
    for key in ("micro_f1", "macro_f1", "personal_data_auroc", "personal_data_ece", "level_accuracy"):
        low, high = report[key]["ci"]
        assert low <= report[key]["value"] <= high, key
    assert evaluate_classifier(gold, predicted, resamples=200, seed=1) == report  # seeded
    assert evaluate_classifier(gold, predicted, resamples=200, seed=2) != report
    table = format_report(report, "kwcls on gold")
    assert "PERSONAL_DATA AUROC" in table and "0.7500" in table and "EMAIL" in table and "PERSON " not in table
