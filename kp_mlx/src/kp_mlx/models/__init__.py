"""MLX token-classification modules by ``config.json`` ``model_type``, and loading them from a folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import mlx.core as mx
import mlx.nn as nn

from kp_mlx.checkpoint import CheckpointError, id2label, load_weights, read_config

ENCODER_TYPES = ("bert", "roberta", "xlm-roberta", "camembert")
PRIVACY_FILTER_TYPES = ("openai_privacy_filter",)
SUPPORTED_TYPES = ENCODER_TYPES + PRIVACY_FILTER_TYPES


def build_model(config: dict[str, Any], *, source: str = "config.json") -> nn.Module:
    """An uninitialised MLX module for the config (weights come from :func:`load_model`)."""
    model_type = config.get("model_type")
    config = {**config, "id2label": dict(enumerate(id2label(config, source=source)))}
    if model_type in ENCODER_TYPES:
        from kp_mlx.models.bert import BertForTokenClassification

        return BertForTokenClassification(config)
    if model_type in PRIVACY_FILTER_TYPES:
        from kp_mlx.models.privacy_filter import PrivacyFilterForTokenClassification

        return PrivacyFilterForTokenClassification(config)
    raise CheckpointError(
        f"{source}: model_type {model_type!r} has no MLX implementation in kp-mlx "
        f"(supported: {', '.join(SUPPORTED_TYPES)})"
    )


def quantizable(group_size: int) -> Callable[[str, nn.Module], bool]:
    """Layers whose input width splits into ``group_size`` groups (others stay in float)."""

    def predicate(path: str, module: nn.Module) -> bool:
        if not hasattr(module, "to_quantized"):
            return False
        if isinstance(module, nn.Embedding | nn.Linear):
            return module.weight.shape[-1] % group_size == 0
        experts = getattr(module, "gate_up_proj", None)
        down = getattr(module, "down_proj", None)
        return (
            experts is not None
            and down is not None
            and experts.shape[1] % group_size == 0
            and down.shape[1] % group_size == 0
        )

    return predicate


def load_model(folder: Path, *, dtype: Any = None) -> tuple[nn.Module, dict[str, Any]]:
    """(module in eval mode with the folder's weights, config). Quantized exports re-quantize the
    same layers (those whose ``scales`` are in the file) before loading."""
    folder = Path(folder)
    config = read_config(folder)
    model = build_model(config, source=str(folder / "config.json"))
    weights = load_weights(folder)
    quant = config.get("quantization")
    if quant:
        group_size, bits = int(quant["group_size"]), int(quant["bits"])
        nn.quantize(
            model,
            group_size=group_size,
            bits=bits,
            mode=quant.get("mode", "affine"),
            class_predicate=lambda path, m: hasattr(m, "to_quantized") and _quantized_in(path, m, weights),
        )
    elif dtype is not None:
        weights = {k: v.astype(dtype) if mx.issubdtype(v.dtype, mx.floating) else v for k, v in weights.items()}
    _check_keys(model, weights, folder)
    model.load_weights(list(weights.items()), strict=True)
    mx.eval(model.parameters())
    model.eval()
    return model, config


def _quantized_in(path: str, module: nn.Module, weights: dict[str, Any]) -> bool:
    if isinstance(module, nn.Embedding | nn.Linear):
        return f"{path}.scales" in weights
    return f"{path}.gate_up_proj_scales" in weights


def _check_keys(model: nn.Module, weights: dict[str, Any], folder: Path) -> None:
    from mlx.utils import tree_flatten

    expected = {k for k, _ in tree_flatten(model.parameters())}
    # Buffers transformers may save that the MLX modules recompute (position ids, rotary tables).
    extra = {k for k in set(weights) - expected if not k.endswith(("position_ids", "inv_freq", "token_type_ids"))}
    missing = expected - set(weights)
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing {len(missing)} tensor(s), e.g. {', '.join(sorted(missing)[:3])}")
        if extra:
            parts.append(f"unexpected {len(extra)} tensor(s), e.g. {', '.join(sorted(extra)[:3])}")
        raise CheckpointError(f"{folder}: weights do not match the config's architecture: {'; '.join(parts)}")
    for key in set(weights) - expected:
        weights.pop(key)
