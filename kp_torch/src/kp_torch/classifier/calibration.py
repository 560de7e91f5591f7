"""Per-label thresholds chosen on the eval split, the routing threshold, and the figures the
driver reports for a classifier. Numpy only.

- A label's threshold maximizes its F1 over the eval documents; it sits halfway between the lowest
  score kept and the highest score left out, so a score a hair off the eval ones lands the same
  way (the lowest score itself when every document is kept). A label with no positive eval document keeps :data:`DEFAULT_THRESHOLD`.
- The routing threshold is the highest PERSONAL_DATA score that still keeps
  :data:`ROUTING_RECALL` of the eval documents with personal data at or above it (a document
  below it may skip span detection). Without such documents it is 0.0: nothing is skipped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import attrs
import numpy as np

from kp_core.classification.labels import DOC_LABELS, PERSONAL_DATA
from kp_core.classification.types import DocPrediction

DEFAULT_THRESHOLD = 0.5
ROUTING_RECALL = 0.999


@attrs.frozen
class Calibration:
    thresholds: dict[str, float]
    routing_threshold: float
    uncalibrated: tuple[str, ...]  # labels without a positive eval document


def best_f1_threshold(scores: np.ndarray, gold: np.ndarray) -> float | None:
    """The threshold (predict ``score >= t``) of the best F1; None without positives."""
    positives = int(gold.sum())
    if positives == 0:
        return None
    order = np.argsort(-scores, kind="stable")
    ranked, hits = scores[order], gold[order].astype(np.int64)
    tp = np.cumsum(hits)
    kept = np.arange(1, len(ranked) + 1)
    # Only cut where the score changes: tied documents go the same way.
    cuts = np.flatnonzero(np.append(ranked[1:] < ranked[:-1], True))
    f1 = 2 * tp[cuts] / (kept[cuts] + positives)
    k = int(cuts[int(np.argmax(f1))])  # the first best: the highest threshold among equals
    if k + 1 < len(ranked):
        return float((ranked[k] + ranked[k + 1]) / 2)
    return float(ranked[k])  # every document kept: the lowest score itself


def routing_threshold(scores: np.ndarray, personal: np.ndarray, recall: float = ROUTING_RECALL) -> float:
    """The highest threshold keeping at least ``recall`` of the documents with personal data."""
    kept = np.sort(scores[personal.astype(bool)])
    if len(kept) == 0:
        return 0.0
    misses = int(math.floor((1.0 - recall) * len(kept) + 1e-9))
    return float(kept[misses])


def calibrate(scores: np.ndarray, gold: np.ndarray, labels: Sequence[str] = DOC_LABELS) -> Calibration:
    """``scores`` and ``gold`` are (documents, labels) in the order of ``labels``."""
    thresholds: dict[str, float] = {}
    missing: list[str] = []
    for j, name in enumerate(labels):
        best = best_f1_threshold(scores[:, j], gold[:, j])
        if best is None:
            missing.append(name)
        thresholds[name] = DEFAULT_THRESHOLD if best is None else best
    pd = list(labels).index(PERSONAL_DATA)
    return Calibration(thresholds, routing_threshold(scores[:, pd], gold[:, pd]), tuple(missing))


def auroc(scores: np.ndarray, gold: np.ndarray) -> float | None:
    """Area under the ROC curve (ties count half); None when one class is absent."""
    pos, neg = scores[gold.astype(bool)], scores[~gold.astype(bool)]
    if len(pos) == 0 or len(neg) == 0:
        return None
    greater = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return float((greater + 0.5 * ties) / (len(pos) * len(neg)))


def classifier_metrics(
    scores: np.ndarray, gold: np.ndarray, gold_levels: Sequence[str], thresholds: Mapping[str, float]
) -> dict[str, float | None]:
    """Micro precision/recall/F1/F2 over every (document, label), the PERSONAL_DATA AUROC and the
    accuracy of the predicted sensitivity level."""
    cut = np.asarray([thresholds.get(name, DEFAULT_THRESHOLD) for name in DOC_LABELS])
    predicted = scores >= cut[None, :]
    truth = gold.astype(bool)
    tp = float((predicted & truth).sum())
    precision = tp / predicted.sum() if predicted.sum() else 0.0
    recall = tp / truth.sum() if truth.sum() else 0.0

    def f_beta(beta: float) -> float:
        denom = beta * beta * precision + recall
        return float((1 + beta * beta) * precision * recall / denom) if denom else 0.0

    levels = [
        DocPrediction.from_scores(dict(zip(DOC_LABELS, row.tolist(), strict=True)), thresholds).level for row in scores
    ]
    hits = sum(p == g for p, g in zip(levels, gold_levels, strict=True))
    return {
        "f1": f_beta(1.0),
        "precision": float(precision),
        "recall": float(recall),
        "f2": f_beta(2.0),
        "personal_data_auroc": auroc(scores[:, 0], gold[:, 0]),
        "level_accuracy": float(hits / len(gold_levels)) if gold_levels else 0.0,
    }
