"""Rebuilding a privacy-filter model's classification head in the KP label space."""

from __future__ import annotations

from typing import Any

from kp_core.decoding import kp_space
from kp_torch.moe.labels import DEFAULT_MARGIN, head_plan, is_kp_space


def model_labels(model: Any) -> list[str]:
    id2label = model.config.id2label
    return [id2label[i] if i in id2label else id2label[str(i)] for i in range(len(id2label))]


def extend_head(model: Any, *, margin: float = DEFAULT_MARGIN) -> dict[str, Any]:
    """Replace ``model.score`` (openai's labels) by a KP head built by :func:`head_plan`, in place.

    A model already in the KP space is left as it is. Returns the record kp.json keeps: the base
    labels, the margin and, per KP label, its source row and bias offset.
    """
    import torch

    labels = model_labels(model)
    kp_labels = list(kp_space().labels)
    if is_kp_space(labels):
        return {"extended": False, "labels": kp_labels}
    plan = head_plan(labels, margin=margin)
    old = model.score
    rows = torch.tensor([src.base_row for src in plan], dtype=torch.long, device=old.weight.device)
    offsets = torch.tensor([src.bias_offset for src in plan], dtype=old.weight.dtype, device=old.weight.device)
    new = torch.nn.Linear(old.in_features, len(plan), bias=True, device=old.weight.device, dtype=old.weight.dtype)
    with torch.no_grad():
        new.weight.copy_(old.weight[rows])
        base_bias = old.bias[rows] if old.bias is not None else torch.zeros_like(offsets)
        new.bias.copy_(base_bias + offsets)
    model.score = new
    model.num_labels = len(plan)
    model.config.num_labels = len(plan)
    model.config.id2label = dict(enumerate(kp_labels))
    model.config.label2id = {label: i for i, label in enumerate(kp_labels)}
    return {
        "extended": True,
        "base_labels": labels,
        "labels": kp_labels,
        "new_type_margin": margin,
        "rows": {label: [labels[src.base_row], src.bias_offset] for label, src in zip(kp_labels, plan, strict=True)},
    }
