"""The training configuration shared by every family, and the result a training run returns."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs


@attrs.frozen(kw_only=True)
class TrainConfig:
    """Flags every family understands. Family-specific settings go in ``options``."""

    family: str
    base: str
    dataset: str
    out: Path = attrs.field(converter=Path)
    epochs: float = 3.0
    lr: float = 3e-4
    batch_size: int = 16
    lora_rank: int = 16
    lora_alpha: int | None = None
    lora_dropout: float = 0.05
    full_finetune: bool = False
    max_train: int | None = None
    max_eval: int | None = None
    max_steps: int | None = None
    max_length: int = 256
    eval_fraction: float = 0.05
    seed: int = 0
    device: str = "auto"
    threads: int | None = None
    max_util: bool = False
    max_util_batch_size: int | None = None
    num_workers: int = 0
    bf16: bool = False
    grad_accum: int = 1
    warmup_ratio: float = 0.06
    weight_decay: float = 0.01
    save_every: int | None = None
    resume: bool = False
    push: bool = False
    push_id: str | None = None
    time_budget_s: float | None = None
    options: Mapping[str, Any] = attrs.field(factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = attrs.asdict(self)
        out["out"] = str(self.out)
        out["options"] = dict(self.options)
        return out


@attrs.frozen(kw_only=True)
class RunResult:
    """What a finished training run reports."""

    out: Path
    family: str
    base: str
    train_examples: int
    eval_examples: int
    steps: int
    train_seconds: float
    train_samples_per_s: float
    device: str
    metrics: Mapping[str, Any] = attrs.field(factory=dict)
    pushed: bool = False

    def to_json(self) -> dict[str, Any]:
        out = attrs.asdict(self)
        out["out"] = str(self.out)
        out["metrics"] = dict(self.metrics)
        return out
