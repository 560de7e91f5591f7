"""Identifier typing: the validators decide what an identifier-shaped span is.

A model tells identifiers apart by their context, which it learned from generated text; kp's
validators (checksums, dates, registry lengths) know which strings *are* national IDs, company
IDs, IBANs and payment cards. :class:`IdentifierTyping` unites the two, once, for every kp
detector (:func:`kp_core.plugins.models.load_detector` puts it in front unless
``identifier_typing=False``):

* a model span labelled as a number-shaped identifier (``PHONE``, ``NATIONAL_ID``, ``COMPANY_ID``,
  ``ACCOUNT_ID``, ``CASE_NUMBER``, ``MRN``) whose text a validator accepts takes the validated
  type: a PESEL the model called ``PHONE`` becomes ``NATIONAL_ID``;
* a value the rules family validates (:class:`kp_core.rules.detector.RulesDetector`, national IDs,
  IBANs, cards, company IDs after their register word) that the model missed is added; where the
  model found only a piece of it, or more than it, the validated extent replaces the model's
  spans (a span of another kind, such as an address run on over a VAT number, keeps what lies
  outside the value).

The gates are at least the rules family's, so typing never accepts what the rules would not
find by themselves. A register word counts when it stands directly before the value (only
separators and a "no." between them). Validators that accept too much alone (DK CPR, NL BSN, bare
SE/CZ/SK digits) need a national-ID word so, unless the model already called the value a national
ID; a company identifier needs its register word so (a 1-in-11 checksum accepts a phone number now
and then), unless the model already called it a company ID; a number whose nearest register word
is a company's is never a national ID. Where a value validates as more than one type, its own
register word decides, else the model's label if it is one of them, else national ID before
account before company.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from kp_core.detector import Detector
from kp_core.types import Span

# Labels a model gives number-shaped identifiers; spans under other labels are never retyped.
RETYPABLE = frozenset({"PHONE", "NATIONAL_ID", "COMPANY_ID", "ACCOUNT_ID", "CASE_NUMBER", "MRN"})
IDENTIFIER_TYPES = ("NATIONAL_ID", "ACCOUNT_ID", "COMPANY_ID")


class IdentifierTyping:
    """A detector whose identifier-shaped spans are typed by kp's validators (module docstring).
    Other attributes are the wrapped detector's, as for :class:`kp_core.detector.NormalizedDetector`."""

    types_identifiers = True

    def __init__(self, detector: Detector, rules: Detector | None = None) -> None:
        from kp_core.rules.detector import RulesDetector

        self.detector = detector
        self.rules = rules or RulesDetector()
        self.name = detector.name
        self.model_id = detector.model_id

    def __getattr__(self, name: str):
        if name in ("detector", "rules"):  # not set yet (copy, unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.detector, name)

    def __setattr__(self, name: str, value) -> None:
        if name in ("detector", "rules", "name", "model_id"):
            object.__setattr__(self, name, value)
        else:  # a setting written through the front reaches the model
            setattr(self.detector, name, value)

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        found = self.detector.predict_spans(texts)
        validated = self.rules.predict_spans(texts)
        return [
            type_identifiers(text, spans, [s for s in checked if s.label in IDENTIFIER_TYPES])
            for text, spans, checked in zip(texts, found, validated, strict=True)
        ]


def validated_types(text: str, span: Span) -> list[str]:
    """The identifier types whose validator accepts ``span``'s text, behind the rules' gates
    (the span's own label lifts the gate of its type)."""
    from kp_core.identifiers.checksums import card_brand, iban_is_valid, luhn_is_valid
    from kp_core.identifiers.national_id import parse_national_id
    from kp_core.rules import patterns as P
    from kp_core.rules.detector import announced_as, announced_directly, is_company_id, is_national_id

    value = text[span.start : span.end].strip()
    if not value or not any(ch.isdigit() for ch in value):
        return []
    direct = announced_directly(text, span.start)
    company_word = announced_as(text, span.start) == "company"
    types = []
    if not company_word:
        for pattern, countries in P.NATIONAL_ID_PATTERNS:
            if not pattern.fullmatch(value):
                continue
            valid = [c for c in countries if parse_national_id(value, c) is not None]
            if not valid:
                continue
            has_separator = not value.isalnum()
            weak = all(c in P.WEAK_ALWAYS or (c in P.WEAK_WITHOUT_SEPARATOR and not has_separator) for c in valid)
            if not weak or span.label == "NATIONAL_ID" or direct == "national":
                types.append("NATIONAL_ID")
                break
    compact = value.replace(" ", "")
    digits = "".join(ch for ch in value if ch.isdigit())
    if (compact[:2].isalpha() and iban_is_valid(compact)) or (
        digits == value.replace(" ", "").replace("-", "") and luhn_is_valid(digits) and card_brand(digits)
    ):
        types.append("ACCOUNT_ID")
    if (direct == "company" or span.label == "COMPANY_ID") and is_company_id(value):
        types.append("COMPANY_ID")
    elif direct == "company" and is_national_id(value):
        types.append("COMPANY_ID")  # a sole trader's number (RulesDetector company_value_prefix)
    return types


def _choose(text: str, span: Span, types: list[str]) -> str:
    from kp_core.rules.detector import announced_directly

    announced = {"company": "COMPANY_ID", "national": "NATIONAL_ID"}.get(announced_directly(text, span.start) or "")
    if announced in types:
        return announced  # the value's own register word decides first
    if span.label in types:
        return span.label
    return types[0]  # IDENTIFIER_TYPES order: national ID, account, company


def type_identifiers(text: str, spans: Sequence[Span], validated: Sequence[Span]) -> list[Span]:
    """``spans`` (one text's model spans, sorted, non-overlapping) typed by the validators, with
    the ``validated`` identifier spans the model missed added (module docstring)."""
    typed = []
    for span in spans:
        if span.label in RETYPABLE:
            types = validated_types(text, span)
            if types:
                span = attrs.evolve(span, label=_choose(text, span, types))
        typed.append(span)
    for found in validated:
        overlapping = [s for s in typed if s.overlaps(found)]
        exact = next((s for s in overlapping if (s.start, s.end) == (found.start, found.end)), None)
        if exact is not None and (
            exact.label == found.label or (exact.label in RETYPABLE and validated_types(text, exact))
        ):
            continue  # typed above
        # Absent, cut, overgrown, or inside a span of another kind (an address run on over a VAT
        # number): the validated extent stands, other spans keep what lies outside it.
        keep = [s for s in typed if not s.overlaps(found)]
        for span in overlapping:
            if span.label not in RETYPABLE:
                keep += _outside(text, span, found)
        typed = sorted([*keep, found], key=lambda s: s.start)
    return typed


_EDGE = " \t\n,;:"


def _outside(text: str, span: Span, cut: Span) -> list[Span]:
    """The parts of ``span`` before and after ``cut``, without the separators beside it."""
    parts = []
    end = cut.start
    while end > span.start and text[end - 1] in _EDGE:
        end -= 1
    if end > span.start:
        parts.append(attrs.evolve(span, end=end, text=None))
    start = cut.end
    while start < span.end and text[start] in _EDGE:
        start += 1
    if start < span.end:
        parts.append(attrs.evolve(span, start=start, text=None))
    return parts
