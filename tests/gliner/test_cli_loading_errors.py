"""A GLiNER Hub id the Hub cannot give is a refusal (one ``Error:`` line, exit 2), for
``kp predict`` and ``kp train gliner --base``, not an internal error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import make_rows

OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
HUB_ID = "urchade/gliner_multi_pii-v1"


def run_kp(*args: str) -> subprocess.CompletedProcess:
    """``kp ARGS`` in a fresh process with the Hub off (its switch is read at import time)."""
    environment = {k: v for k, v in os.environ.items() if k != "KP_DEBUG"}
    environment.update(OFFLINE)
    return subprocess.run(
        [sys.executable, "-m", "kp_core", *args], capture_output=True, text=True, timeout=300, env=environment
    )


def assert_offline_refusal(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert "internal error" not in errors[0]
    assert repr(HUB_ID) in errors[0] and "not found locally" in errors[0], errors[0]
    assert "HF_HUB_OFFLINE" in errors[0] and "local checkpoint folder" in errors[0], errors[0]


def test_predict_with_a_gliner_hub_id_offline_is_a_refusal() -> None:
    assert_offline_refusal(run_kp("predict", "--model", f"gliner:{HUB_ID}", "--device", "cpu", "x"))


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in make_rows(30)), encoding="utf-8")
    return path


def test_train_with_a_gliner_hub_base_offline_is_a_refusal(gold: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_kp("train", "gliner", "--base", HUB_ID, "--data", str(gold), "--out", str(out), "--device", "cpu")
    assert_offline_refusal(result)
    assert not (out / "kp.json").exists()
