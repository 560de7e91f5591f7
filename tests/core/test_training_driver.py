"""The training driver with a tiny numpy recipe: the loop, accumulation, the schedule, the time
budget, evaluation on a cadence, checkpoints, exact resume, refusals and kp.json."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pytest

from kp_core.training import TrainingError, train_with_recipe
from kp_core.training.data import prepare_data
from kp_core.training.driver import eval_rows_sha256
from kp_core.training.schedule import lr_factor
from kp_core.training.state import LoopState, latest_checkpoint
from tests.core.mean_recipe import Killed, MeanRecipe, mean_config


def test_a_run_steps_through_the_schedule_and_writes_kp_json(tmp_path: Path) -> None:
    recipe = MeanRecipe()
    lines: list[str] = []
    run = train_with_recipe(recipe, mean_config(tmp_path, warmup_ratio=0.25), echo=lines.append)
    data = prepare_data(mean_config(tmp_path))
    per_epoch = -(-len(data.train) // 4)
    assert run.steps == 2 * per_epoch and run.train_examples == len(data.train)
    updates = [factor for kind, factor in recipe.calls if kind == "update"]
    state = LoopState(total_steps=run.steps, warmup_steps=int(0.25 * run.steps))
    assert updates == [lr_factor(state, k) for k in range(run.steps)]
    assert updates[-1] > 0 and max(updates) == 1.0
    manifest = json.loads((tmp_path / "out" / "kp.json").read_text(encoding="utf-8"))
    assert (manifest["family"], manifest.get("framework"), manifest["label_scheme"]) == ("mean", None, "first")
    assert manifest["data"]["eval_rows_sha256"] == eval_rows_sha256(data)
    assert manifest["training"]["options"] == {"noise": 0.1, "verbose": False}
    assert manifest["metrics"]["eval_loss"] == 0.5 and "eval_f1" in manifest["metrics"]
    assert list(manifest["metrics"])[:2] == ["eval_loss", "eval_precision"]
    assert not (tmp_path / "out" / "checkpoints").exists()  # a finished run keeps no checkpoints
    assert any(line.startswith("run summary (mean") for line in lines)


def test_gradient_accumulation_and_epoch_ends(tmp_path: Path) -> None:
    recipe = MeanRecipe()
    run = train_with_recipe(recipe, mean_config(tmp_path, grad_accum=3, epochs=1.0), echo=lambda _: None)
    micro = sum(1 for kind, _ in recipe.calls if kind == "fb")
    per_epoch = micro  # one epoch
    # An epoch's last, short accumulation still makes a step: ceil(micro-batches / grad_accum).
    assert run.steps == -(-per_epoch // 3) == sum(1 for kind, _ in recipe.calls if kind == "update")


def test_eval_on_a_cadence_goes_back_to_training_mode(tmp_path: Path) -> None:
    recipe = MeanRecipe()
    run = train_with_recipe(recipe, mean_config(tmp_path, eval_every=3, epochs=1.0), echo=lambda _: None)
    manifest = json.loads((tmp_path / "out" / "kp.json").read_text(encoding="utf-8"))
    steps = [e["step"] for e in manifest["evaluations"]]
    assert steps == list(range(3, run.steps, 3))
    kinds = [kind for kind, _ in recipe.calls]
    assert kinds.count("train_mode") == len(steps)
    assert kinds.count("detector") == len(steps) + 1  # and the final evaluation


def test_kill_then_resume_gives_the_uninterrupted_weights(tmp_path: Path) -> None:
    full = train_with_recipe(MeanRecipe(), mean_config(tmp_path / "a", save_every=1), echo=lambda _: None)
    expected = np.load(tmp_path / "a" / "out" / "w.npy")
    kill_at = random.Random(7).randrange(1, full.steps)

    def kill(state: LoopState) -> None:
        if state.step == kill_at:
            raise Killed

    with pytest.raises(Killed):
        train_with_recipe(MeanRecipe(), mean_config(tmp_path / "b", save_every=1), echo=lambda _: None, on_step=kill)
    assert latest_checkpoint(tmp_path / "b" / "out").name == f"step-{kill_at:08d}"
    lines: list[str] = []
    resumed = train_with_recipe(MeanRecipe(), mean_config(tmp_path / "b", save_every=1, resume=True), echo=lines.append)
    assert f"resumed from step {kill_at} of {full.steps}" in lines
    assert resumed.steps == full.steps
    assert np.array_equal(np.load(tmp_path / "b" / "out" / "w.npy"), expected)


def test_resume_refuses_a_checkpoint_of_other_settings(tmp_path: Path) -> None:
    def kill(state: LoopState) -> None:
        if state.step == 2:
            raise Killed

    with pytest.raises(Killed):
        train_with_recipe(MeanRecipe(), mean_config(tmp_path, save_every=1), echo=lambda _: None, on_step=kill)
    with pytest.raises(TrainingError, match=r"cannot resume.*\(lr, options changed\)"):
        train_with_recipe(
            MeanRecipe(), mean_config(tmp_path, lr=0.2, resume=True, options={"noise": 0.2}), echo=lambda _: None
        )
    # An option that does not change the weights may differ.
    train_with_recipe(MeanRecipe(), mean_config(tmp_path, resume=True, options={"verbose": "on"}), echo=lambda _: None)


def test_resume_without_a_checkpoint_starts_at_step_zero(tmp_path: Path) -> None:
    lines: list[str] = []
    run = train_with_recipe(MeanRecipe(), mean_config(tmp_path, resume=True, max_steps=2), echo=lines.append)
    assert run.steps == 2 and any("no checkpoint under" in line for line in lines)


def test_max_steps_and_the_time_budget_stop_the_loop(tmp_path: Path) -> None:
    assert train_with_recipe(MeanRecipe(), mean_config(tmp_path, max_steps=3), echo=lambda _: None).steps == 3
    lines: list[str] = []
    run = train_with_recipe(MeanRecipe(), mean_config(tmp_path, time_budget_s=0.0), echo=lines.append)
    assert run.steps == 1 and any("time budget reached after 1 of" in line for line in lines)
    manifest = json.loads((tmp_path / "out" / "kp.json").read_text(encoding="utf-8"))
    assert manifest["run"]["stopped_by_budget"] is True
    assert (tmp_path / "out" / "checkpoints").is_dir()  # a run cut short keeps its checkpoint to resume


def test_a_budget_hook_replaces_the_budget_after_setup(tmp_path: Path) -> None:
    seen: list[Any] = []

    def hook(run: Any) -> float:
        seen.append((run.device, run.time_budget_s, len(run.data.train)))
        return 0.0

    run = train_with_recipe(
        MeanRecipe(), mean_config(tmp_path, time_budget_s=999.0), echo=lambda _: None, budget_after_setup=hook
    )
    assert seen and seen[0][:2] == ("cpu", 999.0) and run.steps == 1


def test_undeclared_options_and_devices_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(
        TrainingError, match=r"^mean on the host CPU does not take --lora-rank \(it takes: --noise, --verbose\)"
    ):
        train_with_recipe(MeanRecipe(), mean_config(tmp_path, options={"lora_rank": 8}), echo=lambda _: None)
    with pytest.raises(TrainingError, match=r"--device cuda: this family runs on the host CPU"):
        train_with_recipe(MeanRecipe(), mean_config(tmp_path, device="cuda"), echo=lambda _: None)


def test_the_same_dataset_gives_the_same_eval_rows_whatever_the_recipe(tmp_path: Path) -> None:
    class Other(MeanRecipe):
        family: ClassVar[str] = "other"

    train_with_recipe(MeanRecipe(), mean_config(tmp_path, out=tmp_path / "m", max_steps=1), echo=lambda _: None)
    train_with_recipe(Other(), mean_config(tmp_path, out=tmp_path / "o", max_steps=1), echo=lambda _: None)
    ids = [json.loads((tmp_path / d / "kp.json").read_text())["data"]["eval_rows_sha256"] for d in ("m", "o")]
    assert ids[0] == ids[1] == eval_rows_sha256(prepare_data(mean_config(tmp_path)))


def test_a_recipe_may_ask_for_plain_shuffled_batches(tmp_path: Path) -> None:
    from kp_core.training.batching import epoch_batches, shuffled_batches

    class Shuffled(MeanRecipe):
        batching: ClassVar[str] = "shuffled"

        def forward_backward(self, batch: Any, loss_scale: float) -> Any:
            self.calls.append(("batch", list(batch)))
            return super().forward_backward(batch, loss_scale)

    recipe = Shuffled()
    train_with_recipe(recipe, mean_config(tmp_path, epochs=1.0), echo=lambda _: None)
    seen = [batch for kind, batch in recipe.calls if kind == "batch"]
    lengths = recipe.item_lengths()
    assert seen == shuffled_batches(len(lengths), 4, seed=0, epoch=0)
    assert seen != epoch_batches(lengths, 4, seed=0, epoch=0)

    class Unknown(MeanRecipe):
        batching: ClassVar[str] = "by_colour"

    with pytest.raises(
        TrainingError, match="mean on the host CPU: unknown batching rule 'by_colour'; known: by_length"
    ):
        train_with_recipe(Unknown(), mean_config(tmp_path, epochs=1.0), echo=lambda _: None)
