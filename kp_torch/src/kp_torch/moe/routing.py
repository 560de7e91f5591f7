"""Router load: how many (non-padding) tokens each expert of each block receives.

A fine-tune that collapses routing (a few experts take every token) loses the capacity the MoE
is for; the report makes that visible at eval time. Counting hooks the routers' top-k output and
the model's attention mask, so it rides along with any forward pass (the eval loss's, here).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

ROUTER_CLASS = "OpenAIPrivacyFilterTopKRouter"


class RouterLoad:
    """Per-block token counts per expert, filled while :meth:`counting` is active."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.routers = [
            (name, module) for name, module in model.named_modules() if type(module).__name__ == ROUTER_CLASS
        ]
        if not self.routers:
            raise ValueError(f"{type(model).__name__} has no {ROUTER_CLASS} modules")
        self.counts: list[Any] = [None] * len(self.routers)
        self._mask: Any = None

    @contextmanager
    def counting(self) -> Iterator[RouterLoad]:
        import torch

        def grab_mask(_module: Any, args: tuple, kwargs: dict) -> None:
            mask = kwargs.get("attention_mask")
            ids = kwargs.get("input_ids", args[0] if args else None)
            self._mask = mask.reshape(-1).bool() if mask is not None else torch.ones(ids.numel(), dtype=torch.bool)

        def count(index: int) -> Any:
            def hook(module: Any, _inputs: Any, output: Any) -> None:
                chosen = output[2]  # (tokens, top_k) expert indices
                if self._mask is not None and self._mask.numel() == chosen.shape[0]:
                    chosen = chosen[self._mask.to(chosen.device)]
                tally = torch.bincount(chosen.reshape(-1).cpu(), minlength=module.num_experts)
                self.counts[index] = tally if self.counts[index] is None else self.counts[index] + tally

            return hook

        handles = [self.model.register_forward_pre_hook(grab_mask, with_kwargs=True)]
        handles += [module.register_forward_hook(count(i)) for i, (_, module) in enumerate(self.routers)]
        try:
            yield self
        finally:
            for handle in handles:
                handle.remove()

    def report(self) -> dict[str, Any]:
        """Per block: tokens per expert, the busiest expert's share, idle experts, and the routing
        entropy normalised to [0, 1] (1 = perfectly even); plus the worst block of each."""
        blocks = []
        for (name, _), tally in zip(self.routers, self.counts, strict=True):
            if tally is None:
                continue
            counts = [int(c) for c in tally.tolist()]
            total = sum(counts)
            shares = [c / total for c in counts] if total else [0.0] * len(counts)
            entropy = -sum(p * math.log(p) for p in shares if p > 0)
            blocks.append(
                {
                    "block": name.removesuffix(".mlp.router"),
                    "assignments": total,
                    "tokens_per_expert": counts,
                    "max_share": max(shares) if shares else 0.0,
                    "idle_experts": sum(1 for c in counts if c == 0),
                    "normalized_entropy": entropy / math.log(len(counts)) if len(counts) > 1 else 1.0,
                }
            )
        summary = {
            "min_normalized_entropy": min((b["normalized_entropy"] for b in blocks), default=None),
            "max_share": max((b["max_share"] for b in blocks), default=None),
            "max_idle_experts": max((b["idle_experts"] for b in blocks), default=None),
        }
        return {"summary": summary, "blocks": blocks}
