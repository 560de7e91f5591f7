"""Loading a torch model from the command line: a Hub id the Hub cannot give is a refusal (one
``Error:`` line, exit 2), a broken local folder is not mistaken for one, and transformers' own
progress bars stay off when stderr is not a terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import build_tiny_base

OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def run_kp(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``kp ARGS`` in a fresh process (the Hub's offline switch is read at import time)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("KP_DEBUG", *OFFLINE)}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kp_core", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
        cwd=cwd,
        check=False,
    )


def assert_offline_refusal(result: subprocess.CompletedProcess, ref: str) -> None:
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    error = errors[0]
    assert "internal error" not in error and "Traceback" not in result.stderr
    assert repr(ref) in error and "not found locally" in error
    assert "HF_HUB_OFFLINE" in error and "local checkpoint folder" in error


@pytest.fixture(scope="module")
def gold(tmp_path_factory) -> Path:
    from .conftest import make_rows

    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in make_rows(30)), encoding="utf-8")
    return path


def test_predict_moe_hub_id_offline_is_a_refusal() -> None:
    result = run_kp("predict", "--model", "moe-finetune:openai/privacy-filter", "--device", "cpu", "x", env=OFFLINE)
    assert_offline_refusal(result, "openai/privacy-filter")


def test_predict_xlmr_hub_id_offline_is_a_refusal() -> None:
    result = run_kp("predict", "-m", "org/some-model", "--device", "cpu", "x", env=OFFLINE)
    assert_offline_refusal(result, "org/some-model")


@pytest.mark.parametrize("family", ["moe-finetune", "xlmr-ner"])
def test_train_hub_base_offline_is_a_refusal(gold, tmp_path, family: str) -> None:
    args = ["train", family, "--base", "org/some-model", "--data", str(gold), "--out", str(tmp_path / "o")]
    result = run_kp(*args, "--device", "cpu", env=OFFLINE)
    assert_offline_refusal(result, "org/some-model")
    assert not (tmp_path / "o" / "kp.json").exists()


def test_a_broken_local_folder_is_not_called_a_hub_failure(tmp_path) -> None:
    """A folder that exists keeps its own error (here: a config without weights), offline or not."""
    from transformers import AutoModelForTokenClassification, BertConfig

    from kp_core.plugins.models import ModelResolutionError
    from kp_torch_runtime.hub import hub_reference

    folder = tmp_path / "no-weights"
    BertConfig(hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64).save_pretrained(
        str(folder)
    )
    with pytest.raises(OSError) as caught, hub_reference(folder):
        AutoModelForTokenClassification.from_pretrained(str(folder))
    assert not isinstance(caught.value, ModelResolutionError)


def test_a_reference_that_is_no_hub_id_says_so(tmp_path) -> None:
    from kp_core.plugins.models import ModelResolutionError
    from kp_torch_runtime.hub import hub_reference

    missing = str(tmp_path / "no" / "such" / "folder")
    with pytest.raises(ModelResolutionError, match="no such local folder, and not a Hugging Face Hub id"):
        with hub_reference(missing):
            from transformers import AutoConfig

            AutoConfig.from_pretrained(missing)


def test_the_refusal_without_offline_mode_says_the_hub_cannot_be_reached(monkeypatch) -> None:
    from kp_torch_runtime.hub import resolution_error

    for name in OFFLINE:
        monkeypatch.delenv(name, raising=False)
    message = str(resolution_error("org/some-model"))
    assert "cannot be reached" in message and "HF_HUB_OFFLINE" not in message


def tiny_checkpoint(folder: Path) -> Path:
    """A tiny BERT token classifier over kp's BIOES labels, saved as a plain HF folder."""
    from transformers import AutoModelForTokenClassification

    from kp_core.taxonomy import bioes_labels

    base = build_tiny_base("bert", folder)
    labels = list(bioes_labels())
    model = AutoModelForTokenClassification.from_pretrained(
        str(base),
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
    model.save_pretrained(str(folder))
    return folder


@pytest.mark.parametrize("flag", [[], ["--no-progress"]])
def test_loading_a_model_draws_no_library_progress_bar_off_a_terminal(tmp_path, flag) -> None:
    folder = tiny_checkpoint(tmp_path / "model")
    result = run_kp("predict", "--model", str(folder), "--device", "cpu", *flag, "a short text", env=OFFLINE)
    assert result.returncode == 0, result.stderr
    assert "Loading weights" not in result.stderr and "it/s]" not in result.stderr, result.stderr


def test_training_draws_no_library_progress_bar_off_a_terminal(gold, tmp_path) -> None:
    """Neither the base's load nor the saves ("Writing model shards") put bars in a log file."""
    base = tiny_checkpoint(tmp_path / "base")
    out = tmp_path / "trained"
    args = ["train", "xlmr-ner", "--base", str(base), "--data", str(gold), "--out", str(out), "--max-steps", "1"]
    result = run_kp(*args, "--device", "cpu", "--batch-size", "2", env=OFFLINE)
    assert result.returncode == 0, result.stderr
    assert (out / "kp.json").is_file()
    for bar in ("Loading weights", "Writing model shards", "it/s]"):
        assert bar not in result.stderr, result.stderr
