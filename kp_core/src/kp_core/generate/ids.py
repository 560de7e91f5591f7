"""Identifiers with check digits: national IDs, IBANs, cards and company registry numbers.

The only module of the generator that calls the shared checksum and ID libraries
(:mod:`kp_core.national_id`, :mod:`kp_core.checksums`, :mod:`kp_core.company_id`). National IDs
of the 15 EuroPriv-Bench countries come from :func:`kp_core.national_id.generate_national_id`;
for the other countries of the generator's languages (PT, HU, GR, BG, HR, LV, IE) and for company
numbers, :mod:`kp_core.national_id.extras` and :mod:`kp_core.company_id` are used when installed,
and the real-world algorithms below otherwise.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache
from importlib import import_module

from kp_core.checksums import generate_card_number, generate_iban, luhn_check_digit
from kp_core.national_id import generate_national_id, supported_countries


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(count))


@cache
def _optional(module: str):
    try:
        return import_module(module)
    except ImportError:
        return None


# --- national IDs outside the validator set --------------------------------------------------


def _egn(rng: random.Random, birth: dt.date, sex: str) -> str:
    """Bulgarian EGN: YYMMDD (month +40 after 1999), region serial with sex parity, mod-11 check."""
    month = birth.month + (40 if birth.year >= 2000 else 0)
    serial = rng.randrange(0, 1000)
    if (serial % 10) % 2 != (1 if sex == "F" else 0):
        serial = (serial // 10) * 10 + ((serial % 10) + 1) % 10
    body = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{serial:03d}"
    check = sum(int(d) * w for d, w in zip(body, (2, 4, 8, 5, 10, 9, 7, 3, 6), strict=True)) % 11
    return body + str(0 if check == 10 else check)


def _iso7064_mod11_10(body: str) -> int:
    product = 10
    for ch in body:
        total = (int(ch) + product) % 10 or 10
        product = (total * 2) % 11
    return (11 - product) % 10


def _oib(rng: random.Random) -> str:
    body = str(rng.randrange(1, 10)) + _digits(rng, 9)
    return body + str(_iso7064_mod11_10(body))


def _amka(rng: random.Random, birth: dt.date) -> str:
    body = f"{birth.day:02d}{birth.month:02d}{birth.year % 100:02d}" + _digits(rng, 4)
    return body + str(luhn_check_digit(body))


def _lv_personas_kods(rng: random.Random, birth: dt.date) -> str:
    century = {1800: 0, 1900: 1, 2000: 2}[birth.year // 100 * 100]
    while True:
        body = f"{birth.day:02d}{birth.month:02d}{birth.year % 100:02d}{century}" + _digits(rng, 3)
        check = (1101 - sum(int(d) * w for d, w in zip(body, (1, 6, 3, 7, 9, 10, 5, 8, 4, 2), strict=True))) % 11
        if check < 10:
            return f"{body[:6]}-{body[6:]}{check}"


def _hu_personal(rng: random.Random, birth: dt.date, sex: str) -> str:
    """Hungarian személyi azonosító: sex/century digit, YYMMDD, serial, weighted mod-11 check."""
    first = {(1900, "M"): 1, (1900, "F"): 2, (2000, "M"): 3, (2000, "F"): 4}[(birth.year // 100 * 100, sex)]
    while True:
        body = f"{first}{birth.year % 100:02d}{birth.month:02d}{birth.day:02d}" + _digits(rng, 3)
        weights = range(1, 11) if birth.year < 1997 else range(10, 0, -1)
        check = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
        if check < 10:
            return f"{body[0]} {body[1:7]} {body[7:]}{check}"


def _hu_taj(rng: random.Random) -> str:
    body = _digits(rng, 8)
    check = sum(int(d) * (3 if i % 2 == 0 else 7) for i, d in enumerate(body)) % 10
    digits = body + str(check)
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _pt_nif(rng: random.Random) -> str:
    body = str(rng.choice((1, 2, 3))) + _digits(rng, 7)
    check = 11 - sum(int(d) * w for d, w in zip(body, range(9, 1, -1), strict=True)) % 11
    return body + str(0 if check >= 10 else check)


def _ie_ppsn(rng: random.Random) -> str:
    body = _digits(rng, 7)
    total = sum(int(d) * w for d, w in zip(body, range(8, 1, -1), strict=True))
    return body + "WABCDEFGHIJKLMNOPQRSTUV"[total % 23]


def extra_national_id(country: str, rng: random.Random, birth: dt.date, sex: str) -> str:
    extras = _optional("kp_core.national_id.extras")
    if extras is not None and hasattr(extras, "generate_extra_national_id"):
        return extras.generate_extra_national_id(country, rng, birth_date=birth, sex=sex)
    if country == "BG":
        return _egn(rng, birth, sex)
    if country == "HR":
        return _oib(rng)
    if country == "GR":
        return _amka(rng, birth)
    if country == "LV":
        return _lv_personas_kods(rng, birth)
    if country == "HU":
        return _hu_personal(rng, birth, sex) if rng.random() < 0.5 else _hu_taj(rng)
    if country == "PT":
        return _pt_nif(rng)
    if country == "IE":
        return _ie_ppsn(rng)
    raise KeyError(f"no national-ID generator for country {country!r}")


def national_id(country: str, rng: random.Random, birth: dt.date, sex: str) -> str:
    """A valid national ID for ``country`` that encodes ``birth`` and ``sex`` where the ID does."""
    if country in _validated():
        return generate_national_id(country, rng, birth_date=birth, sex=sex, formatted=rng.random() < 0.85)
    return extra_national_id(country, rng, birth, sex)


@cache
def _validated() -> frozenset[str]:
    return frozenset(supported_countries())


# --- bank and card numbers ---------------------------------------------------------------------


def iban(country: str, rng: random.Random) -> str:
    return generate_iban(country, rng, formatted=rng.random() < 0.5)


def card(rng: random.Random) -> str:
    brand = rng.choice(("visa", "visa", "mastercard", "mastercard", "amex"))
    return generate_card_number(rng, brand, formatted=rng.random() < 0.6)


# --- company registry numbers ------------------------------------------------------------------


def _weighted_mod11(body: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11


def _ro_cui(rng: random.Random) -> str:
    body = str(rng.randrange(1, 10)) + _digits(rng, rng.choice((6, 7, 8)))
    weights = (7, 5, 3, 2, 1, 7, 5, 3, 2)[-len(body) :]
    check = sum(int(d) * w for d, w in zip(body, weights, strict=True)) * 10 % 11 % 10
    return body + str(check)


def _company_fallback(country: str, rng: random.Random) -> str:
    """Company registry/VAT numbers with their real check digits (used until the shared module
    is installed)."""
    if country == "RO":
        if rng.random() < 0.4:
            return f"J{rng.randrange(1, 53):02d}/{rng.randrange(1, 9999)}/{rng.randrange(1995, 2025)}"
        cui = _ro_cui(rng)
        return f"RO{cui}" if rng.random() < 0.4 else cui
    if country == "PL":
        while True:  # NIP
            body = _digits(rng, 9)
            check = _weighted_mod11(body, (6, 5, 7, 2, 3, 4, 5, 6, 7))
            if check < 10 and body[0] != "0":
                nip = body + str(check)
                return f"{nip[:3]}-{nip[3:6]}-{nip[6:8]}-{nip[8:]}" if rng.random() < 0.5 else nip
    if country == "IT":  # partita IVA: Luhn-like over 10 digits
        body = _digits(rng, 7) + f"{rng.randrange(1, 100):03d}"
        return body + str(luhn_check_digit(body))
    if country == "SE":  # organisationsnummer
        body = str(rng.choice((5, 7, 8, 9))) + _digits(rng, 1) + str(rng.randrange(2, 10)) + _digits(rng, 6)
        number = body + str(luhn_check_digit(body))
        return f"{number[:6]}-{number[6:]}"
    if country in ("CZ", "SK"):  # IČO
        while True:
            body = _digits(rng, 7)
            check = (11 - sum(int(d) * w for d, w in zip(body, range(8, 1, -1), strict=True)) % 11) % 10
            return body + str(check)
    if country == "DK":  # CVR
        while True:
            body = str(rng.randrange(1, 10)) + _digits(rng, 6)
            rest = sum(int(d) * w for d, w in zip(body, (2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
            check = (11 - rest) % 11
            if check < 10:
                return body + str(check)
    if country == "FI":  # Y-tunnus
        while True:
            body = _digits(rng, 7)
            rest = sum(int(d) * w for d, w in zip(body, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
            if rest != 1:
                return f"{body}-{0 if rest == 0 else 11 - rest}"
    if country == "EE":
        return str(rng.choice((1, 8, 9))) + _digits(rng, 7)
    if country == "LT":
        return "30" + _digits(rng, 7)
    if country == "SI":
        while True:
            body = str(rng.randrange(1, 10)) + _digits(rng, 6)
            check = 11 - _weighted_mod11(body, (8, 7, 6, 5, 4, 3, 2))
            if check < 10:
                return f"SI{body}{check}" if rng.random() < 0.5 else body + str(check)
    if country == "DE":
        return rng.choice((f"HRB {rng.randrange(1000, 250000)}", f"HRA {rng.randrange(100, 99999)}",
                           "DE" + _digits(rng, 9)))  # fmt: skip
    if country == "FR":  # SIREN (Luhn), sometimes a SIRET
        body = str(rng.randrange(3, 9)) + _digits(rng, 7)
        siren = body + str(luhn_check_digit(body))
        if rng.random() < 0.3:
            nic = _digits(rng, 4)
            siret = siren + nic
            siret += str(luhn_check_digit(siret))
            return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
        return f"{siren[:3]} {siren[3:6]} {siren[6:]}"
    if country == "ES":  # CIF
        letter = rng.choice("ABBBBBG")
        body = f"{rng.randrange(1, 53):02d}" + _digits(rng, 5)
        odd = sum(sum(divmod(int(body[i]) * 2, 10)) for i in (0, 2, 4, 6))
        even = sum(int(body[i]) for i in (1, 3, 5))
        check = (10 - (odd + even) % 10) % 10
        return f"{letter}{body}{check}"
    if country == "NL":  # KvK
        return _digits(rng, 8)
    if country == "PT":  # NIPC
        body = "5" + _digits(rng, 7)
        check = 11 - sum(int(d) * w for d, w in zip(body, range(9, 1, -1), strict=True)) % 11
        return body + str(0 if check >= 10 else check)
    if country == "HU":  # adószám 8-1-2
        while True:
            body = _digits(rng, 7)
            check = (10 - sum(int(d) * w for d, w in zip(body, (9, 7, 3, 1, 9, 7, 3), strict=True)) % 10) % 10
            return f"{body}{check}-{rng.randrange(1, 6)}-{rng.randrange(2, 45):02d}"
    if country == "GR":  # ΑΦΜ
        body = "0" + _digits(rng, 7) if rng.random() < 0.3 else str(rng.randrange(7, 10)) + _digits(rng, 7)
        check = sum(int(d) * 2 ** (8 - i) for i, d in enumerate(body)) % 11 % 10
        return body + str(check)
    if country == "BG":  # ЕИК (9 digits)
        body = _digits(rng, 8)
        check = sum(int(d) * w for d, w in zip(body, range(1, 9), strict=True)) % 11
        if check == 10:
            check = sum(int(d) * w for d, w in zip(body, range(3, 11), strict=True)) % 11 % 10
        return body + str(check)
    if country == "HR":
        return _oib(rng)
    if country == "LV":
        return "4000" + _digits(rng, 7)
    if country == "IE":
        return rng.choice((str(rng.randrange(100000, 750000)), "IE" + _digits(rng, 7) + rng.choice("ABCDEFHKLMNPRTWX")))
    raise KeyError(f"no company-number generator for country {country!r}")


def company_id(country: str, rng: random.Random) -> str:
    shared = _optional("kp_core.company_id")
    if shared is not None and hasattr(shared, "generate_company_id"):
        return shared.generate_company_id(country, rng)
    return _company_fallback(country, rng)
