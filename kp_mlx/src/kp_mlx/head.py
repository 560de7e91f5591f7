"""Giving a base model the 73-label KP head, keeping what its own head knew where labels map."""

from __future__ import annotations

from typing import Any

import mlx.core as mx
import mlx.nn as nn

from kp_core.taxonomy import bioes_labels


def kp_label_source(base_labels: list[str], scheme: str | None) -> dict[int, int]:
    """KP label index -> base label index, for base labels that name the same tag.

    Base labels are KP labels already, or a scheme's native types (``B-private_person``) mapped
    through ``kp_core.taxonomy.crosswalk`` (e.g. the ``openai`` scheme for openai/privacy-filter).
    """
    from kp_core.taxonomy.crosswalk import to_kp

    wanted = {label: i for i, label in enumerate(bioes_labels())}
    source: dict[int, int] = {}
    for j, label in enumerate(base_labels):
        if label == "O":
            kp = "O"
        else:
            prefix, _, native = label.partition("-")
            kind = native if native in {t.split("-", 1)[-1] for t in wanted} else None
            if kind is None and scheme:
                kind = to_kp(scheme, native)
            kp = f"{prefix}-{kind}" if kind else None
        if kp in wanted and wanted[kp] not in source:
            source[wanted[kp]] = j
    return source


def extend_head(model: nn.Module, config: dict[str, Any], *, scheme: str | None, seed: int) -> dict[str, Any]:
    """Replace the head with one over the KP labels; rows of labels the base head had are copied.

    Returns the config with the KP ``id2label``/``label2id``.
    """
    labels = list(bioes_labels())
    base_labels = [config["id2label"][k] for k in sorted(config["id2label"], key=int)]
    head = getattr(model, model.head_name)
    if base_labels == labels:
        return config
    old_w, old_b = head.weight, head.parameters().get("bias")
    std = float(config.get("initializer_range", 0.02))
    mx.random.seed(seed)
    weight = mx.random.normal((len(labels), old_w.shape[1])) * std
    bias = mx.zeros((len(labels),))
    for kp_index, base_index in kp_label_source(base_labels, scheme).items():
        weight[kp_index] = old_w[base_index]
        if old_b is not None:
            bias[kp_index] = old_b[base_index]
    new = nn.Linear(old_w.shape[1], len(labels))
    new.weight, new.bias = weight.astype(old_w.dtype), bias.astype(old_w.dtype)
    setattr(model, model.head_name, new)
    return {
        **config,
        "id2label": {str(i): label for i, label in enumerate(labels)},
        "label2id": {label: i for i, label in enumerate(labels)},
    }
