"""Crosswalks: taxonomy.yaml schemes plus the presidio/spacy/GLiNER adapter maps."""

from __future__ import annotations

import pytest
import yaml

from kp_core.taxonomy import crosswalk
from kp_core.taxonomy.crosswalk import CrosswalkError, build_crosswalks, mapped_labels, schemes, to_kp


def test_every_crosswalk_entry_of_the_shared_taxonomy_is_honoured(dev_dir):
    raw = yaml.safe_load((dev_dir / "taxonomy.yaml").read_text(encoding="utf-8"))
    assert list(schemes()[: len(raw["schemes"])]) == raw["schemes"]
    seen = 0
    for entity in raw["entities"]:
        for scheme, natives in (entity.get("crosswalk") or {}).items():
            for native in natives or []:
                assert to_kp(scheme, native) == entity["name"], (scheme, native)
                seen += 1
    assert seen == sum(len(mapped_labels(s)) for s in raw["schemes"])


@pytest.mark.parametrize(
    ("scheme", "count"),
    [("openai", 8), ("ai4privacy", 21), ("hipaa", 6), ("mapa", 4), ("openmed", 42), ("azure", 0)]
    + [("tabularisai", 32), ("tab", 5), ("presidio", 85), ("spacy", 6), ("gliner", 20)],
)
def test_scheme_sizes(scheme, count):
    assert len(mapped_labels(scheme)) == count


def test_adapter_maps_as_the_harness_uses_them():
    assert to_kp("presidio", "LOCATION") == "ADDRESS"
    assert to_kp("presidio", "UK_NHS") == "NATIONAL_ID"
    assert to_kp("presidio", "NRP") is None and to_kp("presidio", "MEDICAL_LICENSE") is None
    assert [to_kp("spacy", x) for x in ("GPE", "LOC", "FAC", "ORG", "DATE")] == ["ADDRESS"] * 3 + ["ORG_PARTY", "DATE"]
    assert to_kp("spacy", "MONEY") is None
    assert to_kp("gliner", "driver license number") == "NATIONAL_ID"
    assert to_kp("gliner", "company") == "ORG_PARTY"
    assert to_kp("mapa", "AMOUNT") == "CASE_NUMBER"  # odd, but what the file says
    assert to_kp("ai4privacy", "TITLE") is None


def test_a_native_label_claimed_twice_is_an_error():
    with pytest.raises(CrosswalkError, match="'X' is claimed by both PERSON and DATE"):
        build_crosswalks({"s": {"PERSON": ("X",), "DATE": ("X",)}}, {})
    with pytest.raises(CrosswalkError, match="defined twice"):
        build_crosswalks({"presidio": {}})


def test_unknown_scheme_is_an_error():
    with pytest.raises(CrosswalkError, match="unknown crosswalk scheme 'nope'"):
        to_kp("nope", "PERSON")
    with pytest.raises(CrosswalkError):
        mapped_labels("nope")


def test_mapped_labels_is_a_copy():
    table = mapped_labels("openai")
    table["private_person"] = "DATE"
    assert crosswalk.to_kp("openai", "private_person") == "PERSON"
