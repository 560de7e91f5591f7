"""Paired significance statistics (EuroPriv-Bench analysis conventions, §3.10):
exact McNemar on per-subject detection, the paired bootstrap of a leak-rate difference, and the
document bootstrap CI of micro-F1."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

import attrs
import numpy as np

from kp_core.metrics.detection import f_beta

ALPHA = 0.05
PAIRED_BOOTSTRAP_SEED = 20260613
DOCUMENT_BOOTSTRAP_SEED = 12345
RESAMPLES = 2000


@attrs.frozen(slots=True)
class McNemar:
    b: int  # A detected, B missed
    c: int  # A missed, B detected
    p_value: float
    chi2_cc: float

    @property
    def significant(self) -> bool:
        return self.p_value < ALPHA

    def to_json(self) -> dict:
        return {
            "b": self.b,
            "c": self.c,
            "p_value": self.p_value,
            "chi2_cc": self.chi2_cc,
            "significant": self.significant,
        }


def mcnemar_exact(b: int, c: int) -> McNemar:
    """Two-sided exact binomial p = min(1, 2·Σ_{i≤min(b,c)} C(n,i)/2ⁿ) (1 when n = 0), computed in
    exact integer arithmetic; also the continuity-corrected χ² (|b−c|−1)²/(b+c), for information."""
    n = b + c
    if n == 0:
        return McNemar(b, c, 1.0, 0.0)
    tail = sum(math.comb(n, i) for i in range(min(b, c) + 1))
    p = min(1.0, (2 * tail) / (1 << n))
    chi2 = (abs(b - c) - 1) ** 2 / n
    return McNemar(b, c, float(p), float(chi2))


def mcnemar_from_outcomes(a_detected: Sequence[bool], b_detected: Sequence[bool]) -> McNemar:
    if len(a_detected) != len(b_detected):
        raise ValueError(f"paired outcomes differ in length: {len(a_detected)} vs {len(b_detected)}")
    b = sum(1 for x, y in zip(a_detected, b_detected, strict=True) if x and not y)
    c = sum(1 for x, y in zip(a_detected, b_detected, strict=True) if not x and y)
    return mcnemar_exact(b, c)


def _percentile_bounds(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    n = len(ordered)
    return (float(ordered[int(0.025 * n)]), float(ordered[int(0.975 * n)]))


@attrs.frozen(slots=True)
class PairedBootstrap:
    n: int
    delta: float
    ci_low: float
    ci_high: float
    resamples: int
    seed: int

    @property
    def significant(self) -> bool:
        """A's leak rate is significantly lower than B's: the whole interval is below 0."""
        return self.ci_high < 0

    def to_json(self) -> dict:
        return {
            "n": self.n,
            "delta": self.delta,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "resamples": self.resamples,
            "seed": self.seed,
            "significant": self.significant,
        }


def paired_bootstrap(
    a_leaked: Sequence[int | bool],
    b_leaked: Sequence[int | bool],
    *,
    resamples: int = RESAMPLES,
    seed: int = PAIRED_BOOTSTRAP_SEED,
) -> PairedBootstrap:
    """δ = mean leak of A − mean leak of B over paired subjects; CI from ``resamples`` resamples of
    subject indices with replacement (``random.Random(seed).randrange``), taking sorted values at
    indices ⌊0.025·N⌋ and ⌊0.975·N⌋."""
    if len(a_leaked) != len(b_leaked):
        raise ValueError(f"paired outcomes differ in length: {len(a_leaked)} vs {len(b_leaked)}")
    n = len(a_leaked)
    if n == 0:
        raise ValueError("paired bootstrap needs at least one paired subject")
    a = [int(bool(x)) for x in a_leaked]
    b = [int(bool(x)) for x in b_leaked]
    delta = sum(a) / n - sum(b) / n
    rng = random.Random(seed)
    deltas = []
    for _ in range(resamples):
        idx = [rng.randrange(n) for _ in range(n)]
        deltas.append(sum(a[i] for i in idx) / n - sum(b[i] for i in idx) / n)
    low, high = _percentile_bounds(deltas)
    return PairedBootstrap(n=n, delta=float(delta), ci_low=low, ci_high=high, resamples=resamples, seed=seed)


def document_bootstrap_f1(
    doc_counts: np.ndarray,
    *,
    resamples: int = RESAMPLES,
    seed: int = DOCUMENT_BOOTSTRAP_SEED,
) -> dict[str, float]:
    """Percentile CI of micro-F1 from resampled documents. ``doc_counts`` is (n_docs, 3) of
    (TP, #pred, #gold), as from :func:`kp_core.metrics.detection.document_counts`."""
    counts = np.asarray(doc_counts, dtype=np.int64)
    n = len(counts)
    if n == 0:
        raise ValueError("document bootstrap needs at least one document")

    def f1_of(total: np.ndarray) -> float:
        tp, pred, gold = (int(x) for x in total)
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return f_beta(p, r, 1.0)

    rng = random.Random(seed)
    values = []
    for _ in range(resamples):
        idx = [rng.randrange(n) for _ in range(n)]
        values.append(f1_of(counts[idx].sum(axis=0)))
    low, high = _percentile_bounds(values)
    return {
        "f1": f1_of(counts.sum(axis=0)),
        "ci_low": low,
        "ci_high": high,
        "resamples": float(resamples),
        "seed": float(seed),
    }


# --- the paired document bootstrap of a strict-F1 difference (kp compare) ------------------------

F1_DIFFERENCE_RESAMPLES = 1000


def document_resamples(n_docs: int, *, resamples: int, seed: int) -> np.ndarray:
    """``resamples`` × ``n_docs`` document indices drawn with replacement by
    ``random.Random(seed).randrange`` (the recipe of the bootstraps above). Every system of a slice
    is resampled with the same rows, which is what makes the bootstrap paired."""
    if n_docs <= 0:
        raise ValueError("a document bootstrap needs at least one document")
    if resamples <= 0:
        raise ValueError("a document bootstrap needs at least one resample")
    rng = random.Random(seed)
    draws = [rng.randrange(n_docs) for _ in range(resamples * n_docs)]
    return np.asarray(draws, dtype=np.int64).reshape(resamples, n_docs)


def micro_f1_of_counts(totals: np.ndarray) -> np.ndarray:
    """Strict micro-F1 of (…, 3) totals of (TP, #pred, #gold), vectorised; P, R and F1 are 0 where
    their denominator is 0, in :func:`f_beta`'s operation order so a total gives the same float."""
    totals = np.asarray(totals, dtype=np.float64)
    tp, pred, gold = totals[..., 0], totals[..., 1], totals[..., 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(pred > 0, tp / np.where(pred > 0, pred, 1), 0.0)
        r = np.where(gold > 0, tp / np.where(gold > 0, gold, 1), 0.0)
        denom = 1.0 * p + r
        return np.where(denom > 0, (2.0 * p * r) / np.where(denom > 0, denom, 1), 0.0)


def resampled_f1(doc_counts: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """Micro-F1 of each resample: ``doc_counts`` (n_docs, 3) summed over each row of ``indices``."""
    counts = np.asarray(doc_counts, dtype=np.int64)
    return micro_f1_of_counts(counts[indices].sum(axis=1))


@attrs.frozen(slots=True, eq=False)
class PairedF1Bootstrap:
    """Paired document bootstrap of δ = F1(A) − F1(B) on one slice."""

    n: int  # documents
    delta: float
    resamples: int
    seed: int
    deltas: np.ndarray = attrs.field(repr=False)  # sorted resampled differences

    def interval(self, level: float = 0.95) -> tuple[float, float]:
        """Percentile interval at ``level``: sorted values at ⌊q·N⌋ and ⌊(1−q)·N⌋, q = (1−level)/2
        (for 0.95 the indices of the recipe above)."""
        q = (1.0 - level) / 2.0
        n = len(self.deltas)
        low = min(int(q * n), n - 1)
        high = min(int((1.0 - q) * n), n - 1)
        return float(self.deltas[low]), float(self.deltas[high])

    @property
    def p_value(self) -> float:
        """Two-sided bootstrap p: 2·(1 + k)/(N + 1), k the resamples on the smaller side of 0
        (δ* ≤ 0 or δ* ≥ 0), capped at 1; never 0 from a finite N."""
        below = int(np.count_nonzero(self.deltas <= 0.0))
        above = int(np.count_nonzero(self.deltas >= 0.0))
        return float(min(1.0, 2.0 * (1 + min(below, above)) / (len(self.deltas) + 1)))

    def to_json(self, level: float = 0.95) -> dict:
        low, high = self.interval(level)
        return {
            "n": self.n,
            "delta": self.delta,
            "ci_level": level,
            "ci_low": low,
            "ci_high": high,
            "p_value": self.p_value,
            "resamples": self.resamples,
            "seed": self.seed,
        }


def paired_bootstrap_f1(
    a_doc_counts: np.ndarray,
    b_doc_counts: np.ndarray,
    *,
    resamples: int = F1_DIFFERENCE_RESAMPLES,
    seed: int = PAIRED_BOOTSTRAP_SEED,
    indices: np.ndarray | None = None,
) -> PairedF1Bootstrap:
    """δ = F1(A) − F1(B) over the same documents, and its distribution over ``resamples`` document
    resamples (``indices``, from :func:`document_resamples`, may be given to share them between
    pairs). ``*_doc_counts`` are (n_docs, 3) of (TP, #pred, #gold) in the same document order."""
    a = np.asarray(a_doc_counts, dtype=np.int64)
    b = np.asarray(b_doc_counts, dtype=np.int64)
    if a.shape != b.shape or a.ndim != 2 or a.shape[1] != 3:
        raise ValueError(f"paired document counts differ in shape: {a.shape} vs {b.shape}")
    if indices is None:
        indices = document_resamples(len(a), resamples=resamples, seed=seed)
    elif indices.shape[1] != len(a):
        raise ValueError(f"resample indices are for {indices.shape[1]} documents, the counts for {len(a)}")
    delta = float(micro_f1_of_counts(a.sum(axis=0)) - micro_f1_of_counts(b.sum(axis=0)))
    deltas = np.sort(resampled_f1(a, indices) - resampled_f1(b, indices))
    return PairedF1Bootstrap(n=len(a), delta=delta, resamples=int(indices.shape[0]), seed=seed, deltas=deltas)
