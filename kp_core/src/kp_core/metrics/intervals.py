"""Binomial confidence intervals: Wilson score (leak rates) and Newcombe's method 10 (difference
of two independent proportions, the "dissociation gap")."""

from __future__ import annotations

import math

Z_95 = 1.95996


def wilson_interval(successes: int | float, n: int | float, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval for ``successes`` out of ``n``; (0, 0) when n is 0."""
    if n <= 0:
        return (0.0, 0.0)
    if successes < 0 or successes > n:
        raise ValueError(f"wilson_interval needs 0 <= successes <= n, got {successes} of {n}")
    p = successes / n
    z2 = z**2
    center = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = (z / (1 + z2 / n)) * math.sqrt(p * (1 - p) / n + z2 / (4 * n**2))
    # No clamping: the harness reports the formula's values as they come out.
    return (float(center - half), float(center + half))


def newcombe_diff_ci(s1: int, n1: int, s2: int, n2: int, z: float = Z_95) -> tuple[float, float, float]:
    """Newcombe (1998) method 10 for p1 − p2: returns (difference, low, high)."""
    p1 = s1 / n1 if n1 else 0.0
    p2 = s2 / n2 if n2 else 0.0
    l1, u1 = wilson_interval(s1, n1, z)
    l2, u2 = wilson_interval(s2, n2, z)
    diff = p1 - p2
    low = diff - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = diff + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return (float(diff), float(low), float(high))


def leak_rate_bundle(missed: int, total: int, prefix: str = "") -> dict[str, float]:
    """``{prefix}leak_rate`` = missed/total (0 when total is 0) with its Wilson bounds."""
    low, high = wilson_interval(missed, total)
    return {
        f"{prefix}leak_rate": float(missed / total) if total else 0.0,
        f"{prefix}leak_rate_ci_low": low,
        f"{prefix}leak_rate_ci_high": high,
    }
