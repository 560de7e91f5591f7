"""Genre composers, grouped by domain. Each composer writes one document into a
:class:`~kp_core.generate.compose.Context` from interchangeable sections whose order, presence,
layout and wording vary per document."""

from __future__ import annotations

from collections.abc import Callable

from kp_core.generate.compose import Context
from kp_core.generate.documents import admin, clinical, general, legal

Composer = Callable[[Context], None]

GENRES: dict[str, dict[str, Composer]] = {
    "clinical": clinical.GENRES,
    "legal": legal.GENRES,
    "administrative": admin.GENRES,
    "general": general.GENRES,
}

DOMAINS: tuple[str, ...] = tuple(GENRES)
