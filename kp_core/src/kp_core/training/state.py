"""Framework-free bookkeeping of a training loop: where a run stands, where its resumable
checkpoints live, whether one may continue this run, and the ``data``/``run`` records of kp.json.

The tensors of a checkpoint are the framework's business (torch or MLX); the folder layout
(``checkpoints/step-<N>``), the settings fingerprint and the loss history are shared here.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs

from kp_core.training.config import RunResult, TrainConfig
from kp_core.training.data import PreparedData

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
        f"({', '.join(changed)} changed); start a fresh run or use another --out"
    )


def epoch_order(n: int, seed: int, epoch: int) -> list[int]:
    """The seeded order of ``n`` training rows in ``epoch``, the same again on resume."""
    order = list(range(n))
    random.Random(f"{seed}:epoch:{epoch}").shuffle(order)
    return order


def tail_mean(losses: Sequence[float]) -> float | None:
    """Mean loss of the last tenth of the steps (between 1 and 50): the loss the run ended at."""
    if not losses:
        return None
    tail = max(1, min(50, len(losses) // 10))
    return float(sum(losses[-tail:]) / tail)


def loop_metrics(eval_loss: float, eval_metrics: Mapping[str, Any], state: LoopState) -> dict[str, Any]:
    """The figures every loop reports, in kp.json's order: the eval loss, the eval span metrics
    (``eval_<name>``) and the first and last training losses."""
    return {
        "eval_loss": eval_loss,
        **{f"eval_{k}": v for k, v in eval_metrics.items()},
        "train_loss_first": state.losses[0] if state.losses else None,
        "train_loss_last": state.losses[-1] if state.losses else None,
    }


def data_record(
    config: TrainConfig, data: PreparedData, *, train_windows: int, alignment_issues: Mapping[str, int]
) -> dict[str, Any]:
    """The ``data`` section of kp.json: the file, its identity, the split and the windows made."""
    return {
        "path": str(config.dataset),
        "sha256": data.sha256,
        "train_examples": len(data.train),
        "eval_examples": len(data.eval),
        "train_windows": train_windows,
        "alignment_issues": alignment_issues,
        "split": data.split_info,
    }


def run_record(
    state: LoopState,
    *,
    where: Mapping[str, Any],
    resumed_from: int | None,
    samples_per_s: float,
    wall_start: float,
) -> dict[str, Any]:
    """The ``run`` section of kp.json; ``where`` (device, threads or hardware) comes first."""
    return {
        **where,
        "steps": state.step,
        "planned_steps": state.total_steps,
        "stopped_by_budget": state.stopped_by_budget,
        "resumed_from": resumed_from,
        "train_seconds": round(state.train_seconds, 2),
        "train_samples_per_s": round(samples_per_s, 3),
        "train_tokens": state.tokens,
        "wall_seconds": round(time.perf_counter() - wall_start, 2),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def run_result(
    family: str, config: TrainConfig, data: PreparedData, state: LoopState, *, device: str, metrics: Mapping[str, Any]
) -> RunResult:
    """What ``train`` returns for a finished loop over ``data`` (``pushed`` False: the caller
    that publishes the folder sets it with ``attrs.evolve``)."""
    return RunResult(
        out=Path(config.out),
        family=family,
        base=config.base,
        train_examples=len(data.train),
        eval_examples=len(data.eval),
        steps=state.step,
        train_seconds=state.train_seconds,
        train_samples_per_s=state.samples_per_s,
        device=device,
        metrics=metrics,
    )
