"""Value types of the national-ID package."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import attrs

DECODE = "decode"
COVERAGE = "coverage"


@attrs.frozen(slots=True)
class ParsedId:
    """A national ID that passed its country's validator.

    ``value`` is the ID with the harness's separators stripped (and uppercased where the harness
    uppercases). ``quasi_identifiers`` lists what a valid ID of this shape discloses, exactly as
    EuroPriv-Bench counts it. ``birth_date`` is what the digits say: ``birth_date_precision`` is
    ``"day"`` or ``"month"`` (FR NIR: year and month only, day set to 1), and ``century_inferred``
    is True where the ID carries no century (IT, FR, 10-digit SE) and the most recent century
    that puts the date in the past was chosen. ``birth_date`` is None when the ID discloses no
    date or the encoded date does not exist on the calendar. ``place`` is a place-of-birth/region
    code where the ID carries one (RO county, IT Belfiore code, SI region, FR department).
    """

    country: str
    value: str
    decode_bearing: bool
    quasi_identifiers: tuple[str, ...]
    birth_date: datetime.date | None = None
    sex: str | None = None
    birth_date_precision: str | None = None
    century_inferred: bool = False
    place: str | None = None


@attrs.frozen(slots=True)
class Validator:
    """One country's validator: ``family`` is ``"decode"`` (feeds the re-identification leak rate)
    or ``"coverage"`` (only counted for detection coverage)."""

    country: str
    name: str
    family: str
    parse: Callable[[str], ParsedId | None]

    @property
    def decode_bearing(self) -> bool:
        return self.family == DECODE
