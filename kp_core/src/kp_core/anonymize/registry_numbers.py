"""Surrogates of trade-registry numbers whose valid values are too sparse to walk to.

A Romanian registration number ("J40/1234/2015", or "J2015000123403" since 2024) is valid only
with a county code among 42 of 100 and a year from 1990 to this year: about 1 in 700 digit
strings. Cycle walking over its digits took a tenth of a second per candidate and over a minute
when the leak rules rejected a few dozen. Here the fields themselves are permuted, each over its
own valid range (county codes, the number's own count of significant digits, the years), by
one keyed permutation of their product: every candidate is valid, the first is injective, and
none costs more than a few HMACs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from kp_core.anonymize.fpe import KeyedPermutation

_RO_J_OLD = re.compile(
    r"(?P<l>[JFC])\s*(?P<county>\d{1,2})\s*/\s*(?P<number>\d{1,6})\s*/\s*(?P<year>(?:19|20)\d{2})", re.I
)
_RO_J_NEW = re.compile(r"(?P<l>[JFC])\s*(?P<year>(?:19|20)\d{2})\s*(?P<number>\d{6})\s*(?P<county>\d{2})", re.I)
_FIRST_YEAR = 1990


def ro_trade_register_candidates(key: bytes, value: str) -> Iterator[str] | None:
    """Valid registration numbers in the source's layout, or None if ``value`` is not one."""
    from kp_core.identifiers.company_id import RO_COUNTIES

    stripped = value.strip()
    match = _RO_J_OLD.fullmatch(stripped) or _RO_J_NEW.fullmatch(stripped)
    if match is None or int(match["county"]) not in RO_COUNTIES or int(match["number"]) == 0:
        return None
    years = dt.date.today().year - _FIRST_YEAR + 1
    if not 0 <= int(match["year"]) - _FIRST_YEAR < years:
        return None
    padded = match.re is _RO_J_NEW  # the new layout pads the number to six digits
    digits = len(str(int(match["number"])))
    low, count = 10 ** (digits - 1), 9 * 10 ** (digits - 1)
    counties = sorted(RO_COUNTIES)
    size = len(counties) * count * years

    def encode(county: int, number: int, year: int) -> int:
        return (counties.index(county) * count + number - low) * years + year - _FIRST_YEAR

    def render(index: int) -> str:
        rest, year = divmod(index, years)
        county_at, number = divmod(rest, count)
        fields = {
            "county": f"{counties[county_at]:0{len(match['county'])}d}",
            "number": f"{number + low:0{6 if padded else 1}d}",
            "year": str(year + _FIRST_YEAR),
        }
        pieces, cursor = [], 0
        for name in sorted(fields, key=match.start):
            pieces += [stripped[cursor : match.start(name)], fields[name]]
            cursor = match.end(name)
        return value.replace(stripped, "".join(pieces) + stripped[cursor:])

    def walk() -> Iterator[str]:
        permutation = KeyedPermutation(key, f"COMPANY_ID|RO|trade_register|{padded}|{digits}", size)
        start = encode(int(match["county"]), int(match["number"]), int(match["year"]))
        x = permutation(start)
        while x != start:
            yield render(x)
            x = permutation(x)

    return walk()
