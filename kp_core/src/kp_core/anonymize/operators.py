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
import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from kp_core.anonymize.conflicts import resolve_overlaps
from kp_core.anonymize.keys import derive_key, resolve_key
from kp_core.errors import KpError
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


def _pseudonymize_factory(
    key: bytes | str | None = None,
    vault: Any = None,
    language: str | None = None,
    country: str | None = None,
    random_key: bool = False,
) -> SpanOperator:
    # Explicit parameters (not **options), so an operator map can tell which options are its own.
    from kp_core.anonymize.pseudonymizer import PseudonymizeOperator

    return PseudonymizeOperator(key=key, vault=vault, language=language, country=country, random_key=random_key)


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


DEFAULT_ENTRY = "DEFAULT"
DEFAULT_METHOD = "redact"

OperatorSpec = str | SpanOperator | Callable[[str, Span], str] | Mapping[str, Any]


class OperatorError(KpError, ValueError):
    """An operator (or an operator map entry) that cannot be built: unknown name or type, bad options."""


@attrs.define
class OperatorMap:
    """One operator per KP type, ``DEFAULT`` for the others (``redact`` when the map has none).

    Overlaps are resolved once for all types; touching spans are merged only where both go to
    the same operator and that operator merges touching spans (``redact``)."""

    by_label: Mapping[str, SpanOperator]
    default: SpanOperator
    name: str = "map"
    merge_touching: bool = False

    def operator_for(self, label: str) -> SpanOperator:
        return self.by_label.get(label, self.default)

    def resolve(self, spans: Sequence[Span]) -> list[Span]:
        """Sorted, non-overlapping spans, touching runs merged per operator (see the class)."""
        resolved: list[Span] = []
        run: list[Span] = []
        for span in resolve_overlaps(spans, merge_touching=False):
            if run and self._joins(run[-1], span):
                run.append(span)
                continue
            if run:
                resolved.extend(resolve_overlaps(run, merge_touching=True))
            run = [span]
        if run:
            resolved.extend(resolve_overlaps(run, merge_touching=True))
        return resolved

    def _joins(self, previous: Span, span: Span) -> bool:
        operator = self.operator_for(previous.label)
        return previous.end == span.start and operator.merge_touching and operator is self.operator_for(span.label)

    def replacements(self, text: str, spans: Sequence[Span]) -> list[str]:
        # Each operator sees all its spans of the document at once (pseudonymize needs them together).
        out: list[str | None] = [None] * len(spans)
        for operator in self._operators():
            mine = [i for i, span in enumerate(spans) if self.operator_for(span.label) is operator]
            if not mine:
                continue
            done = operator.replacements(text, [spans[i] for i in mine])
            if len(done) != len(mine):
                raise ValueError(f"operator {operator.name!r} returned {len(done)} replacements for {len(mine)} spans")
            for i, replacement in zip(mine, done, strict=True):
                out[i] = replacement
        return [r if r is not None else "" for r in out]

    def close(self) -> None:
        for operator in self._operators():
            close = getattr(operator, "close", None)
            if callable(close):
                close()

    def _operators(self) -> list[SpanOperator]:
        unique: dict[int, SpanOperator] = {}
        for operator in (*self.by_label.values(), self.default):
            unique.setdefault(id(operator), operator)
        return list(unique.values())


def make_operator(
    method: OperatorSpec | Mapping[str, OperatorSpec],
    **options: Any,
) -> SpanOperator:
    """An operator from a registered name, an operator object, a plain function, or a map
    ``{KP type or "DEFAULT": any of those}`` (see :func:`make_operator_map`)."""
    if isinstance(method, Mapping):
        return make_operator_map(method, **options)
    if isinstance(method, str):
        from kp_core.plugins.registry import get_registry

        factory = get_registry().operator(method).factory
        try:
            return factory(**options)
        except TypeError as exc:
            raise OperatorError(f"operator {method!r}: {exc}") from None
    if isinstance(method, SpanOperator):
        if options:
            raise TypeError("operator options apply to a method name, not to an operator object")
        return method
    if callable(method):
        return CallableOperator(method, **options)
    raise TypeError(f"method must be an operator name, an operator or a function, not {type(method).__name__}")


def make_operator_map(entries: Mapping[str, OperatorSpec], **options: Any) -> OperatorMap:
    """An :class:`OperatorMap` from ``{KP type or "DEFAULT": operator}``.

    An operator is a registered name, an operator object, a function ``fn(value, span) -> str``,
    or a mapping ``{"method": NAME, **its options}`` (``{"method": "mask", "char": "#"}``).
    ``options`` (``key=``, ``char=``, ...) go to every named entry whose operator takes them;
    one that no entry takes is an error. Entries naming the same operator without options of
    their own share one instance (one pseudonymizer, one vault). An unknown type or operator is
    an :class:`OperatorError` naming it."""
    from kp_core.taxonomy import is_kp_type

    if not entries:
        raise OperatorError("the operator map is empty: give at least one 'TYPE: operator' entry")
    _check_shared_options(entries, options)
    shared: dict[str, SpanOperator] = {}
    built: dict[str, SpanOperator] = {}
    for label, spec in entries.items():
        if label != DEFAULT_ENTRY and not is_kp_type(label):
            raise OperatorError(f"operator map entry {label!r} is not a KP type (nor DEFAULT); see `kp taxonomy`")
        built[label] = _build_entry(label, spec, options, shared)
    default = built.pop(DEFAULT_ENTRY, None)
    if default is None:
        default = _build_entry(DEFAULT_ENTRY, DEFAULT_METHOD, options, shared)
    return OperatorMap(built, default)


def parse_operator_map(entries: Sequence[str]) -> dict[str, str]:
    """``TYPE=METHOD`` strings (the CLI's spelling, ``PERSON=replace``) as a map for
    :func:`make_operator_map`; a malformed or repeated entry is an :class:`OperatorError`."""
    out: dict[str, str] = {}
    for entry in entries:
        label, sep, method = (part.strip() for part in entry.partition("="))
        if not sep or not label or not method:
            raise OperatorError(f"operator map entry {entry!r} is not TYPE=METHOD (e.g. PERSON=replace)")
        if label in out:
            raise OperatorError(f"operator map entry {label!r} is given twice")
        out[label] = method
    return out


def _build_entry(label: str, spec: Any, options: Mapping[str, Any], shared: dict[str, SpanOperator]) -> SpanOperator:
    where = f"operator map entry {label!r}"
    if isinstance(spec, Mapping):
        own = dict(spec)
        name = own.pop("method", None)
        if not isinstance(name, str):
            raise OperatorError(f"{where}: an entry with options needs 'method': NAME")
        return _named(name, {**_accepted(name, options), **own}, where)
    if isinstance(spec, str):
        if spec not in shared:
            shared[spec] = _named(spec, _accepted(spec, options), where)
        return shared[spec]
    if isinstance(spec, SpanOperator):
        return spec
    if callable(spec):
        return CallableOperator(spec)
    raise OperatorError(f"{where}: an operator name, operator object, function or mapping, not {type(spec).__name__}")


def _named(name: str, options: Mapping[str, Any], where: str) -> SpanOperator:
    from kp_core.plugins.registry import UnknownNameError, get_registry

    try:
        factory = get_registry().operator(name).factory
    except UnknownNameError as exc:
        raise OperatorError(f"{where}: {exc}") from None
    try:
        return factory(**options)
    except TypeError as exc:
        raise OperatorError(f"{where}: operator {name!r}: {exc}") from None


def _parameters(name: str) -> frozenset[str] | None:
    """The option names a registered operator's factory takes; ``None`` when it takes any."""
    from kp_core.plugins.registry import UnknownNameError, get_registry

    try:
        factory = get_registry().operator(name).factory
        parameters = inspect.signature(factory).parameters.values()
    except (UnknownNameError, TypeError, ValueError):
        return frozenset()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return None
    return frozenset(p.name for p in parameters if p.kind is not inspect.Parameter.VAR_POSITIONAL)


def _accepted(name: str, options: Mapping[str, Any]) -> dict[str, Any]:
    taken = _parameters(name)
    return dict(options) if taken is None else {k: v for k, v in options.items() if k in taken}


def _check_shared_options(entries: Mapping[str, Any], options: Mapping[str, Any]) -> None:
    names = {spec.get("method") if isinstance(spec, Mapping) else spec for spec in entries.values()}
    named = sorted(n for n in names if isinstance(n, str))
    if DEFAULT_ENTRY not in entries:
        named.append(DEFAULT_METHOD)
    for option in options:
        if not any(_takes(name, option) for name in named):
            raise OperatorError(f"option {option!r} is taken by none of the map's operators ({', '.join(named)})")


def _takes(name: str, option: str) -> bool:
    taken = _parameters(name)
    return taken is None or option in taken


def apply_operator(text: str, spans: Sequence[Span], operator: SpanOperator) -> Anonymized:
    """Resolve overlaps, ask the operator for replacements, splice them into the text."""
    for span in spans:
        if span.end > len(text):
            raise ValueError(f"span {span.start}:{span.end} ({span.label}) ends past the text (length {len(text)})")
    if isinstance(operator, OperatorMap):
        resolved = operator.resolve(spans)
    else:
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
