"""``--max-util``: pick the largest training batch that fits in accelerator memory (cuda, mps).

Off by default: the original measured batch 16 fp32 as the optimum for a 280M encoder, and a bigger
batch mostly changes the optimisation, not the throughput. The probe runs one forward/backward per
candidate, largest first, on real training windows tiled to size, and keeps the first one whose peak
memory stays under ``memory_fraction`` of the device's memory and that does not run out of memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from kp_torch.training.padding import pad_batch

CANDIDATES = (64, 48, 32, 16)
MEMORY_FRACTION = 0.5


@attrs.frozen
class BatchChoice:
    batch_size: int
    probed: bool
    log: tuple[str, ...]


def _memory(device: str) -> tuple[Callable[[], int], int] | None:
    import torch

    if device == "cuda":
        total = torch.cuda.get_device_properties(torch.cuda.current_device()).total_memory
        torch.cuda.reset_peak_memory_stats()
        return torch.cuda.max_memory_allocated, int(total)
    if device == "mps":
        total = int(getattr(torch.mps, "recommended_max_memory", lambda: 0)() or 0)
        if not total:
            import os

            total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        return torch.mps.driver_allocated_memory, total
    return None


def _release(device: str) -> None:
    import torch

    if device == "cuda":
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()
    elif device == "mps":
        torch.mps.empty_cache()


def choose_batch_size(
    model: Any,
    input_ids: Sequence[Sequence[int]],
    labels: Sequence[Sequence[int]],
    *,
    pad_id: int,
    device: str,
    requested: int,
    enabled: bool,
    override: int | None,
    bf16: bool = False,
    candidates: Sequence[int] = CANDIDATES,
    memory_fraction: float = MEMORY_FRACTION,
) -> BatchChoice:
    """The batch size to train with, and a log of how it was chosen."""
    if override is not None:
        return BatchChoice(override, False, (f"batch {override}: explicit --max-util-batch-size (no probe)",))
    if not enabled:
        return BatchChoice(requested, False, ())
    if device not in ("cuda", "mps"):
        return BatchChoice(
            requested, False, (f"--max-util probes cuda/mps memory only; on {device} batch stays {requested}",)
        )
    import torch

    # The longest windows are the worst case for memory.
    order = sorted(range(len(input_ids)), key=lambda i: -len(input_ids[i]))[:8] or [0]
    log: list[str] = []
    model.train()
    for size in sorted(candidates, reverse=True):
        picks = [order[i % len(order)] for i in range(size)]
        batch = pad_batch([input_ids[i] for i in picks], [labels[i] for i in picks], pad_id)
        batch = {k: v.to(device) for k, v in batch.items()}
        probe = _memory(device)
        assert probe is not None
        peak_of, total = probe
        try:
            ctx = torch.autocast(device_type=device, dtype=torch.bfloat16) if bf16 else torch.enable_grad()
            with ctx:
                loss = model(**batch).loss
            loss.backward()
            if device == "cuda":
                torch.cuda.synchronize()
            peak = int(peak_of())
        except (RuntimeError, MemoryError) as exc:
            log.append(f"batch {size}: out of memory ({type(exc).__name__})")
            peak = None
        finally:
            model.zero_grad(set_to_none=True)
            _release(device)
        if peak is None:
            continue
        share = peak / total if total else 0.0
        if share <= memory_fraction:
            log.append(f"batch {size}: peak {peak / 2**30:.1f} GiB = {share:.0%} of {total / 2**30:.0f} GiB, chosen")
            return BatchChoice(size, True, tuple(log))
        log.append(f"batch {size}: peak {peak / 2**30:.1f} GiB = {share:.0%} > {memory_fraction:.0%}, rejected")
    smallest = min(candidates)
    log.append(f"no candidate fits; using the smallest, {smallest}")
    return BatchChoice(smallest, True, tuple(log))
