"""The document-level label scheme: derived from spans through the taxonomy's attributes, and
explicit row labels checked strictly against them."""

from __future__ import annotations

import pytest

from kp_core.classification import DOC_LABELS, LEVELS, PERSONAL_DATA, DocPrediction, doc_labels, level_of
from kp_core.classification.labels import DocLabelError, parse_explicit
from kp_core.taxonomy import IdentifierClass, entity_names, load_taxonomy


def test_levels_follow_the_taxonomy_attributes() -> None:
    taxonomy = load_taxonomy()
    for entity in taxonomy.entities:
        expected = "special" if entity.gdpr_special else entity.identifier_class.value
        assert level_of([entity.name]) == expected, entity.name
    quasi = [e.name for e in taxonomy.entities if e.identifier_class is IdentifierClass.QUASI and not e.gdpr_special]
    direct = [e.name for e in taxonomy.entities if e.identifier_class is IdentifierClass.DIRECT]
    assert level_of(quasi) == "quasi" and level_of([*quasi, direct[0]]) == "direct"
    assert level_of([]) == "none" and LEVELS == ("none", "quasi", "direct", "special")


def test_the_vector_has_personal_data_first_then_every_type() -> None:
    assert DOC_LABELS == (PERSONAL_DATA, *entity_names())
    labels = doc_labels(["PERSON", "DATE"])
    vector = labels.vector()
    assert len(vector) == len(DOC_LABELS) and vector[0] == 1
    assert {DOC_LABELS[i] for i, v in enumerate(vector) if v} == {PERSONAL_DATA, "PERSON", "DATE"}
    assert doc_labels([]).vector() == [0] * len(DOC_LABELS)


def test_explicit_labels_may_say_more_than_the_spans_but_never_less() -> None:
    assert doc_labels([], {"types": ["PERSON"]}).level == "direct"  # document-level annotation only
    assert doc_labels(["DATE"], {"types": ["DATE"], "level": "special"}).level == "special"
    with pytest.raises(DocLabelError, match="row 7: doc_labels.types lacks PERSON"):
        doc_labels(["PERSON"], {"types": []}, where="row 7")
    with pytest.raises(DocLabelError, match="level 'quasi' is below what its types imply"):
        doc_labels(["PERSON"], {"types": ["PERSON"], "level": "quasi"})


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ([], "must be an object"),
        ({"types": "PERSON"}, "must be a list"),
        ({"types": ["NAME"]}, "unknown KP type(s) NAME"),
        ({"types": [], "level": "high"}, "'high' is not one of"),
        ({"types": ["PERSON"], "level": "none"}, "below what its types imply"),
        ({"types": [], "extra": 1}, "unknown keys extra"),
    ],
)
def test_malformed_explicit_labels_are_errors(value, words) -> None:
    with pytest.raises(DocLabelError, match=r"^row: .*" + __import__("re").escape(words)):
        parse_explicit(value)


def test_a_prediction_takes_its_level_from_the_predicted_types() -> None:
    thresholds = {name: 0.5 for name in DOC_LABELS}
    clean = DocPrediction.from_scores({name: 0.1 for name in DOC_LABELS}, thresholds)
    assert not clean.personal_data and clean.level == "none" and clean.labels == frozenset()
    health = DocPrediction.from_scores({**{n: 0.1 for n in DOC_LABELS}, "HEALTH_CONDITION": 0.8}, thresholds)
    assert health.personal_data and health.level == "special"
    only_flag = DocPrediction.from_scores({**{n: 0.1 for n in DOC_LABELS}, PERSONAL_DATA: 0.9}, thresholds)
    assert only_flag.personal_data and only_flag.level == "quasi"
    assert DocPrediction.from_scores({PERSONAL_DATA: 0.4}, {PERSONAL_DATA: 0.3}).personal_data
