"""Scoring a detector on held-out examples: strict entity F1/F2 on the whitespace grid (what the
EuroPriv-Bench harness scores), plus the token-level eval loss."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kp_core.encoding.grid import GoldAlignmentError, gold_bioes, predicted_bioes
from kp_core.metrics import entity_f1, entity_f2
from kp_core.metrics.tags import fairness_mask, tag_types
from kp_core.types import Example
from kp_torch.training.padding import pad_batch
from kp_torch.training.loop import TrainFeatures


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


def eval_loss(model: Any, features: TrainFeatures, *, device: str, batch_size: int = 32) -> float:
    """Mean token cross-entropy over the labelled positions of ``features``."""
    import torch

    if not len(features):
        return float("nan")
    order = sorted(range(len(features)), key=lambda i: -len(features.input_ids[i]))
    total, count = 0.0, 0
    model.eval()
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            batch = pad_batch([features.input_ids[i] for i in idx], [features.labels[i] for i in idx], features.pad_id)
            batch = {k: v.to(device) for k, v in batch.items()}
            logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits
            labels = batch["labels"]
            loss = torch.nn.functional.cross_entropy(
                logits.float().reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=-100, reduction="sum"
            )
            total += float(loss)
            count += int((labels != -100).sum())
    return total / max(count, 1)
