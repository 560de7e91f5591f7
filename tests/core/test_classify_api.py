"""``classify`` (SDK) and ``kp classify``: a classifier through the model resolver and its cache;
a model of the wrong task refused, naming it and what to use."""

# ruff: noqa: F811
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kp_core
from kp_core.classification import PERSONAL_DATA, DocPrediction
from kp_core.classification.api import WrongTaskError, load_classifier
from kp_core.cli import build_cli
from kp_core.sdk import classify, detector, extract_pii
from tests.core.test_classify_fake import keyword_family  # noqa: F401  (a fixture; tests take it by name: F811 below)


def kp(*args: object):
    return CliRunner().invoke(build_cli(), [str(a) for a in args], catch_exceptions=False)


def test_classify_one_text_and_several(keyword_family: str) -> None:
    one = classify("#clean meeting notes", model=keyword_family)
    assert isinstance(one, DocPrediction) and not one.personal_data and one.level == "none"
    many = kp_core.classify(["#clean", "mail a@b.eu"], model=f"{keyword_family}:any")
    assert [p.personal_data for p in many] == [False, True]
    assert many[1].scores[PERSONAL_DATA] == pytest.approx(0.9) and "EMAIL" in many[1].labels


def test_loaded_classifiers_are_cached_per_reference(keyword_family: str) -> None:
    assert load_classifier(keyword_family) is load_classifier(keyword_family)
    assert load_classifier(f"{keyword_family}:other") is not load_classifier(keyword_family)


def test_a_detection_model_given_to_classify_is_refused() -> None:
    with pytest.raises(WrongTaskError, match=r"model rules: a span-detection model \(family rules\).*extract_pii"):
        classify("text", model="rules")


def test_a_classifier_given_to_a_detector_is_refused(keyword_family: str) -> None:
    for call in (lambda: detector(keyword_family), lambda: extract_pii("text", model=keyword_family)):
        with pytest.raises(WrongTaskError, match=f"model {keyword_family}: a document classifier.*classify"):
            call()


def test_kp_predict_refuses_a_classifier_in_one_error_line(keyword_family: str) -> None:
    result = kp("predict", "-m", keyword_family, "some text")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "a document classifier" in result.output and "kp classify" in result.output


def test_kp_classify_a_text(keyword_family: str) -> None:
    result = kp("classify", "-m", keyword_family, "write to a@b.eu")
    assert result.exit_code == 0, result.output
    assert "personal_data: yes" in result.output and "level: direct" in result.output
    assert "labels: EMAIL, PERSONAL_DATA" in result.output and "PERSONAL_DATA 0.900" in result.output
    as_json = json.loads(kp("classify", "-m", keyword_family, "#clean", "--json").output)
    assert as_json["personal_data"] is False and as_json["level"] == "none" and as_json["labels"] == []


def test_kp_classify_rows_with_doc_ids_never_repeats_the_text(keyword_family: str, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"doc_id": "d1", "text": "#clean minutes"}) + "\n" + json.dumps({"text": "id 123"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = kp("classify", "-m", keyword_family, "-i", source, "--json", "--out", out, "--no-progress")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["doc_id"] == "d1" and rows[0]["personal_data"] is False
    assert "doc_id" not in rows[1] and rows[1]["labels"] == ["NATIONAL_ID", PERSONAL_DATA]
    assert all("text" not in row for row in rows) and "minutes" not in out.read_text(encoding="utf-8")
    again = kp("classify", "-m", keyword_family, "-i", source, "--out", out)
    assert again.exit_code == 2 and "--overwrite" in again.output
    plain = kp("classify", "-m", keyword_family, "-i", source, "--out", out, "--overwrite")
    assert plain.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# doc_id d1\npersonal_data: no")


def test_kp_classify_needs_a_model_and_one_input(keyword_family: str) -> None:
    assert kp("classify", "text").exit_code == 2
    both = kp("classify", "-m", keyword_family, "text", "-i", "x.jsonl")
    assert both.exit_code == 2 and "either TEXT or --input" in both.output
    wrong = kp("classify", "-m", "rules", "text")
    assert wrong.exit_code == 2 and "span-detection model" in wrong.output
