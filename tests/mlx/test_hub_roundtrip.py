"""MLX models through the Hub (tests/hub_server.py): ``kp train moe-finetune --device mlx --push``
publishes the run in one commit (model files, kp.json, card, no checkpoints), and ``kp export mlx
--push ORG/NAME-mlx`` publishes the export folder; on an empty Hub cache ``kp predict -m ORG/NAME``
finds exactly the spans the local folder finds. An export name without ``-mlx`` is refused before
anything is exported or sent.

huggingface_hub reads HF_ENDPOINT and the offline switches at import, so every step runs ``kp`` in
a fresh process with the environment the test Hub gives.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.hub_server import FakeHub, assert_published, fake_hub  # noqa: F401
from tests.mlx.conftest import PRIVACY_FILTER, fixture_folder
from tests.mlx.rows import make_rows, write_rows

TRAIN_FLAGS = (
    "--device", "mlx", "--max-steps", "3", "--batch-size", "8", "--lr", "5e-3", "--eval-fraction", "0.25",
    "--no-progress", "--option", "max_length=32", "--option", "lora_rank=4", "--option", "lora_dropout=0",
)  # fmt: skip
MODEL_FILES = {"model.safetensors", "config.json", "tokenizer.json", "tokenizer_config.json", "kp.json", "README.md"}


def run_kp(hub: FakeHub, tmp_path: Path, *args: str, check: bool = True) -> Any:
    """``kp ARGS`` in a fresh process pointed at ``hub``."""
    env = hub.env(tmp_path)
    env.pop("KP_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "kp_core", *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    if check:
        assert result.returncode == 0, result.stderr[-4000:]
    return result


def empty_hub_cache(hub: FakeHub, tmp_path: Path) -> None:
    cache = Path(hub.env(tmp_path)["HF_HUB_CACHE"])
    shutil.rmtree(cache, ignore_errors=True)
    assert not cache.exists()


def predict(hub: FakeHub, tmp_path: Path, model: str, texts: Path) -> list[list[dict]]:
    """The spans (start, end, label, score) ``kp predict -m model --json`` finds in each text."""
    result = run_kp(hub, tmp_path, "predict", "-m", model, "--device", "mlx", "--input", str(texts), "--json",
                    "--no-progress")  # fmt: skip
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(rows) == len(texts.read_text("utf-8").splitlines()), result.stdout
    return [row["spans"] for row in rows]


@pytest.fixture(scope="module")
def texts_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("texts") / "texts.jsonl"
    rows = make_rows(4, seed=7)
    path.write_text("".join(json.dumps({"doc_id": r["doc_id"], "text": r["text"]}) + "\n" for r in rows), "utf-8")
    return path


def test_trained_moe_finetune_round_trip(fake_hub: FakeHub, texts_file: Path, tmp_path: Path) -> None:  # noqa: F811
    repo = "kp-test/kp-deid-tinypf-50k-mlx"
    data = write_rows(tmp_path / "train.jsonl", 40)
    run = tmp_path / "runs" / "mlx"
    base = str(fixture_folder(PRIVACY_FILTER))
    run_kp(fake_hub, tmp_path, "train", "moe-finetune", "--base", base, "--data", str(data), *TRAIN_FLAGS,
           "--out", str(run), "--push", repo)  # fmt: skip
    files = assert_published(fake_hub, repo, run, MODEL_FILES)
    assert json.loads(files["kp.json"])["framework"] == "mlx"

    empty_hub_cache(fake_hub, tmp_path)
    local = predict(fake_hub, tmp_path, str(run), texts_file)
    assert any(local), "the tiny model finds no span: the comparison would prove nothing"
    assert predict(fake_hub, tmp_path, repo, texts_file) == local


def test_export_push_round_trip(fake_hub: FakeHub, texts_file: Path, tmp_path: Path) -> None:  # noqa: F811
    source = tmp_path / "kp-deid-tinypf-50k"
    shutil.copytree(fixture_folder(PRIVACY_FILTER), source)
    export_flags = ("export", "mlx", "--model", str(source), "--quantize", "8", "--group-size", "32")

    # A name the variant check refuses stops the command before it exports or sends anything.
    refused = run_kp(fake_hub, tmp_path, *export_flags, "--push", "kp-test/kp-deid-tinypf-50k", check=False)
    assert refused.returncode == 2, refused.stderr
    assert "must end in '-mlx'" in refused.stderr and "Traceback" not in refused.stderr
    assert not source.with_name("kp-deid-tinypf-50k-mlx").exists()
    assert fake_hub.requests == []

    repo = "kp-test/kp-deid-tinypf-50k-mlx"
    result = run_kp(fake_hub, tmp_path, *export_flags, "--push", repo, "--json")
    payload = json.loads(result.stdout)
    export = Path(payload["out"])
    assert export.name == "kp-deid-tinypf-50k-mlx"
    assert payload["repo"] == repo and payload["commit"] == fake_hub.branches(repo)["main"]
    files = assert_published(fake_hub, repo, export, MODEL_FILES)
    assert json.loads(files["config.json"])["quantization"]["bits"] == 8

    empty_hub_cache(fake_hub, tmp_path)
    local = predict(fake_hub, tmp_path, str(export), texts_file)
    assert any(local), "the tiny model finds no span: the comparison would prove nothing"
    assert predict(fake_hub, tmp_path, repo, texts_file) == local
