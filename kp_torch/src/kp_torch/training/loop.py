"""The training loop: length-bucketed batches, fused AdamW, linear warmup/decay, resumable.

Kept lean on purpose: one forward/backward per micro-batch, no per-step evaluation, logging or
host syncs beyond the loss value the progress bar shows. Resuming restores weights, optimizer,
scheduler, RNG states and the data position, so a killed run finishes with the same weights as an
uninterrupted one.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import attrs

from kp_torch.training.batching import batches_per_epoch, epoch_batches, pad_batch
from kp_torch.training.checkpoint import LoopState, latest_checkpoint, load_checkpoint, save_checkpoint

# Steps timed before a wall-clock budget fixes the schedule length (the first steps are slow).
_CALIBRATION_SKIP = 3
_CALIBRATION_STEPS = 12


@attrs.frozen(kw_only=True)
class LoopConfig:
    batch_size: int
    lr: float
    epochs: float = 1.0
    max_steps: int | None = None
    grad_accum: int = 1
    warmup_ratio: float = 0.06
    weight_decay: float = 0.01
    seed: int = 0
    save_every: int | None = None
    time_budget_s: float | None = None
    bf16: bool = False
    num_workers: int = 0
    max_grad_norm: float | None = 1.0
    # (name fragment, learning rate): trainable parameters whose name contains the fragment train
    # at that rate instead of ``lr`` (e.g. a new classification head faster than LoRA adapters).
    lr_overrides: tuple[tuple[str, float], ...] = ()


@attrs.frozen
class TrainFeatures:
    """Model inputs with special tokens in place, and their label ids (-100 = ignored)."""

    input_ids: Sequence[Sequence[int]]
    labels: Sequence[Sequence[int]]
    pad_id: int

    def __len__(self) -> int:
        return len(self.input_ids)

    def lengths(self) -> list[int]:
        return [len(x) for x in self.input_ids]


class _BatchDataset:
    """A map-style dataset whose items are whole padded batches (so workers can collate)."""

    def __init__(self, features: TrainFeatures, batches: Sequence[Sequence[int]]) -> None:
        self.features = features
        self.batches = batches

    def __len__(self) -> int:
        return len(self.batches)

    def __getitem__(self, i: int) -> dict[str, Any]:
        idx = self.batches[i]
        return pad_batch(
            [self.features.input_ids[j] for j in idx], [self.features.labels[j] for j in idx], self.features.pad_id
        )


def _iterate(dataset: _BatchDataset, config: LoopConfig, device: str) -> Any:
    """Batches in order: in-process, or through DataLoader workers when ``num_workers`` > 0."""
    import torch

    if config.num_workers <= 0:
        return (dataset[i] for i in range(len(dataset)))
    # A private generator: a DataLoader draws its worker base seed from the global RNG otherwise,
    # which would shift dropout masks between an uninterrupted and a resumed run.
    return torch.utils.data.DataLoader(
        dataset,
        batch_size=None,
        shuffle=False,
        num_workers=config.num_workers,
        pin_memory=device == "cuda",
        generator=torch.Generator().manual_seed(config.seed),
    )


def planned_steps(n_features: int, config: LoopConfig) -> int:
    per_epoch = batches_per_epoch(n_features, config.batch_size)
    by_epochs = max(1, math.ceil(config.epochs * per_epoch / config.grad_accum))
    return min(by_epochs, config.max_steps) if config.max_steps else by_epochs


def _lr_lambda(state: LoopState) -> Callable[[int], float]:
    def factor(step: int) -> float:
        if state.warmup_steps and step < state.warmup_steps:
            return (step + 1) / state.warmup_steps
        remaining = max(0, state.total_steps - step)
        return remaining / max(1, state.total_steps - state.warmup_steps)

    return factor


def _make_optimizer(model: Any, config: LoopConfig, device: str) -> Any:
    import torch

    rates = [config.lr, *(lr for _, lr in config.lr_overrides)]
    buckets: dict[tuple[int, bool], list[Any]] = {}
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        rate = next((i + 1 for i, (frag, _) in enumerate(config.lr_overrides) if frag in name), 0)
        decays = not (param.ndim < 2 or "LayerNorm" in name or "layer_norm" in name)
        buckets.setdefault((rate, decays), []).append(param)
    groups = [
        {"params": params, "weight_decay": config.weight_decay if decays else 0.0, "lr": rates[rate]}
        for (rate, decays), params in sorted(buckets.items(), key=lambda kv: (kv[0][0], not kv[0][1]))
    ]
    # Fused AdamW runs the whole update as one kernel per device (CPU included since torch 2.4).
    try:
        return torch.optim.AdamW(groups, lr=config.lr, fused=True)
    except (RuntimeError, TypeError, ValueError):
        return torch.optim.AdamW(groups, lr=config.lr, foreach=device != "cpu")


@attrs.frozen
class LoopResult:
    state: LoopState
    resumed_from: int | None


def run_training(
    model: Any,
    features: TrainFeatures,
    config: LoopConfig,
    *,
    device: str,
    out: Path,
    fingerprint: dict[str, Any],
    resume: bool = False,
    on_step: Callable[[LoopState], None] | None = None,
    progress: bool = True,
) -> LoopResult:
    """Train ``model`` (already on ``device``) in place. ``on_step`` runs after every optimizer step
    and after any checkpoint of that step (tests use it to simulate a kill)."""
    import torch
    from tqdm.auto import tqdm

    model.train()
    optimizer = _make_optimizer(model, config, device)
    state = LoopState()
    state.total_steps = planned_steps(len(features), config)
    state.warmup_steps = int(config.warmup_ratio * state.total_steps)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, _lr_lambda(state))
    resumed_from = None
    if resume:
        checkpoint = latest_checkpoint(out)
        if checkpoint is not None:
            restored = load_checkpoint(
                checkpoint,
                model=model,
                optimizer=optimizer,
                scheduler=scheduler,
                fingerprint=fingerprint,
                device=device,
            )
            # The scheduler's lambda reads the live state object; copy the restored values into it.
            for field in attrs.fields(LoopState):
                setattr(state, field.name, getattr(restored, field.name))
            resumed_from = state.step
    per_epoch = batches_per_epoch(len(features), config.batch_size)
    lengths = features.lengths()
    autocast = (
        torch.autocast(device_type=device, dtype=torch.bfloat16) if config.bf16 else nullcontext()  # type: ignore[arg-type]
    )
    bar = tqdm(
        total=state.total_steps,
        initial=state.step,
        desc="train",
        unit="step",
        disable=not progress,
        dynamic_ncols=True,
    )
    started = time.perf_counter() - state.train_seconds
    calib_start: float | None = None
    running_loss: float | None = None
    micro_in_step = 0
    step_loss = 0.0
    done = state.step >= state.total_steps
    while not done:
        epoch, offset = divmod(state.micro_batches, per_epoch)
        order = epoch_batches(lengths, config.batch_size, seed=config.seed, epoch=epoch)[offset:]
        for batch in _iterate(_BatchDataset(features, order), config, device):
            batch = {k: v.to(device, non_blocking=True) for k, v in batch.items()}
            with autocast:
                loss = model(**batch).loss / config.grad_accum
            loss.backward()
            state.micro_batches += 1
            state.samples += int(batch["input_ids"].shape[0])
            state.tokens += int(batch["attention_mask"].sum())
            micro_in_step += 1
            step_loss += float(loss.detach())
            epoch_ends = state.micro_batches % per_epoch == 0
            if micro_in_step < config.grad_accum and not epoch_ends:
                continue
            if config.max_grad_norm:
                torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], config.max_grad_norm)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            state.step += 1
            state.losses.append(step_loss * config.grad_accum / micro_in_step)
            running_loss = state.losses[-1] if running_loss is None else 0.9 * running_loss + 0.1 * state.losses[-1]
            micro_in_step, step_loss = 0, 0.0
            state.train_seconds = time.perf_counter() - started
            if config.time_budget_s is not None:
                calib_start = _fit_budget(state, config, calib_start, resumed_from)
                if state.train_seconds >= config.time_budget_s and state.step < state.total_steps:
                    state.stopped_by_budget = True
            bar.total = state.total_steps
            bar.set_postfix(
                loss=f"{running_loss:.4f}",
                samples_s=f"{state.samples / max(state.train_seconds, 1e-9):.1f}",
                refresh=False,
            )
            bar.update(1)
            finished = state.step >= state.total_steps or state.stopped_by_budget
            if config.save_every and (state.step % config.save_every == 0 or finished):
                save_checkpoint(
                    out,
                    model=model,
                    optimizer=optimizer,
                    scheduler=scheduler,
                    state=state,
                    fingerprint=fingerprint,
                    device=device,
                )
            if on_step is not None:
                on_step(state)
            if finished:
                done = True
                break
    bar.close()
    state.train_seconds = time.perf_counter() - started
    model.eval()
    return LoopResult(state=state, resumed_from=resumed_from)


def _fit_budget(
    state: LoopState, config: LoopConfig, calib_start: float | None, resumed_from: int | None
) -> float | None:
    """Once, early in a fresh run, shorten the schedule so it ends (LR decayed to 0) within the
    wall-clock budget. The fitted length is saved with checkpoints, so a resume keeps it."""
    if resumed_from is not None or state.step > _CALIBRATION_STEPS:
        return calib_start
    if state.step == _CALIBRATION_SKIP:
        return state.train_seconds
    if state.step == _CALIBRATION_STEPS and calib_start is not None:
        per_step = (state.train_seconds - calib_start) / (_CALIBRATION_STEPS - _CALIBRATION_SKIP)
        left = config.time_budget_s - state.train_seconds  # type: ignore[operator]
        affordable = state.step + int(0.95 * left / max(per_step, 1e-9))
        if affordable < state.total_steps:
            state.total_steps = max(state.step + 1, affordable)
            state.warmup_steps = min(state.warmup_steps, int(config.warmup_ratio * state.total_steps))
    return calib_start
