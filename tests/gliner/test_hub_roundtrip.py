"""GLiNER through the Hub (tests/hub_server.py): ``kp train gliner --push`` publishes the run in one
commit (model files, kp.json, card, no checkpoints), and ``kp predict -m ORG/NAME`` on an empty Hub
cache, with the encoder it was trained from gone, finds exactly the spans the local run folder finds.

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

from tests.gliner.conftest import TINY_OPTIONS, build_tiny_encoder, make_rows
from tests.hub_server import FakeHub, assert_published, fake_hub  # noqa: F401

# threshold: the saved default of the checkpoint, low enough that 3 steps of training find spans.
TRAIN_FLAGS = (
    "--device", "cpu", "--threads", "1", "--max-steps", "3", "--batch-size", "8", "--lr", "3e-3",
    "--eval-fraction", "0.25", "--no-progress",
    *(arg for key, value in {**TINY_OPTIONS, "threshold": "0.02"}.items() for arg in ("--option", f"{key}={value}")),
)  # fmt: skip
MODEL_FILES = {"model.safetensors", "gliner_config.json", "tokenizer.json", "tokenizer_config.json", "kp.json"}


def run_kp(hub: FakeHub, tmp_path: Path, *args: str) -> Any:
    """``kp ARGS`` in a fresh process pointed at ``hub``."""
    env = hub.env(tmp_path)
    env.pop("KP_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "kp_core", *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return result


def predict(hub: FakeHub, tmp_path: Path, model: str, texts: Path) -> list[list[dict]]:
    """The spans (start, end, label, score) ``kp predict -m model --json`` finds in each text."""
    result = run_kp(hub, tmp_path, "predict", "-m", model, "--device", "cpu", "--input", str(texts), "--json",
                    "--no-progress")  # fmt: skip
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(rows) == len(texts.read_text("utf-8").splitlines()), result.stdout
    return [row["spans"] for row in rows]


def test_gliner_round_trip(fake_hub: FakeHub, tmp_path: Path) -> None:  # noqa: F811
    repo = "kp-test/kp-gliner-tinybert-50k"
    encoder = build_tiny_encoder(tmp_path / "encoder")
    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row in make_rows(40)), encoding="utf-8")
    texts = tmp_path / "texts.jsonl"
    rows = make_rows(4, seed=7)
    texts.write_text("".join(json.dumps({"doc_id": r["doc_id"], "text": r["text"]}) + "\n" for r in rows), "utf-8")
    run = tmp_path / "runs" / "gliner"
    run_kp(fake_hub, tmp_path, "train", "gliner", "--base", str(encoder), "--data", str(data), *TRAIN_FLAGS,
           "--out", str(run), "--push", repo)  # fmt: skip

    assert_published(fake_hub, repo, run, MODEL_FILES)

    # The pushed model stands alone: no encoder folder, no cached snapshot.
    shutil.rmtree(encoder)
    shutil.rmtree(fake_hub.env(tmp_path)["HF_HUB_CACHE"], ignore_errors=True)
    local = predict(fake_hub, tmp_path, str(run), texts)
    assert any(local), "the tiny model finds no span: the comparison would prove nothing"
    assert predict(fake_hub, tmp_path, repo, texts) == local
