"""kp-mlx on the command line: a model reference that is no local folder (a Hub id) is a refusal
(one ``Error:`` line, exit 2), and the JSON files kp-mlx writes are written atomically."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def run_kp(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("KP_DEBUG", *OFFLINE)}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "kp_core", *args], capture_output=True, text=True, timeout=300, env=environment
    )


@pytest.mark.parametrize("ref", ["moe-finetune:openai/privacy-filter", "org/some-model"])
@pytest.mark.parametrize("env", [OFFLINE, {}], ids=["offline", "online"])
def test_predict_with_a_hub_id_is_a_refusal(ref: str, env: dict[str, str]) -> None:
    result = run_kp("predict", "--model", ref, "--device", "mlx", "x", env=env)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    error = errors[0]
    assert "internal error" not in error
    assert repr(ref.split(":")[-1]) in error and "not found locally" in error and "folder" in error
    assert ("HF_HUB_OFFLINE" in error) == bool(env), error


def test_write_json_never_leaves_a_half_written_file(tmp_path, monkeypatch) -> None:
    from kp_mlx.checkpoint import write_json

    path = tmp_path / "config.json"
    write_json(path, {"model_type": "bert"})

    def failing_sync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_sync)
    with pytest.raises(OSError):
        write_json(path, {"model_type": "xlm-roberta"})
    assert json.loads(path.read_text(encoding="utf-8")) == {"model_type": "bert"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json"]  # no temporary file left
