"""The learning-rate schedule every family trains with, and fitting it to a wall-clock budget.

Linear warm-up over ``warmup_ratio`` of the steps, then linear decay to zero at the last step.
Under ``--time-budget`` the schedule's length is fixed once, early in a fresh run, from the time
steps 4-12 took, so the run ends with its learning rate decayed rather than cut off mid-way; the
fitted length is saved with checkpoints, so a resumed run keeps it.
"""

from __future__ import annotations

import math

from kp_core.training.state import LoopState

# Steps timed before a wall-clock budget fixes the schedule length (the first steps are slow).
CALIBRATION_SKIP = 3
CALIBRATION_STEPS = 12


def planned_steps(n_items: int, batch_size: int, *, epochs: float, grad_accum: int, max_steps: int | None) -> int:
    """Optimizer steps for ``epochs`` passes over ``n_items``, capped by ``max_steps``."""
    per_epoch = math.ceil(n_items / batch_size)
    by_epochs = max(1, math.ceil(epochs * per_epoch / grad_accum))
    return min(by_epochs, max_steps) if max_steps else by_epochs


def lr_factor(state: LoopState, step: int) -> float:
    """The learning rate of optimizer step ``step`` (0-based) as a share of the peak."""
    if state.warmup_steps and step < state.warmup_steps:
        return (step + 1) / state.warmup_steps
    remaining = max(0, state.total_steps - step)
    return remaining / max(1, state.total_steps - state.warmup_steps)


def fit_to_budget(
    state: LoopState, *, budget_s: float, warmup_ratio: float, calibration_start: float | None
) -> float | None:
    """Call after every step of a fresh run: at step ``CALIBRATION_SKIP`` it returns the time to
    measure from; at ``CALIBRATION_STEPS`` it shortens the schedule to what the budget affords.
    Returns the (possibly new) calibration start."""
    if state.step > CALIBRATION_STEPS:
        return calibration_start
    if state.step == CALIBRATION_SKIP:
        return state.train_seconds
    if state.step == CALIBRATION_STEPS and calibration_start is not None:
        per_step = (state.train_seconds - calibration_start) / (CALIBRATION_STEPS - CALIBRATION_SKIP)
        left = budget_s - state.train_seconds
        affordable = state.step + int(0.95 * left / max(per_step, 1e-9))
        if affordable < state.total_steps:
            state.total_steps = max(state.step + 1, affordable)
            state.warmup_steps = min(state.warmup_steps, int(warmup_ratio * state.total_steps))
    return calibration_start
