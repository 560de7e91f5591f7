"""A keyword document classifier registered as a classification family by a throw-away plugin:
what the classify, evaluate and routing tests run, in kp-core's environment without torch.

Its PERSONAL_DATA score is 0.1 for a text holding ``#clean``, 0.4 for ``#maybe``, else 0.9;
EMAIL scores 0.8 where the text holds ``@``, NATIONAL_ID 0.8 where it holds a digit. Its routing
threshold is 0.5. The tests in this file check the fake itself and its registration."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from kp_core.classification import DOC_LABELS, PERSONAL_DATA, DocPrediction
from kp_core.plugins import get_host
from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.registry import Family, get_registry, reset_registry

FAMILY = "kwcls"
ROUTING_THRESHOLD = 0.5


class KeywordClassifier:
    routing_threshold = ROUTING_THRESHOLD

    def __init__(self) -> None:
        self.seen = 0  # documents classified: the tests check what reached the classifier

    def score(self, text: str) -> dict[str, float]:
        scores = dict.fromkeys(DOC_LABELS, 0.0)
        scores[PERSONAL_DATA] = 0.1 if "#clean" in text else 0.4 if "#maybe" in text else 0.9
        scores["EMAIL"] = 0.8 if "@" in text else 0.0
        scores["NATIONAL_ID"] = 0.8 if any(ch.isdigit() for ch in text) else 0.0
        return scores

    def classify(self, texts: Sequence[str]) -> list[DocPrediction]:
        self.seen += len(texts)
        return [DocPrediction.from_scores(self.score(t), dict.fromkeys(DOC_LABELS, 0.5)) for t in texts]


def _load(ref: str, **options: object) -> KeywordClassifier:
    return KeywordClassifier()


class KeywordPlugin:
    @hookimpl
    def kp_register_families(self, register):
        register(
            Family(
                name=FAMILY,
                description="keyword document classifier (tests)",
                frameworks=(),
                load=_load,
                default_model="keywords",
                task="classification",
            )
        )


@pytest.fixture
def keyword_family() -> Iterator[str]:
    """The fake family registered (name returned), its loaded classifiers forgotten afterwards."""
    from kp_core.classification.api import clear_classifier_cache

    reset_registry()
    clear_classifier_cache()
    host = get_host()
    host.register(KeywordPlugin(), name="throwaway-kwcls")
    try:
        yield FAMILY
    finally:
        host.unregister("throwaway-kwcls")
        reset_registry()
        clear_classifier_cache()


def test_the_fake_family_registers_as_a_classifier(keyword_family: str) -> None:
    family = get_registry().family(keyword_family)
    assert family.task == "classification" and family.default_model == "keywords"


def test_the_fake_scores_by_keyword() -> None:
    found = KeywordClassifier().classify(["#clean note", "write to a@b.eu", "#maybe"])
    assert [p.personal_data for p in found] == [False, True, False]
    assert found[1].labels == {PERSONAL_DATA, "EMAIL"} and found[1].level == "direct"
    assert found[2].scores[PERSONAL_DATA] == 0.4
