"""``kp calibrate`` on a moe-finetune checkpoint that under-detects: recall rises at the precision
floor, the operating point is written beside the checkpoint and applied when it loads again."""

from __future__ import annotations

import json
import random
import shutil

import pytest

pytest.importorskip("quicktok")

import torch  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from kp_core.decoding import OperatingPoint  # noqa: E402
from kp_core.decoding.calibration import CALIBRATION_JSON, OPERATING_POINT_JSON  # noqa: E402
from kp_core.detector import NormalizedDetector  # noqa: E402
from kp_core.encoding.grid import bioes_to_spans, predicted_bioes  # noqa: E402
from kp_core.plugins.manifest import write_kp_json  # noqa: E402
from kp_core.plugins.models import clear_detector_cache, load_detector  # noqa: E402
from kp_torch.moe.detector import PrivacyFilterDetector  # noqa: E402
from kp_torch.moe.head import extend_head  # noqa: E402
from kp_torch.moe.model import load_model  # noqa: E402
from tests.torch.moe_tiny import shared_tiny_base  # noqa: E402

WORDS = "Anna Rossi Via Roma Milano Karel Novak Praha mail tel nato il presso contratto firmato da 12 2024".split()
O_SHIFT = 2.5


def _texts(n: int) -> list[str]:
    rng = random.Random(7)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))) for _ in range(n)]


@pytest.fixture(scope="module")
def under_detecting(tmp_path_factory):
    """(folder, dev file): gold = the unshifted model's spans on the whitespace grid; the saved model
    has its O logit raised, so its default operating point misses some of them."""
    root = tmp_path_factory.mktemp("calib")
    base = shared_tiny_base(tmp_path_factory)
    model = load_model(base)
    extend_head(model)
    tokenizer = PrivacyFilterDetector.from_pretrained(base, device="cpu").tokenizer
    truth = PrivacyFilterDetector(model, tokenizer, model_id="truth")
    texts = _texts(60)
    rows = []
    for text, spans in zip(texts, truth.predict_spans(texts), strict=True):
        grid = bioes_to_spans(text, predicted_bioes(text, spans))
        rows.append({"text": text, "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in grid]})
    assert sum(len(r["spans"]) for r in rows) >= 30
    dev = root / "dev.jsonl"
    dev.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with torch.no_grad():
        model.score.bias[model.config.label2id["O"]] += O_SHIFT
    folder = root / "model"
    model.save_pretrained(str(folder))
    tokenizer.save_pretrained(str(folder))
    write_kp_json(folder, {"family": "moe-finetune", "labels": list(model.config.id2label.values())})
    return folder, dev


def test_kp_calibrate_raises_recall_at_the_floor_and_the_point_is_applied_on_load(under_detecting):
    from kp_core.cli import build_cli

    folder, dev = under_detecting
    clear_detector_cache()
    result = CliRunner().invoke(
        build_cli(),
        [
            "calibrate",
            "--model",
            str(folder),
            "--data",
            str(dev),
            "--objective",
            "recall@precision",
            "--precision-floor",
            "0.8",
            "--max-rounds",
            "3",
            "--device",
            "cpu",
        ],
    )
    assert result.exit_code == 0, result.output
    record = json.loads((folder / CALIBRATION_JSON).read_text())
    before, after = record["before"], record["after"]
    assert before["recall"] < 0.8  # the default point under-detects
    assert after["recall"] > before["recall"] + 0.1
    assert after["precision"] >= 0.8
    saved = OperatingPoint.load(folder / OPERATING_POINT_JSON)
    assert not saved.is_neutral

    clear_detector_cache()
    detector = load_detector(str(folder), device="cpu", identifier_typing=False)
    assert isinstance(detector, NormalizedDetector) and isinstance(detector.detector, PrivacyFilterDetector)
    assert detector.operating_point == saved
    # the loaded detector finds more gold entities than the same model at the neutral point
    rows = [json.loads(line) for line in dev.read_text().splitlines()]
    texts = [r["text"] for r in rows]
    gold = {(i, s["start"], s["end"], s["label"]) for i, r in enumerate(rows) for s in r["spans"]}

    def hits(spans_per_doc):
        found = {(i, s.start, s.end, s.label) for i, doc in enumerate(spans_per_doc) for s in doc}
        return len(gold & found)

    tuned = hits(detector.predict_spans(texts))
    detector.operating_point = None
    assert tuned > hits(detector.predict_spans(texts))


def test_kp_calibrate_errors(under_detecting, tmp_path):
    from kp_core.cli import build_cli

    _, dev = under_detecting
    result = CliRunner().invoke(build_cli(), ["calibrate", "--model", "rules", "--data", str(dev)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: --model rules is not a local folder; give --out DIR to say where the operating point goes"
    ]


def _fresh_copy(folder, tmp_path):
    """The under-detecting model without any calibration an earlier test wrote into it."""
    copy = tmp_path / "model"
    shutil.copytree(folder, copy)
    for name in (OPERATING_POINT_JSON, CALIBRATION_JSON):
        (copy / name).unlink(missing_ok=True)
    return copy


def test_kp_calibrate_json_and_overwrite(under_detecting, tmp_path):
    """--json prints the chosen point and its scores (stdout only, no round lines when stderr is not
    a terminal); a second run into the same folder needs --overwrite."""
    from kp_core.cli import build_cli

    folder, dev = under_detecting
    model = _fresh_copy(folder, tmp_path)
    args = ["calibrate", "-m", str(model), "--data", str(dev), "--max-rounds", "1", "--device", "cpu", "--json"]
    clear_detector_cache()
    first = CliRunner().invoke(build_cli(), args)
    assert first.exit_code == 0, first.output
    # no round lines unless asked (transformers' own "Loading weights" bar is the loader's: not ours here)
    assert "round " not in first.stderr
    payload = json.loads(first.stdout)
    assert payload["operating_point"] == json.loads((model / OPERATING_POINT_JSON).read_text())
    assert payload["after"]["f1"] >= payload["before"]["f1"]
    assert payload["operating_point_file"] == str(model / OPERATING_POINT_JSON)
    assert payload["calibration_file"] == str(model / CALIBRATION_JSON)
    assert not [p for p in model.iterdir() if p.name.startswith(".calibration.")]

    record = (model / CALIBRATION_JSON).read_text()
    refused = CliRunner().invoke(build_cli(), args)
    assert refused.exit_code == 2
    assert refused.output.strip().splitlines() == [
        f"Error: --out {model} already holds a calibration ({OPERATING_POINT_JSON}, {CALIBRATION_JSON}); "
        "give --overwrite to replace it"
    ]
    assert (model / CALIBRATION_JSON).read_text() == record

    clear_detector_cache()
    again = CliRunner().invoke(build_cli(), [*args, "--overwrite", "--progress"])
    assert again.exit_code == 0, again.output
    assert "round 1" in again.stderr  # --progress forces the round lines, on stderr
    json.loads(again.stdout)
    clear_detector_cache()
