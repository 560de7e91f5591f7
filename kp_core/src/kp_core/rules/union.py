"""``--with-rules``: a model's spans united with the rules family's at decode time."""

from __future__ import annotations

from collections.abc import Sequence

from kp_core.anonymize.conflicts import resolve_overlaps
from kp_core.detector import Detector
from kp_core.types import Span


class WithRules:
    """Both detectors run; overlapping spans merge into their union (the strongest names it),
    so the rules can only add what the model missed, never hide what it found."""

    def __init__(self, model: Detector, rules: Detector | None = None) -> None:
        from kp_core.rules.detector import RulesDetector

        self.model = model
        self.rules = rules or RulesDetector()
        self.name = f"{model.name}+rules"
        self.model_id = model.model_id

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        ours = self.model.predict_spans(texts)
        theirs = self.rules.predict_spans(texts)
        return [resolve_overlaps([*a, *b]) for a, b in zip(ours, theirs, strict=True)]
