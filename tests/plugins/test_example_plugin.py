"""The example plugin, checked with the same conformance kit as kp's own families."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.plugins.registry import get_registry
from kp_core.testing import FamilyConformance, OperatorConformance, PluginConformance


def write_terms(tmp_path: Path) -> Path:
    path = tmp_path / "terms.json"
    path.write_text(
        json.dumps({"terms": {"Ion Popescu": "PERSON", "Acme Ltd": "ORG_PARTY", "Brno": "ADDRESS"}}), encoding="utf-8"
    )
    return path


class TestExamplePlugin(PluginConformance):
    plugin_name = "example"


class TestGazetteerFamily(FamilyConformance):
    family_name = "gazetteer"

    def model_ref(self, tmp_path: Path) -> str:
        return str(write_terms(tmp_path))

    def test_finds_terms_case_insensitively(self, detector) -> None:
        [spans] = detector.predict_spans(["contract between ION POPESCU and Acme Ltd."])
        assert [(s.label, s.text) for s in spans] == [("PERSON", "ION POPESCU"), ("ORG_PARTY", "Acme Ltd")]


class TestInitialsOperator(OperatorConformance):
    operator_name = "initials"

    def test_initials(self, operator) -> None:
        assert operator.factory()("Ana Maria Popescu", "PERSON") == "A. M. P."


def test_kp_register_commands_from_example_plugin(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(build_cli(), ["gazetteer-check", str(write_terms(tmp_path))])
    assert ok.exit_code == 0 and "3 terms OK" in ok.output
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"terms": {"x": "NOT_A_TYPE"}}), encoding="utf-8")
    failed = runner.invoke(build_cli(), ["gazetteer-check", str(bad)])
    assert failed.exit_code == 2 and "not a KP type" in failed.output  # a KpError: one Error line
    assert "Traceback" not in failed.output
    as_json = runner.invoke(build_cli(), ["gazetteer-check", str(write_terms(tmp_path)), "--json"])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["terms"] == 3


def test_family_provider_is_recorded() -> None:
    assert get_registry().family("gazetteer").provider == "example"


def test_load_detector_puts_the_normalized_front_before_a_plugin_family(tmp_path: Path) -> None:
    """A family that does not normalize by itself sees a term split by a zero-width space or
    written with no-break spaces as the plain term; spans come back on the text as given."""
    from kp_core.detector import NormalizedDetector
    from kp_core.plugins.models import clear_detector_cache, load_detector

    clear_detector_cache()
    detector = load_detector(f"gazetteer:{write_terms(tmp_path)}", identifier_typing=False)
    assert isinstance(detector, NormalizedDetector)
    text = "contract between Ion\u00a0Po\u200bpescu and Acme Ltd in Brno."
    assert [s.text for s in detector.detector.predict_spans([text])[0]] == ["Acme Ltd", "Brno"]  # the raw model
    [spans] = detector.predict_spans([text])
    assert [(s.label, text[s.start : s.end], s.text) for s in spans] == [
        ("PERSON", "Ion\u00a0Po\u200bpescu", "Ion\u00a0Po\u200bpescu"),
        ("ORG_PARTY", "Acme Ltd", "Acme Ltd"),
        ("ADDRESS", "Brno", "Brno"),
    ]
    detector.model_id = "renamed"  # the front's own fields stay on the front ...
    detector.extra_setting = 3  # ... any other setting reaches the wrapped detector
    assert detector.detector.extra_setting == 3 and detector.extra_setting == 3
    assert load_detector("rules").__class__.__name__ == "RulesDetector"  # rules normalizes by itself
    clear_detector_cache()


def test_every_family_gets_identifier_typing_by_default(tmp_path: Path) -> None:
    """A plugin family that calls a valid PESEL a phone number: through load_detector and the SDK
    kp's validators type it as a national ID, unless typing is turned off."""
    import random

    from kp_core import extract_pii
    from kp_core.identifiers.national_id import generate_national_id
    from kp_core.plugins.models import clear_detector_cache, load_detector
    from kp_core.rules.identifier_typing import IdentifierTyping

    pesel = generate_national_id("PL", random.Random(3))
    path = tmp_path / "terms.json"
    path.write_text(json.dumps({"terms": {pesel: "PHONE", "Acme Ltd": "ORG_PARTY"}}), encoding="utf-8")
    ref = f"gazetteer:{path}"
    text = f"Acme Ltd, pracownik {pesel}."
    clear_detector_cache()
    assert isinstance(load_detector(ref), IdentifierTyping)
    assert [(s.label, s.text) for s in extract_pii(text, ref)] == [("ORG_PARTY", "Acme Ltd"), ("NATIONAL_ID", pesel)]
    alone = extract_pii(text, ref, identifier_typing=False)
    assert [(s.label, s.text) for s in alone] == [("ORG_PARTY", "Acme Ltd"), ("PHONE", pesel)]
    clear_detector_cache()
