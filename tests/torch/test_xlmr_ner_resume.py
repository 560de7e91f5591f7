"""Checkpoints and --resume: a killed run, resumed, ends with the weights of an uninterrupted one."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from safetensors.torch import load_file

from kp_core.training import TrainConfig, TrainingError, train_family
from kp_core.training.state import latest_checkpoint
from kp_torch.xlmr_ner import FAMILY

MAX_STEPS = 7


class SimulatedKill(Exception):
    pass


def _config(base: Path, dataset: Path, out: Path, **overrides) -> TrainConfig:
    settings = dict(
        family="xlmr-ner",
        base=str(base),
        dataset=str(dataset),
        out=out,
        max_steps=MAX_STEPS,
        lr=5e-3,
        batch_size=16,  # 5 batches an epoch: the kill, the resume and the end fall in different epochs
        eval_fraction=0.3,
        save_every=2,
        seed=3,
        progress=False,
        options={"max_length": 64},
    )
    settings.update(overrides)
    return TrainConfig(**settings)


def train(config: TrainConfig, **hooks):
    return train_family(FAMILY, config, **hooks)


def _kill_at(step: int):
    def on_step(state) -> None:
        if state.step == step:
            raise SimulatedKill(f"killed after step {step}")

    return on_step


def _weights(folder: Path) -> dict:
    return load_file(str(folder / "model.safetensors"))


def _assert_same_weights(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for name in a:
        assert (a[name] == b[name]).all(), f"{name} differs after resume"


def _quiet(_: str) -> None:
    pass


@pytest.mark.parametrize("kind", ["xlmr", "deberta"])
def test_resume_after_kill_matches_uninterrupted_run(tiny_bases, tiny_dataset, tmp_path, kind) -> None:
    straight = tmp_path / "straight"
    train(_config(tiny_bases[kind], tiny_dataset, straight), echo=_quiet)

    resumed = tmp_path / "resumed"
    # Killed after step 5: the checkpoint of step 4 survives, step 5 is lost and redone.
    with pytest.raises(SimulatedKill):
        train(_config(tiny_bases[kind], tiny_dataset, resumed), echo=_quiet, on_step=_kill_at(5))
    checkpoint = latest_checkpoint(resumed)
    assert checkpoint is not None and checkpoint.name == "step-00000004"
    assert not (resumed / "model.safetensors").exists()
    lines: list[str] = []
    run = train(_config(tiny_bases[kind], tiny_dataset, resumed, resume=True), echo=lines.append)
    assert f"resumed from step 4 of {MAX_STEPS}" in lines
    assert run.steps == MAX_STEPS
    _assert_same_weights(_weights(straight), _weights(resumed))


@pytest.mark.parametrize("full_finetune", [False, True])
def test_kill_at_a_random_step_with_a_checkpoint_every_step(tiny_bases, tiny_dataset, tmp_path, full_finetune) -> None:
    """LoRA with dropout, and every weight: the RNG, optimizer and schedule all resume exactly."""
    step = random.Random(f"xlmr-ner resume {full_finetune}").randint(1, MAX_STEPS - 1)
    options = {"max_length": 64, "full_finetune": full_finetune}
    straight, resumed = tmp_path / "straight", tmp_path / "resumed"
    train(_config(tiny_bases["bert"], tiny_dataset, straight, save_every=1, options=options), echo=_quiet)
    with pytest.raises(SimulatedKill):
        train(
            _config(tiny_bases["bert"], tiny_dataset, resumed, save_every=1, options=options),
            echo=_quiet,
            on_step=_kill_at(step),
        )
    assert latest_checkpoint(resumed).name == f"step-{step:08d}"
    run = train(
        _config(tiny_bases["bert"], tiny_dataset, resumed, save_every=1, options=options, resume=True), echo=_quiet
    )
    assert run.steps == MAX_STEPS
    _assert_same_weights(_weights(straight), _weights(resumed))


def test_kill_without_resume_changes_nothing_but_a_different_seed_does(tiny_bases, tiny_dataset, tmp_path) -> None:
    """The equality above is not vacuous: another seed gives other weights."""
    train(_config(tiny_bases["bert"], tiny_dataset, tmp_path / "a"), echo=_quiet)
    train(_config(tiny_bases["bert"], tiny_dataset, tmp_path / "b", seed=4), echo=_quiet)
    a, b = _weights(tmp_path / "a"), _weights(tmp_path / "b")
    assert any(not (a[name] == b[name]).all() for name in a)


def test_resume_refuses_a_checkpoint_of_other_settings(tiny_bases, tiny_dataset, tmp_path) -> None:
    with pytest.raises(SimulatedKill):
        train(_config(tiny_bases["bert"], tiny_dataset, tmp_path), echo=_quiet, on_step=_kill_at(3))
    with pytest.raises(TrainingError, match="lr changed"):
        train(_config(tiny_bases["bert"], tiny_dataset, tmp_path, resume=True, lr=1e-3), echo=_quiet)
    with pytest.raises(TrainingError, match="options changed"):
        train(
            _config(
                tiny_bases["bert"], tiny_dataset, tmp_path, resume=True, options={"max_length": 64, "lora_rank": 8}
            ),
            echo=_quiet,
        )
    # an option that does not change the weights may differ
    run = train(
        _config(
            tiny_bases["bert"], tiny_dataset, tmp_path, resume=True, options={"max_length": 64, "eval_batch_size": 4}
        ),
        echo=_quiet,
    )
    assert run.steps == MAX_STEPS


def test_a_checkpoint_missing_its_optimizer_state_names_the_folder(tiny_bases, tiny_dataset, tmp_path) -> None:
    with pytest.raises(SimulatedKill):
        train(_config(tiny_bases["bert"], tiny_dataset, tmp_path), echo=_quiet, on_step=_kill_at(2))
    checkpoint = latest_checkpoint(tmp_path)
    (checkpoint / "optimizer.safetensors").unlink()
    with pytest.raises(TrainingError, match="optimizer.safetensors") as info:
        train(_config(tiny_bases["bert"], tiny_dataset, tmp_path, resume=True), echo=_quiet)
    assert str(checkpoint) in str(info.value)


def test_fresh_run_ignores_stale_checkpoints(tiny_bases, tiny_dataset, tmp_path) -> None:
    with pytest.raises(SimulatedKill):
        train(_config(tiny_bases["bert"], tiny_dataset, tmp_path), echo=_quiet, on_step=_kill_at(3))
    lines: list[str] = []
    run = train(_config(tiny_bases["bert"], tiny_dataset, tmp_path, lr=1e-3), echo=lines.append)
    assert run.steps == MAX_STEPS
    assert not any(line.startswith("resumed") for line in lines)
