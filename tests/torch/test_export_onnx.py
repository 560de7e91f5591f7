"""``kp export onnx``: the graph's logits against torch's, kp's spans decoded from ONNX Runtime's
logits against torch's (windows and dynamic batch/sequence axes in use), and the refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_torch.export.onnx import OnnxDetector, check_parity, export_onnx
from kp_torch.export.source import ExportError
from tests.torch.conftest import make_rows


@pytest.fixture(scope="module")
def onnx_model(learned_model, tmp_path_factory) -> tuple[Path, object]:
    return export_onnx(learned_model, tmp_path_factory.mktemp("exports") / "onnx")


def test_the_export_folder(learned_model, onnx_model) -> None:
    folder, report = onnx_model
    names = {p.name for p in folder.iterdir()}
    assert {"model.onnx", "config.json", "kp.json", "tokenizer.json", "tokenizer_config.json"} <= names
    assert "model.safetensors" not in names
    assert report.passed and report.texts == 8 and report.identical_docs == 8
    assert report.max_abs_logit_diff < 1e-4
    meta = json.loads((folder / "kp.json").read_text())
    assert meta["framework"] == "onnx" and meta["family"] == "xlmr-ner-onnx"
    export = meta["export"]
    assert export["kind"] == "onnx" and export["opset"] == 18 and export["exporter"].startswith("torch.onnx")
    assert export["parity"] == report.to_json() and export["source"]["folder"] == learned_model.name


def test_onnx_runtime_spans_equal_torch_spans_over_windows_and_batches(learned_model, onnx_model) -> None:
    from kp_torch.engine import EncoderDetector

    rows = make_rows(30, seed=11)
    # Long documents (several 64-token windows) next to short ones, in batches of 4 and of 1.
    texts = (
        [row["text"] for row in rows[:20]]
        + [" ".join(r["text"] for r in rows[i : i + 5]) for i in (10, 20)]
        + [" ".join(r["text"] for r in rows)]
    )
    torch_detector = EncoderDetector.from_pretrained(learned_model, device="cpu", batch_size=4)
    assert len(torch_detector.tokenizer(texts[-1])["input_ids"]) > 3 * torch_detector.max_length
    expected = _keys(torch_detector.predict_spans(texts))
    assert sum(len(spans) for spans in expected) >= 20  # the tiny model finds PII
    for batch_size in (4, 1):
        onnx_detector = OnnxDetector.from_folder(onnx_model[0], batch_size=batch_size)
        assert _keys(onnx_detector.predict_spans(texts)) == expected  # scores differ in the 7th digit
    report = check_parity(torch_detector, OnnxDetector.from_folder(onnx_model[0]), texts)
    assert report.passed and report.identical_docs == len(texts) and report.max_abs_logit_diff < 1e-4


def test_the_onnx_family_loads_an_export(learned_model, onnx_model) -> None:
    from kp_core.errors import KpError
    from kp_torch.engine import EncoderDetector
    from kp_torch.export.family import load

    texts = [row["text"] for row in make_rows(6, seed=3)]
    detector = load(str(onnx_model[0]), device="auto", batch_size=2, progress=False)
    expected = EncoderDetector.from_pretrained(learned_model, device="cpu").predict_spans(texts)
    assert _keys(detector.predict_spans(texts)) == _keys(expected)
    with pytest.raises(KpError, match="--device cpu"):
        load(str(onnx_model[0]), device="cuda")
    with pytest.raises(KpError, match="float32"):
        load(str(onnx_model[0]), bf16=True)
    with pytest.raises(ExportError, match="no model.onnx"):
        load(str(learned_model))


def _keys(spans: list[list]) -> list[list[tuple[int, int, str]]]:
    return [[(s.start, s.end, s.label) for s in doc] for doc in spans]


def test_a_disagreeing_export_writes_nothing(learned_model, tmp_path) -> None:
    with pytest.raises(ExportError, match="disagrees with torch"):
        export_onnx(learned_model, tmp_path / "strict", tolerance=1e-12, texts=["Pan Lars Berg, tel. +39 333 1234567."])
    assert not (tmp_path / "strict").exists() and not list(tmp_path.glob(".*.partial"))


def test_cli(tiny_bases, learned_model, tmp_path) -> None:
    runner = CliRunner()
    texts = tmp_path / "texts.jsonl"
    texts.write_text("".join(json.dumps({"text": row["text"]}) + "\n" for row in make_rows(3, seed=5)))
    out = tmp_path / "onnx"
    args = ["export", "onnx", str(learned_model), "--out", str(out), "--check", str(texts), "--json"]
    done = runner.invoke(build_cli(), args)
    assert done.exit_code == 0, done.output
    payload = json.loads(done.output)  # nothing else on stdout: the exporter's progress goes to stderr
    assert payload["texts"] == 3 and payload["passed"] and payload["out"] == str(out)
    again = runner.invoke(build_cli(), args)
    assert again.exit_code == 2 and again.output.count("Error:") == 1 and "--overwrite" in again.output
    base = runner.invoke(build_cli(), ["export", "onnx", str(tiny_bases["bert"]), "--out", str(tmp_path / "b")])
    assert base.exit_code == 2 and "not a token-classification checkpoint" in base.output
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    no_texts = runner.invoke(
        build_cli(), ["export", "onnx", str(learned_model), "--out", str(tmp_path / "c"), "--check", str(empty)]
    )
    assert no_texts.exit_code == 2 and "no texts" in no_texts.output and not (tmp_path / "c").exists()
