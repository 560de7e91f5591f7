"""``kp main`` end to end with tiny settings: generate, train, score the four dev slices, de-identify."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.cli.main_job import FIXED_RESERVE_S


def test_main_job_smoke(tiny_bases, dev_dir, tmp_path) -> None:
    out = tmp_path / "run"
    result = CliRunner().invoke(
        build_cli(),
        [
            "main", "--out", str(out), "--base", str(tiny_bases["bert"]), "--docs", "150", "--max-steps", "3",
            "--max-length", "64", "--max-eval", "20", "--budget", "10m", "--device", "cpu", "--dev-dir", str(dev_dir),
        ],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Scorecard" in result.output and "de-identified" in result.output
    card = json.loads((out / "scorecard.json").read_text())
    assert [r["slice"] for r in card["slices"]] == ["it", "se", "cz", "dk"]
    for row in card["slices"]:
        assert row["n"] == 300
        scores = row["scores"]
        assert 0.0 <= scores["entity_f1"]["f1"] <= 1.0
        assert scores["national_id_leakage"]["decode_bearing_total"] > 0
        assert 0.0 <= scores["national_id_leakage"]["leak_rate"] <= 1.0
    # United with the checksum-validated rules, no national ID of the dev slices is left behind,
    # and the union can only add detections to what the model found.
    assert [r["slice"] for r in card["slices_with_rules"]] == ["it", "se", "cz", "dk"]
    for alone, united in zip(card["slices"], card["slices_with_rules"], strict=True):
        assert united["scores"]["national_id_leakage"]["leak_rate"] == 0.0
        assert united["scores"]["entity_f1"]["recall"] >= alone["scores"]["entity_f1"]["recall"]
    assert card["training"]["steps"] == 3
    assert card["training"]["documents_generated"] == 150
    assert (out / "model" / "kp.json").is_file() and (out / "scorecard.md").is_file()
    assert card["sample"]["deidentified"] != "" and "timings" in card
    # The scoring reserve was measured on this machine: the fixed part plus the timed forward.
    assert "scoring reserve" in result.output
    assert card["training"]["scoring_reserve_seconds"] > FIXED_RESERVE_S


def test_main_job_names_the_trainable_families_for_an_unknown_one(dev_dir, tmp_path) -> None:
    result = CliRunner().invoke(
        build_cli(), ["main", "--family", "no-such-family", "--out", str(tmp_path / "x"), "--dev-dir", str(dev_dir)]
    )
    assert result.exit_code != 0
    assert "no-such-family" in result.output and "trainable here" in result.output
