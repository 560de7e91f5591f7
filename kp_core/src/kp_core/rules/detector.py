"""The rules detector.

What it finds (KP type, score):

* NATIONAL_ID (0.95; 0.9 with a weak validator and a context word): the 15 EuroPriv-Bench
  national IDs, each candidate checked by :mod:`kp_core.identifiers.national_id` (checksums, dates).
* ACCOUNT_ID: IBANs (registry length, BBAN structure, mod 97; 0.99) and payment cards (known
  network prefix and Luhn; 0.9).
* COMPANY_ID (0.9): a value right after a register word (``partita IVA``, ``organisationsnummer``,
  ``IČO``, ``CVR-nummer``, ``KRS``, ``SIREN``, ``n° TVA`` ...) that one of
  :mod:`kp_core.identifiers.company_id`'s validators accepts, for any of its countries.
* EMAIL (0.99), URL (0.95).
* PHONE: international numbers with an EU calling code (0.9); national numbers only after a
  context word such as "tel", "telefon", "phone" (0.75).
* DATE: numeric dates that exist on the calendar (0.85) and dates with month names in the 22
  locale languages (0.9).

Precision-first policy: a candidate becomes a span only if it validates; validators that accept
too much alone (DK CPR without check digit, NL BSN's 1-in-11 check, bare-digit SE/CZ/SK forms)
also need a context word; overlapping candidates are settled by type priority (NATIONAL_ID,
ACCOUNT_ID, COMPANY_ID, EMAIL, URL, DATE, PHONE), so an ID is never also a card or a phone number; a
number announced as a company's (VAT, registration number) is not taken for a national ID. The
``recall`` operating point drops the context requirements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kp_core.decoding.operating_point import OperatingPointError
from kp_core.encoding.normalize import normalize
from kp_core.rules import patterns as P
from kp_core.types import Span

_PRIORITY = {"NATIONAL_ID": 0, "ACCOUNT_ID": 1, "COMPANY_ID": 2, "EMAIL": 3, "URL": 4, "DATE": 5, "PHONE": 6}
_CONTEXT_CHARS = 48
# Longer than any candidate the text as written can lose to the view (IDs, IBANs, phones, dates),
# so a search of the text around an edit, cut this far away, sees each such candidate whole.
_REACH = 64
OPERATING_POINTS = ("precision", "recall")


class RulesDetector:
    """Detector protocol implementation of the ``rules`` family."""

    name = "rules"
    model_id = "rules:builtin"
    normalizes_input = True  # searches the normalized view and the text as written by itself
    types_identifiers = True  # its identifiers are the validators' own: no typing front needed
    kp_types = frozenset(_PRIORITY)  # what it can produce (kp_core.rules.RULES_LABELS)

    def __init__(self, *, operating_point: str | None = None, countries: Sequence[str] | None = None) -> None:
        point = operating_point or "precision"
        if point not in OPERATING_POINTS:
            raise OperatingPointError(f"rules operating point must be one of {', '.join(OPERATING_POINTS)}, got {point!r}")
        self.require_context = point == "precision"
        from kp_core.identifiers.national_id import supported_countries

        known = supported_countries()
        if countries is not None:
            unknown = [c for c in countries if c.upper() not in known]
            if unknown:
                raise ValueError(f"no national-ID validator for {', '.join(unknown)}; supported: {', '.join(known)}")
        self.countries = frozenset(c.upper() for c in countries) if countries is not None else frozenset(known)

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.find(text) for text in texts]

    def find(self, text: str) -> list[Span]:
        """Spans of ``text``, found on its normalized view (:mod:`kp_core.encoding.normalize`: hidden
        characters removed, Unicode spaces and digits made plain, accents composed) and mapped back
        to the offsets of ``text``. Where the view differs, ``text`` as written is searched too, and
        both sets of candidates are settled together (a removed zero-width space may glue an ID to
        a word on the view). Only
        the stretches around the view's edits are searched again: a few edits cost little more
        than one pass, a text changed throughout at most two."""
        view = normalize(text)
        found = self._candidates(view.text, 0, len(view.text))
        if view.changed:
            found = [view.to_original(s) for s in found]
            for start, end in view.changed_regions(2 * _REACH):
                found += [
                    s
                    for s in self._candidates(text, start, end)
                    # A match near a cut edge may be a piece of a longer value: the full-text
                    # pass of the view settles those; a span beside an edit lies well inside.
                    if (start == 0 or s.start >= start + _REACH) and (end == len(text) or s.end <= end - _REACH)
                ]
        return _settle(found)

    def _candidates(self, text: str, pos: int, end: int) -> list[Span]:
        """Validated candidates matched within ``text[pos:end]`` (boundaries and context words
        look at the whole text)."""
        found: list[Span] = []
        found += self._national_ids(text, pos, end)
        found += self._accounts(text, pos, end)
        found += self._company_ids(text, pos, end)
        found += [Span(m.start(), m.end(), "EMAIL", 0.99) for m in P.EMAIL.finditer(text, pos, end)]
        found += self._urls(text, pos, end)
        found += self._phones(text, pos, end)
        found += self._dates(text, pos, end)
        return found

    def _context(self, text: str, start: int, pattern) -> bool:
        return context_before(text, start, pattern)

    def _national_ids(self, text: str, pos: int, end: int) -> list[Span]:
        from kp_core.identifiers.national_id import parse_national_id

        out = []
        for pattern, countries in P.NATIONAL_ID_PATTERNS:
            for match in pattern.finditer(text, pos, end):
                value = match.group()
                valid = [c for c in countries if c in self.countries and parse_national_id(value, c) is not None]
                if not valid or announced_as(text, match.start()) == "company":
                    continue
                has_separator = not value.isalnum()
                weak = all(c in P.WEAK_ALWAYS or (c in P.WEAK_WITHOUT_SEPARATOR and not has_separator) for c in valid)
                if weak:
                    if self.require_context and not self._context(text, match.start(), P.ID_CONTEXT):
                        continue
                    out.append(Span(match.start(), match.end(), "NATIONAL_ID", 0.9))
                else:
                    out.append(Span(match.start(), match.end(), "NATIONAL_ID", 0.95))
        return out

    def _accounts(self, text: str, pos: int, end: int) -> list[Span]:
        from kp_core.identifiers.checksums import card_brand, iban_is_valid, luhn_is_valid

        out = []
        for match in P.IBAN.finditer(text, pos, end):
            value = _iban_prefix(match.group())
            if value is not None and iban_is_valid(value):
                out.append(Span(match.start(), match.start() + len(value), "ACCOUNT_ID", 0.99))
        for match in P.CARD.finditer(text, pos, end):
            digits = "".join(ch for ch in match.group() if ch.isdigit())
            if luhn_is_valid(digits) and card_brand(digits) is not None:
                out.append(Span(match.start(), match.end(), "ACCOUNT_ID", 0.9))
        return out

    def _company_ids(self, text: str, pos: int, end: int) -> list[Span]:
        out = []
        for word in P.COMPANY_CONTEXT.finditer(text, pos, end):
            match = P.COMPANY_VALUE.match(text, word.end(), min(end, word.end() + 48))
            if match is None:
                continue
            start = match.start("v")
            value = company_value_prefix(match.group("v"))
            if value is not None:
                out.append(Span(start, start + len(value), "COMPANY_ID", 0.9))
        return out

    def _urls(self, text: str, pos: int, end: int) -> list[Span]:
        out = []
        for match in P.URL.finditer(text, pos, end):
            value = match.group().rstrip(P.URL_TRAILING)
            if len(value) > 8:
                out.append(Span(match.start(), match.start() + len(value), "URL", 0.95))
        return out

    def _phones(self, text: str, pos: int, end: int) -> list[Span]:
        from kp_core.anonymize.locale_choice import CALLING_CODES

        out = []
        for match in P.PHONE_INTERNATIONAL.finditer(text, pos, end):
            cc = match.group("cc")
            if any(cc[:n] in CALLING_CODES for n in (1, 2, 3)):
                out.append(Span(match.start(), match.end(), "PHONE", 0.9))
        for match in P.PHONE_NATIONAL.finditer(text, pos, end):
            if not self.require_context or self._context(text, match.start(), P.PHONE_CONTEXT):
                digits = sum(ch.isdigit() for ch in match.group())
                if 7 <= digits <= 12:
                    out.append(Span(match.start(), match.end(), "PHONE", 0.75))
        return out

    def _dates(self, text: str, pos: int, end: int) -> list[Span]:
        out = []
        for match in P.DATE_NUMERIC.finditer(text, pos, end):
            if match.group("Y"):
                parts = (match.group("Y"), match.group("M"), match.group("D"))
            else:
                year = match.group("y")
                if len(year) == 2 and match.group("s") == "-":
                    continue  # dd-mm-yy is too often a reference number
                parts = (year if len(year) == 4 else "20" + year, match.group("m"), match.group("d"))
            if _exists(*parts):
                out.append(Span(match.start(), match.end(), "DATE", 0.85))
        pattern, months = P.textual_date_pattern()
        for match in pattern.finditer(text, pos, end):
            day, month, year = (
                match.group("d") or match.group("d2"),
                match.group("m") or match.group("m2"),
                match.group("y") or match.group("y2"),
            )
            if _exists(year, str(months[month.casefold()]), day):
                out.append(Span(match.start(), match.end(), "DATE", 0.9))
        return out


def context_before(text: str, start: int, pattern) -> bool:
    """Does ``pattern`` occur shortly before ``start``, on the same line?"""
    # Look for the line break within the window only: searching back to the text's start
    # made every candidate of a long line cost the whole line.
    window = max(0, start - _CONTEXT_CHARS)
    newline = text.rfind("\n", window, start)
    return pattern.search(text, window if newline < 0 else newline + 1, start) is not None


def announced_as(text: str, start: int) -> str | None:
    """What the nearest register word shortly before ``start`` (same line) announces: "company"
    (VAT, organisationsnummer, CVR ...), "national" (PESEL, personnummer, CPR ...) or None. The
    nearest counts: in "org.nr X, represented by Y, personnummer Z" Z is a person's."""
    window = max(0, start - _CONTEXT_CHARS)
    newline = text.rfind("\n", window, start)
    begin = window if newline < 0 else newline + 1
    last = {
        kind: max((m.end() for m in pattern.finditer(text, begin, start)), default=-1)
        for kind, pattern in (("company", P.COMPANY_CONTEXT), ("national", P.ID_CONTEXT))
    }
    if last["company"] < 0 and last["national"] < 0:
        return None
    return "company" if last["company"] > last["national"] else "national"


def announced_directly(text: str, start: int) -> str | None:
    """What a register word right before ``start`` announces ("company", "national" or None):
    only separators and a "no." may stand between the word and the value."""
    window = max(0, start - _CONTEXT_CHARS)
    for kind, pattern in (("company", P.COMPANY_CONTEXT), ("national", P.ID_CONTEXT)):
        for match in pattern.finditer(text, window, start):
            if P.CONNECTOR.fullmatch(text, match.end(), start):
                return kind
    return None


def is_company_id(value: str) -> bool:
    """Does some country's company-identifier validator accept ``value``?"""
    from kp_core.identifiers.company_id import company_id_countries, parse_company_id

    digits = sum(ch.isdigit() for ch in value)
    return digits >= 6 and any(parse_company_id(value, country) for country in company_id_countries())


def is_national_id(value: str) -> bool:
    """Does some country's national-ID validator accept ``value`` (no context asked)?"""
    from kp_core.identifiers.national_id import parse_national_id

    for pattern, countries in P.NATIONAL_ID_PATTERNS:
        if pattern.fullmatch(value) and any(parse_national_id(value, c) is not None for c in countries):
            return True
    return False


def company_value_prefix(candidate: str) -> str | None:
    """The longest valid company identifier that ``candidate`` starts with, cut at a group
    boundary ("12345678 25" is the CVR "12345678" followed by something else). After a register
    word, a valid national ID is the company's too: a sole trader registers under the owner's
    number (a Swedish enskild firma's organisationsnummer is the personnummer, an Italian ditta
    individuale's tax code the codice fiscale)."""
    cuts = [i for i, ch in enumerate(candidate) if ch == " "] + [len(candidate)]
    for cut in reversed(cuts):
        value = candidate[:cut].rstrip(" ./-")
        if value and (is_company_id(value) or is_national_id(value)):
            return value
    return None


def _iban_prefix(candidate: str) -> str | None:
    """The first registry-length characters of an IBAN candidate, if they end a group.

    The pattern is greedy: "DE89 3704 0044 0532 0130 00 EUR" matches with " EUR", which no
    checksum accepts; the IBAN is the part of the country's length, when a space or the end
    follows it."""
    from kp_core.identifiers.checksums import iban_country_length

    try:
        length = iban_country_length(candidate[:2])
    except KeyError:
        return None
    count = 0
    for i, ch in enumerate(candidate):
        count += ch != " "
        if count == length:
            return candidate[: i + 1] if candidate[i + 1 : i + 2] in ("", " ") else None
    return None


def _exists(year: str, month: str, day: str) -> bool:
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _settle(spans: list[Span]) -> list[Span]:
    """Keep the highest-priority candidate where candidates overlap; sorted by start.

    Taken characters are marked in a bytearray, so a candidate is checked against everything kept
    in the time of its own length: the whole settling is linear in the candidates' total length
    (each pattern's matches do not overlap) plus a sort, where comparing with every kept span was
    quadratic in their number."""
    if not spans:
        return []
    taken = bytearray(max(s.end for s in spans))
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (_PRIORITY[s.label], -(s.end - s.start), s.start)):
        if taken.find(1, span.start, span.end) < 0:
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
