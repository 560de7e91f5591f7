"""The Detector protocol: what every family's loader returns, and all the SDK and evaluator need."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from kp_core.types import Span


@runtime_checkable
class Detector(Protocol):
    """Finds PII spans in texts. ``name`` is the family, ``model_id`` the checkpoint or reference."""

    name: str
    model_id: str

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        """One list of character spans per text, sorted by start, non-overlapping."""
        ...


class NormalizedDetector:
    """Any detector, run on the normalized view of each text (:mod:`kp_core.encoding.normalize`: hidden
    characters removed, Unicode spaces and digits made plain, accents composed), its spans mapped
    back to the offsets of the text as given. :func:`kp_core.plugins.models.load_detector` puts it in front
    of every family that does not normalize by itself (``normalizes_input``), so a model sees
    identifiers hidden by zero-width or look-alike characters as plain ones, and its output keeps
    the protocol's shape. Other attributes are the wrapped detector's (calibration, benchmarks)."""

    normalizes_input = True

    def __init__(self, detector: Detector) -> None:
        self.detector = detector
        self.name = detector.name
        self.model_id = detector.model_id

    def __getattr__(self, name: str) -> Any:
        if name == "detector":  # not set yet (copy, unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.detector, name)

    def __setattr__(self, name: str, value: Any) -> None:
        # A setting written through the front (an operating point, a batch size) reaches the model.
        if name in ("detector", "name", "model_id"):
            object.__setattr__(self, name, value)
        else:
            setattr(self.detector, name, value)

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        from kp_core.anonymize.conflicts import resolve_overlaps
        from kp_core.encoding.normalize import normalize

        views = [normalize(text) for text in texts]
        found = self.detector.predict_spans([view.text for view in views])
        out = []
        for view, spans in zip(views, found, strict=True):
            mapped = [view.to_original(span) for span in spans]
            # Two spans that cut one composed cluster meet on it once mapped: merge them, as
            # the protocol promises non-overlapping spans.
            if any(a.end > b.start for a, b in zip(mapped, mapped[1:], strict=False)):
                mapped = [attrs.evolve(s, text=view.original[s.start : s.end]) for s in resolve_overlaps(mapped)]
            out.append(mapped)
        return out
