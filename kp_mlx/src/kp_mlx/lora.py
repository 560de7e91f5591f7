"""LoRA for the MLX modules, with adapters saved in PEFT's file format.

``adapter_model.safetensors`` holds ``base_model.model.<path>.lora_A.weight`` (r, in) and
``lora_B.weight`` (out, r) per adapted Linear plus the trained head as
``base_model.model.<head>.weight``/``bias``; ``adapter_config.json`` carries r, alpha and the
targets. So the adapters reload here and in PEFT on the torch side alike.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import mlx.core as mx
import mlx.nn as nn
from mlx.utils import tree_unflatten

from kp_mlx.checkpoint import CheckpointError, read_json_object, write_json

ADAPTER_WEIGHTS = "adapter_model.safetensors"
ADAPTER_CONFIG = "adapter_config.json"
_PREFIX = "base_model.model."

# The attention projections of each architecture (the targets when --option lora_targets is unset).
DEFAULT_TARGETS: dict[str, tuple[str, ...]] = {
    "openai_privacy_filter": ("q_proj", "k_proj", "v_proj", "o_proj"),
    "bert": ("query", "key", "value"),
    "roberta": ("query", "key", "value"),
    "xlm-roberta": ("query", "key", "value"),
    "camembert": ("query", "key", "value"),
}


class LoRALinear(nn.Module):
    """``base(x) + scale * dropout(x) @ A.T @ B.T`` with ``base`` frozen; B starts at zero."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float, dropout: float = 0.0) -> None:
        super().__init__()
        out_dim, in_dim = base.weight.shape
        self.base = base
        bound = 1.0 / math.sqrt(in_dim)  # PEFT's kaiming-uniform(a=sqrt(5)) bound
        self.lora_A = mx.random.uniform(-bound, bound, (rank, in_dim))
        self.lora_B = mx.zeros((out_dim, rank))
        self.scale = alpha / rank
        self.dropout = nn.Dropout(dropout)

    def __call__(self, x: mx.array) -> mx.array:
        return self.base(x) + (self.dropout(x) @ self.lora_A.T @ self.lora_B.T) * self.scale

    def merged(self) -> nn.Linear:
        out_dim, in_dim = self.base.weight.shape
        has_bias = "bias" in self.base
        linear = nn.Linear(in_dim, out_dim, bias=has_bias)
        linear.weight = self.base.weight + self.scale * (self.lora_B @ self.lora_A).astype(self.base.weight.dtype)
        if has_bias:
            linear.bias = self.base.bias
        return linear


def _matches(path: str, targets: Sequence[str]) -> bool:
    return path.rsplit(".", 1)[-1] in targets


def apply_lora(model: nn.Module, targets: Sequence[str], *, rank: int, alpha: float, dropout: float) -> list[str]:
    """Wrap every Linear whose name is in ``targets``; freeze all but the adapters and the head."""
    paths = [p for p, m in model.named_modules() if isinstance(m, nn.Linear) and _matches(p, targets)]
    head = model.head_name
    paths = [p for p in paths if p != head]
    if not paths:
        raise ValueError(f"LoRA targets {', '.join(targets)} match no Linear layer of this model")
    modules = dict(model.named_modules())
    model.update_modules(tree_unflatten([(p, LoRALinear(modules[p], rank, alpha, dropout)) for p in paths]))
    model.freeze()
    for module in lora_modules(model).values():
        module.unfreeze(keys=["lora_A", "lora_B"], recurse=False)
    getattr(model, head).unfreeze()
    return paths


def lora_modules(model: nn.Module) -> dict[str, LoRALinear]:
    return {p: m for p, m in model.named_modules() if isinstance(m, LoRALinear)}


def merge_lora(model: nn.Module) -> nn.Module:
    """Fold every adapter into its Linear (in place); the module then has the base's parameter names."""
    merged = [(p, m.merged()) for p, m in lora_modules(model).items()]
    if merged:
        model.update_modules(tree_unflatten(merged))
    return model


def save_adapters(
    model: nn.Module, folder: Path, *, targets: Sequence[str], rank: int, alpha: float, dropout: float, base: str
) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, mx.array] = {}
    for path, module in lora_modules(model).items():
        tensors[f"{_PREFIX}{path}.lora_A.weight"] = module.lora_A
        tensors[f"{_PREFIX}{path}.lora_B.weight"] = module.lora_B
    head = getattr(model, model.head_name)
    for name, value in head.parameters().items():
        tensors[f"{_PREFIX}{model.head_name}.{name}"] = value
    mx.save_safetensors(str(folder / ADAPTER_WEIGHTS), tensors, metadata={"format": "pt"})
    write_json(
        folder / ADAPTER_CONFIG,
        {
            "peft_type": "LORA",
            "task_type": "TOKEN_CLS",
            "base_model_name_or_path": base,
            "r": rank,
            "lora_alpha": alpha,
            "lora_dropout": dropout,
            "target_modules": sorted(set(targets)),
            "modules_to_save": [model.head_name],
            "bias": "none",
            "fan_in_fan_out": False,
            "inference_mode": True,
            "init_lora_weights": True,
            "use_rslora": False,
            "use_dora": False,
        },
    )
    return folder


def load_adapters(model: nn.Module, folder: Path) -> nn.Module:
    """Apply adapters saved by :func:`save_adapters` (or by PEFT for these modules) to ``model``."""
    folder = Path(folder)
    config = read_json_object(folder / ADAPTER_CONFIG)
    if config.get("peft_type") != "LORA":
        raise CheckpointError(f"{folder / ADAPTER_CONFIG}: peft_type {config.get('peft_type')!r} is not LORA")
    if config.get("use_dora") or config.get("use_rslora"):
        raise CheckpointError(f"{folder / ADAPTER_CONFIG}: DoRA/rsLoRA adapters are not supported")
    targets = config["target_modules"]
    targets = [targets] if isinstance(targets, str) else list(targets)
    apply_lora(model, targets, rank=int(config["r"]), alpha=float(config["lora_alpha"]), dropout=0.0)
    tensors: dict[str, Any] = mx.load(str(folder / ADAPTER_WEIGHTS))
    updates = []
    for key, value in tensors.items():
        if not key.startswith(_PREFIX):
            raise CheckpointError(f"{folder / ADAPTER_WEIGHTS}: unexpected tensor name {key!r}")
        name = key[len(_PREFIX) :]
        name = name.replace(".lora_A.weight", ".lora_A").replace(".lora_B.weight", ".lora_B")
        updates.append((name, value))
    model.load_weights(updates, strict=False)
    expected = {f"{p}.{k}" for p in lora_modules(model) for k in ("lora_A", "lora_B")}
    missing = expected - {n for n, _ in updates}
    if missing:
        raise CheckpointError(f"{folder / ADAPTER_WEIGHTS}: missing adapter tensors, e.g. {sorted(missing)[0]}")
    return model
