"""``kp export mlx``: float and quantized exports, their parity reports, naming and loading."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from kp_core.data.texts_file import TextsFileError, read_texts
from kp_core.detector import NormalizedDetector
from kp_core.plugins.models import load_detector
from kp_mlx.engine import MLXTokenClassifier
from kp_mlx.export import REPORT, ExportError, export_mlx
from tests.mlx.conftest import fixture_folder, reference_spans


@pytest.fixture
def source(tmp_path):
    folder = tmp_path / "kp-deid-tinypf-1m"
    shutil.copytree(fixture_folder("tiny-privacy-filter"), folder)
    return folder


def test_float_export_is_exact_and_loads_by_auto(source):
    out, report = export_mlx(source)
    assert out.name == "kp-deid-tinypf-1m-mlx"
    assert report.argmax_agreement == 1.0 and report.span_f1 == 1.0 and report.max_abs_logprob_diff == 0.0
    meta = json.loads((out / "kp.json").read_text())
    assert meta["framework"] == "mlx" and meta["family"] == "moe-finetune" and meta["parity"]["span_f1"] == 1.0
    detector = load_detector(str(out), identifier_typing=False)
    assert isinstance(detector, NormalizedDetector) and isinstance(detector.detector, MLXTokenClassifier)


@pytest.mark.parametrize("bits", [8, 4])
def test_quantized_export_shrinks_and_reports(source, bits):
    texts, _ = reference_spans("tiny-privacy-filter")
    out, report = export_mlx(
        source, source.with_name(f"kp-deid-tinypf-1m-q{bits}-mlx"), bits=bits, group_size=32, texts=texts
    )
    saved = json.loads((out / REPORT).read_text())
    assert saved == report.to_json()
    assert report.quantization["bits"] == bits and report.quantization["layers"] > 0
    assert report.export_bytes < 0.4 * report.source_bytes
    assert 0.0 <= report.argmax_agreement <= 1.0 and report.tokens > 0
    config = json.loads((out / "config.json").read_text())
    assert config["quantization"] == {"group_size": 32, "bits": bits, "mode": "affine"}
    detector = MLXTokenClassifier.from_folder(out)
    assert len(detector.predict_spans(texts)) == len(texts)
    if bits == 8:
        assert report.argmax_agreement > 0.85, report.summary()


def test_encoder_8bit_export_keeps_spans(tmp_path):
    source = tmp_path / "kp-deid-tinybert-1m"
    shutil.copytree(fixture_folder("tiny-bert"), source)
    texts, _ = reference_spans("tiny-bert")
    _, report = export_mlx(source, bits=8, group_size=32, texts=texts)
    assert report.argmax_agreement > 0.9 and report.span_f1 > 0.8, report.summary()


def test_naming_and_inputs_checked(source, tmp_path):
    with pytest.raises(ExportError, match="-mlx"):
        export_mlx(source, tmp_path / "wrong-name")
    with pytest.raises(ExportError, match="kp-"):
        export_mlx(source, tmp_path / "kp-Deid_Bad-mlx")
    with pytest.raises(ExportError, match="group size"):
        export_mlx(source, bits=8, group_size=128)
    out, _ = export_mlx(source)
    with pytest.raises(ExportError, match="exists"):
        export_mlx(source)
    with pytest.raises(ExportError, match="already a quantized"):
        quantized, _ = export_mlx(source, tmp_path / "q-mlx", bits=8, group_size=32)
        export_mlx(quantized, tmp_path / "again-mlx")


def test_texts_file_errors_name_the_line(tmp_path):
    bad = tmp_path / "texts.jsonl"
    bad.write_text('{"text": "ok"}\n{"body": "x"}\n')
    with pytest.raises(TextsFileError, match=r"texts\.jsonl:2"):
        read_texts(bad)
    plain = tmp_path / "texts.txt"
    plain.write_text("one\n\ntwo\n")
    assert read_texts(plain) == ["one", "two"]


def test_cli(source, tmp_path):
    from kp_core.cli import build_cli

    texts = tmp_path / "t.txt"
    texts.write_text("Contact Maria Ionescu at maria@example.org.\nHerr Jonas Albrecht wohnt in Berlin.\n")
    args = [
        "export",
        "mlx",
        "--model",
        str(source),
        "--quantize",
        "8",
        "--group-size",
        "32",
        "--texts",
        str(texts),
        "--json",
    ]
    result = CliRunner().invoke(build_cli(), args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["out"].endswith("kp-deid-tinypf-1m-mlx") and payload["texts"] == 2
    bad = CliRunner().invoke(build_cli(), ["export", "mlx", "--model", str(source), "--out", str(tmp_path / "x")])
    assert bad.exit_code != 0 and "-mlx" in bad.output
