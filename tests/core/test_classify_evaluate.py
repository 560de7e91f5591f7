"""``kp evaluate`` with a classifier: the model's family says it classifies (or --task
classification), and it is scored on document labels with bootstrap intervals; the options that
only score spans are refused."""

# ruff: noqa: F811
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.classification import PERSONAL_DATA
from kp_core.cli import build_cli
from kp_core.generate import generate_rows
from tests.core.test_classify_fake import keyword_family  # noqa: F401  (a fixture; tests take it by name: F811 below)


def kp(*args: object):
    return CliRunner().invoke(build_cli(), [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    """Generated documents (all with spans) and clean ones, some of which the fake misses."""
    rows = list(generate_rows(["it"], n=12, seed=3))
    words = ("one", "two", "three", "four", "five", "six")
    rows += [{"doc_id": f"clean-{w}", "text": f"#clean note {w} of the day", "spans": []} for w in words]
    rows += [{"doc_id": "plain", "text": "a note without keywords", "spans": []}]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_classifier_is_scored_on_document_labels(keyword_family: str, gold: Path) -> None:
    result = kp("evaluate", "-m", keyword_family, "--data", gold, "--json", "--no-progress")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["task"] == "classification" and document["model"] == keyword_family
    (report,) = document["results"]
    assert report["data"] == "gold.jsonl" and report["documents"] == 19 and report["resamples"] == 1000
    # the fake scores 0.9 on every generated document and on "plain", 0.1 on the clean ones
    assert report["labels"][PERSONAL_DATA]["support"] == 12 and report["labels"][PERSONAL_DATA]["predicted"] == 13
    assert report["labels"][PERSONAL_DATA]["recall"] == 1.0
    assert report["personal_data_auroc"]["value"] == pytest.approx((12 * 6 + 12 * 0.5) / (12 * 7))
    for key in ("micro_f1", "macro_f1", "personal_data_ece", "level_accuracy"):
        low, high = report[key]["ci"]
        assert low <= report[key]["value"] <= high
    table = kp("evaluate", "-m", keyword_family, "--data", gold, "--limit", "5")
    assert table.exit_code == 0 and f"{keyword_family} on gold.jsonl (5 documents" in table.output
    assert "PERSONAL_DATA AUROC" in table.output and "n/a" in table.output  # 5 documents, one class


def test_task_classification_is_explicit_and_checked(keyword_family: str, gold: Path) -> None:
    explicit = kp("evaluate", "-m", keyword_family, "--data", gold, "--task", "classification", "--json")
    assert explicit.exit_code == 0 and json.loads(explicit.stdout)["task"] == "classification"
    wrong = kp("evaluate", "-m", "rules", "--data", gold, "--task", "classification")
    assert wrong.exit_code == 2 and "span-detection model" in wrong.output
    as_detector = kp("evaluate", "-m", keyword_family, "--data", gold, "--task", "detection")
    assert as_detector.exit_code == 2 and "a document classifier" in as_detector.output


def test_span_options_are_refused_with_a_classifier(keyword_family: str, gold: Path, tmp_path: Path) -> None:
    result = kp(
        "evaluate", "-m", keyword_family, "--data", gold, "--per-type", "--out", tmp_path / "b.json", "--with-rules"
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--per-type, --out, --with-rules: span-detection options" in result.output
    assert not (tmp_path / "b.json").exists()
