"""The document-level label scheme, derived from spans and the taxonomy's own attributes.

- ``types``: the KP types a document holds (multi-label).
- ``level``, from the taxonomy's attributes of those types, never a hand list:
  ``special`` when any type is a GDPR Art. 9 special category (``gdpr_special``), else
  ``direct`` when any is a direct identifier (``identifier_class: direct``), else ``quasi`` when
  the document holds only quasi-identifiers, else ``none``.
- ``PERSONAL_DATA``: the document holds at least one span (level above ``none``). This is what
  routing keys on: a document called clean is never span-detected, so "clean" must mean nothing
  at all to find, not "only quasi-identifiers".

A row may carry explicit labels (``doc_labels: {"types": [...], "level": "..."}``) for documents
annotated at document level only; with spans, explicit labels must agree with them (a span type
missing from ``types``, or a level below what the spans imply, is an error naming the row).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from kp_core.errors import KpError
from kp_core.taxonomy import IdentifierClass, entity_names, load_taxonomy

LEVELS = ("none", "quasi", "direct", "special")  # ordered: each is more sensitive than the last
PERSONAL_DATA = "PERSONAL_DATA"
DOC_LABELS: tuple[str, ...] = (PERSONAL_DATA, *entity_names())  # the head's outputs, in this order
DOC_LABELS_FIELD = "doc_labels"


class DocLabelError(KpError, ValueError):
    """Explicit document labels that are malformed or contradict the row's spans."""


@attrs.frozen
class DocLabels:
    """What a document holds: its KP types and its sensitivity level."""

    types: frozenset[str]
    level: str

    @property
    def personal_data(self) -> bool:
        return self.level != "none"

    def vector(self) -> list[int]:
        """0/1 per entry of :data:`DOC_LABELS` (the classifier's targets)."""
        return [int(self.personal_data), *(int(name in self.types) for name in entity_names())]

    def to_json(self) -> dict[str, Any]:
        return {"types": sorted(self.types), "level": self.level}


def level_of(types: Iterable[str]) -> str:
    """The sensitivity level of a document holding ``types`` (see the module docstring)."""
    taxonomy = load_taxonomy()
    found = [taxonomy.by_name(name) for name in set(types)]
    if not found:
        return "none"
    if any(entity.gdpr_special for entity in found):
        return "special"
    if any(entity.identifier_class is IdentifierClass.DIRECT for entity in found):
        return "direct"
    return "quasi"


def doc_labels(labels: Iterable[str], explicit: Mapping[str, Any] | None = None, *, where: str = "row") -> DocLabels:
    """The document labels of a row whose spans carry ``labels``; ``explicit`` (the row's
    ``doc_labels`` field) is checked against them and wins where it says more."""
    span_types = frozenset(labels)
    implied = DocLabels(span_types, level_of(span_types))
    if explicit is None:
        return implied
    given = parse_explicit(explicit, where=where)
    missing = sorted(span_types - given.types)
    if missing:
        raise DocLabelError(f"{where}: {DOC_LABELS_FIELD}.types lacks {', '.join(missing)}, which its spans hold")
    if LEVELS.index(given.level) < LEVELS.index(implied.level):
        raise DocLabelError(
            f"{where}: {DOC_LABELS_FIELD}.level {given.level!r} is below {implied.level!r}, which its spans imply"
        )
    return given


def parse_explicit(value: Any, *, where: str = "row") -> DocLabels:
    """A row's ``doc_labels`` field, strictly: a mapping with ``types`` (KP types) and, optionally,
    ``level`` (default: the level of ``types``); anything else is an error naming the row."""
    if not isinstance(value, Mapping):
        raise DocLabelError(f"{where}: {DOC_LABELS_FIELD} must be an object with 'types' and 'level'")
    unknown_keys = sorted(set(value) - {"types", "level"})
    if unknown_keys:
        raise DocLabelError(f"{where}: {DOC_LABELS_FIELD} has unknown keys {', '.join(unknown_keys)}")
    types = value.get("types", [])
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise DocLabelError(f"{where}: {DOC_LABELS_FIELD}.types must be a list of KP type names")
    known = set(entity_names())
    bad = sorted(set(types) - known)
    if bad:
        raise DocLabelError(f"{where}: {DOC_LABELS_FIELD}.types: unknown KP type(s) {', '.join(bad)}")
    level = value.get("level", level_of(types))
    if level not in LEVELS:
        raise DocLabelError(f"{where}: {DOC_LABELS_FIELD}.level {level!r} is not one of {', '.join(LEVELS)}")
    if LEVELS.index(level) < LEVELS.index(level_of(types)):
        raise DocLabelError(f"{where}: {DOC_LABELS_FIELD}.level {level!r} is below what its types imply")
    return DocLabels(frozenset(types), level)


def example_doc_labels(example: Any) -> DocLabels:
    """The document labels of a :class:`~kp_core.types.Example` (its spans, and its explicit
    ``doc_labels`` when the row had them)."""
    explicit = (example.extra or {}).get(DOC_LABELS_FIELD)
    where = f"row {example.doc_id}" if getattr(example, "doc_id", None) else "row"
    return doc_labels((span.label for span in example.spans), explicit, where=where)
