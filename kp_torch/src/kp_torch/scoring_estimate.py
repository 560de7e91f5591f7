"""How long scoring a set of documents will take on this machine, measured before training.

``kp main`` trains within whatever the wall-clock budget leaves after scoring. A fixed reserve is
either wasteful on a quiet machine or too small on a loaded one, so the reserve comes from the
work itself: the windows the engine will run on the documents (same tokenizer, window and overlap
as the Detector) divided by the forward rate of the base model timed here and now.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import attrs

from kp_core.decoding import plan_windows
from kp_core.taxonomy import bioes_labels

# The engine decodes, merges windows and pads batches on top of the forward passes.
ENGINE_OVERHEAD = 1.15


@attrs.frozen
class ScoringEstimate:
    documents: int
    windows: int
    tokens: int
    tokens_per_s: float

    @property
    def seconds(self) -> float:
        return ENGINE_OVERHEAD * self.tokens / self.tokens_per_s if self.tokens_per_s > 0 else 0.0

    def describe(self) -> str:
        return (
            f"{self.documents} documents = {self.windows} windows, {self.tokens:,} tokens at "
            f"{self.tokens_per_s:,.0f} tokens/s -> ~{self.seconds:.0f} s"
        )


def window_tokens(tokenizer: object, texts: Sequence[str], max_length: int) -> tuple[int, int]:
    """(windows, tokens including special tokens) the engine will run on ``texts``."""
    from kp_core.encoding.tokens import SpecialLayout, content_window, default_overlap, tokenize_documents

    layout = SpecialLayout.of(tokenizer)
    window = content_window(max_length, layout)
    overlap = default_overlap(window)
    specials = len(layout.prefix) + len(layout.suffix)
    windows = tokens = 0
    for doc in tokenize_documents(tokenizer, texts):
        for start, end in plan_windows(len(doc), window, overlap):
            windows += 1
            tokens += end - start + specials
    return windows, tokens


def forward_tokens_per_s(
    base: str | Path, *, device: str, max_length: int, batch_size: int = 32, repeats: int = 2
) -> float:
    """Inference-mode forward rate of ``base`` with a KP head, on full windows, after one warm-up."""
    import torch
    from transformers import AutoModelForTokenClassification
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # the new head is reported as missing: expected here
    try:
        model = AutoModelForTokenClassification.from_pretrained(
            str(base), num_labels=len(bioes_labels()), use_safetensors=None, trust_remote_code=False
        )
    finally:
        hf_logging.set_verbosity(verbosity)
    model.to(device).eval()
    ids = torch.randint(5, min(1000, model.config.vocab_size), (batch_size, max_length), device=device)
    mask = torch.ones_like(ids)
    with torch.inference_mode():
        model(input_ids=ids, attention_mask=mask)
        started = time.perf_counter()
        for _ in range(repeats):
            model(input_ids=ids, attention_mask=mask).logits.float().sum().item()
        seconds = time.perf_counter() - started
    return repeats * batch_size * max_length / seconds


def estimate_scoring(
    base: str | Path, texts: Sequence[str], *, device: str, max_length: int, batch_size: int = 32
) -> ScoringEstimate:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(base), use_fast=True)
    windows, tokens = window_tokens(tokenizer, texts, max_length)
    rate = forward_tokens_per_s(base, device=device, max_length=max_length, batch_size=batch_size)
    return ScoringEstimate(documents=len(texts), windows=windows, tokens=tokens, tokens_per_s=rate)
