"""``kp train gliner`` through kp's training driver: an interrupted run resumes from its last
checkpoint and ends with the weights of a run that was never interrupted, a changed setting refuses
to resume, ``--time-budget`` fits the schedule to the wall clock, and kp.json names the eval split
every family shares."""

from __future__ import annotations

import json
import random
import warnings
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.plugins.registry import get_registry
from kp_core.training import train_family
from kp_core.training.config import TrainConfig
from kp_core.training.data import prepare_data
from kp_core.training.driver import eval_rows_sha256
from kp_core.training.schedule import CALIBRATION_STEPS
from kp_core.training.state import LoopState
from tests.gliner.conftest import TINY_OPTIONS


def _train(encoder: Path, data: Path, out: Path, *extra: str) -> dict:
    options = {**TINY_OPTIONS, "dropout": "0"}
    args = ["train", "gliner", "--base", str(encoder), "--data", str(data), "--out", str(out)]
    args += ["--batch-size", "8", "--lr", "3e-3", "--eval-fraction", "0.25", "--device", "cpu", "--threads", "1"]
    args += ["--no-progress"]
    for key, value in options.items():
        args += ["--option", f"{key}={value}"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = CliRunner().invoke(build_cli(), [*args, *extra, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads((out / "kp.json").read_text(encoding="utf-8"))


def test_resume_continues_from_the_last_checkpoint(tiny_encoder: Path, train_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    first = _train(tiny_encoder, train_file, out, "--max-steps", "12", "--save-every", "4", "--keep-checkpoints")
    assert first["run"]["steps"] == 12 and first["run"]["resumed_from"] is None
    kept = sorted(p.name for p in (out / "checkpoints").iterdir())
    assert kept == ["step-00000008", "step-00000012"]  # the newest two
    # Drop the newest checkpoint, as if the run had died between step 8 and step 12.
    for path in (out / "checkpoints" / "step-00000012").iterdir():
        path.unlink()
    (out / "checkpoints" / "step-00000012").rmdir()
    saved = json.loads((out / "checkpoints" / "step-00000008" / "loop.json").read_text(encoding="utf-8"))
    assert saved["loop"]["step"] == 8 and len(saved["loop"]["losses"]) == 8

    second = _train(tiny_encoder, train_file, out, "--max-steps", "12", "--save-every", "4", "--resume")
    assert second["run"]["resumed_from"] == 8 and second["run"]["steps"] == 12
    # The losses of the first eight steps come from the checkpoint; four more were trained.
    assert second["metrics"]["train_loss_first"] == first["metrics"]["train_loss_first"]
    assert not (out / "checkpoints").exists()  # a finished run cleans up


def test_resume_refuses_changed_settings(tiny_encoder: Path, train_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    _train(tiny_encoder, train_file, out, "--max-steps", "8", "--save-every", "4", "--keep-checkpoints")
    args = ["train", "gliner", "--base", str(tiny_encoder), "--data", str(train_file), "--out", str(out)]
    args += ["--max-steps", "8", "--lr", "1e-3", "--device", "cpu", "--resume", "--no-progress"]
    for key, value in {**TINY_OPTIONS, "dropout": "0"}.items():
        args += ["--option", f"{key}={value}"]
    result = CliRunner().invoke(build_cli(), args)
    assert result.exit_code != 0
    assert "cannot resume" in result.output and "lr" in result.output


def test_time_budget_fits_the_schedule(tiny_encoder: Path, train_file: Path, tmp_path: Path) -> None:
    long = ("--epochs", "10000", "--max-steps", "100000")
    kp = _train(tiny_encoder, train_file, tmp_path / "run", *long, "--time-budget", "3s")
    run = kp["run"]
    assert run["time_budget_s"] == 3.0
    assert kp["training"]["max_steps"] == 100000
    assert CALIBRATION_STEPS < run["planned_steps"] < 100000  # fitted once the step time was known
    assert run["steps"] == run["planned_steps"] or run["stopped_by_budget"]


class Killed(RuntimeError):
    """Raised by a step hook: the run dies there, as if the process had been killed."""


def _config(encoder: Path, data: Path, out: Path, **changes: object) -> TrainConfig:
    # Dropout on, and an evaluation on the cadence: the torch RNG, and the Python RNG that gliner's
    # collator draws from, both have to continue exactly.
    settings: dict = dict(
        family="gliner", base=str(encoder), dataset=str(data), out=out, lr=3e-3, batch_size=8, max_steps=14,
        eval_fraction=0.25, eval_every=5, save_every=3, seed=3, device="cpu", progress=False,
        options={**TINY_OPTIONS, "dropout": 0.3, "threads": 1},
    )  # fmt: skip
    settings.update(changes)
    return TrainConfig(**settings)


def _run(config: TrainConfig, kill_at: int | None = None) -> None:
    def hook(state: LoopState) -> None:
        if state.step == kill_at:
            raise Killed(f"killed after step {kill_at}")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        train_family(get_registry().family("gliner"), config, echo=lambda line: None, on_step=hook)


def _weights(out: Path) -> dict:
    from safetensors.torch import load_file

    return load_file(str(out / "model.safetensors"))


def test_a_killed_and_resumed_run_ends_with_the_uninterrupted_weights(
    tiny_encoder: Path, train_file: Path, tmp_path: Path
) -> None:
    import torch

    whole = _config(tiny_encoder, train_file, tmp_path / "whole")
    _run(whole)
    # Any step before the last: on a checkpoint or between two, before the first one or after.
    kill_at = random.Random().randint(1, whole.max_steps - 1)
    parts = _config(tiny_encoder, train_file, tmp_path / "parts")
    with pytest.raises(Killed):
        _run(parts, kill_at=kill_at)
    assert not (parts.out / "model.safetensors").exists()
    _run(_config(tiny_encoder, train_file, parts.out, resume=True))

    kp = json.loads((parts.out / "kp.json").read_text(encoding="utf-8"))
    expected_resume = kill_at - kill_at % whole.save_every or None
    assert kp["run"]["resumed_from"] == expected_resume, f"killed after step {kill_at}"
    expected, got = _weights(whole.out), _weights(parts.out)
    assert sorted(got) == sorted(expected)
    different = [name for name in expected if not torch.equal(expected[name], got[name])]
    assert not different, f"killed after step {kill_at}: {len(different)} tensors differ, e.g. {different[:3]}"
    reference = json.loads((whole.out / "kp.json").read_text(encoding="utf-8"))
    assert kp["metrics"]["train_loss_last"] == reference["metrics"]["train_loss_last"]
    assert kp["evaluations"] == reference["evaluations"]


def test_kp_json_names_the_shared_eval_split(tiny_encoder: Path, train_file: Path, tmp_path: Path) -> None:
    kp = _train(tiny_encoder, train_file, tmp_path / "run", "--max-steps", "2", "--max-eval", "30")
    config = TrainConfig(**kp["training"])  # the run's own record reproduces its split
    assert 0 < kp["data"]["eval_examples"] <= 30
    assert kp["data"]["eval_rows_sha256"] == eval_rows_sha256(prepare_data(config))
    assert kp["train_records"]["windows"] == kp["data"]["train_items"]  # one window, one training item
    other = attrs.evolve(config, seed=config.seed + 1)
    assert kp["data"]["eval_rows_sha256"] != eval_rows_sha256(prepare_data(other))
