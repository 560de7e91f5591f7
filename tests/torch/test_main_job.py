"""``kp main`` end to end with tiny settings: generate, train, score the four dev slices, de-identify."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.cli.main_job import FIXED_RESERVE_S


def test_main_job_smoke(tiny_bases, dev_dir, echr_dir, tmp_path) -> None:
    out = tmp_path / "run"
    result = CliRunner().invoke(
        build_cli(),
        [
            "main", "--out", str(out), "--base", str(tiny_bases["bert"]), "--docs", "150", "--max-steps", "3",
            "--max-length", "64", "--max-eval", "20", "--time-budget", "10m", "--device", "cpu", "--data-dir", str(dev_dir),
            "--echr-dir", str(echr_dir), "--json", "--no-progress",
        ],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Scorecard" in result.output and "de-identified" in result.output
    card = json.loads((out / "scorecard.json").read_text())
    # --json: the summary alone on stdout (the steps and the text scorecard went to stderr).
    assert json.loads(result.stdout) == card and "Scorecard" in result.stderr
    trained = json.loads((out / "model" / "kp.json").read_text())["training"]
    assert trained["progress"] is False and trained["eval_fraction"] == 0.05  # the main job's own split
    assert list(card["scores"]) == ["model_alone", "identifier_typing", "with_rules"]
    for variant, rows in card["scores"].items():
        assert [r["slice"] for r in rows] == ["it", "se", "cz", "dk", "echr-fr", "echr-es"], variant
        for row in rows:
            scores = row["scores"]
            assert row["n"] == (13 if row["slice"].startswith("echr") else 300)
            assert 0.0 <= scores["entity_f1"]["f1"] <= 1.0
            per_type = scores["kp_entity_per_type"]
            assert sum(c["support"] for c in per_type.values()) > 0
            if row["slice"].startswith("echr"):
                assert scores["name_in_context_leakage"]["name_subjects_total"] > 0
                assert set(per_type) >= {"PERSON", "DATE", "ORG_PARTY", "CASE_NUMBER", "ADDRESS"}
            else:
                assert scores["national_id_leakage"]["decode_bearing_total"] > 0
    # Identifier typing finds every national ID and company ID the validators accept, whatever the
    # model did; the rules can only add detections to what typing gave.
    alone, typed, united = (card["scores"][v] for v in ("model_alone", "identifier_typing", "with_rules"))
    for a, t, u in zip(alone, typed, united, strict=True):
        if a["slice"].startswith("echr"):
            continue
        assert t["scores"]["national_id_leakage"]["leak_rate"] == 0.0
        assert t["scores"]["kp_entity_per_type"]["COMPANY_ID"]["recall"] > 0.8
        assert u["scores"]["entity_f1"]["recall"] >= t["scores"]["entity_f1"]["recall"]
    md = (out / "scorecard.md").read_text()
    assert "echr-fr" in md and "COMPANY_ID" in md and "identifier typing" in md
    assert card["training"]["steps"] == 3
    assert card["training"]["documents_generated"] == 150
    assert (out / "model" / "kp.json").is_file()
    assert card["sample"]["deidentified"] != "" and "timings" in card
    # The scoring reserve was measured on this machine: the fixed part plus the timed forward.
    assert "scoring reserve" in result.output
    assert card["training"]["scoring_reserve_seconds"] > FIXED_RESERVE_S


def test_main_job_names_the_trainable_families_for_an_unknown_one(dev_dir, tmp_path) -> None:
    result = CliRunner().invoke(
        build_cli(), ["main", "--family", "no-such-family", "--out", str(tmp_path / "x"), "--data-dir", str(dev_dir)]
    )
    assert result.exit_code != 0
    assert "no-such-family" in result.output and "trainable here" in result.output


def test_main_job_lora_rank_needs_lora(dev_dir, echr_dir, tmp_path) -> None:
    result = CliRunner().invoke(
        build_cli(), ["main", "--lora-rank", "8", "--out", str(tmp_path / "x"), "--data-dir", str(dev_dir)]
    )
    assert result.exit_code == 2 and "--lora-rank" in result.output and "--lora" in result.output
    assert not (tmp_path / "x").exists()  # refused before anything is written
