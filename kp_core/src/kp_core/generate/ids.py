"""Identifiers with check digits: national IDs, IBANs, cards and company registry numbers.

The only module of the generator that calls the shared checksum and ID libraries; it holds no
algorithm of its own. National IDs of the 15 EuroPriv-Bench countries come from
:func:`kp_core.identifiers.national_id.generate_national_id`, those of the generator's other countries (PT,
HU, GR, BG, HR, LV, IE) from :mod:`kp_core.identifiers.national_id.extras`, company numbers from
:mod:`kp_core.identifiers.company_id`. Every value is drawn from the document's ``random.Random`` only, so
documents stay deterministic.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache

from kp_core.identifiers.checksums import generate_card_number, generate_iban
from kp_core.identifiers.company_id import generate_company_id
from kp_core.identifiers.national_id import generate_national_id, supported_countries
from kp_core.identifiers.national_id.extras import generate_extra_national_id, get_extra_validators

# --- national IDs ------------------------------------------------------------------------------


@cache
def _validated() -> frozenset[str]:
    return frozenset(supported_countries())


@cache
def _extra_kinds(country: str) -> tuple[str, ...]:
    return tuple(v.name for v in get_extra_validators(country))


def national_id(country: str, rng: random.Random, birth: dt.date, sex: str) -> str:
    """A valid national ID for ``country`` that encodes ``birth`` and ``sex`` where the ID does."""
    return national_id_with_kind(country, rng, birth, sex)[1]


def national_id_with_kind(country: str, rng: random.Random, birth: dt.date, sex: str) -> tuple[str, str]:
    """(kind, value): the kind is the validator's name where a country has several national
    numbers (HU "személyi azonosító" or "TAJ-szám"), so a document can print the label that
    fits the number; "" where the country has one."""
    formatted = rng.random() < 0.85
    if country in _validated():
        return "", generate_national_id(country, rng, birth_date=birth, sex=sex, formatted=formatted)
    return extra_national_id_with_kind(country, rng, birth, sex, formatted=formatted)


def extra_national_id_with_kind(
    country: str, rng: random.Random, birth: dt.date, sex: str, *, formatted: bool = True
) -> tuple[str, str]:
    kinds = _extra_kinds(country)
    name = kinds[rng.randrange(len(kinds))] if len(kinds) > 1 else None
    value = generate_extra_national_id(country, rng, name=name, birth_date=birth, sex=sex, formatted=formatted)
    return name or "", value


# --- bank and card numbers ---------------------------------------------------------------------


def iban(country: str, rng: random.Random) -> str:
    return generate_iban(country, rng, formatted=rng.random() < 0.5)


def card(rng: random.Random) -> str:
    brand = rng.choice(("visa", "visa", "mastercard", "mastercard", "amex"))
    return generate_card_number(rng, brand, formatted=rng.random() < 0.6)


# --- company registry numbers ------------------------------------------------------------------


def company_id(country: str, rng: random.Random, kind: str | None = None) -> str:
    """A valid company identifier: ``kind`` as in :func:`kp_core.identifiers.company_id.company_id_kinds`
    (``"vat"`` for the EU VAT number); by default the country's main register number (its VAT
    number where it has none)."""
    return _display(country, generate_company_id(country, rng, kind), rng)


def _display(country: str, value: str, rng: random.Random) -> str:
    """Print a compact SIREN/SIRET with the spaces French documents usually show (a separator
    the validator ignores); other countries' numbers are printed as generated."""
    if country == "FR" and value.isdigit() and len(value) in (9, 14) and rng.random() < 0.6:
        return f"{value[:3]} {value[3:6]} {value[6:9]}" + (f" {value[9:]}" if len(value) == 14 else "")
    return value
