"""Tokenizing whole documents once and cutting them into model-sized windows.

Documents are tokenized without special tokens, so offsets cover the whole text; each window is
then wrapped in the tokenizer's own specials (``[CLS] … [SEP]``, ``<s> … </s>``). Training and
inference share this, and so do the torch and MLX stacks, so a model sees at inference exactly
the windows it was trained on, whichever stack runs it.

The tokenizer is duck-typed (a Hugging Face fast tokenizer, or anything called the same way):
nothing here imports transformers or tokenizers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np

from kp_core.errors import KpError

# What the layout is read off: encoded once with and once without special tokens.
PROBE = "kp probe"
# Fewer content tokens than this per window leaves too little context to label anything.
MIN_WINDOW = 8


class TokenizerError(KpError, ValueError):
    """A tokenizer kp cannot use (no offsets, no way to add special tokens)."""


@attrs.frozen
class TokenizedDoc:
    """Subword ids and (T, 2) character offsets of one whole document, no specials."""

    ids: np.ndarray
    offsets: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_lists(cls, ids: Sequence[int], offsets: Sequence[Sequence[int]]) -> TokenizedDoc:
        return cls(ids=np.asarray(ids, dtype=np.int64), offsets=np.asarray(offsets, dtype=np.int64).reshape(-1, 2))


@attrs.frozen
class SpecialLayout:
    """The special tokens the tokenizer puts before and after a single sequence."""

    prefix: tuple[int, ...]
    suffix: tuple[int, ...]

    @classmethod
    def find(cls, bare: Sequence[int], full: Sequence[int]) -> SpecialLayout | None:
        """The layout that turns ``bare`` (a probe without specials) into ``full`` (with them),
        or None when ``full`` does not contain ``bare`` in one piece."""
        bare, full = list(bare), list(full)
        for at in range(len(full) - len(bare) + 1):
            if full[at : at + len(bare)] == bare:
                return cls(prefix=tuple(full[:at]), suffix=tuple(full[at + len(bare) :]))
        return None

    @classmethod
    def of(cls, tokenizer: Any) -> SpecialLayout:
        """Read the layout off a Hugging Face-style tokenizer: encode a probe with and without specials."""
        bare = tokenizer(PROBE, add_special_tokens=False)["input_ids"]
        full = tokenizer(PROBE, add_special_tokens=True)["input_ids"]
        layout = cls.find(bare, full)
        if layout is None:
            raise TokenizerError(
                f"{type(tokenizer).__name__} does not wrap a single sequence in special tokens kp can place"
            )
        return layout

    @property
    def extra(self) -> int:
        return len(self.prefix) + len(self.suffix)

    def wrap(self, ids: Sequence[int]) -> list[int]:
        return [*self.prefix, *(int(i) for i in ids), *self.suffix]


def require_fast(tokenizer: Any) -> None:
    """Refuse a slow (Python) tokenizer: only fast ones give character offsets."""
    if not getattr(tokenizer, "is_fast", False):
        raise TokenizerError(
            f"{type(tokenizer).__name__} is a slow tokenizer; kp needs a fast (Rust) tokenizer for character offsets"
        )


def tokenize_documents(tokenizer: Any, texts: Sequence[str], *, chunk: int = 1024) -> list[TokenizedDoc]:
    """Tokenize whole texts (batched, in the Rust tokenizer) with offsets and no specials."""
    require_fast(tokenizer)
    docs: list[TokenizedDoc] = []
    for start in range(0, len(texts), chunk):
        enc = tokenizer(
            list(texts[start : start + chunk]),
            add_special_tokens=False,
            return_offsets_mapping=True,
            return_attention_mask=False,
            return_token_type_ids=False,
            truncation=False,
            verbose=False,
        )
        for ids, offsets in zip(enc["input_ids"], enc["offset_mapping"], strict=True):
            docs.append(TokenizedDoc.from_lists(ids, offsets))
    return docs


def content_window(max_length: int, layout: SpecialLayout) -> int:
    """Content tokens per window once the specials are in; an error when too few are left."""
    window = max_length - layout.extra
    if window < MIN_WINDOW:
        raise ValueError(f"max_length {max_length} leaves {window} tokens per window after special tokens")
    return window


def default_overlap(window: int) -> int:
    """Tokens shared by neighbouring windows: a quarter of the window, enough context either side."""
    return window // 4
