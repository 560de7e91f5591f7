"""The KP type -> GLiNER phrase mapping and per-type thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kp_core.taxonomy import entity_names
from kp_core.taxonomy.crosswalk import mapped_labels
from kp_gliner.labels import PromptError, default_prompts, harness_prompts, parse_prompts
from kp_gliner.thresholds import parse_thresholds


def test_default_mapping_covers_every_kp_type_and_inverts() -> None:
    prompts = default_prompts()
    assert prompts.types == entity_names()
    inverse = prompts.inverse()
    assert len(inverse) == len(prompts.phrases())  # each phrase names exactly one type
    assert prompts.phrases() == sorted(prompts.phrases())


def test_default_mapping_extends_the_harness_phrases_without_changing_them() -> None:
    harness = mapped_labels("gliner")
    assert len(harness) == 20
    defaults = default_prompts().inverse()
    assert all(defaults[phrase] == kp_type for phrase, kp_type in harness.items())
    assert harness_prompts().inverse() == harness


def test_override_from_mapping_json_and_file(tmp_path: Path) -> None:
    assert parse_prompts({"PERSON": "name"}).inverse() == {"name": "PERSON"}
    assert parse_prompts('{"EMAIL": ["email", "e-mail"]}').to_kp("e-mail") == "EMAIL"
    path = tmp_path / "labels.json"
    path.write_text(json.dumps({"NATIONAL_ID": ["cnp", "codice fiscale"]}), encoding="utf-8")
    assert parse_prompts(str(path)).types == ("NATIONAL_ID",)
    assert parse_prompts("harness").types == harness_prompts().types


def test_primary_keeps_the_first_phrase() -> None:
    primary = default_prompts().primary()
    assert primary.prompts["ADDRESS"] == ("address",)
    assert len(primary.phrases()) == len(entity_names())


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"NAME": "person"}, "not a KP type"),
        ({"PERSON": "x", "EMAIL": "x"}, "given to both"),
        ({"PERSON": ""}, "empty"),
        ({"PERSON": []}, "no phrase"),
        ({}, "empty"),
        ("no-such-file.json", "neither"),
        ("{not json", "invalid JSON"),
    ],
)
def test_bad_mappings_are_errors(value, message: str) -> None:
    with pytest.raises(PromptError, match=message):
        parse_prompts(value)


def test_thresholds() -> None:
    t = parse_thresholds(0.4, {"NATIONAL_ID": 0.2})
    assert t.for_type("NATIONAL_ID") == 0.2 and t.for_type("PERSON") == 0.4
    assert t.lowest(("PERSON", "NATIONAL_ID")) == 0.2
    assert parse_thresholds(None, '{"EMAIL": 0.9}').for_type("EMAIL") == 0.9
    with pytest.raises(ValueError, match="not a KP type"):
        parse_thresholds(None, {"SSN": 0.3})
    with pytest.raises(ValueError, match=r"\(0, 1\)"):
        parse_thresholds(1.5, None)
