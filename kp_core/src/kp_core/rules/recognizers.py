"""Caller-made recognizers: extra patterns and term lists from a YAML or JSON file, and deny lists.

A recognizer file (``recognizers=`` in the SDK, ``--recognizers`` on the CLI) holds two lists::

    patterns:
      - label: CASE_NUMBER          # a KP type (kp taxonomy)
        regex: '\\b\\d{4}/\\d{2}\\b'
        context: [case, sag, fall]  # optional: one of these words within `window` characters
        window: 40                  # optional, default 48
        validator: luhn             # optional: a kp validator the match must pass
        score: 0.8                  # optional, default 0.85
    terms:
      - label: ORG
        terms: [Acme Ltd, Globex]
        case_insensitive: true      # optional, default false
        score: 1.0                  # optional, default 1.0

Every refusal names the file, the entry (``patterns[2]``) and its line, and why; never a term.
Term and deny-list matches are whole words: ``Ann`` is not found in ``Annual``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from kp_core.errors import KpError
from kp_core.types import Span

DEFAULT_PATTERN_SCORE = 0.85
DEFAULT_TERM_SCORE = 1.0
DEFAULT_WINDOW = 48
_PATTERN_KEYS = frozenset({"label", "regex", "context", "window", "validator", "score"})
_TERM_KEYS = frozenset({"label", "terms", "case_insensitive", "score"})


class RecognizerError(KpError, ValueError):
    """A recognizer file, entry or deny-list entry that cannot be used; the message says where."""


# -- validators -------------------------------------------------------------------------------


def _card(value: str) -> bool:
    from kp_core.identifiers.checksums import card_brand, luhn_is_valid

    digits = "".join(ch for ch in value if ch.isdigit())
    return luhn_is_valid(digits) and card_brand(digits) is not None


def _luhn(value: str) -> bool:
    from kp_core.identifiers.checksums import luhn_is_valid

    return luhn_is_valid("".join(ch for ch in value if ch.isdigit()))


def _iban(value: str) -> bool:
    from kp_core.identifiers.checksums import iban_is_valid

    return iban_is_valid(value)


def _national_id(country: str | None) -> Callable[[str], bool]:
    from kp_core.identifiers.national_id import is_valid_national_id, supported_countries

    countries = supported_countries() if country is None else (country,)
    return lambda value: any(is_valid_national_id(value, c) for c in countries)


def _company_id(country: str | None) -> Callable[[str], bool]:
    from kp_core.identifiers.company_id import company_id_countries, parse_company_id

    countries = company_id_countries() if country is None else (country,)
    return lambda value: any(parse_company_id(value, c) is not None for c in countries)


def validator_names() -> tuple[str, ...]:
    """The ``validator:`` values a pattern may name."""
    return ("card", "company_id", "company_id:CC", "iban", "luhn", "national_id", "national_id:CC")


def get_validator(name: str) -> Callable[[str], bool]:
    """The kp validator called ``name`` (see :func:`validator_names`); ValueError for another."""
    from kp_core.identifiers.company_id import company_id_countries
    from kp_core.identifiers.national_id import supported_countries

    simple = {"card": _card, "luhn": _luhn, "iban": _iban}
    if name in simple:
        return simple[name]
    kind, _, country = name.partition(":")
    country = country.upper() or None
    if kind == "national_id" and (country is None or country in supported_countries()):
        return _national_id(country)
    if kind == "company_id" and (country is None or country in company_id_countries()):
        return _company_id(country)
    raise ValueError(f"unknown validator {name!r}; known: {', '.join(validator_names())} (CC: a country code)")


# -- recognizers ------------------------------------------------------------------------------


@attrs.frozen
class PatternRecognizer:
    """A regex for one KP type, optionally gated by context words and a kp validator."""

    label: str
    regex: re.Pattern[str]
    score: float = DEFAULT_PATTERN_SCORE
    context: re.Pattern[str] | None = None
    window: int = DEFAULT_WINDOW
    validator: Callable[[str], bool] | None = None

    def find(self, text: str) -> list[Span]:
        out = []
        for match in self.regex.finditer(text):
            if match.start() == match.end():
                continue
            if self.context is not None and not self._has_context(text, match.start(), match.end()):
                continue
            if self.validator is not None and not self.validator(match.group()):
                continue
            out.append(Span(match.start(), match.end(), self.label, self.score))
        return out

    def _has_context(self, text: str, start: int, end: int) -> bool:
        assert self.context is not None
        before = text[max(0, start - self.window) : start]
        after = text[end : end + self.window]
        return bool(self.context.search(before) or self.context.search(after))


@attrs.frozen
class TermRecognizer:
    """Whole-word occurrences of fixed terms, all of one KP type."""

    label: str
    terms: tuple[str, ...]
    case_insensitive: bool = False
    score: float = DEFAULT_TERM_SCORE
    _regex: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_regex", words_regex(self.terms, self.case_insensitive))

    def find(self, text: str) -> list[Span]:
        return [Span(m.start(), m.end(), self.label, self.score) for m in self._regex.finditer(text)]


def words_regex(words: Iterable[str], case_insensitive: bool = False) -> re.Pattern[str]:
    """One regex for whole-word occurrences of any of ``words`` (longest first)."""
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE if case_insensitive else 0)


Recognizer = PatternRecognizer | TermRecognizer


@attrs.frozen
class RecognizerSet:
    """Recognizers run together; ``labels`` are the KP types they can produce."""

    recognizers: tuple[Recognizer, ...] = ()

    @property
    def labels(self) -> frozenset[str]:
        return frozenset(r.label for r in self.recognizers)

    def find(self, text: str) -> list[Span]:
        return [span for r in self.recognizers for span in r.find(text)]

    def __add__(self, other: RecognizerSet) -> RecognizerSet:
        return RecognizerSet((*self.recognizers, *other.recognizers))

    def __bool__(self) -> bool:
        return bool(self.recognizers)


# -- deny lists -------------------------------------------------------------------------------


def parse_deny_entry(entry: str, where: str) -> tuple[str, str]:
    """``TYPE=term`` as ``(type, term)``; a RecognizerError naming ``where`` (never the term)."""
    label, sep, term = entry.partition("=")
    label, term = label.strip(), term.strip()
    if not sep or not label or not term:
        raise RecognizerError(f"{where}: a deny-list entry is TYPE=term (e.g. PERSON=...)")
    _require_type(label, where)
    return label, term


def deny_list_recognizers(entries: Sequence[str]) -> RecognizerSet:
    """One term recognizer per KP type of ``TYPE=term`` entries (case as given, whole words)."""
    by_label: dict[str, list[str]] = {}
    for i, entry in enumerate(entries):
        label, term = parse_deny_entry(entry, f"deny_list[{i}]")
        by_label.setdefault(label, []).append(term)
    return RecognizerSet(tuple(TermRecognizer(label, tuple(terms)) for label, terms in by_label.items()))


# -- recognizer files -------------------------------------------------------------------------


def load_recognizers(path: str | PathLike[str]) -> RecognizerSet:
    """The recognizers of a YAML or JSON file (module docstring); errors name file, entry, line."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RecognizerError(f"{path}: no such recognizer file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RecognizerError(f"{path}: cannot read the recognizer file ({type(exc).__name__})") from None
    document, lines = _parse(path, raw)
    if document is None:
        document = {}
    if not isinstance(document, Mapping):
        raise RecognizerError(f"{path}: the file must hold a mapping with 'patterns' and/or 'terms'")
    unknown = sorted(set(document) - {"patterns", "terms"})
    if unknown:
        raise RecognizerError(f"{path}: unknown top-level key(s) {', '.join(map(str, unknown))}; use patterns, terms")
    found: list[Recognizer] = []
    for section, build in (("patterns", _pattern), ("terms", _terms)):
        entries = document.get(section) or []
        if not isinstance(entries, list):
            raise RecognizerError(f"{path}: '{section}' must be a list")
        for i, entry in enumerate(entries):
            line = lines.get((section, i))
            where = f"{path}: {section}[{i}]" + (f" (line {line})" if line else "")
            if not isinstance(entry, Mapping):
                raise RecognizerError(f"{where}: an entry must be a mapping")
            found.append(build(entry, where))
    return RecognizerSet(tuple(found))


def _parse(path: Path, raw: str) -> tuple[Any, dict[tuple[str, int], int]]:
    """The document and the line of each list entry (YAML nodes know their lines; JSON is YAML)."""
    import yaml

    if path.suffix.lower() == ".json":
        try:
            document = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise RecognizerError(
                f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None
    else:
        try:
            document = yaml.safe_load(raw)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            at = f" (line {mark.line + 1})" if mark is not None else ""
            raise RecognizerError(f"{path}: not valid YAML{at}") from None
    try:
        return document, _entry_lines(yaml.compose(raw))
    except yaml.YAMLError:  # valid JSON that YAML reads otherwise: no line numbers
        return document, {}


def _entry_lines(node: Any) -> dict[tuple[str, int], int]:
    import yaml

    lines: dict[tuple[str, int], int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key, value in node.value:
        if isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                lines[(str(key.value), i)] = item.start_mark.line + 1
    return lines


def _require_type(label: Any, where: str) -> str:
    from kp_core.taxonomy import is_kp_type

    if not isinstance(label, str) or not is_kp_type(label):
        raise RecognizerError(f"{where}: label {label!r} is not a KP type (see `kp taxonomy`)")
    return label


def _require(entry: Mapping[str, Any], key: str, where: str) -> Any:
    if entry.get(key) in (None, "", []):
        raise RecognizerError(f"{where}: missing '{key}'")
    return entry[key]


def _check_keys(entry: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(str(k) for k in set(entry) - allowed)
    if unknown:
        raise RecognizerError(f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(allowed))}")


def _score(entry: Mapping[str, Any], default: float, where: str) -> float:
    score = entry.get("score", default)
    if isinstance(score, bool) or not isinstance(score, int | float) or not 0.0 <= score <= 1.0:
        raise RecognizerError(f"{where}: score must be a number from 0 to 1")
    return float(score)


def _pattern(entry: Mapping[str, Any], where: str) -> PatternRecognizer:
    _check_keys(entry, _PATTERN_KEYS, where)
    label = _require_type(_require(entry, "label", where), where)
    source = _require(entry, "regex", where)
    if not isinstance(source, str):
        raise RecognizerError(f"{where}: regex must be a string")
    try:
        regex = re.compile(source)
    except re.error as exc:
        raise RecognizerError(f"{where}: bad regex ({exc})") from None
    context = entry.get("context")
    if context is not None:
        words = [context] if isinstance(context, str) else context
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise RecognizerError(f"{where}: context must be a word or a list of words")
        context = words_regex([w.strip() for w in words], case_insensitive=True)
    window = entry.get("window", DEFAULT_WINDOW)
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise RecognizerError(f"{where}: window must be a positive number of characters")
    validator = None
    if entry.get("validator") is not None:
        try:
            validator = get_validator(str(entry["validator"]))
        except ValueError as exc:
            raise RecognizerError(f"{where}: {exc}") from None
    score = _score(entry, DEFAULT_PATTERN_SCORE, where)
    return PatternRecognizer(label, regex, score, context, window, validator)


def _terms(entry: Mapping[str, Any], where: str) -> TermRecognizer:
    _check_keys(entry, _TERM_KEYS, where)
    label = _require_type(_require(entry, "label", where), where)
    terms = _require(entry, "terms", where)
    if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
        raise RecognizerError(f"{where}: terms must be a list of non-empty strings")
    case_insensitive = entry.get("case_insensitive", False)
    if not isinstance(case_insensitive, bool):
        raise RecognizerError(f"{where}: case_insensitive must be true or false")
    score = _score(entry, DEFAULT_TERM_SCORE, where)
    return TermRecognizer(label, tuple(t.strip() for t in terms), case_insensitive, score)
