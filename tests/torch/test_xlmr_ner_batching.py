"""Length-bucketed, seeded batch order and dynamic padding."""

from __future__ import annotations

import random

from kp_core.training.batching import epoch_batches
from kp_torch.training.padding import pad_batch


def _lengths(n: int = 1000) -> list[int]:
    rng = random.Random(1)
    return [rng.randint(10, 256) for _ in range(n)]


def test_every_index_once_per_epoch_and_deterministic() -> None:
    lengths = _lengths()
    batches = epoch_batches(lengths, 16, seed=0, epoch=2)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(lengths)))
    assert batches == epoch_batches(lengths, 16, seed=0, epoch=2)
    assert batches != epoch_batches(lengths, 16, seed=0, epoch=3)
    assert batches != epoch_batches(lengths, 16, seed=1, epoch=2)


def test_bucketing_cuts_padding() -> None:
    lengths = _lengths()
    rng = random.Random(0)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    random_batches = [order[i : i + 16] for i in range(0, len(order), 16)]

    def padded(batches):
        return sum(max(lengths[i] for i in b) * len(b) for b in batches)

    assert padded(epoch_batches(lengths, 16, seed=0, epoch=0)) < 0.75 * padded(random_batches)


def test_pad_batch_masks_and_ignores_padding() -> None:
    batch = pad_batch([[5, 6, 7], [8]], [[1, 2, 3], [4]], pad_id=0)
    assert batch["input_ids"].tolist() == [[5, 6, 7], [8, 0, 0]]
    assert batch["attention_mask"].tolist() == [[1, 1, 1], [1, 0, 0]]
    assert batch["labels"].tolist() == [[1, 2, 3], [4, -100, -100]]
