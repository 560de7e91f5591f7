"""The baselines registry (evaluation/baselines.yaml): every comparison system of the seed, each
native label mapped to a KP type or listed as unmapped, and a loader whose errors name the file,
the entry and the reason."""

from __future__ import annotations

import copy

import pytest
import yaml

from kp_core.evaluation.baselines import (
    REGISTRY_FILE,
    BaselinesError,
    baseline_for_labels,
    find_baseline,
    load_baselines,
    parse_baselines,
    read_baselines,
)
from kp_core.plugins.models import ModelResolutionError, resolve_model_ref
from kp_core.taxonomy import load_taxonomy
from kp_core.taxonomy.crosswalk import CrosswalkError, infer_scheme, mapped_labels, schemes, to_kp

SEED_SYSTEMS = {  # name -> (Hub id, family, scheme): the seed's rule names these
    "piiranha": ("iiiorg/piiranha-v1-detect-personal-information", "hf-token-classification", "piiranha"),
    "tabularisai": ("tabularisai/eu-pii-safeguard", "hf-token-classification", "tabularisai"),
    "mapa": (None, "hf-token-classification", "mapa"),
    "openmed": ("OpenMed/privacy-filter-multilingual", "moe-finetune", "openmed"),
    "gliner-pii": ("urchade/gliner_multi_pii-v1", "gliner", "gliner"),
    "privacy-filter": ("openai/privacy-filter", "moe-finetune", "openai"),
    "presidio": (None, "presidio", "presidio"),
}


def _raw() -> dict:
    return yaml.safe_load(REGISTRY_FILE.read_text(encoding="utf-8"))


def test_every_seed_system_is_registered_with_its_hub_id_family_and_scheme() -> None:
    found = {b.name: (b.hub_id, b.family, b.scheme) for b in load_baselines()}
    assert found == SEED_SYSTEMS
    for baseline in load_baselines():
        assert baseline.license and baseline.system and baseline.native_labels


def test_every_native_label_maps_or_is_listed_as_unmapped() -> None:
    for baseline in load_baselines():
        assert baseline.scheme in schemes()
        for native in baseline.native_types:
            kp_type = to_kp(baseline.scheme, native)
            assert (kp_type is None) == (native in baseline.unmapped), (baseline.name, native)
            assert kp_type is None or kp_type in load_taxonomy().names


def test_token_classifier_labels_have_their_format() -> None:
    for baseline in load_baselines():
        if not baseline.is_token_classifier:
            continue
        assert baseline.native_labels.count("O") == 1
        heads = {label.split("-", 1)[0] for label in baseline.native_labels if label != "O"}
        expected = {"bioes": {"B", "I", "E", "S"}, "bio": {"B", "I"}, "io": {"I"}}[baseline.label_format]
        assert heads == expected, baseline.name


def test_piiranha_agrees_with_ai4privacy_where_both_have_a_label() -> None:
    ai4privacy, piiranha = mapped_labels("ai4privacy"), mapped_labels("piiranha")
    shared = set(ai4privacy) & set(piiranha)
    assert shared and all(ai4privacy[n] == piiranha[n] for n in shared)
    assert set(piiranha) - set(ai4privacy) == {"DATEOFBIRTH", "USERNAME"}


def test_lookups_by_name_hub_id_and_head() -> None:
    piiranha = find_baseline("piiranha")
    assert find_baseline(piiranha.hub_id) is piiranha
    assert baseline_for_labels(piiranha.native_labels) is piiranha
    assert baseline_for_labels(("O", "I-NOTHING")) is None
    assert find_baseline("no-such-system") is None


def test_infer_scheme_takes_the_one_scheme_that_maps_every_label() -> None:
    assert infer_scheme(["private_person", "secret"]) == "openai"
    with pytest.raises(CrosswalkError, match="several"):
        infer_scheme(["PERSON"])
    with pytest.raises(CrosswalkError, match="no crosswalk scheme maps every label"):
        infer_scheme(["private_person", "GIVENNAME"])


def _broken(mutate) -> dict:
    data = copy.deepcopy(_raw())
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["baselines"][0].update(scheme="nope"), r"entry 1 \(piiranha\): crosswalk scheme 'nope'"),
        (lambda d: d["baselines"][0].update(label_format="odd"), r"entry 1 \(piiranha\): label_format 'odd'"),
        (lambda d: d["baselines"][0].update(colour="red"), r"entry 1: unknown field\(s\) colour"),
        (lambda d: d["baselines"][1].pop("family"), r"entry 2: missing or empty family"),
        (
            lambda d: d["baselines"][0]["native_labels"].insert(0, "I-TITLE"),
            r"entry 1 \(piiranha\): native type\(s\) TITLE have no KP type under piiranha",
        ),
        (lambda d: d["baselines"][2].update(unmapped=["DATE"]), r"entry 3 \(mapa\): native type\(s\) TIME"),
        (lambda d: d["baselines"][2].update(unmapped=["DATE", "TIME", "PERSON"]), r"PERSON, which scheme mapa maps"),
        (lambda d: d["baselines"][2].update(unmapped=["DATE", "TIME", "GHOST"]), r"GHOST, which are not among"),
        (lambda d: d["baselines"][0]["native_labels"].insert(0, "B-CITY"), r"'B-CITY' does not fit label_format io"),
        (lambda d: d["baselines"][0]["native_labels"].append("O"), r"repeats O"),
        (lambda d: d["baselines"][1].update(name="piiranha"), r"name piiranha appears in more than one entry"),
        (lambda d: d["baselines"][0].update(hub_id="not-a-hub-id"), r"hub_id 'not-a-hub-id' is not an owner/name id"),
        (lambda d: d.update(taxonomy="9.9.9"), r"written for taxonomy 9.9.9"),
        (lambda d: d.pop("baselines"), r"expected a mapping with a 'baselines' list"),
    ],
)
def test_a_broken_registry_names_file_entry_and_reason(mutate, message) -> None:
    with pytest.raises(BaselinesError, match=rf"^reg\.yaml: .*{message}"):
        parse_baselines(_broken(mutate), "reg.yaml")


def test_a_file_that_is_not_yaml_names_its_line(tmp_path) -> None:
    path = tmp_path / "baselines.yaml"
    path.write_text("baselines:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(BaselinesError, match=rf"^{path}: line \d+: not valid YAML"):
        read_baselines(path)
    with pytest.raises(BaselinesError, match="cannot read"):
        read_baselines(tmp_path / "missing.yaml")


def test_a_baseline_whose_family_is_not_installed_says_what_to_install() -> None:
    """In the core environment kp-torch is not installed: the registry still resolves the name,
    and the refusal names the family and the distribution that provides it."""
    from kp_core.plugins.registry import get_registry

    if "hf-token-classification" in get_registry().families:
        pytest.fail("this test belongs to an environment without kp-torch (tox env core)")
    with pytest.raises(ModelResolutionError, match=r"hf-token-classification.*pip install kp-torch"):
        resolve_model_ref("piiranha")
    with pytest.raises(ModelResolutionError, match=r"hf-token-classification.*pip install kp-torch"):
        resolve_model_ref("iiiorg/piiranha-v1-detect-personal-information")
    with pytest.raises(ModelResolutionError, match=r"hf-token-classification family is not registered"):
        resolve_model_ref("hf:tabularisai:./m")


def test_kp_baselines_lists_every_entry() -> None:
    import json

    from click.testing import CliRunner

    from kp_core.cli import build_cli
    from kp_core.evaluation.baselines import load_baselines

    names = {b.name for b in load_baselines()}
    text = CliRunner().invoke(build_cli(), ["baselines"])
    assert text.exit_code == 0 and all(name in text.output for name in names)
    listed = CliRunner().invoke(build_cli(), ["baselines", "--json"])
    assert listed.exit_code == 0
    assert {b["name"] for b in json.loads(listed.stdout)["baselines"]} == names


def test_the_registry_ships_in_the_wheel() -> None:
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parents[2] / "kp_core" / "pyproject.toml"
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["kp_core"]
    assert "evaluation/*.yaml" in data
