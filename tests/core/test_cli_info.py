"""The informational commands: kp version, taxonomy, families, backends, plugins (text and --json)."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from kp_core import __version__
from kp_core.cli import build_cli
from kp_core.plugins.registry import reset_registry


@pytest.fixture
def core_only(monkeypatch):
    """kp with its built-ins only (no external plugin), as after `pip install ./kp_core`."""
    monkeypatch.setenv("KP_LOAD_PLUGINS", "")
    reset_registry()
    yield build_cli()
    monkeypatch.delenv("KP_LOAD_PLUGINS")
    reset_registry()


def invoke(cli, *args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_version(core_only):
    assert invoke(core_only, "version").strip() == f"kp-core {__version__} (taxonomy 0.2.0)"
    assert __version__ in invoke(core_only, "--version")


def test_taxonomy_json_has_version_entities_and_labels(core_only, dev_dir):
    payload = json.loads(invoke(core_only, "taxonomy", "--json"))
    raw = yaml.safe_load((dev_dir / "taxonomy.yaml").read_text(encoding="utf-8"))
    assert payload["version"] == raw["version"] == "0.2.0"
    assert [e["name"] for e in payload["entities"]] == [e["name"] for e in raw["entities"]]
    for mine, theirs in zip(payload["entities"], raw["entities"], strict=True):
        assert mine["tier"] == theirs["tier"] and mine["identifier_class"] == theirs["identifier_class"]
        assert mine["gdpr_special"] == bool(theirs.get("gdpr_special", False))
        own = {k: v for k, v in mine["crosswalk"].items() if k in raw["schemes"]}  # + presidio, spacy, gliner
        assert own == {k: list(v or []) for k, v in (theirs.get("crosswalk") or {}).items()}
    assert payload["bioes_labels"][:5] == ["O", "B-PERSON", "I-PERSON", "E-PERSON", "S-PERSON"]
    assert len(payload["bioes_labels"]) == 73 and payload["bioes_labels"][-1] == "S-COMPANY_ID"


def test_taxonomy_text(core_only):
    out = invoke(core_only, "taxonomy")
    assert out.splitlines()[0] == "KP taxonomy 0.2.0: 18 entity types across tiers; 73 BIOES labels"
    assert "GDPR Art. 9 special categories: HEALTH_CONDITION" in out
    assert "HEALTH_CONDITION  clinical  quasi  Art.9" in out


def test_core_alone_has_the_rules_family_and_no_backend(core_only):
    families = json.loads(invoke(core_only, "families", "--json"))
    rules = next(f for f in families if f["name"] == "rules")
    assert rules["provider"] == "builtin" and rules["trainable"] is False
    assert {f["provider"] for f in families} == {"builtin"}
    assert "rules" in invoke(core_only, "families")
    assert json.loads(invoke(core_only, "backends", "--json")) == []
    assert "no device backends registered" in invoke(core_only, "backends")


def test_plugins_text_and_json(core_only):
    payload = json.loads(invoke(core_only, "plugins", "--json"))
    assert [p["name"] for p in payload["loaded"]] == ["builtin"]
    assert payload["loaded"][0]["version"] == __version__
    assert payload["failed"] == []
    line = next(x for x in invoke(core_only, "plugins").splitlines() if x.startswith("builtin"))
    assert "kp-core" in line and "kp_register_commands" in line
