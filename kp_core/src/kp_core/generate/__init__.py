"""The built-in multilingual synthetic PII corpus generator (22 EU languages, 4 domains, 16 genres).

Public API: :func:`generate_rows` (streaming), :func:`write_dataset`, :data:`LANGUAGES`,
:data:`DOMAINS`, :data:`GENRES`. The locale data it draws from is :mod:`kp_core.locales`.
"""

from __future__ import annotations

from kp_core.generate.documents import DOMAINS, GENRES
from kp_core.generate.engine import LABEL_SCHEMES, generate_document, generate_rows, write_dataset, write_rows
from kp_core.generate.phrases import phrasebook_languages

LANGUAGES: tuple[str, ...] = phrasebook_languages()

__all__ = [
    "DOMAINS",
    "GENRES",
    "LABEL_SCHEMES",
    "LANGUAGES",
    "generate_document",
    "generate_rows",
    "write_dataset",
    "write_rows",
]
