"""Families declare the KP types they can produce: asking for another warns (SDK) or is refused
(CLI, exit 2); the default rules model says once what it finds."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

import kp_core.sdk as sdk
from kp_core.cli import build_cli
from kp_core.errors import KpError
from kp_core.plugins.models import checkpoint_labels, model_labels
from kp_core.plugins.registry import get_registry
from kp_core.rules import RULES_LABELS

TEXT = "Write to zora.quill@example.com about the invoice."


def _caught(call) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [str(w.message) for w in caught]


def test_rules_family_declares_its_identifier_types():
    assert set(get_registry().family("rules").labels) == set(RULES_LABELS)
    assert "PERSON" not in RULES_LABELS and "ADDRESS" not in RULES_LABELS


def test_sdk_warns_naming_the_labels_and_family():
    messages = _caught(lambda: sdk.extract_pii(TEXT, "rules", labels=["PERSON", "ADDRESS", "EMAIL"]))
    assert len(messages) == 1
    assert messages[0].startswith("labels ADDRESS, PERSON: the rules model cannot produce them")
    assert _caught(lambda: sdk.extract_pii(TEXT, "rules", labels=["EMAIL"])) == []


def test_a_deny_list_or_recognizer_type_counts_as_producible():
    messages = _caught(lambda: sdk.extract_pii("Zora", "rules", labels=["PERSON"], deny_list=["PERSON=Zora"]))
    assert messages == []


def test_unknown_label_is_a_kp_error():
    with pytest.raises(KpError, match="'PERSN' not KP types"):
        sdk.extract_pii(TEXT, "rules", labels=["PERSN"])


def test_strict_labels_refuse():
    with pytest.raises(KpError, match="labels PERSON: the rules model cannot produce them"):
        sdk.detector("rules", labels=["PERSON"], strict_labels=True)


def test_cli_refuses_a_label_the_model_cannot_produce():
    result = CliRunner().invoke(build_cli(), ["predict", "-m", "rules", "--labels", "PERSON", TEXT])
    assert result.exit_code == 2, result.output
    assert "Error: labels PERSON: the rules model cannot produce them" in result.output


def test_checkpoint_labels_from_kp_json_or_config_json(tmp_path: Path):
    manifest = tmp_path / "a"
    manifest.mkdir()
    (manifest / "kp.json").write_text(json.dumps({"family": "gazetteer", "labels": ["O", "B-PERSON", "S-EMAIL"]}))
    assert checkpoint_labels(manifest) == {"PERSON", "EMAIL"}
    assert model_labels(str(manifest), object()) == {"PERSON", "EMAIL"}
    config = tmp_path / "b"
    config.mkdir()
    (config / "config.json").write_text(json.dumps({"id2label": {"0": "O", "1": "B-ADDRESS", "2": "E-ADDRESS"}}))
    assert checkpoint_labels(config) == {"ADDRESS"}
    assert checkpoint_labels(tmp_path) is None  # neither: unknown, so nothing is checked


def test_a_detector_may_declare_its_own_types():
    class Declared:
        kp_types = frozenset({"PERSON"})

    assert model_labels("rules", Declared()) == {"PERSON"}


def test_sdk_default_model_note_is_said_once(monkeypatch):
    monkeypatch.delenv("KP_MODEL", raising=False)
    monkeypatch.setattr(sdk, "_default_noted", False)
    first = _caught(lambda: sdk.extract_pii(TEXT))
    second = _caught(lambda: sdk.extract_pii(TEXT))
    assert len(first) == 1 and second == []
    assert "rules family" in first[0] and "PERSON" in first[0] and "ADDRESS" in first[0]
    assert "model=" in first[0]


def test_no_default_note_for_a_named_model_or_kp_model(monkeypatch):
    monkeypatch.setattr(sdk, "_default_noted", False)
    assert _caught(lambda: sdk.extract_pii(TEXT, "rules")) == []
    monkeypatch.setenv("KP_MODEL", "rules")
    assert _caught(lambda: sdk.extract_pii(TEXT)) == []


def test_cli_default_model_note_on_stderr(monkeypatch):
    monkeypatch.delenv("KP_MODEL", raising=False)
    result = CliRunner().invoke(build_cli(), ["predict", TEXT])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if line.startswith("note: no model given")]
    assert len(notes) == 1 and "-m / --model" in notes[0] and "PERSON" in notes[0]
    assert "note:" not in result.stdout
    named = CliRunner().invoke(build_cli(), ["predict", "-m", "rules", TEXT])
    assert "note: no model given" not in named.stderr


def test_identifier_typing_adds_types_only_when_its_front_is_there():
    """A family that types its own identifiers gets no typing front, so it cannot be credited with
    the front's types: what it declares is all it produces."""
    from kp_core.rules.identifier_typing import IdentifierTyping

    class SelfTyping:
        name, model_id, types_identifiers = "selftyping", "x", True
        kp_types = frozenset({"EMAIL"})

        def predict_spans(self, texts):
            return [[] for _ in texts]

    alone = SelfTyping()
    assert sdk._produced_labels("selftyping", alone, True, False, frozenset()) == {"EMAIL"}
    fronted = IdentifierTyping(alone)
    assert {"EMAIL", "NATIONAL_ID", "COMPANY_ID"} <= sdk._produced_labels("selftyping", fronted, True, False, frozenset())
