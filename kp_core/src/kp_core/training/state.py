"""Framework-free bookkeeping of the training loop: where a run stands, where its resumable
checkpoints live and whether one may continue this run.

The tensors of a checkpoint are the recipe's business (torch, MLX, numpy); the folder layout
(``checkpoints/step-<N>``), the settings fingerprint and the loss history are shared here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

CHECKPOINTS = "checkpoints"
_STEP_PREFIX = "step-"


@attrs.define
class LoopState:
    """Where a run stands: optimizer steps done, micro-batches consumed, and what was seen so far."""

    step: int = 0
    micro_batches: int = 0
    total_steps: int = 0
    warmup_steps: int = 0
    samples: int = 0
    tokens: int = 0
    train_seconds: float = 0.0
    losses: list[float] = attrs.field(factory=list)  # mean loss of each optimizer step
    stopped_by_budget: bool = False
    evaluations: list[dict[str, Any]] = attrs.field(factory=list)  # {"step": N, **metrics} on the cadence

    @property
    def samples_per_s(self) -> float:
        """Training throughput so far (0.0 before any time was measured)."""
        return self.samples / self.train_seconds if self.train_seconds else 0.0

    def to_json(self) -> dict[str, Any]:
        return attrs.asdict(self)

    @classmethod
    def from_json(cls, payload: dict[str, Any]) -> LoopState:
        return cls(**payload)


def checkpoint_root(out: Path) -> Path:
    """The folder under a run's ``--out`` that holds its resumable checkpoints."""
    return Path(out) / CHECKPOINTS


def checkpoint_name(step: int) -> str:
    return f"{_STEP_PREFIX}{step:08d}"


def step_folders(root: Path) -> list[Path]:
    """The ``step-<N>`` folders under ``root``, oldest (lowest step) first."""
    if not root.is_dir():
        return []
    found = []
    for path in root.iterdir():
        number = path.name[len(_STEP_PREFIX) :]
        if path.is_dir() and path.name.startswith(_STEP_PREFIX) and number.isdigit():
            found.append((int(number), path))
    return [path for _, path in sorted(found)]


def latest_checkpoint(out: Path) -> Path | None:
    """The newest checkpoint of the run in ``out``, or None."""
    steps = step_folders(checkpoint_root(out))
    return steps[-1] if steps else None


def changed_settings(saved: Mapping[str, Any], current: Mapping[str, Any]) -> list[str]:
    """The fingerprint keys whose values differ between a checkpoint and this run, sorted."""
    return sorted(k for k in set(saved) | set(current) if saved.get(k) != current.get(k))


def resume_refusal(path: Path, changed: Sequence[str]) -> str:
    """Why a checkpoint made with other settings or data cannot continue this run."""
    return (
        f"{path}: cannot resume, the checkpoint was made with different settings or data "
        f"({', '.join(changed)} changed); give --overwrite to start again, or use another --out"
    )


def tail_mean(losses: Sequence[float]) -> float | None:
    """Mean loss of the last tenth of the steps (between 1 and 50): the loss the run ended at."""
    if not losses:
        return None
    tail = max(1, min(50, len(losses) // 10))
    return float(sum(losses[-tail:]) / tail)
