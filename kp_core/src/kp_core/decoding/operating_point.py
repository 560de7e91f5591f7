"""Operating points: transition biases that trade precision for recall at decode time.

The six biases follow openai/privacy-filter's calibration: each is added (in log space) to the
score of one family of BIOES transitions. Positive ``background_to_start`` opens more entities
(recall); positive ``background_stay`` keeps more tokens outside (precision).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import attrs

from kp_core.errors import KpError


class OperatingPointError(KpError, ValueError):
    """An operating point that cannot be used: the file, the key or the value, and why."""


def _finite(instance: OperatingPoint, attribute: attrs.Attribute, value: float) -> None:
    if not math.isfinite(value):
        raise ValueError(f"operating point {attribute.name} must be finite, got {value}")


def _bias() -> float:
    return attrs.field(default=0.0, converter=float, validator=_finite)


@attrs.frozen(slots=True)
class OperatingPoint:
    """Log-space biases added to BIOES transition scores (all 0 = plain constrained Viterbi)."""

    background_stay: float = _bias()  # O -> O
    background_to_start: float = _bias()  # O -> B-x / S-x
    inside_to_continue: float = _bias()  # B-x / I-x -> I-x
    inside_to_end: float = _bias()  # B-x / I-x -> E-x
    end_to_background: float = _bias()  # E-x / S-x -> O
    end_to_start: float = _bias()  # E-x / S-x -> B-y / S-y

    @property
    def is_neutral(self) -> bool:
        return not any(attrs.astuple(self))

    def to_json(self) -> dict[str, float]:
        return attrs.asdict(self)

    @classmethod
    def from_json(cls, payload: dict, *, source: str = "operating point") -> OperatingPoint:
        if not isinstance(payload, dict):
            raise OperatingPointError(f"{source}: expected a JSON object of transition biases")
        known = {f.name for f in attrs.fields(cls)}
        unknown = sorted(set(payload) - known)
        if unknown:
            raise OperatingPointError(f"{source}: unknown keys {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        try:
            return cls(**payload)
        except (TypeError, ValueError) as exc:
            raise OperatingPointError(f"{source}: {exc}") from exc

    @classmethod
    def load(cls, path: str | Path) -> OperatingPoint:
        p = Path(path)
        try:
            payload = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise OperatingPointError(f"{p}: line {exc.lineno}: invalid JSON ({exc.msg})") from exc
        except UnicodeDecodeError:
            raise OperatingPointError(f"{p}: not UTF-8 text") from None
        return cls.from_json(payload, source=str(p))

    def save(self, path: str | Path) -> None:
        from kp_core.data.paths import atomic_write_text

        atomic_write_text(path, json.dumps(self.to_json(), indent=2) + "\n")


DEFAULT = OperatingPoint()
