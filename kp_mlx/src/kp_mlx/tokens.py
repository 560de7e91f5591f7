"""Whole-document tokenization with the Rust ``tokenizers`` library (no transformers needed).

Documents are tokenized without special tokens, so offsets cover the whole text; each window is
then wrapped in the tokenizer's own specials, read off its post-processor. The documents, the
layout and the window sizes are :mod:`kp_core.encoding.tokens`', shared with kp-torch, so both stacks
see identical windows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kp_core.encoding.tokens import PROBE, SpecialLayout, TokenizedDoc, content_window, default_overlap
from kp_mlx.checkpoint import TOKENIZER_JSON, CheckpointError

__all__ = ["DocumentTokenizer", "SpecialLayout", "TokenizedDoc", "content_window", "default_overlap"]


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
                docs.append(TokenizedDoc.from_lists(enc.ids, enc.offsets))
        return docs

    def token_id(self, token: str) -> int | None:
        return self.tokenizer.token_to_id(token)


def _layout(tokenizer: Any, source: str) -> SpecialLayout:
    bare = tokenizer.encode(PROBE, add_special_tokens=False).ids
    full = tokenizer.encode(PROBE, add_special_tokens=True).ids
    layout = SpecialLayout.find(bare, full)
    if layout is None:
        raise CheckpointError(f"{source}: the tokenizer does not wrap a single sequence in special tokens kp can place")
    return layout
