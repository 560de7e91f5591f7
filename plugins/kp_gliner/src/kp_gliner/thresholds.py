"""Per-type score thresholds: one default, overridable per KP type (e.g. lower for NATIONAL_ID)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import attrs

from kp_core.taxonomy import entity_names

DEFAULT_THRESHOLD = 0.5  # what EuroPriv-Bench's GLiNER adapter uses


def _check(name: str, value: float) -> float:
    value = float(value)
    if not 0.0 < value < 1.0:
        raise ValueError(f"threshold for {name} must be in (0, 1), got {value}")
    return value


def _per_type(value: Mapping[str, Any]) -> Mapping[str, float]:
    known = set(entity_names())
    out = {}
    for kp_type, threshold in value.items():
        if kp_type not in known:
            raise ValueError(f"thresholds: {kp_type!r} is not a KP type; known: {', '.join(entity_names())}")
        out[kp_type] = _check(kp_type, threshold)
    return out


@attrs.frozen
class Thresholds:
    default: float = attrs.field(default=DEFAULT_THRESHOLD, converter=lambda v: _check("the default", v))
    per_type: Mapping[str, float] = attrs.field(factory=dict, converter=_per_type)

    def for_type(self, kp_type: str) -> float:
        return self.per_type.get(kp_type, self.default)

    def lowest(self, types: tuple[str, ...]) -> float:
        return min(self.for_type(t) for t in types)

    def to_json(self) -> dict[str, Any]:
        return {"default": self.default, "per_type": dict(self.per_type)}


def parse_thresholds(threshold: float | str | None, thresholds: Mapping[str, Any] | str | None) -> Thresholds:
    """``threshold=`` (the default) and ``thresholds=`` (KP type -> value, or that as JSON text)."""
    per_type: Mapping[str, Any] = {}
    if isinstance(thresholds, str):
        try:
            per_type = json.loads(thresholds)
        except json.JSONDecodeError as exc:
            raise ValueError(f"thresholds: invalid JSON ({exc.msg})") from None
        if not isinstance(per_type, dict):
            raise ValueError("thresholds: expected a JSON object of KP type -> threshold")
    elif thresholds is not None:
        per_type = thresholds
    return Thresholds(DEFAULT_THRESHOLD if threshold is None else float(threshold), per_type)
