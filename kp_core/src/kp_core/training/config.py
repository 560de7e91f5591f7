"""The settings every family understands, and the result a training run returns.

Settings of one family (LoRA rank, window length, bf16, ...) are options its recipe declares
(:mod:`kp_core.training.options`); they travel in ``TrainConfig.options``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

DEFAULT_SAVE_EVERY = 100
DEFAULT_EVAL_FRACTION = 0.1  # the one default of every kp command (docs/cli.md)


def _positive(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, got {value}")


def _fraction(instance: Any, attribute: attrs.Attribute, value: float) -> None:
    if not 0.0 <= value < 1.0:
        raise ValueError(f"{attribute.name} must be in [0, 1), got {value}")


@attrs.frozen(kw_only=True)
class TrainConfig:
    """Flags every family understands. Family-specific settings go in ``options``.

    ``dataset`` and ``max_train`` are ``kp train``'s ``--data`` and ``--limit`` (the field names
    stay: they are recorded in every ``kp.json``).
    """

    family: str
    base: str
    dataset: str
    out: Path = attrs.field(converter=Path)
    epochs: float = 3.0
    lr: float = 3e-4
    batch_size: int = attrs.field(default=16, validator=_positive)
    grad_accum: int = attrs.field(default=1, validator=_positive)
    warmup_ratio: float = attrs.field(default=0.06, validator=_fraction)
    weight_decay: float = 0.01
    max_train: int | None = attrs.field(default=None, validator=_positive)
    max_eval: int | None = attrs.field(default=None, validator=_positive)
    max_steps: int | None = attrs.field(default=None, validator=_positive)
    eval_fraction: float = attrs.field(default=DEFAULT_EVAL_FRACTION, validator=_fraction)
    eval_every: int | None = attrs.field(default=None, validator=_positive)
    seed: int = 0
    device: str = "auto"
    save_every: int | None = attrs.field(default=None, validator=_positive)
    keep_checkpoints: bool = False
    resume: bool = False
    resume_from: str | None = None  # a Hub repository whose pushed checkpoint --resume continues
    time_budget_s: float | None = None
    push: str | None = None  # the Hub repository (ORG/NAME) the finished run is published to
    push_private: bool = False
    push_checkpoints: bool = False  # also push each resumable checkpoint while training
    any_name: bool = False  # let a --push name outside kp's naming rule through
    progress: bool = True
    options: Mapping[str, Any] = attrs.field(factory=dict)

    @property
    def checkpoint_every(self) -> int:
        return self.save_every if self.save_every is not None else DEFAULT_SAVE_EVERY

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
