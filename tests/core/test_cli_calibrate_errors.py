"""``kp calibrate`` refuses bad input as one ``Error:`` line with exit 2 (docs/cli.md), before the
model loads where it can, and writes nothing when it refuses. (The calibration itself, --json and
--overwrite on a model with log-probabilities: tests/torch/test_moe_calibrate.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.decoding.calibration import CALIBRATION_JSON, OPERATING_POINT_JSON
from kp_core.generate import generate_rows
from kp_core.generate.engine import write_rows


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    write_rows(generate_rows(n=4, seed=5), path)
    return path


def _error_line(args: list[str]) -> str:
    """The one line a refused run prints (and it must be refused with exit 2)."""
    result = CliRunner().invoke(build_cli(), ["calibrate", *args])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


def test_a_missing_data_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    line = _error_line(["-m", "rules", "--data", str(missing), "--out", str(tmp_path / "cal")])
    assert line == f"Error: --data {missing}: no such file or folder"
    assert not (tmp_path / "cal").exists()


def test_a_model_that_is_not_a_folder_needs_out(gold: Path) -> None:
    assert "give --out DIR" in _error_line(["-m", "rules", "--data", str(gold)])


def test_a_model_without_log_probabilities(gold: Path, tmp_path: Path) -> None:
    out = tmp_path / "cal"
    assert "log-probabilities" in _error_line(["-m", "rules", "--data", str(gold), "--out", str(out)])
    assert not out.exists()


def test_a_model_that_does_not_resolve(gold: Path, tmp_path: Path) -> None:
    line = _error_line(["-m", str(tmp_path / "no-model"), "--data", str(gold), "--out", str(tmp_path / "cal")])
    assert "no-model" in line


def test_an_out_that_is_a_file(gold: Path, tmp_path: Path) -> None:
    assert "is a file, not a folder" in _error_line(["-m", "rules", "--data", str(gold), "--out", str(gold)])


def test_an_out_holding_a_calibration_needs_overwrite(gold: Path, tmp_path: Path) -> None:
    out = tmp_path / "cal"
    out.mkdir()
    (out / OPERATING_POINT_JSON).write_text("{}\n", encoding="utf-8")
    line = _error_line(["-m", "rules", "--data", str(gold), "--out", str(out)])
    assert "already holds a calibration" in line and "--overwrite" in line
    assert (out / OPERATING_POINT_JSON).read_text(encoding="utf-8") == "{}\n"
    assert not (out / CALIBRATION_JSON).exists()
    # --overwrite passes that check (and rules is then refused for having no log-probabilities)
    assert "log-probabilities" in _error_line(["-m", "rules", "--data", str(gold), "--out", str(out), "--overwrite"])
    assert sorted(p.name for p in out.iterdir()) == [OPERATING_POINT_JSON]  # no staging folder left


def test_help_lists_the_shared_options() -> None:
    help_text = CliRunner().invoke(build_cli(), ["calibrate", "--help"]).output
    for flag in ("-m, --model", "--data", "--out", "--overwrite", "--json", "--progress / --no-progress"):
        assert flag in help_text
