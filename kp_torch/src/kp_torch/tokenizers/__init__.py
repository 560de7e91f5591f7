"""Tokenizers kp builds offline from packaged vocabularies (no Hub access needed)."""

from __future__ import annotations

from kp_torch.tokenizers.o200k import O200K_PATTERN, build_o200k_tokenizer, o200k_tokenizer

__all__ = ["O200K_PATTERN", "build_o200k_tokenizer", "o200k_tokenizer"]
