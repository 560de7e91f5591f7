"""Whole-document tokenization and windows for the torch stack: the shared :mod:`kp_core.encoding.tokens`.

Kept as a module of its own so ``kp_torch.tokens`` stays the import path torch code knows.
"""

from __future__ import annotations

from kp_core.encoding.tokens import (
    SpecialLayout,
    TokenizedDoc,
    TokenizerError,
    content_window,
    default_overlap,
    require_fast,
    tokenize_documents,
)

__all__ = [
    "SpecialLayout",
    "TokenizedDoc",
    "TokenizerError",
    "content_window",
    "default_overlap",
    "require_fast",
    "tokenize_documents",
]
