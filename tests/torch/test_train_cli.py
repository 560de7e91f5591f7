"""``kp train FAMILY``: flags -> TrainConfig -> the family's train, and errors as clean messages."""

from __future__ import annotations

import json
import platform

import click
import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.cli.train import parse_duration


def _invoke(*args: str):
    return CliRunner().invoke(build_cli(), ["train", *args], catch_exceptions=False)


def test_kp_train_xlmr_ner_end_to_end(tiny_bases, tiny_dataset, tmp_path) -> None:
    out = tmp_path / "model"
    result = _invoke(
        "xlmr-ner",
        "--base", str(tiny_bases["xlmr"]),
        "--data", str(tiny_dataset),
        "--out", str(out),
        "--max-steps", "4",
        "--batch-size", "8",
        "--lr", "0.005",
        "--lora-rank", "4",
        "--max-length", "64",
        "--eval-fraction", "0.3",
        "--seed", "5",
        "--threads", "1",
        "--device", "cpu",
        "--no-progress",
        "--subword-labels", "first",
        "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)  # progress and the summary went to stderr
    assert payload["steps"] == 4 and payload["family"] == "xlmr-ner"
    assert "run summary" in result.output
    meta = json.loads((out / "kp.json").read_text())
    assert meta["training"]["options"]["lora_rank"] == 4 and meta["seed"] == 5
    assert meta["label_scheme"] == "first"
    assert meta["training"]["options"]["threads"] == 1


def test_unknown_family_is_a_clean_error() -> None:
    result = _invoke("no-such-family", "--base", "x", "--data", "y", "--out", "z")
    assert result.exit_code == 2  # a usage error, before any work
    assert "unknown family 'no-such-family'" in result.output and "xlmr-ner" in result.output


def test_data_errors_surface_with_file_and_line(tiny_bases, tmp_path) -> None:
    data = tmp_path / "rows.jsonl"
    data.write_text(json.dumps({"text": "Conto 123", "spans": [{"start": 6, "end": 9, "label": "IBAN"}]}) + "\n")
    result = _invoke(
        "xlmr-ner", "--base", str(tiny_bases["bert"]), "--data", str(data), "--out", str(tmp_path / "o")
    )
    assert result.exit_code == 2  # a refused row is a refusal (docs/cli.md), one Error line
    assert "rows.jsonl:1" in result.output and "unknown label" in result.output
    assert "IBAN" not in result.output  # a label from the data may itself be PII: never echoed


def test_missing_device_falls_back_with_a_line(tiny_bases, tiny_dataset, tmp_path) -> None:
    missing = "cuda" if platform.system() == "Darwin" else "mps"
    result = _invoke(
        "xlmr-ner", "--base", str(tiny_bases["bert"]), "--data", str(tiny_dataset), "--out", str(tmp_path / "o"),
        "--device", missing, "--max-steps", "1", "--eval-fraction", "0.3", "--max-length", "64",
        "--no-progress",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"device {missing!r} is unavailable" in result.output and "falling back to 'cpu'" in result.output


def test_bad_option_syntax_is_a_usage_error() -> None:
    result = CliRunner().invoke(
        build_cli(), ["train", "xlmr-ner", "--base", "b", "--data", "d", "--out", "o", "--option", "novalue"]
    )
    assert result.exit_code == 2 and "key=value" in result.output


@pytest.mark.parametrize(("value", "seconds"), [("90", 90.0), ("90s", 90.0), ("15m", 900.0), ("1.5h", 5400.0)])
def test_durations(value: str, seconds: float) -> None:
    assert parse_duration(value) == seconds


def test_bad_duration() -> None:
    with pytest.raises(click.BadParameter):
        parse_duration("soon")
