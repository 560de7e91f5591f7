"""Whole-document tokenization with the Rust ``tokenizers`` library (no transformers needed).

Documents are tokenized without special tokens, so offsets cover the whole text; each window is
then wrapped in the tokenizer's own specials, read off its post-processor. This is the same
layout kp-torch uses, so both stacks see identical windows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from kp_mlx.checkpoint import TOKENIZER_JSON, CheckpointError


@attrs.frozen
class TokenizedDoc:
    """Subword ids and (T, 2) character offsets of one whole document, no specials."""

    ids: np.ndarray
    offsets: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


@attrs.frozen
class SpecialLayout:
    """The special tokens the tokenizer puts before and after a single sequence."""

    prefix: tuple[int, ...]
    suffix: tuple[int, ...]

    @property
    def extra(self) -> int:
        return len(self.prefix) + len(self.suffix)

    def wrap(self, ids: Sequence[int]) -> list[int]:
        return [*self.prefix, *(int(i) for i in ids), *self.suffix]


class DocumentTokenizer:
    """A ``tokenizers.Tokenizer`` that returns whole documents and knows its special layout."""

    def __init__(self, tokenizer: Any, *, source: str = TOKENIZER_JSON) -> None:
        tokenizer.no_truncation()
        tokenizer.no_padding()
        self.tokenizer = tokenizer
        self.layout = _layout(tokenizer, source)

    @classmethod
    def from_folder(cls, folder: Path) -> DocumentTokenizer:
        from tokenizers import Tokenizer

        path = Path(folder) / TOKENIZER_JSON
        if not path.is_file():
            raise CheckpointError(f"{path}: missing; kp-mlx needs the fast tokenizer file")
        try:
            return cls(Tokenizer.from_file(str(path)), source=str(path))
        except Exception as exc:
            raise CheckpointError(f"{path}: not a tokenizers file ({exc})") from None

    def documents(self, texts: Sequence[str], *, chunk: int = 1024) -> list[TokenizedDoc]:
        docs: list[TokenizedDoc] = []
        for start in range(0, len(texts), chunk):
            for enc in self.tokenizer.encode_batch(list(texts[start : start + chunk]), add_special_tokens=False):
                docs.append(
                    TokenizedDoc(
                        ids=np.asarray(enc.ids, dtype=np.int64),
                        offsets=np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2),
                    )
                )
        return docs

    def token_id(self, token: str) -> int | None:
        return self.tokenizer.token_to_id(token)


def _layout(tokenizer: Any, source: str) -> SpecialLayout:
    probe = "kp probe"
    bare = tokenizer.encode(probe, add_special_tokens=False).ids
    full = tokenizer.encode(probe, add_special_tokens=True).ids
    for at in range(len(full) - len(bare) + 1):
        if full[at : at + len(bare)] == bare:
            return SpecialLayout(prefix=tuple(full[:at]), suffix=tuple(full[at + len(bare) :]))
    raise CheckpointError(f"{source}: the tokenizer does not wrap a single sequence in special tokens kp can place")


def content_window(max_length: int, layout: SpecialLayout) -> int:
    window = max_length - layout.extra
    if window < 8:
        raise ValueError(f"max_length {max_length} leaves {window} tokens per window after special tokens")
    return window


def default_overlap(window: int) -> int:
    """Tokens shared by neighbouring windows: a quarter of the window (as kp-torch)."""
    return window // 4
