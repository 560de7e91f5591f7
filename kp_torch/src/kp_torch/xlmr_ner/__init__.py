"""The ``xlmr-ner`` family: token-classification encoders (XLM-R, mDeBERTa-v3, BERT family) over
the 73 KP BIOES labels, trained with LoRA (or fully) and run by kp's inference engine.

Importing this package is cheap: torch and transformers load inside ``load`` and the recipe's methods.
"""

from __future__ import annotations

from typing import Any

from kp_core.plugins.registry import Family
from kp_torch.xlmr_ner.recipe import XlmrNerRecipe


def load(ref: str, *, device: str = "auto", threads: int | None = None, **options: Any) -> Any:
    """A checkpoint folder (or a Hub id transformers can resolve) -> an :class:`EncoderDetector`."""
    from kp_torch.engine import EncoderDetector

    return EncoderDetector.from_pretrained(ref, device=device, threads=threads, **options)


FAMILY = Family(
    name="xlmr-ner",
    description="Token-classification encoders (XLM-R, mDeBERTa-v3, BERT family) on the 73 KP BIOES labels",
    frameworks=("torch",),
    load=load,
    reads_hf_token_classification=True,
    recipe=XlmrNerRecipe,
)

FAMILIES = (FAMILY,)
