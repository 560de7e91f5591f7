"""``kp predict --model DIR`` on an xlmr-ner checkpoint (the command is kp-core's; the model is ours)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kp_core.cli import build_cli

from .conftest import make_rows


def test_kp_predict_text_json(learned_model) -> None:
    text = make_rows(1, seed=21)[0]["text"]
    result = CliRunner().invoke(
        build_cli(), ["predict", "--model", str(learned_model), "--device", "cpu", text, "--json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout.strip().splitlines()[-1])
    assert payload["spans"], payload
    for span in payload["spans"]:
        assert {"start", "end", "label", "score"} <= set(span)


def test_kp_predict_input_file(learned_model, tmp_path) -> None:
    rows = make_rows(5, seed=22)
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"text": r["text"]}) + "\n" for r in rows))
    result = CliRunner().invoke(
        build_cli(), ["predict", "--model", str(learned_model), "--device", "cpu", "--input", str(path), "--json"]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert len(lines) == 5


def test_kp_predict_bf16_runs_the_model_in_bfloat16(learned_model) -> None:
    from kp_core.plugins.models import clear_detector_cache, load_detector

    text = make_rows(1, seed=21)[0]["text"]
    args = ["predict", "--model", str(learned_model), "--device", "cpu", text, "--json"]
    full = CliRunner().invoke(build_cli(), args)
    half = CliRunner().invoke(build_cli(), [*args, "--bf16"])
    assert full.exit_code == 0 and half.exit_code == 0, half.output
    labels = [[s["label"] for s in json.loads(r.stdout.strip().splitlines()[-1])["spans"]] for r in (full, half)]
    assert labels[0] and labels[0] == labels[1]
    detector = load_detector(str(learned_model), device="cpu", bf16=True)  # the cached one kp predict used
    assert str(next(detector.model.parameters()).dtype) == "torch.bfloat16"
    clear_detector_cache()
