"""The driver's two batching rules, both a pure function of (seed, epoch), which is what makes
``--resume`` land on the same batches.

``by_length`` (the default): each epoch is a seeded permutation cut into pools of
``pool_batches`` batches; each pool is sorted by length and sliced into batches, and the batch
order is shuffled again. Batches then hold sequences of similar length, so padding (wasted
compute) stays small while the order stays random: right for padded token windows.

``shuffled``: a seeded permutation cut into batches. For models whose loss per batch grows with
what the batch holds (GLiNER sums over spans), where batches of similar items would make some
steps far larger than others and keep each epoch's batches nearly the same.
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


def shuffled_batches(n: int, batch_size: int, *, seed: int, epoch: int) -> list[list[int]]:
    """Index batches for one epoch of a seeded permutation; ``ceil(n / batch_size)`` of them."""
    if batch_size < 1:
        raise ValueError(f"batch size must be at least 1, got {batch_size}")
    order = np.random.default_rng([seed, epoch, 1]).permutation(n).tolist()
    return [order[i : i + batch_size] for i in range(0, n, batch_size)]


BATCHING_RULES = ("by_length", "shuffled")


def batches_for(rule: str, lengths: Sequence[int], batch_size: int, *, seed: int, epoch: int) -> list[list[int]]:
    """The batches of ``epoch`` under ``rule`` (a recipe's ``batching`` attribute)."""
    if rule == "by_length":
        return epoch_batches(lengths, batch_size, seed=seed, epoch=epoch)
    if rule == "shuffled":
        return shuffled_batches(len(lengths), batch_size, seed=seed, epoch=epoch)
    raise ValueError(f"unknown batching rule {rule!r}; known: {', '.join(BATCHING_RULES)}")
