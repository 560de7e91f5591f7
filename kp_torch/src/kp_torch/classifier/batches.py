"""Padding windows of several lengths into one batch (right padding, an attention mask)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def pad_inputs(rows: Sequence[Sequence[int]], pad_id: int) -> dict[str, Any]:
    import torch

    width = max(len(row) for row in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, row in enumerate(rows):
        ids[i, : len(row)] = torch.as_tensor(list(row), dtype=torch.long)
        mask[i, : len(row)] = 1
    return {"input_ids": ids, "attention_mask": mask}
