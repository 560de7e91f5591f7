"""Real-world issuing rules that the EuroPriv-Bench validators do not check.

The validators of :mod:`kp_core.identifiers.national_id` follow the harness exactly, so they accept numbers
no authority issues. Generators and surrogates also follow these rules, so that what kp writes
passes strict checkers (python-stdnum, national registries) as well as the harness:

* RO CNP: county code 01-46 (41-46 Bucharest sectors), 47/48 (former Bucharest sectors 7 and
  8), 51, 52, or 70 (registrations without a county, foreign residents).
* DE Steuer-IdNr: in the first ten digits exactly one digit occurs twice or three times (three
  only since 2016, and never three in a row), every other digit at most once.
* CZ/SK rodné číslo: 9 digits only for births before 1954; the "remainder 10, check 0" form
  only for births before 1985.
* FI henkilötunnus: individual number 002-899 (900-999 are temporary numbers).
* SI EMŠO: a body whose check would be 10 is never issued.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from kp_core.identifiers.national_id._model import ParsedId

RO_COUNTIES = frozenset(f"{n:02d}" for n in (*range(1, 49), 51, 52, 70))
_SI_WEIGHTS = (7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def ro_issued(parsed: ParsedId) -> bool:
    return parsed.value[7:9] in RO_COUNTIES


def de_digit_rule(first10: str) -> bool:
    """Exactly one digit twice or three times (never three adjacent), the others at most once."""
    repeated = [(digit, n) for digit, n in Counter(first10).items() if n > 1]
    if len(repeated) != 1 or repeated[0][1] > 3:
        return False
    digit, n = repeated[0]
    return n == 2 or digit * 3 not in first10


def de_issued(parsed: ParsedId) -> bool:
    return de_digit_rule(parsed.value[:10])


def rodne_cislo_issued(parsed: ParsedId) -> bool:
    year = parsed.birth_date.year if parsed.birth_date else None
    if len(parsed.value) == 9:
        return year is not None and year < 1954
    if int(parsed.value) % 11 == 0:
        return True
    return year is not None and year < 1985  # remainder 10 with check digit 0


def fi_issued(parsed: ParsedId) -> bool:
    return 2 <= int(parsed.value[7:10]) <= 899


def si_issued(parsed: ParsedId) -> bool:
    return sum(int(c) * w for c, w in zip(parsed.value, _SI_WEIGHTS, strict=False)) % 11 != 1


_RULES: dict[str, Callable[[ParsedId], bool]] = {
    "RO": ro_issued,
    "DE": de_issued,
    "CZ": rodne_cislo_issued,
    "SK": rodne_cislo_issued,
    "FI": fi_issued,
    "SI": si_issued,
}


def follows_issuing_rules(parsed: ParsedId) -> bool:
    """True when a validated ID also follows its country's issuing rules (True for countries
    with none beyond the validator)."""
    rule = _RULES.get(parsed.country)
    return rule is None or rule(parsed)
