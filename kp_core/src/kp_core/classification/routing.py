"""Routing: a document classifier decides which documents need span detection at all.

A document whose PERSONAL_DATA score is below the threshold (the classifier's own
``routing_threshold``, chosen for document-level recall of personal data, unless overridden)
skips span detection and is written unchanged. A record with several text fields is skipped only
when every one of them is below the threshold. The counts and the score range say what happened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from kp_core.classification.labels import PERSONAL_DATA
from kp_core.errors import KpError


@attrs.define
class RouteStats:
    """What routing did over a run: documents seen, skipped, and the scores on each side."""

    classifier: str
    threshold: float
    documents: int = 0
    skipped: int = 0
    max_skipped_score: float | None = None  # the highest score among skipped documents
    min_kept_score: float | None = None  # the lowest score among documents span-detected

    def add(self, score: float, skipped: bool) -> None:
        self.documents += 1
        if skipped:
            self.skipped += 1
            self.max_skipped_score = score if self.max_skipped_score is None else max(self.max_skipped_score, score)
        else:
            self.min_kept_score = score if self.min_kept_score is None else min(self.min_kept_score, score)

    def to_json(self) -> dict[str, Any]:
        return {
            "classifier": self.classifier,
            "threshold": self.threshold,
            "documents": self.documents,
            "skipped": self.skipped,
            "detected": self.documents - self.skipped,
            "max_skipped_score": self.max_skipped_score,
            "min_kept_score": self.min_kept_score,
        }

    def describe(self) -> str:
        """One line for the run summary (counts and scores only, never text)."""
        line = (
            f"{self.skipped} of {self.documents} records skipped span detection: PERSONAL_DATA score below "
            f"{self.threshold:g} ({self.classifier})"
        )
        if self.max_skipped_score is not None:
            line += f"; highest skipped score {self.max_skipped_score:.4f}"
        if self.min_kept_score is not None:
            line += f", lowest detected {self.min_kept_score:.4f}"
        return line


class Router:
    """Scores documents with a classifier and says which may skip span detection."""

    def __init__(self, ref: str, threshold: float | None = None, *, device: str = "auto") -> None:
        from kp_core.classification.api import load_classifier

        if threshold is not None and not 0.0 <= float(threshold) <= 1.0:
            raise KpError(f"route threshold must be from 0 to 1, got {threshold}")
        self.ref = ref
        self.classifier = load_classifier(ref, device=device)
        if threshold is None:
            threshold = getattr(self.classifier, "routing_threshold", None)
            if threshold is None:
                raise KpError(f"--route {ref}: the classifier has no routing_threshold; give --route-threshold")
        self.threshold = float(threshold)
        self.stats = RouteStats(ref, self.threshold)

    def scores(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        predictions = self.classifier.classify(list(texts))
        if len(predictions) != len(texts):
            raise KpError(f"--route {self.ref}: returned {len(predictions)} predictions for {len(texts)} texts")
        out = []
        for prediction in predictions:
            if PERSONAL_DATA not in prediction.scores:
                raise KpError(f"--route {self.ref}: its predictions carry no {PERSONAL_DATA} score to route on")
            out.append(float(prediction.scores[PERSONAL_DATA]))
        return out

    def skips(self, records: Sequence[Sequence[str]]) -> list[bool]:
        """Per record (its text fields): True when every field scores below the threshold.
        Each record is counted in :attr:`stats` under its highest field score."""
        flat = [text for fields in records for text in fields]
        scores = iter(self.scores(flat))
        out = []
        for fields in records:
            top = max((next(scores) for _ in fields), default=0.0)
            skipped = top < self.threshold
            self.stats.add(top, skipped)
            out.append(skipped)
        return out
