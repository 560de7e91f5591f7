"""Scores of a document classifier against gold document labels, with document-bootstrap
intervals: per-label P/R/F1, micro and macro F1, AUROC and expected calibration error of
PERSONAL_DATA, and sensitivity-level accuracy.

Gold labels come from :func:`kp_core.classification.labels.example_doc_labels`. Every interval is the
percentile interval of ``resamples`` document resamples drawn as the other kp bootstraps draw
them (:func:`kp_core.metrics.significance.document_resamples`, seeded), taking the sorted values
at ⌊0.025·N⌋ and ⌊0.975·N⌋. A resample where a metric is undefined (AUROC of a resample holding one
class only) is left out of that metric's interval.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from kp_core.classification.labels import DOC_LABELS, PERSONAL_DATA, DocLabels
from kp_core.classification.types import DocPrediction

ECE_BINS = 15
RESAMPLES = 1000
SEED = 20260101


def auroc(labels: Sequence[int | bool], scores: Sequence[float]) -> float | None:
    """Area under the ROC curve, exactly: the Mann-Whitney U of the positives' ranks (tied scores
    share their average rank, so a tie counts one half), over #pos·#neg. None with one class only."""
    y = np.asarray(labels, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    order = np.argsort(s, kind="mergesort")
    ordered = s[order]
    ranks = np.empty(len(s), dtype=np.float64)
    i = 0
    while i < len(s):  # average ranks (1-based) over each run of equal scores
        j = i
        while j + 1 < len(s) and ordered[j + 1] == ordered[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    u = ranks[y].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


def expected_calibration_error(labels: Sequence[int | bool], scores: Sequence[float], bins: int = ECE_BINS) -> float:
    """ECE over ``bins`` equal-width bins of [0, 1] (a score of exactly 1 falls in the last):
    Σ |B|/n · |mean label in B − mean score in B| over the non-empty bins."""
    y = np.asarray(labels, dtype=np.float64)
    s = np.asarray(scores, dtype=np.float64)
    if len(s) == 0:
        raise ValueError("calibration error of no documents")
    which = np.minimum((s * bins).astype(np.int64), bins - 1)
    total = 0.0
    for b in range(bins):
        inside = which == b
        count = int(inside.sum())
        if count:
            total += count / len(s) * abs(float(y[inside].mean()) - float(s[inside].mean()))
    return float(total)


def _f1(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> np.ndarray:
    """F1 = 2TP / (2TP + FP + FN), 0 where nothing was predicted or gold."""
    denom = 2 * tp + fp + fn
    return np.where(denom > 0, 2 * tp / np.where(denom > 0, denom, 1), 0.0)


class _Arrays:
    """The per-document 0/1 matrices (documents × DOC_LABELS) the metrics are sums of."""

    def __init__(self, gold: Sequence[DocLabels], predicted: Sequence[DocPrediction]) -> None:
        if len(gold) != len(predicted):
            raise ValueError(f"{len(gold)} gold documents, {len(predicted)} predictions")
        self.gold = np.asarray([g.vector() for g in gold], dtype=np.int64).reshape(len(gold), len(DOC_LABELS))
        self.pred = np.asarray(
            [
                [int(name in p.labels or (name == PERSONAL_DATA and p.personal_data)) for name in DOC_LABELS]
                for p in predicted
            ],
            dtype=np.int64,
        ).reshape(len(predicted), len(DOC_LABELS))
        self.score = np.asarray([float(p.scores.get(PERSONAL_DATA, 0.0)) for p in predicted], dtype=np.float64)
        self.level_hit = np.asarray(
            [p.level == g.level for g, p in zip(gold, predicted, strict=True)], dtype=np.float64
        )
        self.tp = self.gold * self.pred
        self.fp = (1 - self.gold) * self.pred
        self.fn = self.gold * (1 - self.pred)

    def scores_of(self, idx: np.ndarray, macro_labels: np.ndarray) -> dict[str, Any]:
        tp, fp, fn = self.tp[idx].sum(0), self.fp[idx].sum(0), self.fn[idx].sum(0)
        per_label = _f1(tp, fp, fn)
        defined = macro_labels & ((tp + fp + fn) > 0)
        y = self.gold[idx, 0]
        return {
            "per_label": per_label,
            "micro_f1": float(_f1(tp.sum(), fp.sum(), fn.sum())),
            "macro_f1": float(per_label[defined].mean()) if defined.any() else None,
            "personal_data_auroc": auroc(y, self.score[idx]),
            "personal_data_ece": expected_calibration_error(y, self.score[idx]),
            "level_accuracy": float(self.level_hit[idx].mean()),
        }


def _interval(values: list[float | None]) -> list[float] | None:
    kept = sorted(v for v in values if v is not None)
    if not kept:
        return None
    n = len(kept)
    return [float(kept[int(0.025 * n)]), float(kept[min(int(0.975 * n), n - 1)])]


def evaluate_classifier(
    gold: Sequence[DocLabels], predicted: Sequence[DocPrediction], *, resamples: int = RESAMPLES, seed: int = SEED
) -> dict[str, Any]:
    """The report of a classifier on gold documents (see the module docstring), as JSON-ready data.
    Macro F1 averages the labels that some gold document holds."""
    from kp_core.metrics.significance import document_resamples

    arrays = _Arrays(gold, predicted)
    n = len(gold)
    macro_labels = arrays.gold.sum(0) > 0
    full = arrays.scores_of(np.arange(n), macro_labels)
    draws = [arrays.scores_of(idx, macro_labels) for idx in document_resamples(n, resamples=resamples, seed=seed)]
    tp, fp, fn = arrays.tp.sum(0), arrays.fp.sum(0), arrays.fn.sum(0)
    labels = {}
    for i, name in enumerate(DOC_LABELS):
        labels[name] = {
            "support": int(arrays.gold[:, i].sum()),
            "predicted": int(arrays.pred[:, i].sum()),
            "precision": float(tp[i] / (tp[i] + fp[i])) if tp[i] + fp[i] else 0.0,
            "recall": float(tp[i] / (tp[i] + fn[i])) if tp[i] + fn[i] else 0.0,
            "f1": float(full["per_label"][i]),
            "f1_ci": _interval([float(d["per_label"][i]) for d in draws]),
        }
    report: dict[str, Any] = {"documents": n, "resamples": resamples, "seed": seed, "ece_bins": ECE_BINS}
    for key in ("micro_f1", "macro_f1", "personal_data_auroc", "personal_data_ece", "level_accuracy"):
        report[key] = {"value": full[key], "ci": _interval([d[key] for d in draws])}
    report["labels"] = labels
    return report


def _value(entry: dict[str, Any]) -> str:
    if entry["value"] is None:
        return "n/a"
    ci = entry["ci"]
    return f"{entry['value']:.4f}" + (f"  [{ci[0]:.4f}, {ci[1]:.4f}]" if ci else "")


def format_report(report: dict[str, Any], title: str = "") -> str:
    """The report as readable tables: the summary metrics with their intervals, then per label."""
    lines = [
        f"{title} ({report['documents']} documents, 95% document bootstrap, {report['resamples']} resamples)".strip()
    ]
    names = {
        "micro_f1": "micro F1",
        "macro_f1": "macro F1",
        "personal_data_auroc": f"{PERSONAL_DATA} AUROC",
        "personal_data_ece": f"{PERSONAL_DATA} ECE ({report['ece_bins']} bins)",
        "level_accuracy": "level accuracy",
    }
    width = max(len(v) for v in names.values())
    lines += [f"  {label:<{width}}  {_value(report[key])}" for key, label in names.items()]
    lines.append("")
    lines.append(f"  {'label':<20} {'support':>7} {'pred':>6} {'P':>7} {'R':>7} {'F1':>7}  95% CI")
    for name, row in report["labels"].items():
        if not row["support"] and not row["predicted"]:
            continue
        ci = row["f1_ci"]
        shown = f"[{ci[0]:.4f}, {ci[1]:.4f}]" if ci else ""
        lines.append(
            f"  {name:<20} {row['support']:>7} {row['predicted']:>6} {row['precision']:>7.4f} "
            f"{row['recall']:>7.4f} {row['f1']:>7.4f}  {shown}"
        )
    return "\n".join(lines)
