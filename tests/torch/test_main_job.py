"""``kp main`` end to end with tiny settings: generate, train, score the four dev slices, de-identify."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_torch.main_job import FIXED_RESERVE_S


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


def test_scoring_estimate_counts_the_windows_the_engine_runs(learned_model) -> None:
    from transformers import AutoTokenizer

    from kp_torch.engine import EncoderDetector
    from kp_torch.scoring_estimate import estimate_scoring, window_tokens

    tokenizer = AutoTokenizer.from_pretrained(str(learned_model))
    texts = ["Mario Rossi", " ".join(["Anna Berg lives in Oslo."] * 40), ""]
    detector = EncoderDetector.from_pretrained(learned_model, device="cpu", max_length=64)
    ran: list[int] = []
    forward = detector._forward
    detector._forward = lambda rows: (ran.extend(len(r) for r in rows), forward(rows))[1]  # type: ignore[method-assign]
    detector.predict_spans(texts)
    assert window_tokens(tokenizer, texts, 64) == (len(ran), sum(ran))
    estimate = estimate_scoring(learned_model, texts, device="cpu", max_length=64, batch_size=4)
    assert estimate.windows == len(ran) and estimate.tokens_per_s > 0 and estimate.seconds > 0
