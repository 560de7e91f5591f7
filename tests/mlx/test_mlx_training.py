"""LoRA fine-tuning of the tiny privacy-filter in MLX: loss falls, adapters save and reload,
runs resume, the head grows to the KP labels, and `kp train --device mlx` drives it."""

from __future__ import annotations

import json
import shutil

import mlx.core as mx
import numpy as np
import pytest
from click.testing import CliRunner
from mlx.utils import tree_flatten

from kp_core.taxonomy import bioes_labels
from kp_core.training.config import TrainConfig
from kp_mlx.engine import MLXTokenClassifier
from kp_mlx.head import extend_head
from kp_mlx.lora import ADAPTER_WEIGHTS, load_adapters, merge_lora
from kp_mlx.models import load_model
from kp_mlx.train import TrainingError, span_metrics, train
from tests.mlx.conftest import PRIVACY_FILTER, fixture_folder
from tests.mlx.rows import write_rows

OPENAI_TYPES = ("account_number", "private_address", "private_date", "private_email", "private_person")


def _config(tmp_path, **overrides) -> TrainConfig:
    settings = dict(
        family="moe-finetune",
        base=str(fixture_folder(PRIVACY_FILTER)),
        dataset=str(write_rows(tmp_path / "rows.jsonl", 64)),
        out=tmp_path / "out",
        epochs=3,
        lr=5e-3,
        batch_size=8,
        lora_rank=4,
        lora_dropout=0.0,
        max_length=32,
        eval_fraction=0.25,
        device="mlx",
        options={"progress": "0"},
    )
    settings.update(overrides)
    return TrainConfig(**settings)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("train")
    config = _config(tmp)
    return config, train(config, echo=lambda _: None)


def test_loss_falls(trained):
    config, run = trained
    losses = json.loads((config.out / "kp.json").read_text())["losses"]
    assert run.steps == len(losses) >= 12
    assert np.mean(losses[-4:]) < 0.6 * np.mean(losses[:2]), losses
    assert run.metrics["eval_loss"] < losses[0]


def test_adapters_reload_onto_the_base(trained):
    config, _ = trained
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

    config, run = trained
    detector = load_detector(str(config.out), device="mlx")
    assert isinstance(detector, NormalizedDetector) and isinstance(detector.detector, MLXTokenClassifier)
    assert detector.name == "moe-finetune"
    examples = load_examples(config.dataset, strict=False)[:24]
    trained_f1 = span_metrics(detector, examples)["f1"]
    base_f1 = span_metrics(MLXTokenClassifier.from_folder(fixture_folder(PRIVACY_FILTER), max_length=32), examples)[
        "f1"
    ]
    assert trained_f1 > base_f1 + 0.05, (trained_f1, base_f1)


def test_resume_continues_the_same_run(tmp_path, trained):
    full_config, _ = trained
    full = json.loads((full_config.out / "kp.json").read_text())["losses"]
    config = _config(tmp_path, time_budget_s=0.0)
    first = train(config, echo=lambda _: None)
    assert first.steps == 1
    resumed = train(_config(tmp_path, resume=True), echo=lambda _: None)
    losses = json.loads((config.out / "kp.json").read_text())["losses"]
    assert resumed.steps == len(full)
    assert np.allclose(losses, full, atol=1e-4)


def test_resume_refuses_changed_settings(tmp_path):
    train(_config(tmp_path, time_budget_s=0.0), echo=lambda _: None)
    with pytest.raises(TrainingError, match="lr"):
        train(_config(tmp_path, resume=True, lr=1e-3), echo=lambda _: None)


def test_unhonoured_flags_are_errors(tmp_path):
    with pytest.raises(TrainingError, match="--bf16"):
        train(_config(tmp_path, bf16=True), echo=lambda _: None)
    with pytest.raises(TrainingError, match="unknown --option"):
        train(_config(tmp_path, options={"nope": "1"}), echo=lambda _: None)


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
        "train", "moe-finetune", "--base", config.base, "--dataset", config.dataset, "--out", str(config.out),
        "--device", "mlx", "--max-steps", "3", "--batch-size", "8", "--max-length", "32", "--eval-fraction", "0.25",
        "--option", "progress=0", "--json",
    ]  # fmt: skip
    result = CliRunner().invoke(build_cli(), args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output[result.output.index("{") :])
    assert payload["device"] == "mlx" and payload["steps"] == 3
    shutil.rmtree(config.out)


def test_trainable_parameters_are_only_adapters_and_head(tmp_path):
    from kp_mlx.lora import apply_lora

    model, _ = load_model(fixture_folder(PRIVACY_FILTER))
    apply_lora(model, ["q_proj", "v_proj"], rank=2, alpha=4, dropout=0.0)
    names = {k for k, _ in tree_flatten(model.trainable_parameters())}
    assert names and all(k.endswith(("lora_A", "lora_B")) or k.startswith("score.") for k in names)
