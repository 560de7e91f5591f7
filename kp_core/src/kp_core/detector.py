"""The Detector protocol: what every family's loader returns, and all the SDK and evaluator need."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from kp_core.types import Span


@runtime_checkable
class Detector(Protocol):
    """Finds PII spans in texts. ``name`` is the family, ``model_id`` the checkpoint or reference."""

    name: str
    model_id: str

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        """One list of character spans per text, sorted by start, non-overlapping."""
        ...
