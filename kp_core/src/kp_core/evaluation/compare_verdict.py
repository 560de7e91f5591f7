"""The seed's head-to-head rule: the candidate is "best" only when it beats every other system
significantly on every slice.

A comparison (one slice, one baseline) is a *win* when both tests favour the candidate: the exact
McNemar test on the paired detection outcomes (more units detected, Bonferroni-adjusted p < α)
and the paired bootstrap of the strict-F1 difference (its interval at level 1 − α/m lies above
0). It is *worse* when either test is significant the other way, else *not significant*.

Bonferroni over the m = slices × baselines comparisons, not Holm: the verdict needs every
comparison to pass, so it is decided by the weakest one, where Holm's threshold is α/m as well;
and one threshold gives every comparison an interval at one level, which Holm's step-down would
not. (Asking every comparison to pass is an intersection-union test, already at level α without
any correction: the correction is the conservative choice the seed's rule asks for.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from kp_core.evaluation.head_to_head import PairStats

WIN = "win"
WORSE = "worse"
NOT_SIGNIFICANT = "not significant"
CORRECTION = "bonferroni"


@attrs.frozen
class Judged:
    """One comparison of the candidate against a baseline on a slice."""

    slice: str
    stats: PairStats
    status: str
    reason: str
    mcnemar_p_adjusted: float
    ci_level: float
    ci_low: float
    ci_high: float

    def to_json(self) -> dict[str, Any]:
        return {
            "slice": self.slice,
            "baseline": self.stats.b,
            "status": self.status,
            "reason": self.reason,
            "mcnemar_p_adjusted": self.mcnemar_p_adjusted,
            "bootstrap_ci_level": self.ci_level,
            "bootstrap_ci_low": self.ci_low,
            "bootstrap_ci_high": self.ci_high,
        }


@attrs.frozen
class Verdict:
    candidate: str
    best: bool
    alpha: float
    comparisons: int
    judged: tuple[Judged, ...]

    @property
    def failures(self) -> list[Judged]:
        return [j for j in self.judged if j.status != WIN]

    @property
    def line(self) -> str:
        tests = f"Bonferroni over {self.comparisons} comparison(s), alpha {self.alpha:g}"
        if not self.judged:
            return f"verdict: {self.candidate} is not best: there is no other system to beat"
        if self.best:
            baselines = ", ".join(dict.fromkeys(j.stats.b for j in self.judged))
            slices = ", ".join(dict.fromkeys(j.slice for j in self.judged))
            return f"verdict: {self.candidate} is best: it beats {baselines} significantly on every slice ({slices}; {tests})"
        why = "; ".join(f"{j.status} on {j.slice} vs {j.stats.b} ({j.reason})" for j in self.failures)
        return f"verdict: {self.candidate} is not best: {why} ({tests})"

    def to_json(self) -> dict[str, Any]:
        return {
            "candidate": self.candidate,
            "best": self.best,
            "line": self.line,
            "alpha": self.alpha,
            "correction": CORRECTION,
            "comparisons": self.comparisons,
            "alpha_per_comparison": self.alpha / self.comparisons if self.comparisons else self.alpha,
            "judged": [j.to_json() for j in self.judged],
            "failures": [j.to_json() for j in self.failures],
        }


def judge(slice_name: str, stats: PairStats, *, alpha: float, comparisons: int) -> Judged:
    """Classify one candidate-vs-baseline comparison (A = the candidate) at Bonferroni level α/m."""
    m = max(comparisons, 1)
    level = 1.0 - alpha / m
    p_adj = min(1.0, stats.mcnemar.p_value * m)
    low, high = stats.bootstrap.interval(level)
    b, c = stats.mcnemar.b, stats.mcnemar.c
    mcnemar_sig = p_adj < alpha
    f1 = f"F1 difference {stats.bootstrap.delta:+.4f} [{low:+.4f}, {high:+.4f}]"
    units = f"McNemar b={b} c={c} adjusted p={p_adj:.3g}"
    if (mcnemar_sig and c > b) or high < 0:
        worse = [s for s, bad in ((units, mcnemar_sig and c > b), (f1, high < 0)) if bad]
        status, reason = WORSE, "; ".join(worse)
    elif mcnemar_sig and b > c and low > 0:
        status, reason = WIN, f"{units}; {f1}"
    else:
        failed = []
        if not (mcnemar_sig and b > c):
            failed.append(units)
        if not low > 0:
            failed.append(f"{f1} includes 0")
        status, reason = NOT_SIGNIFICANT, "; ".join(failed)
    return Judged(slice_name, stats, status, reason, p_adj, level, low, high)


def verdict(candidate: str, comparisons: Sequence[tuple[str, PairStats]], *, alpha: float) -> Verdict:
    """The seed's rule over ``(slice, candidate vs baseline)`` comparisons."""
    m = len(comparisons)
    judged = tuple(judge(name, stats, alpha=alpha, comparisons=m) for name, stats in comparisons)
    best = bool(judged) and all(j.status == WIN for j in judged)
    return Verdict(candidate=candidate, best=best, alpha=alpha, comparisons=m, judged=judged)
