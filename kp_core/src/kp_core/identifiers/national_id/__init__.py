"""National-ID validators and generators for the 15 EuroPriv-Bench countries.

Validators follow the EuroPriv-Bench 0.2.0 harness exactly (``national_id_leakage``): the
country always comes from the caller and is never guessed from the digits. Validators for
other EU countries live in :mod:`kp_core.identifiers.national_id.extras` and are never used by
harness-conformant metrics.
"""

from __future__ import annotations

import datetime
import random

from kp_core.identifiers.national_id._generators import generate as _generate
from kp_core.identifiers.national_id._model import COVERAGE, DECODE, ParsedId, Validator
from kp_core.identifiers.national_id._validators import VALIDATORS as _VALIDATORS

__all__ = [
    "COVERAGE",
    "DECODE",
    "ParsedId",
    "Validator",
    "generate_national_id",
    "get_validator",
    "is_valid_national_id",
    "parse_national_id",
    "supported_countries",
]

_SUPPORTED = tuple(_VALIDATORS)


def supported_countries() -> tuple[str, ...]:
    """The 15 countries the EuroPriv-Bench harness validates, in its table order."""
    return _SUPPORTED


def get_validator(country: str) -> Validator:
    """The validator for an ISO alpha-2 country code (case-insensitive); KeyError otherwise."""
    try:
        return _VALIDATORS[country.upper()]
    except KeyError:
        raise KeyError(
            f"no national-ID validator for country {country!r}; supported: {', '.join(_SUPPORTED)}"
        ) from None


def parse_national_id(value: str, country: str) -> ParsedId | None:
    """Parse ``value`` as ``country``'s national ID; None if it is not valid there.

    An unknown country gives None: the country is never guessed from the digits.
    """
    validator = _VALIDATORS.get(country.upper())
    return None if validator is None else validator.parse(value)


def is_valid_national_id(value: str, country: str) -> bool:
    validator = _VALIDATORS.get(country.upper())
    return validator is not None and validator.parse(value) is not None


def generate_national_id(
    country: str,
    rng: random.Random,
    *,
    birth_date: datetime.date | None = None,
    sex: str | None = None,
    formatted: bool = True,
) -> str:
    """A valid national ID for ``country``, consistent with ``birth_date``/``sex`` where the ID
    encodes them (drawn from ``rng`` when not given).

    ``formatted=True`` gives the usual printed form (SE ``YYMMDD-NNNN``, CZ/SK ``YYMMDD/NNNN``,
    DK ``DDMMYY-SSSS``, FR spaced groups); ``formatted=False`` the compact form (SE: the
    12-digit form, which keeps the century). ValueError when the birth date cannot be encoded.
    """
    code = get_validator(country).country
    return _generate(code, rng, birth_date, sex, formatted)
