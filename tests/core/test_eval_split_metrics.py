"""span_metrics: the one scoring of a training run's eval split (strict entity F1/F2 on the whitespace grid)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from kp_core.metrics.eval_split import span_metrics
from kp_core.types import Example, Span


class FakeDetector:
    """Answers each text with the spans it was given for it (no model)."""

    def __init__(self, answers: dict[str, list[Span]]) -> None:
        self.answers = answers
        self.asked: list[list[str]] = []

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        self.asked.append(list(texts))
        return [list(self.answers.get(text, [])) for text in texts]


def _span(text: str, part: str, label: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), label)


TEXT_A = "Ana Popa wrote to ana@example.ro yesterday."
TEXT_B = "Call Ion Rusu on Monday."
GOLD = {
    TEXT_A: [_span(TEXT_A, "Ana Popa", "PERSON"), _span(TEXT_A, "ana@example.ro", "EMAIL")],
    TEXT_B: [_span(TEXT_B, "Ion Rusu", "PERSON")],
}
EXAMPLES = [Example(text, tuple(spans)) for text, spans in GOLD.items()]


def test_perfect_predictions_score_one() -> None:
    detector = FakeDetector(GOLD)
    got = span_metrics(detector, EXAMPLES)
    assert got["precision"] == got["recall"] == got["f1"] == got["f2"] == 1.0
    assert got["docs"] == len(EXAMPLES) and got["unscorable_docs"] == 0.0
    assert detector.asked == [[ex.text for ex in EXAMPLES]]  # one batched call


def test_a_missed_span_lowers_recall_not_precision() -> None:
    found = {TEXT_A: GOLD[TEXT_A], TEXT_B: []}  # Ion Rusu missed
    got = span_metrics(FakeDetector(found), EXAMPLES)
    gold_count = sum(len(spans) for spans in GOLD.values())
    right = len(GOLD[TEXT_A])
    recall = right / gold_count
    assert got["precision"] == 1.0
    assert got["recall"] == pytest.approx(recall)
    assert got["f1"] == pytest.approx(2 * recall / (1 + recall))
    assert got["f2"] == pytest.approx(5 * recall / (4 + recall))


def test_a_document_off_the_whitespace_grid_is_counted_not_scored() -> None:
    joined = "Mail ana@example.ro,ion@example.ro today."
    token = "ana@example.ro,ion@example.ro"
    start = joined.index(token)
    two_in_one_token = Example(
        joined,
        (Span(start, start + 14, "EMAIL"), Span(start + 15, start + len(token), "EMAIL")),
    )
    got = span_metrics(FakeDetector(GOLD), [*EXAMPLES, two_in_one_token])
    assert got["unscorable_docs"] == 1.0
    assert got["docs"] == len(EXAMPLES)
    assert got["f1"] == 1.0  # the unscorable document does not count against the detector


def test_a_predicted_type_absent_from_gold_is_masked_out() -> None:
    only_persons = [Example(TEXT_B, tuple(GOLD[TEXT_B]))]
    extra_type = {TEXT_B: [*GOLD[TEXT_B], _span(TEXT_B, "Monday", "DATE")]}
    got = span_metrics(FakeDetector(extra_type), only_persons)
    assert got["precision"] == got["f1"] == 1.0  # DATE is in no gold document: the harness ignores it


def test_a_wrong_prediction_of_a_gold_type_still_counts() -> None:
    wrong_person = {TEXT_A: [*GOLD[TEXT_A], _span(TEXT_A, "yesterday", "PERSON")], TEXT_B: GOLD[TEXT_B]}
    got = span_metrics(FakeDetector(wrong_person), EXAMPLES)
    gold_count = sum(len(spans) for spans in GOLD.values())
    assert got["recall"] == 1.0
    assert got["precision"] == pytest.approx(gold_count / (gold_count + 1))
