"""Template skeletons: the text with each gold span replaced by ``<LABEL>``.

Two generated rows share a skeleton exactly when they came from the same template with the same
fields filled in, which is what a leak-free split has to keep on one side.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from kp_core.types import Example, Span


def skeleton(text: str, spans: Sequence[Span]) -> str:
    """``text`` with every span replaced by ``<LABEL>``; a span overlapping an earlier one (only
    possible in non-strict data) is folded into it."""
    parts: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.start < cursor:
            cursor = max(cursor, span.end)
            continue
        parts.append(text[cursor : span.start])
        parts.append(f"<{span.label}>")
        cursor = span.end
    parts.append(text[cursor:])
    return "".join(parts)


def example_skeleton(example: Example) -> str:
    return skeleton(example.text, example.spans)


def skeleton_digest(example: Example) -> bytes:
    """A 16-byte digest of the skeleton: counting distinct skeletons without keeping them."""
    return hashlib.blake2b(example_skeleton(example).encode("utf-8"), digest_size=16).digest()
