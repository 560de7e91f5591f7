"""LoRA fine-tuning of the tiny privacy-filter in MLX through kp's training driver: loss falls,
adapters save and reload, a killed run resumes to the very same weights, the split is the driver's,
the head grows to the KP labels, and `kp train --device mlx` drives it."""

from __future__ import annotations

import json
import random
import shutil

import mlx.core as mx
import numpy as np
import pytest
from click.testing import CliRunner
from mlx.utils import tree_flatten

from kp_core.metrics.eval_split import span_metrics
from kp_core.taxonomy import bioes_labels
from kp_core.training.config import TrainConfig
from kp_core.training.data import TrainingError, prepare_data
from kp_core.training.driver import eval_rows_sha256, train_with_recipe
from kp_core.training.state import LoopState
from kp_mlx.engine import MLXTokenClassifier
from kp_mlx.head import extend_head
from kp_mlx.lora import ADAPTER_WEIGHTS, load_adapters, merge_lora
from kp_mlx.models import load_model
from kp_mlx.recipe import MlxTokenRecipe
from tests.mlx.conftest import PRIVACY_FILTER, fixture_folder
from tests.mlx.rows import write_rows

OPENAI_TYPES = ("account_number", "private_address", "private_date", "private_email", "private_person")


def _config(tmp_path, options=None, **overrides) -> TrainConfig:
    tmp_path.mkdir(parents=True, exist_ok=True)
    settings = dict(
        family="moe-finetune",
        base=str(fixture_folder(PRIVACY_FILTER)),
        dataset=str(write_rows(tmp_path / "rows.jsonl", 64)),
        out=tmp_path / "out",
        epochs=3,
        lr=5e-3,
        batch_size=8,
        eval_fraction=0.25,
        device="mlx",
        progress=False,
        options={"lora_rank": 4, "lora_dropout": 0.0, "max_length": 32, **(options or {})},
    )
    settings.update(overrides)
    return TrainConfig(**settings)


def train(config: TrainConfig, **hooks):
    return train_with_recipe(MlxTokenRecipe, config, echo=lambda _: None, **hooks)


def _losses(config: TrainConfig, **hooks) -> tuple[object, list[float]]:
    """Train and return the run with every optimizer step's loss (collected by the step hook)."""
    seen: list[float] = []

    def record(state: LoopState) -> None:
        seen[:] = state.losses

    return train(config, on_step=record, **hooks), seen


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("train")
    config = _config(tmp)
    run, losses = _losses(config)
    return config, run, losses


def _weights(folder) -> dict[str, np.ndarray]:
    return {k: np.array(v) for k, v in mx.load(str(folder / "model.safetensors")).items()}


def test_loss_falls(trained):
    config, run, losses = trained
    assert run.steps == len(losses) >= 12
    assert np.mean(losses[-4:]) < 0.6 * np.mean(losses[:2]), losses
    assert run.metrics["eval_loss"] < losses[0]
    manifest = json.loads((config.out / "kp.json").read_text())
    assert manifest["framework"] == "mlx" and manifest["trained_with"] == "mlx"
    assert manifest["training"]["options"]["lora_rank"] == config.options["lora_rank"]
    assert manifest["max_length"] == config.options["max_length"] and manifest["adapters"] == "adapters"


def test_adapters_reload_onto_the_base(trained):
    config, _, _ = trained
    adapters = config.out / "adapters"
    keys = mx.load(str(adapters / ADAPTER_WEIGHTS))
    assert "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight" in keys
    assert "base_model.model.score.weight" in keys
    rebuilt, _ = load_model(fixture_folder(PRIVACY_FILTER))
    merge_lora(load_adapters(rebuilt, adapters))
    saved, _ = load_model(config.out)
    ids = mx.array(np.arange(3, 27, dtype=np.int32).reshape(2, 12))
    mask = mx.ones(ids.shape, dtype=mx.int32)
    assert np.abs(np.array(rebuilt(ids, mask)) - np.array(saved(ids, mask))).max() < 1e-5
    base, _ = load_model(fixture_folder(PRIVACY_FILTER))
    assert np.abs(np.array(base(ids, mask)) - np.array(saved(ids, mask))).max() > 1e-2, "training changed nothing"


def test_trained_folder_predicts_better_than_the_base(trained):
    from kp_core.data import load_examples
    from kp_core.detector import NormalizedDetector
    from kp_core.plugins.models import load_detector

    config, _, _ = trained
    detector = load_detector(str(config.out), device="mlx", identifier_typing=False)
    assert isinstance(detector, NormalizedDetector) and isinstance(detector.detector, MLXTokenClassifier)
    assert detector.name == "moe-finetune"
    examples = load_examples(config.dataset, strict=False)[:24]
    trained_f1 = span_metrics(detector, examples)["f1"]
    base = MLXTokenClassifier.from_folder(fixture_folder(PRIVACY_FILTER), max_length=config.options["max_length"])
    base_f1 = span_metrics(base, examples)["f1"]
    assert trained_f1 > base_f1 + 0.05, (trained_f1, base_f1)


def test_eval_split_is_the_drivers(trained):
    config, run, _ = trained
    data = json.loads((config.out / "kp.json").read_text())["data"]
    prepared = prepare_data(config)
    assert data["eval_rows_sha256"] == eval_rows_sha256(prepared)
    assert run.eval_examples == len(prepared.eval) > 0 and run.train_examples == len(prepared.train)


class _Killed(RuntimeError):
    pass


def test_killed_run_resumes_to_identical_weights(tmp_path):
    """Dropout on (the random key must be restored), accumulation and a cadence evaluation between
    checkpoints: a run killed at a random step and resumed ends with every weight bit-identical."""
    options = {"lora_dropout": 0.1}
    shared = dict(epochs=2, grad_accum=2, batch_size=4, save_every=2, eval_every=3)
    full_config = _config(tmp_path / "full", options, **shared)
    full, full_losses = _losses(full_config)
    assert full.steps >= 6, full.steps
    kill_at = random.randrange(3, full.steps)

    def kill(state: LoopState) -> None:
        if state.step == kill_at:
            raise _Killed

    config = _config(tmp_path / "killed", options, **shared)
    with pytest.raises(_Killed):
        train(config, on_step=kill)
    resumed, resumed_losses = _losses(_config(tmp_path / "killed", options, resume=True, **shared))
    assert resumed.steps == full.steps
    manifest = json.loads((config.out / "kp.json").read_text())
    assert manifest["run"]["resumed_from"] == kill_at - kill_at % 2, kill_at
    assert resumed_losses == full_losses, f"killed at step {kill_at}"
    want, got = _weights(full_config.out), _weights(config.out)
    assert want.keys() == got.keys()
    different = [k for k in want if not np.array_equal(want[k], got[k])]
    assert not different, f"killed at step {kill_at}: {len(different)} tensors differ, e.g. {different[0]}"
    want_adapters = mx.load(str(full_config.out / "adapters" / ADAPTER_WEIGHTS))
    got_adapters = mx.load(str(config.out / "adapters" / ADAPTER_WEIGHTS))
    assert all(np.array_equal(np.array(v), np.array(got_adapters[k])) for k, v in want_adapters.items())


def test_full_finetune_trains_every_weight_and_saves_no_adapters(tmp_path):
    config = _config(tmp_path, {"full_finetune": "true"}, max_steps=2)
    run = train(config)
    manifest = json.loads((config.out / "kp.json").read_text())
    assert run.steps == 2 and manifest["adapters"] is None and not (config.out / "adapters").exists()
    base, trained = _weights(fixture_folder(PRIVACY_FILTER)), _weights(config.out)
    frozen_under_lora = [k for k in base if "score" not in k and "self_attn" not in k]
    assert frozen_under_lora and any(not np.array_equal(base[k], trained[k]) for k in frozen_under_lora)


def test_resume_refuses_changed_settings(tmp_path):
    def stop(state: LoopState) -> None:
        raise _Killed

    with pytest.raises(_Killed):
        train(_config(tmp_path, save_every=1), on_step=stop)
    with pytest.raises(TrainingError, match="lr"):
        train(_config(tmp_path, resume=True, lr=1e-3, save_every=1))
    with pytest.raises(TrainingError, match="options"):
        train(_config(tmp_path, {"lora_rank": 8}, resume=True, save_every=1))


def test_undeclared_and_bad_options_are_errors(tmp_path):
    with pytest.raises(TrainingError, match=r"moe-finetune on mlx does not take --bf16"):
        train(_config(tmp_path, {"bf16": True}))
    with pytest.raises(TrainingError, match=r"--subword-labels='middle'"):
        train(_config(tmp_path, {"subword_labels": "middle"}))
    with pytest.raises(TrainingError, match=r"--max-length=8"):
        train(_config(tmp_path, {"max_length": 8}))
    with pytest.raises(TrainingError, match=r"--head-scheme='nope'"):
        train(_config(tmp_path, {"head_scheme": "nope"}))


def test_head_grows_to_kp_labels_keeping_known_rows():
    model, config = load_model(fixture_folder(PRIVACY_FILTER))
    native = ["O"] + [f"{p}-{t}" for t in OPENAI_TYPES for p in "BIES"]
    old = np.array(model.score.weight)[: len(native)]
    model.score.weight = mx.array(old)
    model.score.bias = mx.zeros((len(native),))
    config = {**config, "id2label": {str(i): label for i, label in enumerate(native)}}
    new_config = extend_head(model, config, scheme="openai", seed=0)
    labels = list(bioes_labels())
    assert [new_config["id2label"][str(i)] for i in range(len(labels))] == labels
    weight = np.array(model.score.weight)
    assert weight.shape == (len(labels), old.shape[1])
    assert np.array_equal(weight[labels.index("B-PERSON")], old[native.index("B-private_person")])
    assert np.array_equal(weight[labels.index("E-EMAIL")], old[native.index("E-private_email")])
    assert np.array_equal(weight[0], old[0])


def test_kp_train_command_routes_to_mlx(tmp_path):
    from kp_core.cli import build_cli

    config = _config(tmp_path)
    args = [
        "train", "moe-finetune", "--base", config.base, "--data", config.dataset, "--out", str(config.out),
        "--device", "mlx", "--max-steps", "3", "--batch-size", "8", "--eval-fraction", "0.25",
        "--option", "max_length=32", "--option", "lora_rank=4", "--json",
    ]  # fmt: skip
    result = CliRunner().invoke(build_cli(), args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)  # progress and the summary went to stderr
    assert payload["device"] == "mlx" and payload["steps"] == 3
    assert json.loads((config.out / "kp.json").read_text())["training"]["options"]["max_length"] == 32
    shutil.rmtree(config.out)


def test_trainable_parameters_are_only_adapters_and_head(tmp_path):
    from kp_mlx.lora import apply_lora

    model, _ = load_model(fixture_folder(PRIVACY_FILTER))
    apply_lora(model, ["q_proj", "v_proj"], rank=2, alpha=4, dropout=0.0)
    names = {k for k, _ in tree_flatten(model.trainable_parameters())}
    assert names and all(k.endswith(("lora_A", "lora_B")) or k.startswith("score.") for k in names)
