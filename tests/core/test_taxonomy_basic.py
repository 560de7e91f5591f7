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
