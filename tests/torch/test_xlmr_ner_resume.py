"""Checkpoints and --resume: a killed run, resumed, ends with the weights of an uninterrupted one."""

from __future__ import annotations

from pathlib import Path

import pytest
from safetensors.torch import load_file

from kp_core.training.config import TrainConfig
from kp_torch.training.checkpoint import ResumeError, latest_checkpoint
from kp_torch.xlmr_ner.train import train


class SimulatedKill(Exception):
    pass


def _config(base: Path, dataset: Path, out: Path, **overrides) -> TrainConfig:
    settings = dict(
        family="xlmr-ner",
        base=str(base),
        dataset=str(dataset),
        out=out,
        max_steps=7,
        lr=5e-3,
        batch_size=16,  # 5 batches an epoch: the kill, the resume and the end fall in different epochs
        eval_fraction=0.3,
        max_length=64,
        save_every=2,
        seed=3,
        options={"progress": "false"},
    )
    settings.update(overrides)
    return TrainConfig(**settings)


def _kill_at(step: int):
    def on_step(state) -> None:
        if state.step == step:
            raise SimulatedKill(f"killed after step {step}")

    return on_step


def _weights(folder: Path) -> dict:
    return load_file(str(folder / "model.safetensors"))


@pytest.mark.parametrize("kind", ["xlmr", "deberta"])
def test_resume_after_kill_matches_uninterrupted_run(tiny_bases, tiny_dataset, tmp_path, kind) -> None:
    quiet = lambda _: None  # noqa: E731
    straight = tmp_path / "straight"
    train(_config(tiny_bases[kind], tiny_dataset, straight), echo=quiet)

    resumed = tmp_path / "resumed"
    # Killed after step 5: the checkpoint of step 4 survives, step 5 is lost and redone.
    with pytest.raises(SimulatedKill):
        train(_config(tiny_bases[kind], tiny_dataset, resumed), echo=quiet, on_step=_kill_at(5))
    checkpoint = latest_checkpoint(resumed)
    assert checkpoint is not None and checkpoint.name == "step-00000004"
    assert not (resumed / "model.safetensors").exists()
    lines: list[str] = []
    run = train(_config(tiny_bases[kind], tiny_dataset, resumed, resume=True), echo=lines.append)
    assert "resumed from step 4" in lines
    assert run.steps == 7

    a, b = _weights(straight), _weights(resumed)
    assert a.keys() == b.keys()
    for name in a:
        assert (a[name] == b[name]).all(), f"{name} differs after resume"


def test_kill_without_resume_changes_nothing_but_a_different_seed_does(tiny_bases, tiny_dataset, tmp_path) -> None:
    """The equality above is not vacuous: another seed gives other weights."""
    quiet = lambda _: None  # noqa: E731
    train(_config(tiny_bases["bert"], tiny_dataset, tmp_path / "a"), echo=quiet)
    train(_config(tiny_bases["bert"], tiny_dataset, tmp_path / "b", seed=4), echo=quiet)
    a, b = _weights(tmp_path / "a"), _weights(tmp_path / "b")
    assert any(not (a[name] == b[name]).all() for name in a)


def test_resume_refuses_a_checkpoint_of_other_settings(tiny_bases, tiny_dataset, tmp_path) -> None:
    quiet = lambda _: None  # noqa: E731
    with pytest.raises(SimulatedKill):
        train(_config(tiny_bases["bert"], tiny_dataset, tmp_path), echo=quiet, on_step=_kill_at(3))
    with pytest.raises(ResumeError, match="lr changed"):
        train(_config(tiny_bases["bert"], tiny_dataset, tmp_path, resume=True, lr=1e-3), echo=quiet)


def test_fresh_run_ignores_stale_checkpoints(tiny_bases, tiny_dataset, tmp_path) -> None:
    quiet = lambda _: None  # noqa: E731
    with pytest.raises(SimulatedKill):
        train(_config(tiny_bases["bert"], tiny_dataset, tmp_path), echo=quiet, on_step=_kill_at(3))
    lines: list[str] = []
    run = train(_config(tiny_bases["bert"], tiny_dataset, tmp_path, lr=1e-3), echo=lines.append)
    assert run.steps == 7
    assert not any(line.startswith("resumed") for line in lines)
