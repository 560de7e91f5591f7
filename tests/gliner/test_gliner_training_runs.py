"""``kp train gliner`` through the kp CLI: an interrupted run resumes from its last checkpoint, a
changed setting refuses to resume, and ``--time-budget`` fits the schedule to the wall clock."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_gliner.train import CALIBRATION_SKIP, CALIBRATION_STEPS, Plan, fit_to_budget
from tests.gliner.conftest import TINY_OPTIONS


def _train(encoder: Path, data: Path, out: Path, *extra: str) -> dict:
    options = {**TINY_OPTIONS, "progress": "false", "dropout": "0"}
    args = ["train", "gliner", "--base", str(encoder), "--dataset", str(data), "--out", str(out)]
    args += ["--batch-size", "8", "--lr", "3e-3", "--eval-fraction", "0.25", "--device", "cpu", "--threads", "1"]
    for key, value in options.items():
        args += ["--option", f"{key}={value}"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = CliRunner().invoke(build_cli(), [*args, *extra, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads((out / "kp.json").read_text(encoding="utf-8"))


def test_resume_continues_from_the_last_checkpoint(tiny_encoder: Path, train_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    first = _train(tiny_encoder, train_file, out, "--max-steps", "12", "--save-every", "4", "-o", "keep_checkpoints=1")
    assert first["run"]["steps"] == 12 and first["run"]["resumed_from"] is None
    kept = sorted(p.name for p in (out / "checkpoints").iterdir())
    assert kept == ["step-00000004", "step-00000008"]  # the last two; step 12 is the final model
    # Drop the newest checkpoint, as if the run had died between step 8 and step 12.
    state = json.loads((out / "checkpoints" / "step-00000008" / "state.json").read_text(encoding="utf-8"))
    assert state["step"] == 8 and len(state["losses"]) == 8

    second = _train(tiny_encoder, train_file, out, "--max-steps", "12", "--save-every", "4", "--resume")
    assert second["run"]["resumed_from"] == 8 and second["run"]["steps"] == 12
    # The losses of the first eight steps come from the checkpoint; four more were trained.
    assert second["metrics"]["train_loss_first"] == first["metrics"]["train_loss_first"]
    assert not (out / "checkpoints").exists()  # a finished run cleans up


def test_resume_refuses_changed_settings(tiny_encoder: Path, train_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    _train(tiny_encoder, train_file, out, "--max-steps", "8", "--save-every", "4", "-o", "keep_checkpoints=1")
    args = ["train", "gliner", "--base", str(tiny_encoder), "--dataset", str(train_file), "--out", str(out)]
    args += ["--max-steps", "8", "--lr", "1e-3", "--device", "cpu", "--resume"]
    for key, value in {**TINY_OPTIONS, "progress": "false", "dropout": "0"}.items():
        args += ["--option", f"{key}={value}"]
    result = CliRunner().invoke(build_cli(), args)
    assert result.exit_code != 0
    assert "cannot resume" in result.output and "lr" in result.output


def test_time_budget_fits_the_schedule(tiny_encoder: Path, train_file: Path, tmp_path: Path) -> None:
    kp = _train(tiny_encoder, train_file, tmp_path / "run", "--max-steps", "100000", "--time-budget", "3s")
    run = kp["run"]
    assert run["time_budget_s"] == 3.0
    assert CALIBRATION_STEPS < run["planned_steps"] < 100000  # fitted once the step time was known
    assert run["steps"] == run["planned_steps"] or run["stopped_by_budget"]


@pytest.mark.parametrize(
    ("seconds", "budget", "total", "expected"),
    [
        (12.0, 30.0, 1000, CALIBRATION_STEPS + int(0.95 * 18.0 / 1.0)),  # 1 s a step after the skipped ones
        (12.0, 3000.0, 50, 50),  # the budget allows more than planned: unchanged
        (12.0, 12.5, 1000, CALIBRATION_STEPS + 1),  # budget spent: one more step, never zero
    ],
)
def test_fit_to_budget(seconds: float, budget: float, total: int, expected: int) -> None:
    plan = Plan(total=total, warmup=total // 10)
    since = float(CALIBRATION_SKIP)  # steps 1-3 took 1 s each too
    fit_to_budget(plan, step=CALIBRATION_STEPS, seconds=seconds, since=since, budget=budget, warmup_ratio=0.1)
    assert plan.total == expected
    assert plan.warmup == min(total // 10, int(0.1 * plan.total))
    assert plan.factor(plan.total) == 0.0 and plan.factor(plan.total - 1) > 0.0  # LR decays to zero at the end
