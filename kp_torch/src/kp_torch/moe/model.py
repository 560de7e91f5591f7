"""Loading openai/privacy-filter (or a kp checkpoint of it) with the implementations kp trains with.

Attention runs ``eager`` (privacy-filter's banded bidirectional attention with sinks has no SDPA
path; eager works on every device). Experts run ``grouped_mm`` by default: one grouped matrix
multiply per projection instead of a Python loop over the experts a batch hits, which is what
makes LoRA on a 128-expert model trainable on a CPU (``benchmarks/bench_moe.py`` measures it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kp_core.errors import KpError

MODEL_TYPE = "openai_privacy_filter"
DEFAULT_BASE = "openai/privacy-filter"
EXPERTS_IMPLEMENTATIONS = ("grouped_mm", "batched_mm", "eager")
DEFAULT_EXPERTS = "grouped_mm"


class BaseModelError(KpError, ValueError):
    """A --base that is not a privacy-filter token classifier (a refusal, exit 2)."""


def privacy_filter_config(**overrides: Any) -> Any:
    """``OpenAIPrivacyFilterConfig`` with openai's sizes (8 blocks, d 640, 128 experts top-4,
    o200k vocabulary of 200064 rows) unless overridden; tests and benchmarks build from it."""
    from transformers import OpenAIPrivacyFilterConfig

    return OpenAIPrivacyFilterConfig(**overrides)


def check_experts(experts: str) -> str:
    if experts not in EXPERTS_IMPLEMENTATIONS:
        raise BaseModelError(f"experts implementation {experts!r}; choose from {', '.join(EXPERTS_IMPLEMENTATIONS)}")
    return experts


def load_model(ref: str | Path, *, experts: str = DEFAULT_EXPERTS, progress: bool | None = None) -> Any:
    """A privacy-filter token classifier from a folder or Hub id (safetensors, no remote code), in
    float32 whatever the checkpoint's dtype: the head and adapters train with AdamW, whose small
    updates a bf16 weight would round away (``--bf16`` autocasts the compute instead).
    ``progress``: transformers' own bars (None: only when stderr is a terminal)."""
    import torch
    from transformers import AutoConfig, AutoModelForTokenClassification

    from kp_torch_runtime.hub import loading

    with loading(ref, progress=progress):
        config = AutoConfig.from_pretrained(str(ref), trust_remote_code=False)
    if getattr(config, "model_type", None) != MODEL_TYPE:
        raise BaseModelError(
            f"{ref}: model_type {getattr(config, 'model_type', None)!r}, expected {MODEL_TYPE!r} "
            "(openai/privacy-filter or a moe-finetune checkpoint)"
        )
    with loading(ref, progress=progress):
        return AutoModelForTokenClassification.from_pretrained(
            str(ref),
            attn_implementation="eager",
            experts_implementation=check_experts(experts),
            dtype=torch.float32,
            use_safetensors=True,
            trust_remote_code=False,
        )


def load_tokenizer(ref: str | Path, *, progress: bool | None = None) -> Any:
    """The checkpoint's own fast tokenizer; a folder without one gets o200k built from quicktok."""
    from transformers import AutoTokenizer

    from kp_torch_runtime.hub import loading

    folder = Path(ref)
    if folder.is_dir() and not (folder / "tokenizer.json").is_file():
        from kp_torch.tokenizers import o200k_tokenizer

        return o200k_tokenizer()
    with loading(ref, progress=progress):
        return AutoTokenizer.from_pretrained(str(ref), use_fast=True)
