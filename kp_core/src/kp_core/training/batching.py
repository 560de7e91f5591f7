"""Deterministic length-bucketed batches: the one batching rule of every family.

Each epoch is a seeded permutation cut into pools of ``pool_batches`` batches; each pool is sorted by
length and sliced into batches, and the batch order is shuffled again. Batches then hold sequences of
similar length, so padding (wasted compute) stays small while the order stays random. The order is a
pure function of (seed, epoch), which is what makes ``--resume`` land on the same batches.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def epoch_batches(
    lengths: Sequence[int], batch_size: int, *, seed: int, epoch: int, pool_batches: int = 64
) -> list[list[int]]:
    """Index batches for one epoch; the count is always ``ceil(len(lengths) / batch_size)``."""
    if batch_size < 1:
        raise ValueError(f"batch size must be at least 1, got {batch_size}")
    n = len(lengths)
    rng = np.random.default_rng([seed, epoch])
    order = rng.permutation(n)
    lens = np.asarray(lengths)
    pool = batch_size * pool_batches
    batches: list[list[int]] = []
    for start in range(0, n, pool):
        chunk = order[start : start + pool]
        chunk = chunk[np.argsort(-lens[chunk], kind="stable")]
        batches.extend(chunk[i : i + batch_size].tolist() for i in range(0, len(chunk), batch_size))
    perm = rng.permutation(len(batches))
    out = [batches[i] for i in perm]
    assert len(out) == math.ceil(n / batch_size)
    return out


def batches_per_epoch(n_features: int, batch_size: int) -> int:
    return math.ceil(n_features / batch_size)
