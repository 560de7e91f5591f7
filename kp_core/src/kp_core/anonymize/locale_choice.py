"""Which locale a surrogate is drawn from: the caller's language/country, else signals in the
document (phone calling codes, IBAN country codes), else English."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import attrs

from kp_core.types import Span

if TYPE_CHECKING:
    from kp_core.locales import Locale

COUNTRY_LANGUAGE = {
    "AT": "de", "BE": "nl", "BG": "bg", "CH": "de", "CY": "el", "CZ": "cs", "DE": "de", "DK": "da",
    "EE": "et", "ES": "es", "FI": "fi", "FR": "fr", "GB": "en", "GR": "el", "HR": "hr", "HU": "hu",
    "IE": "en", "IT": "it", "LT": "lt", "LU": "fr", "LV": "lv", "MT": "en", "NL": "nl", "PL": "pl",
    "PT": "pt", "RO": "ro", "SE": "sv", "SI": "sl", "SK": "sk",
}  # fmt: skip
LANGUAGE_COUNTRY = {
    "bg": "BG", "cs": "CZ", "da": "DK", "de": "DE", "el": "GR", "en": "IE", "es": "ES", "et": "EE",
    "fi": "FI", "fr": "FR", "hr": "HR", "hu": "HU", "it": "IT", "lt": "LT", "lv": "LV", "nl": "NL",
    "pl": "PL", "pt": "PT", "ro": "RO", "sk": "SK", "sl": "SI", "sv": "SE",
}  # fmt: skip
CALLING_CODES = {
    "30": "GR", "31": "NL", "32": "BE", "33": "FR", "34": "ES", "36": "HU", "39": "IT", "40": "RO",
    "41": "CH", "43": "AT", "44": "GB", "45": "DK", "46": "SE", "47": "NO", "48": "PL", "49": "DE",
    "350": "GI", "351": "PT", "352": "LU", "353": "IE", "354": "IS", "356": "MT", "357": "CY",
    "358": "FI", "359": "BG", "370": "LT", "371": "LV", "372": "EE", "385": "HR", "386": "SI",
    "420": "CZ", "421": "SK",
}  # fmt: skip
DEFAULT_LANGUAGE = "en"
_PHONE_CC = re.compile(r"^\s*(?:\+|00)\s*(\d{1,3})")
_IBAN_CC = re.compile(r"^\s*([A-Z]{2})\d{2}")


@cache
def locale_or_default(language: str) -> Locale:
    """The locale data of ``language``, or of the default language when kp has none for it."""
    from kp_core.locales import get_locale

    try:
        return get_locale(language)
    except (KeyError, ImportError):
        return get_locale(DEFAULT_LANGUAGE)


@attrs.frozen
class LocaleChoice:
    language: str
    country: str


def calling_code(phone: str) -> str | None:
    """The country calling code at the start of a phone number written internationally."""
    match = _PHONE_CC.match(phone)
    if not match:
        return None
    digits = match.group(1)
    for length in (3, 2, 1):
        if digits[:length] in CALLING_CODES:
            return digits[:length]
    return None


def choose_locale(
    text: str, spans: Sequence[Span], language: str | None = None, country: str | None = None
) -> LocaleChoice:
    """The caller's choice when given; otherwise the country most of the document's phone
    numbers and IBANs point to; otherwise English."""
    if language and not country:
        return LocaleChoice(language, LANGUAGE_COUNTRY.get(language, country or ""))
    if country and not language:
        return LocaleChoice(COUNTRY_LANGUAGE.get(country.upper(), DEFAULT_LANGUAGE), country.upper())
    if language and country:
        return LocaleChoice(language, country.upper())
    votes: Counter[str] = Counter()
    for span in spans:
        value = text[span.start : span.end]
        if span.label == "PHONE":
            code = calling_code(value)
            if code:
                votes[CALLING_CODES[code]] += 1
        elif span.label == "ACCOUNT_ID":
            match = _IBAN_CC.match(value.replace(" ", ""))
            if match and match.group(1) in COUNTRY_LANGUAGE:
                votes[match.group(1)] += 1
    for found, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
        if found in COUNTRY_LANGUAGE:
            return LocaleChoice(COUNTRY_LANGUAGE[found], found)
    return LocaleChoice(DEFAULT_LANGUAGE, LANGUAGE_COUNTRY[DEFAULT_LANGUAGE])
