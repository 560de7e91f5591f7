"""Value types shared by every part of kp. Validation lives in the constructors, so a bad span
cannot exist in memory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from kp_core.taxonomy import require_kp_type


def _check_offsets(instance: Span, attribute: attrs.Attribute, value: int) -> None:
    if value < 0:
        raise ValueError(f"span {attribute.name} must be >= 0, got {value}")


@attrs.frozen(slots=True, order=False)
class Span:
    """A character span: ``end`` is exclusive, ``label`` a KP type, ``score`` in [0, 1] or None."""

    start: int = attrs.field(validator=[attrs.validators.instance_of(int), _check_offsets])
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), _check_offsets])
    label: str = attrs.field(converter=require_kp_type)
    score: float | None = None
    text: str | None = None
    # Keys a source row carries beside start/end/label (TAB's entity_id, identifier_type, country...).
    # Kept for round trips and row metrics; left out of equality and hashing.
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"span end ({self.end}) must be greater than start ({self.start})")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label}
        if self.score is not None:
            out["score"] = round(float(self.score), 6)
        if self.text is not None:
            out["text"] = self.text
        for key, value in self.extra.items():
            out.setdefault(key, value)
        return out


def _spans_tuple(value: Any) -> tuple[Span, ...]:
    return tuple(sorted(value, key=lambda s: (s.start, s.end)))


@attrs.frozen(slots=True)
class Example:
    """One document with gold (or predicted) spans and optional metadata."""

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    spans: tuple[Span, ...] = attrs.field(factory=tuple, converter=_spans_tuple)
    language: str | None = None
    domain: str | None = None
    country: str | None = None
    doc_id: str | None = None
    template_id: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        for span in self.spans:
            if span.end > len(self.text):
                raise ValueError(
                    f"span {span.start}:{span.end} ({span.label}) ends past the text (len {len(self.text)})"
                )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "spans": [s.to_json() for s in self.spans],
        }
        for key in ("language", "domain", "country", "doc_id", "template_id"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out.update(self.extra)
        return out
