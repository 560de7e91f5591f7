import yaml

from kp_core.taxonomy import bioes_labels, load_taxonomy, special_category_types


def test_bioes_labels_match_shared_taxonomy(dev_dir):
    raw = yaml.safe_load((dev_dir / "taxonomy.yaml").read_text(encoding="utf-8"))
    names = [e["name"] for e in raw["entities"]]
    expected = ["O"] + [f"{p}-{n}" for n in names for p in "BIES"]
    assert list(bioes_labels()) == expected
    assert len(expected) == 73
    assert load_taxonomy().version == raw["version"] == "0.2.0"


def test_special_categories():
    assert special_category_types() == ("HEALTH_CONDITION",)


def test_kp_label_space_is_the_taxonomy_label_order(dev_dir):
    from kp_core.decoding import kp_space
    from kp_core.taxonomy import label2id

    raw = yaml.safe_load((dev_dir / "taxonomy.yaml").read_text(encoding="utf-8"))
    space = kp_space()
    assert space.labels == bioes_labels()
    assert list(space.types) == [e["name"] for e in raw["entities"]]
    assert dict(label2id()) == space.label2id
    for i, name in enumerate(space.types):
        assert [space.labels[c] for c in space.class_columns[:, i]] == [f"{p}-{name}" for p in "BSEI"]
        assert label2id()[f"B-{name}"] == 1 + 4 * i and label2id()[f"S-{name}"] == 4 + 4 * i


def test_cli_taxonomy_shows_a_crosswalk():
    import json

    from click.testing import CliRunner

    from kp_core.cli.info import taxonomy

    result = CliRunner().invoke(taxonomy, ["--scheme", "openai", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["mapping"]["private_person"] == "PERSON"
    result = CliRunner().invoke(taxonomy, ["--scheme", "hipaa"])
    assert "ssn" in result.output and "NATIONAL_ID" in result.output
    result = CliRunner().invoke(taxonomy, ["--scheme", "nope"])
    assert result.exit_code != 0 and "unknown crosswalk scheme" in result.output
