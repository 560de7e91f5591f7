"""What a document classifier returns, and what a classifier family's model must offer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from kp_core.classification.labels import LEVELS, PERSONAL_DATA, level_of


@attrs.frozen
class DocPrediction:
    """One document's classification: a probability per label of
    :data:`~kp_core.classification.labels.DOC_LABELS`, the labels at or above their calibrated
    thresholds, the sensitivity level those imply, and whether it holds personal data."""

    scores: Mapping[str, float]
    labels: frozenset[str]
    level: str = attrs.field(validator=attrs.validators.in_(LEVELS))
    personal_data: bool

    @classmethod
    def from_scores(cls, scores: Mapping[str, float], thresholds: Mapping[str, float]) -> DocPrediction:
        """Labels at or above their threshold; the level from the predicted types; personal data
        when its own label fires or any type does (a type found implies personal data)."""
        labels = frozenset(name for name, score in scores.items() if score >= thresholds.get(name, 0.5))
        types = labels - {PERSONAL_DATA}
        personal = PERSONAL_DATA in labels or bool(types)
        level = level_of(types)
        if personal and level == "none":
            level = "quasi"  # personal data of no particular type: the lowest level that has any
        return cls(dict(scores), labels, level, personal)

    def to_json(self) -> dict[str, Any]:
        return {
            "personal_data": self.personal_data,
            "level": self.level,
            "labels": sorted(self.labels),
            "scores": {name: round(float(score), 6) for name, score in self.scores.items()},
        }


@runtime_checkable
class Classifier(Protocol):
    """What ``load`` of a classifier family returns."""

    def classify(self, texts: Sequence[str]) -> list[DocPrediction]: ...

    @property
    def routing_threshold(self) -> float:
        """The PERSONAL_DATA score below which a document may skip span detection (chosen on the
        eval split for document-level recall >= 0.999 of documents with personal data)."""
        ...
