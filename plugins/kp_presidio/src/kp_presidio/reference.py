"""The ``presidio`` family's model references: ``presidio[:MAPPING][,KEY=VALUE...]``.

``MAPPING`` is ``harness``, ``kp`` or ``auto`` (the default: harness where EuroPriv-Bench is
installed); keys are ``language`` (``en``, ``all`` or a code), ``threshold`` (Presidio's score
floor, 0 to 1) and ``spacy_model`` (``auto``, ``none``, a package or a folder). Examples:
``presidio``, ``presidio:kp``, ``presidio:harness,language=all``, ``presidio:kp,threshold=0.5``.
"""

from __future__ import annotations

from typing import Any

import attrs

from kp_core.errors import KpError
from kp_presidio.mappings import MAPPINGS, default_mapping

AUTO = "auto"
KEYS = ("language", "threshold", "spacy_model")
_ALIASES = {"lang": "language", "score_threshold": "threshold", "spacy": "spacy_model"}


class PresidioReferenceError(KpError, ValueError):
    """A reference or option the presidio family cannot read."""


@attrs.frozen
class Reference:
    mapping: str
    options: dict[str, str]


def parse_reference(ref: str) -> Reference:
    """``harness,language=all`` -> Reference("harness", {"language": "all"}); the mapping may be left out."""
    mapping = AUTO
    options: dict[str, str] = {}
    for position, part in enumerate(p.strip() for p in ref.split(",")):
        key, sep, value = part.partition("=")
        if not sep:
            if position != 0 or part not in (*MAPPINGS, AUTO):
                raise PresidioReferenceError(
                    f"presidio reference part {position + 1}: expected a mapping ({', '.join((*MAPPINGS, AUTO))}) "
                    f"first, then key=value options ({', '.join(KEYS)})"
                )
            mapping = part
            continue
        key = _ALIASES.get(key.strip(), key.strip())
        if key not in KEYS:
            raise PresidioReferenceError(f"presidio reference: unknown option {key!r}; known: {', '.join(KEYS)}")
        options[key] = value.strip()
    return Reference(mapping=default_mapping() if mapping == AUTO else mapping, options=options)


def merged_options(reference: Reference, given: dict[str, Any]) -> dict[str, Any]:
    """The reference's options with the keyword ones added; one key set differently in both is refused."""
    out: dict[str, Any] = dict(reference.options)
    for key, value in given.items():
        if value is None:
            continue
        if key in out and str(out[key]) != str(value):
            raise PresidioReferenceError(
                f"presidio: {key} is {out[key]} in the reference and {value} as an option; give one"
            )
        out[key] = value
    return out


def threshold_value(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise PresidioReferenceError(f"presidio: threshold must be a number from 0 to 1, not {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise PresidioReferenceError(f"presidio: threshold must be from 0 to 1, not {number}")
    return number
