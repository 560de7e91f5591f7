"""Padding a batch of token ids (and labels) into torch tensors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def pad_batch(
    sequences: Sequence[Sequence[int]], labels: Sequence[Sequence[int]] | None, pad_id: int
) -> dict[str, Any]:
    """Pad to the longest sequence in the batch: input ids, attention mask and (optionally) labels."""
    import torch

    width = max(len(s) for s in sequences)
    ids = torch.full((len(sequences), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(sequences), width), dtype=torch.long)
    for row, seq in enumerate(sequences):
        ids[row, : len(seq)] = torch.as_tensor(seq, dtype=torch.long)
        mask[row, : len(seq)] = 1
    batch: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
    if labels is not None:
        lab = torch.full((len(sequences), width), -100, dtype=torch.long)
        for row, seq in enumerate(labels):
            lab[row, : len(seq)] = torch.as_tensor(seq, dtype=torch.long)
        batch["labels"] = lab
    return batch
