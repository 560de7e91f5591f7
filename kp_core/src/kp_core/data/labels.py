"""Turning a row's span labels into KP types.

Order: an explicit ``label_map`` entry wins (a ``null`` value drops the span on purpose), then the
crosswalk of ``scheme`` (a scheme's own meaning beats a coincidental KP name), then a label that
already is a KP type. Anything else is an error: an unknown label never becomes ``O`` by accident.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import attrs

from kp_core.errors import KpError
from kp_core.taxonomy import TAXONOMY_VERSION, entity_names


class UnknownLabelError(KpError, ValueError):
    """A label that is not a KP type and that no map or crosswalk maps."""


@attrs.frozen(slots=True)
class Resolved:
    """``label`` is the KP type, or None when an explicit map entry drops the span."""

    label: str | None


_DROP = Resolved(None)


def _check_label_map(label_map: Mapping[str, str | None]) -> dict[str, str | None]:
    known = set(entity_names())
    out: dict[str, str | None] = {}
    for native, target in label_map.items():
        if not isinstance(native, str):
            raise ValueError(f"label map keys must be strings, got {type(native).__name__}")
        if target is not None and target not in known:
            raise ValueError(
                f"label map sends {native!r} to {target!r}, which is not a KP type (taxonomy {TAXONOMY_VERSION})"
            )
        out[native] = target
    return out


def parse_label_map(value: str) -> dict[str, str | None]:
    """A label map from a JSON object given inline or as the path of a JSON file."""
    text = value
    if not value.lstrip().startswith("{"):
        path = Path(value)
        if not path.is_file():
            raise ValueError(f"--label-map is neither a JSON object nor a file: {value}")
        text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"--label-map is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(data, dict):
        raise ValueError(f"--label-map must be a JSON object of label -> KP type, got {type(data).__name__}")
    return _check_label_map(data)


class LabelResolver:
    """Maps source labels to KP types, caching each answer (datasets repeat a handful of labels)."""

    def __init__(self, label_map: Mapping[str, str | None] | None = None, scheme: str | None = None) -> None:
        self.label_map = _check_label_map(label_map or {})
        if scheme is not None:
            from kp_core.taxonomy.crosswalk import schemes  # deferred: only label-scheme users need it

            if scheme not in schemes():
                raise ValueError(f"unknown label scheme {scheme!r}; known: {', '.join(schemes())}")
        self.scheme = scheme
        self._kp = frozenset(entity_names())
        self._cache: dict[str, Resolved] = {}

    def resolve(self, label: str) -> Resolved:
        """The KP type for ``label`` (or a deliberate drop); raises :class:`UnknownLabelError`."""
        hit = self._cache.get(label)
        if hit is None:
            hit = self._lookup(label)
            self._cache[label] = hit
        return hit

    def _lookup(self, label: str) -> Resolved:
        if label in self.label_map:
            target = self.label_map[label]
            return _DROP if target is None else Resolved(target)
        if self.scheme is not None:
            from kp_core.taxonomy.crosswalk import to_kp

            target = to_kp(self.scheme, label)
            if target is not None:
                return Resolved(target)
        if label in self._kp:
            return Resolved(label)
        if self.scheme is not None:
            raise UnknownLabelError(
                f"label {label!r} is neither a KP type nor mapped by scheme {self.scheme!r}; "
                f'map it (or drop it with {{"{label}": null}}) in --label-map'
            )
        raise UnknownLabelError(
            f"label {label!r} is not a KP type (taxonomy {TAXONOMY_VERSION}); map it with --label-map or --scheme"
        )
