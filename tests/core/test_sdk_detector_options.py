"""The SDK's detection options for real: threshold, allow list, deny list, recognizer files, one
code path for extract_pii / deidentify / pseudonymize, and the CLI's @FILE lists."""

from __future__ import annotations

import warnings
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kp_core.cli.detector_options import Detection, detection_options
from kp_core.errors import KpError
from kp_core.sdk import deidentify, detector, extract_pii, pseudonymize
from kp_core.types import Span

# Made-up values only (example.com, a fictitious company and case number).
TEXT = "Write to zora.quill@example.com or Brindle Works Ltd, case 2024/17, tel +48 601 234 567."
EMAIL = "zora.quill@example.com"
KEY = b"0123456789abcdef-test-key"


@pytest.fixture(autouse=True)
def _quiet_default_note():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _found(spans: list[Span]) -> list[tuple[str, str]]:
    return [(s.label, s.text) for s in spans]


def test_the_not_available_stub_is_gone():
    # detector() used to refuse all four with "not available yet".
    found = detector("rules", threshold=0.5, allow_list=["x"], deny_list=["PERSON=Zora"])
    assert found.predict_spans(["Zora"]) == [[Span(0, 4, "PERSON", 1.0)]]


def test_threshold_drops_spans_scored_below_it_and_keeps_unscored():
    every = _found(extract_pii(TEXT, "rules"))
    assert ("PHONE", "+48 601 234 567") in every  # scored 0.9 by the rules
    high = _found(extract_pii(TEXT, "rules", threshold=0.95))
    assert ("EMAIL", EMAIL) in high and ("PHONE", "+48 601 234 567") not in high
    # A deny-list span has no model score to fall below: it stays at any threshold.
    assert ("PERSON", "Zora") in _found(extract_pii("Zora", "rules", threshold=1.0, deny_list=["PERSON=Zora"]))


def test_threshold_out_of_range_is_refused():
    with pytest.raises(KpError, match="threshold must be from 0 to 1"):
        extract_pii(TEXT, "rules", threshold=1.5)


def test_allow_list_strings_are_never_flagged():
    assert ("EMAIL", EMAIL) not in _found(extract_pii(TEXT, "rules", allow_list=[EMAIL]))
    # Only an exact match is allowed: a part of the value does not unflag it.
    assert ("EMAIL", EMAIL) in _found(extract_pii(TEXT, "rules", allow_list=["zora.quill"]))


def test_deny_list_flags_every_whole_word_occurrence_with_its_type():
    text = "Brindle met Brindle; Brindlewood is another firm."
    found = extract_pii(text, "rules", deny_list=["ORG_PARTY=Brindle"])
    assert [(s.start, s.end, s.label) for s in found] == [(0, 7, "ORG_PARTY"), (12, 19, "ORG_PARTY")]


def test_deny_list_span_merges_with_an_overlapping_model_span():
    # The model's EMAIL and a deny term inside it become one span (the union, labelled by the stronger).
    found = extract_pii(TEXT, "rules", deny_list=["PERSON=zora.quill"])
    emails = [s for s in found if s.start == TEXT.index(EMAIL)]
    assert len(emails) == 1 and emails[0].end == TEXT.index(EMAIL) + len(EMAIL)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_bad_deny_entries_and_contradictions_are_refused_without_the_term():
    with pytest.raises(KpError, match=r"deny_list\[0\]: a deny-list entry is TYPE=term"):
        extract_pii(TEXT, "rules", deny_list=["Brindle"])
    with pytest.raises(KpError, match=r"deny_list\[1\]: label 'FIRM' is not a KP type") as err:
        extract_pii(TEXT, "rules", deny_list=["ORG_PARTY=Brindle", "FIRM=Brindle"])
    assert "Brindle" not in str(err.value)
    with pytest.raises(KpError, match="in allow_list too"):
        extract_pii(TEXT, "rules", allow_list=["Brindle"], deny_list=["ORG_PARTY=Brindle"])
    with pytest.raises(KpError, match="list of strings"):
        extract_pii(TEXT, "rules", allow_list=EMAIL)


def test_recognizer_file_adds_patterns_and_terms(tmp_path: Path):
    path = tmp_path / "recognizers.yaml"
    path.write_text(
        "patterns:\n"
        "  - label: CASE_NUMBER\n"
        "    regex: '\\b\\d{4}/\\d{2}\\b'\n"
        "    context: [case]\n"
        "    score: 0.8\n"
        "terms:\n"
        "  - label: ORG_PARTY\n"
        "    terms: [brindle works ltd]\n"
        "    case_insensitive: true\n",
        encoding="utf-8",
    )
    found = _found(extract_pii(TEXT, "rules", recognizers=path))
    assert ("CASE_NUMBER", "2024/17") in found
    assert ("ORG_PARTY", "Brindle Works Ltd") in found
    assert ("EMAIL", EMAIL) in found  # the model's spans stay
    # The context word is required: without it the pattern finds nothing.
    assert ("CASE_NUMBER", "2024/17") not in _found(extract_pii("ref 2024/17", "rules", recognizers=path))


def test_one_code_path_for_extract_deidentify_and_pseudonymize():
    options = {"threshold": 0.95, "deny_list": ["ORG_PARTY=Brindle Works Ltd"], "allow_list": [EMAIL]}
    found = extract_pii(TEXT, "rules", **options)
    assert _found(found) == [("ORG_PARTY", "Brindle Works Ltd")]
    assert deidentify(TEXT, "replace", "rules", **options) == TEXT.replace("Brindle Works Ltd", "<ORG_PARTY>")
    result = pseudonymize(TEXT, KEY, model="rules", **options)
    assert "Brindle Works Ltd" not in result.text and EMAIL in result.text
    assert "+48 601 234 567" in result.text  # below the threshold: left alone
    assert extract_pii(TEXT, "rules", with_rules=True)  # with_rules too


def test_detection_options_with_caller_spans_are_refused():
    with pytest.raises(ValueError, match="threshold.*with spans= there is no model"):
        deidentify(TEXT, "redact", spans=[[Span(0, 5, "PERSON")]], threshold=0.5)


def _command():
    seen: dict[str, Detection] = {}

    @click.command()
    @detection_options
    def run(detection: Detection) -> None:
        seen["detection"] = detection

    return run, seen


def test_cli_lists_take_at_file_one_term_per_line(tmp_path: Path):
    allow = tmp_path / "allow.txt"
    allow.write_text("# allowed\nBrindle, Inc.\n\nzora\n", encoding="utf-8")
    deny = tmp_path / "deny.txt"
    deny.write_text("ORG_PARTY=Acme, Ltd\n", encoding="utf-8")
    run, seen = _command()
    args = ["--allow-list", f"@{allow}", "--allow-list", "a,b", "--deny-list", f"@{deny}", "--deny-list", "PERSON=Zora"]
    result = CliRunner().invoke(run, args)
    assert result.exit_code == 0, result.output
    assert seen["detection"].allow_list == ("Brindle, Inc.", "zora", "a", "b")
    assert seen["detection"].deny_list == ("ORG_PARTY=Acme, Ltd", "PERSON=Zora")


def test_cli_bad_deny_line_names_file_and_line(tmp_path: Path):
    deny = tmp_path / "deny.txt"
    deny.write_text("ORG_PARTY=Acme\n# comment\nAcme\n", encoding="utf-8")
    run, _ = _command()
    result = CliRunner().invoke(run, ["--deny-list", f"@{deny}"])
    assert isinstance(result.exception, KpError)
    assert f"--deny-list @{deny} line 3: a deny-list entry is TYPE=term" in str(result.exception)
    result = CliRunner().invoke(run, ["--allow-list", f"@{tmp_path / 'missing.txt'}"])
    assert isinstance(result.exception, KpError) and "no such file" in str(result.exception)


def test_adjusted_detector_keeps_the_models_attributes():
    found = detector("rules", threshold=0.5, labels=["EMAIL"])
    assert found.name == "rules" and found.require_context is True  # the rules detector's own setting
