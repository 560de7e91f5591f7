"""The built-in anonymization operators and how any operator is applied to a text.

An operator receives one document and its resolved spans (sorted, non-overlapping, see
:mod:`kp_core.anonymize.conflicts`) and returns one replacement string per span. Working per
document lets operators use the whole document (the pseudonymizer avoids every PII value in it).
Operators are registered through ``kp_register_operators`` like any plugin's; a plugin operator's
``factory(**options)`` returns an object with the same ``replacements`` method.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from kp_core.anonymize.conflicts import resolve_overlaps
from kp_core.anonymize.keys import derive_key, resolve_key
from kp_core.plugins.registry import Operator
from kp_core.types import Span

REDACTION_MARK = "█"  # U+2588, the harness's MASK_TOKEN


@runtime_checkable
class SpanOperator(Protocol):
    """Replaces the spans of one document. ``merge_touching`` asks for touching spans to be merged."""

    name: str
    merge_touching: bool

    def replacements(self, text: str, spans: Sequence[Span]) -> list[str]: ...


@attrs.frozen
class MaskOperator:
    """Length-preserving: every masked character becomes ``char``; whitespace is kept by default,
    so the token count does not change. ``keep_last`` leaves that many trailing characters (never
    use it for national IDs: a visible last 4 is a leak under the harness rule)."""

    char: str = "*"
    keep_whitespace: bool = True
    keep_last: int = 0
    name: str = "mask"
    merge_touching: bool = False

    def replacements(self, text: str, spans: Sequence[Span]) -> list[str]:
        out = []
        for span in spans:
            value = text[span.start : span.end]
            cut = len(value) - max(0, min(self.keep_last, len(value)))
            masked = "".join(ch if (self.keep_whitespace and ch.isspace()) else self.char for ch in value[:cut])
            out.append(masked + value[cut:])
        return out


@attrs.frozen
class RedactOperator:
    """One ``█`` per (merged) span, the harness's redaction convention."""

    mark: str = REDACTION_MARK
    name: str = "redact"
    merge_touching: bool = True

    def replacements(self, text: str, spans: Sequence[Span]) -> list[str]:
        return [self.mark for _ in spans]


@attrs.frozen
class ReplaceOperator:
    """The span's type in a template, ``<PERSON>`` by default."""

    template: str = "<{label}>"
    name: str = "replace"
    merge_touching: bool = False

    def replacements(self, text: str, spans: Sequence[Span]) -> list[str]:
        return [self.template.format(label=span.label) for span in spans]


@attrs.frozen
class KeepOperator:
    """Leaves spans as they are (useful per type, or to dry-run a pipeline)."""

    name: str = "keep"
    merge_touching: bool = False

    def replacements(self, text: str, spans: Sequence[Span]) -> list[str]:
        return [text[span.start : span.end] for span in spans]


@attrs.define
class HashOperator:
    """HMAC-SHA256 of the value (whitespace-normalised) under a secret key, hex, ``length`` chars.

    Equal values give equal digests for one key (linkable), digests cannot be inverted or
    brute-forced without the key. ``template`` may use ``{label}`` and ``{digest}``."""

    key: bytes | str | None = None
    length: int = 16
    template: str = "{digest}"
    random_key: bool = False
    name: str = "hash"
    merge_touching: bool = False
    _mac_key: bytes = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not 8 <= self.length <= 64:
            raise ValueError(f"hash length must be 8..64 hex characters, got {self.length}")
        self._mac_key = derive_key(resolve_key(self.key, random_key=self.random_key), "kp hash operator v1")

    def replacements(self, text: str, spans: Sequence[Span]) -> list[str]:
        out = []
        for span in spans:
            value = " ".join(text[span.start : span.end].split())
            digest = hmac.new(self._mac_key, value.encode("utf-8"), hashlib.sha256).hexdigest()[: self.length]
            out.append(self.template.format(label=span.label, digest=digest))
        return out


@attrs.frozen
class CallableOperator:
    """Wraps a user function ``fn(value, span) -> str`` as an operator."""

    fn: Callable[[str, Span], str]
    name: str = "custom"
    merge_touching: bool = False

    def replacements(self, text: str, spans: Sequence[Span]) -> list[str]:
        out = []
        for span in spans:
            replacement = self.fn(text[span.start : span.end], span)
            if not isinstance(replacement, str):
                raise TypeError(
                    f"custom operator returned {type(replacement).__name__} for span {span.start}:{span.end} "
                    f"({span.label}); it must return str"
                )
            out.append(replacement)
        return out


def _pseudonymize_factory(**options: Any) -> SpanOperator:
    from kp_core.anonymize.pseudonymizer import PseudonymizeOperator

    return PseudonymizeOperator(**options)


OPERATORS: tuple[Operator, ...] = (
    Operator("mask", "Length-preserving masking with a character (default '*').", MaskOperator),
    Operator("redact", "One '█' per merged span (the EuroPriv-Bench convention).", RedactOperator),
    Operator("replace", "The span's type in a template, '<PERSON>' by default.", ReplaceOperator),
    Operator("hash", "Keyed HMAC-SHA256 digest of the value.", HashOperator),
    Operator("keep", "Leave the span unchanged.", KeepOperator),
    Operator("pseudonymize", "Keyed, locale-consistent, checksum-valid surrogates.", _pseudonymize_factory),
)


@attrs.frozen
class Anonymized:
    """An anonymized document: the new text and, per resolved span, what replaced it."""

    text: str
    spans: tuple[Span, ...]
    replacements: tuple[str, ...]


def make_operator(method: str | SpanOperator | Callable[[str, Span], str], **options: Any) -> SpanOperator:
    """An operator from a registered name, an operator object, or a plain function."""
    if isinstance(method, str):
        from kp_core.plugins.registry import get_registry

        return get_registry().operator(method).factory(**options)
    if isinstance(method, SpanOperator):
        if options:
            raise TypeError("operator options apply to a method name, not to an operator object")
        return method
    if callable(method):
        return CallableOperator(method, **options)
    raise TypeError(f"method must be an operator name, an operator or a function, not {type(method).__name__}")


def apply_operator(text: str, spans: Sequence[Span], operator: SpanOperator) -> Anonymized:
    """Resolve overlaps, ask the operator for replacements, splice them into the text."""
    for span in spans:
        if span.end > len(text):
            raise ValueError(f"span {span.start}:{span.end} ({span.label}) ends past the text (length {len(text)})")
    resolved = resolve_overlaps(spans, merge_touching=operator.merge_touching)
    replacements = operator.replacements(text, resolved)
    if len(replacements) != len(resolved):
        raise ValueError(
            f"operator {operator.name!r} returned {len(replacements)} replacements for {len(resolved)} spans"
        )
    pieces: list[str] = []
    cursor = 0
    for span, replacement in zip(resolved, replacements, strict=True):
        pieces.append(text[cursor : span.start])
        pieces.append(replacement)
        cursor = span.end
    pieces.append(text[cursor:])
    return Anonymized("".join(pieces), tuple(resolved), tuple(replacements))
