"""The ``gazetteer`` family: exact term-list matching mapped to KP types."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from kp_core.errors import KpError
from kp_core.taxonomy import is_kp_type
from kp_core.types import Span


class TermListError(KpError, ValueError):
    pass


def read_term_list(path: str | Path) -> dict[str, str]:
    """Read ``{"terms": {term: KP type}}``; every type must be a KP type."""
    path = Path(path)
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TermListError(f"{path}: cannot read term list: {exc}") from None
    terms = payload.get("terms") if isinstance(payload, dict) else None
    if not isinstance(terms, dict) or not terms:
        raise TermListError(f"{path}: expected an object with a non-empty 'terms' mapping")
    for i, (term, label) in enumerate(terms.items(), 1):
        if not isinstance(term, str) or not term.strip():
            raise TermListError(f"{path}: term #{i} is empty")
        if not is_kp_type(label):
            raise TermListError(f"{path}: term #{i} has label {label!r}, which is not a KP type")
    return terms


class GazetteerDetector:
    name = "gazetteer"

    def __init__(self, terms: dict[str, str], model_id: str) -> None:
        self.model_id = model_id
        self._labels = {term.casefold(): label for term, label in terms.items()}
        # Longest terms first so "Acme Ltd" wins over "Acme"; \b keeps matches on word edges.
        alternatives = sorted(terms, key=len, reverse=True)
        self._pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in alternatives) + r")\b", re.IGNORECASE)

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        out = []
        for text in texts:
            spans = [
                Span(m.start(), m.end(), self._labels[m.group(0).casefold()], score=1.0, text=m.group(0))
                for m in self._pattern.finditer(text)
            ]
            out.append(spans)
        return out


def load(ref: str, **_options: object) -> GazetteerDetector:
    return GazetteerDetector(read_term_list(ref), model_id=str(ref))
