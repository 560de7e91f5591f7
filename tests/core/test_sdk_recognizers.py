"""Recognizer files (YAML or JSON): what they find, and refusals naming file, entry, line, reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kp_core.rules.recognizers import RecognizerError, get_validator, load_recognizers


def _yaml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "recognizers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_json_file_with_a_validator(tmp_path: Path):
    path = tmp_path / "recognizers.json"
    path.write_text(
        json.dumps({"patterns": [{"label": "ACCOUNT_ID", "regex": r"\b\d{16}\b", "validator": "luhn", "score": 0.7}]}),
        encoding="utf-8",
    )
    found = load_recognizers(path).find("cards 4539578763621486 and 4539578763621487")
    assert [(s.start, s.end, s.label, s.score) for s in found] == [(6, 22, "ACCOUNT_ID", 0.7)]


def test_context_after_the_match_counts_and_terms_are_whole_words(tmp_path: Path):
    path = _yaml(
        tmp_path,
        "patterns:\n  - {label: CASE_NUMBER, regex: 'X-\\d+', context: docket}\n"
        "terms:\n  - {label: ORG_PARTY, terms: [Ann]}\n",
    )
    found = load_recognizers(path).find("X-12 (docket) Annual Ann")
    assert [(s.start, s.end, s.label) for s in found] == [(0, 4, "CASE_NUMBER"), (21, 24, "ORG_PARTY")]
    assert load_recognizers(path).labels == {"CASE_NUMBER", "ORG_PARTY"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("patterns:\n  - label: PHONE\n    regex: '(unclosed'\n", r"patterns\[0\] \(line 2\): bad regex"),
        ("terms:\n  - {label: ORG_PARTY, terms: [a]}\n  - {label: FIRM, terms: [b]}\n",
         r"terms\[1\] \(line 3\): label 'FIRM' is not a KP type"),
        ("patterns:\n  - label: PHONE\n", r"patterns\[0\] \(line 2\): missing 'regex'"),
        ("patterns:\n  - regex: 'x'\n", r"patterns\[0\] \(line 2\): missing 'label'"),
        ("patterns:\n  - {label: PHONE, regex: x, validator: crc}\n", r"patterns\[0\] \(line 2\): unknown validator 'crc'"),
        ("patterns:\n  - {label: PHONE, regex: x, score: 2}\n", r"score must be a number from 0 to 1"),
        ("patterns:\n  - {label: PHONE, regex: x, colour: red}\n", r"unknown key\(s\) colour"),
        ("terms:\n  - {label: PHONE, terms: ok}\n", r"terms must be a list"),
        ("pattern: []\n", r"unknown top-level key\(s\) pattern"),
        ("patterns: [\n", r"not valid YAML"),
    ],
)  # fmt: skip
def test_refusals_name_file_entry_line_and_reason(tmp_path: Path, text: str, message: str):
    path = _yaml(tmp_path, text)
    with pytest.raises(RecognizerError, match=message) as err:
        load_recognizers(path)
    assert str(err.value).startswith(str(path))


def test_terms_are_never_echoed_in_refusals(tmp_path: Path):
    path = _yaml(tmp_path, "terms:\n  - {label: NOT_A_TYPE, terms: [Zora Quill]}\n")
    with pytest.raises(RecognizerError) as err:
        load_recognizers(path)
    assert "Zora" not in str(err.value)


def test_missing_file_and_bad_json(tmp_path: Path):
    with pytest.raises(RecognizerError, match="no such recognizer file"):
        load_recognizers(tmp_path / "nope.yaml")
    bad = tmp_path / "r.json"
    bad.write_text('{"patterns": [}', encoding="utf-8")
    with pytest.raises(RecognizerError, match=r"not valid JSON \(line 1"):
        load_recognizers(bad)


def test_validators_by_name():
    assert get_validator("iban")("DE89 3704 0044 0532 0130 00")
    assert not get_validator("iban")("DE89 3704 0044 0532 0130 01")
    assert get_validator("luhn")("4539 5787 6362 1486")
    with pytest.raises(ValueError, match="unknown validator 'national_id:ZZ'"):
        get_validator("national_id:ZZ")
