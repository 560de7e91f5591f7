"""Scoring a detector on a training run's eval split: strict entity P/R/F1 and F2 on the whitespace
grid with the harness's fairness mask, what the EuroPriv-Bench harness scores. Every family's
training run reports these through the driver; this is the one copy."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kp_core.encoding.grid import GoldAlignmentError, gold_bioes, predicted_bioes
from kp_core.metrics import entity_f1, entity_f2
from kp_core.metrics.tags import fairness_mask, tag_types
from kp_core.types import Example


def span_metrics(detector: Any, examples: Sequence[Example]) -> dict[str, float]:
    """Strict entity P/R/F1 and F2 of ``detector`` on ``examples``, with the harness's fairness mask.

    Examples whose gold spans cannot be put on the whitespace grid (two spans in one token) are not
    scorable the harness's way; they are counted in ``unscorable_docs``, never silently dropped.
    """
    predictions = detector.predict_spans([ex.text for ex in examples])
    gold_tags: list[list[str]] = []
    pred_tags: list[list[str]] = []
    unscorable = 0
    for example, spans in zip(examples, predictions, strict=True):
        try:
            gold = gold_bioes(example.text, example.spans)
        except GoldAlignmentError:
            unscorable += 1
            continue
        gold_tags.append(gold)
        pred_tags.append(predicted_bioes(example.text, spans))
    pred_tags = fairness_mask(pred_tags, tag_types(gold_tags))
    f1 = entity_f1(gold_tags, pred_tags)
    f2 = entity_f2(gold_tags, pred_tags)
    return {
        "precision": f1["precision"],
        "recall": f1["recall"],
        "f1": f1["f1"],
        "f2": f2["f2"],
        "docs": float(len(gold_tags)),
        "unscorable_docs": float(unscorable),
    }
