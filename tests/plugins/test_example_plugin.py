"""The example plugin, checked with the same conformance kit as kp's own families."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.registry import get_registry
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
    assert failed.exit_code != 0 and "not a KP type" in failed.output


def test_family_provider_is_recorded() -> None:
    assert get_registry().family("gazetteer").provider == "example"
