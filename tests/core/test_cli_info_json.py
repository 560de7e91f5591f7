"""Every informational command takes --json; `kp version --json`; `kp taxonomy --scheme` is the
one spelling of a crosswalk (--crosswalk a hidden alias) and --json lists every scheme it takes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kp_core import __version__
from kp_core.cli import build_cli
from kp_core.plugins.registry import reset_registry
from kp_core.taxonomy.crosswalk import mapped_labels, schemes

INFO_COMMANDS = ("version", "taxonomy", "families", "plugins", "backends", "bases")


@pytest.fixture
def kp(monkeypatch):
    monkeypatch.setenv("KP_LOAD_PLUGINS", "")
    reset_registry()
    yield build_cli()
    reset_registry()


def run(cli, *args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", INFO_COMMANDS)
def test_every_info_command_prints_one_json_document(kp, command: str) -> None:
    json.loads(run(kp, command, "--json"))


def test_version_json_names_core_taxonomy_and_the_installed_kp_distributions(kp) -> None:
    payload = json.loads(run(kp, "version", "--json"))
    assert payload["kp_core"] == __version__
    assert payload["taxonomy"] == "0.2.0"
    assert payload["distributions"]["kp-core"] == __version__
    assert all(name.startswith("kp") for name in payload["distributions"])


def test_taxonomy_json_schemes_are_the_schemes_that_scheme_accepts(kp) -> None:
    payload = json.loads(run(kp, "taxonomy", "--json"))
    assert payload["schemes"] == list(schemes())
    assert {"presidio", "spacy", "gliner", "openai", "tab"} <= set(payload["schemes"])
    for scheme in payload["schemes"]:
        table = json.loads(run(kp, "taxonomy", "--scheme", scheme, "--json"))["mapping"]
        from_entities = {
            native: entity["name"] for entity in payload["entities"] for native in entity["crosswalk"].get(scheme, [])
        }
        assert from_entities == table == mapped_labels(scheme)


def test_crosswalk_is_a_hidden_alias_of_scheme(kp) -> None:
    assert "--crosswalk" not in run(kp, "taxonomy", "--help")
    assert "--scheme" in run(kp, "taxonomy", "--help")
    result = CliRunner().invoke(kp, ["taxonomy", "--crosswalk", "presidio", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["mapping"]["IT_FISCAL_CODE"] == "NATIONAL_ID"
    assert "--crosswalk is deprecated" in result.stderr
    both = CliRunner().invoke(kp, ["taxonomy", "--crosswalk", "tab", "--scheme", "tab"])
    assert both.exit_code == 2


def test_unknown_scheme_is_refused_naming_the_known_ones(kp) -> None:
    result = CliRunner().invoke(kp, ["taxonomy", "--scheme", "nope"])
    assert result.exit_code == 2
    assert "--scheme" in result.output and "presidio" in result.output
