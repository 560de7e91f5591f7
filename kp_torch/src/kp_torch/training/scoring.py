"""The token-level eval loss of a torch token classifier on held-out training features (span
metrics are kp-core's one copy, :func:`kp_core.metrics.eval_split.span_metrics`)."""

from __future__ import annotations

from typing import Any

from kp_torch.training.features import TrainFeatures
from kp_torch.training.padding import pad_batch


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
