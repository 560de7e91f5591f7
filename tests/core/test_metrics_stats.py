"""Wilson, Newcombe, exact McNemar and the paired bootstrap: the harness's conformance vectors."""

from __future__ import annotations

import random

import pytest

from kp_core.metrics import mcnemar_exact, newcombe_diff_ci, paired_bootstrap, wilson_interval


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (16, 1123, 0.0087887, 0.0230183),
        (0, 1123, 0.0, 0.0034090),
        (0, 1096, 0.0, 0.0034927),
        (0, 1500, 0.0, 0.0025544),
        (61, 1500, 0.03179, 0.05189),
        (25, 264, 0.06497, 0.13605),
    ],
)
def test_wilson_vectors(k, n, low, high):
    lo, hi = wilson_interval(k, n)
    assert lo == pytest.approx(low, abs=5e-6)
    assert hi == pytest.approx(high, abs=5e-6)
    assert isinstance(lo, float) and isinstance(hi, float)


def test_wilson_empty():
    assert wilson_interval(0, 0) == (0.0, 0.0)


def test_newcombe_vectors_and_symmetry():
    d, lo, hi = newcombe_diff_ci(30, 200, 0, 200)
    assert (d, lo) == pytest.approx((0.15, 0.103176), abs=1e-6)
    # The contract prints 0.205656 for the upper bound, but its own formula gives
    # p1 + (u1 - p1) = u1 = wilson(30, 200) upper = 0.206056 here (p2 = l2 = 0): a transposed digit.
    assert hi == pytest.approx(wilson_interval(30, 200)[1]) == pytest.approx(0.206056, abs=1e-6)
    assert newcombe_diff_ci(2, 200, 2, 200) == pytest.approx((0.0, -0.026725, 0.026725), abs=1e-6)
    d2, lo2, hi2 = newcombe_diff_ci(0, 200, 30, 200)
    assert (d2, lo2, hi2) == pytest.approx((-d, -hi, -lo))


@pytest.mark.parametrize(("b", "c", "p"), [(339, 0, 1.79e-102), (0, 0, 1.0), (16, 0, 3.05e-05)])
def test_mcnemar_vectors(b, c, p):
    result = mcnemar_exact(b, c)
    assert result.p_value == pytest.approx(p, rel=2e-3)
    assert result.significant == (p < 0.05)


def test_mcnemar_symmetric_small_case():
    # n=4, k=1: 2*(1+4)/16 = 0.625
    assert mcnemar_exact(3, 1).p_value == 0.625
    assert mcnemar_exact(1, 3).p_value == 0.625


def test_paired_bootstrap_follows_the_stated_recipe():
    a = [0] * 90 + [1] * 10
    b = [1] * 50 + [0] * 50
    out = paired_bootstrap(a, b)
    # Restate the recipe independently: Random(20260613), 2000 × n randrange draws, sorted[50], sorted[1950].
    rng = random.Random(20260613)
    n = len(a)
    deltas = []
    for _ in range(2000):
        idx = [rng.randrange(n) for _ in range(n)]
        deltas.append(sum(a[i] for i in idx) / n - sum(b[i] for i in idx) / n)
    deltas.sort()
    assert (out.delta, out.ci_low, out.ci_high) == (0.1 - 0.5, deltas[50], deltas[1950])
    assert out.significant


def test_paired_bootstrap_rejects_unpaired_input():
    with pytest.raises(ValueError):
        paired_bootstrap([1, 0], [1])
