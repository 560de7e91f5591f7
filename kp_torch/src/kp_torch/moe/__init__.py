"""The ``moe-finetune`` family: openai/privacy-filter (a bidirectional MoE token classifier,
8 blocks, 128 experts top-4, o200k tokenizer) continue-finetuned into the 73 KP BIOES labels.

Importing this package is cheap: torch and transformers load inside ``load`` and the recipe's methods.
"""

from __future__ import annotations

from typing import Any

from kp_core.plugins.registry import Family
from kp_torch.moe.recipe import MoeFinetuneRecipe

NAME = "moe-finetune"


def load(ref: str, *, device: str = "auto", threads: int | None = None, **options: Any) -> Any:
    """A checkpoint folder (or openai/privacy-filter itself) -> a :class:`PrivacyFilterDetector`."""
    from kp_torch.moe.detector import PrivacyFilterDetector

    return PrivacyFilterDetector.from_pretrained(ref, device=device, threads=threads, **options)


FAMILY = Family(
    name=NAME,
    description="openai/privacy-filter (MoE, 128 experts top-4) continue-finetuned into the 73 KP BIOES labels",
    frameworks=("torch",),
    load=load,
    recipe=MoeFinetuneRecipe,
    default_model="openai/privacy-filter",
)

FAMILIES = (FAMILY,)
