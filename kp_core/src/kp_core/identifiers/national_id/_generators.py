"""Generators of valid national IDs for the 15 EuroPriv-Bench countries.

Every generated ID passes :func:`kp_core.identifiers.national_id.parse_national_id` and also follows the
real-world rules the harness does not check (existing dates, RO county codes, DE digit
repetition, FI individual-number range, CZ/SK serials with a true mod-11 check digit, SI
numbers whose check is never "10"), so synthetic data looks like the real thing.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from kp_core.identifiers.checksums import mod11_two_pass
from kp_core.identifiers.national_id import _validators as v
from kp_core.identifiers.national_id.belfiore import FOREIGN_COUNTRIES, MUNICIPALITIES

DEFAULT_EARLIEST = datetime.date(1940, 1, 1)
DEFAULT_LATEST = datetime.date(2008, 12, 31)

_RO_COUNTIES = tuple(f"{n:02d}" for n in (*range(1, 47), 51, 52))
_RO_FIRST_DIGIT = {1900: ("1", "2"), 1800: ("3", "4"), 2000: ("5", "6")}
_PL_OFFSET = {1800: 80, 1900: 0, 2000: 20, 2100: 40, 2200: 60}
_IT_CONSONANTS = "BCDFGHLMNPRSTVZ"
_IT_VOWELS = "AEIOU"
_IT_PLACES = tuple(MUNICIPALITIES) * 3 + tuple(FOREIGN_COUNTRIES)
_FR_DEPARTMENTS = tuple(f"{n:02d}" for n in range(1, 96) if n != 20) + ("2A", "2B", "99")
_FI_MARKERS = {1800: ("+",), 1900: ("-", "-", "-", "Y", "X"), 2000: ("A", "A", "A", "B")}


class _Context:
    """Requested (or drawn) birth date and sex, checked against what the country can encode."""

    __slots__ = ("birth", "sex")

    def __init__(
        self,
        country: str,
        rng: random.Random,
        birth_date: datetime.date | None,
        sex: str | None,
        earliest: datetime.date,
        latest: datetime.date,
    ) -> None:
        if birth_date is None:
            lo, hi = max(earliest, DEFAULT_EARLIEST), min(latest, DEFAULT_LATEST)
            birth_date = datetime.date.fromordinal(rng.randint(lo.toordinal(), hi.toordinal()))
        elif not earliest <= birth_date <= latest:
            raise ValueError(
                f"{country} national IDs encode birth dates from {earliest.isoformat()} to "
                f"{latest.isoformat()}, not {birth_date.isoformat()}"
            )
        if sex is None:
            sex = rng.choice("MF")
        elif sex not in ("M", "F"):
            raise ValueError(f"sex must be 'M', 'F' or None, got {sex!r}")
        self.birth = birth_date
        self.sex = sex


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _odd_even_digit(rng: random.Random, odd: bool) -> str:
    return rng.choice("13579" if odd else "02468")


def _gen_ro(c: _Context, rng: random.Random, formatted: bool) -> str:
    d = c.birth
    first = _RO_FIRST_DIGIT[d.year // 100 * 100][0 if c.sex == "M" else 1]
    body = f"{first}{d:%y%m%d}{rng.choice(_RO_COUNTIES)}{rng.randint(1, 999):03d}"
    return body + str(v.ro_check_digit(body))


def _gen_pl(c: _Context, rng: random.Random, formatted: bool) -> str:
    d = c.birth
    month = d.month + _PL_OFFSET[d.year // 100 * 100]
    body = f"{d:%y}{month:02d}{d:%d}{_digits(rng, 3)}{_odd_even_digit(rng, c.sex == 'M')}"
    return body + str(v.pl_check_digit(body))


def _it_letters(rng: random.Random) -> str:
    # Surname/name codes are mostly consonants (vowels fill in for short names).
    return "".join(rng.choice(_IT_CONSONANTS if rng.random() < 0.75 else _IT_VOWELS) for _ in range(3))


def _gen_it(c: _Context, rng: random.Random, formatted: bool) -> str:
    d = c.birth
    day = d.day + (40 if c.sex == "F" else 0)
    body = f"{_it_letters(rng)}{_it_letters(rng)}{d:%y}{v._CF_MONTHS[d.month - 1]}{day:02d}{rng.choice(_IT_PLACES)}"
    return body + v.it_control_letter(body)


def _gen_es(c: _Context, rng: random.Random, formatted: bool) -> str:
    number = rng.randint(1_000_000, 99_999_999)
    return f"{number:08d}{v.es_letter(number)}"


def _gen_de(c: _Context, rng: random.Random, formatted: bool) -> str:
    # Real rule (since 2016): in the first 10 digits one digit occurs twice, one is missing.
    while True:
        pool = rng.sample("0123456789", 9)
        digits = [*pool, rng.choice(pool)]
        rng.shuffle(digits)
        if digits[0] != "0":
            break
    body = "".join(digits)
    return body + str(v.iso7064_mod11_10(body))


def _gen_fr(c: _Context, rng: random.Random, formatted: bool) -> str:
    d = c.birth
    sex = "1" if c.sex == "M" else "2"
    dept = rng.choice(_FR_DEPARTMENTS)
    commune, order = f"{rng.randint(1, 990):03d}", f"{rng.randint(1, 999):03d}"
    body = f"{sex}{d:%y}{d:%m}{dept}{commune}{order}"
    key = f"{v.fr_key(body):02d}"
    if formatted:
        return f"{sex} {d:%y} {d:%m} {dept} {commune} {order} {key}"
    return body + key


def _gen_se(c: _Context, rng: random.Random, formatted: bool) -> str:
    from kp_core.identifiers.checksums import luhn_check_digit

    d = c.birth
    nine = f"{d:%y%m%d}{_digits(rng, 2)}{_odd_even_digit(rng, c.sex == 'M')}"
    last4 = nine[6:] + str(luhn_check_digit(nine))
    if not formatted:
        return f"{d.year:04d}{d:%m%d}{last4}"
    separator = "+" if d.year <= datetime.date.today().year - 100 else "-"
    return f"{d:%y%m%d}{separator}{last4}"


def _gen_rodne_cislo(c: _Context, rng: random.Random, formatted: bool) -> str:
    d = c.birth
    month = d.month + (50 if c.sex == "F" else 0)
    head = f"{d:%y}{month:02d}{d:%d}"
    if d.year < 1954:  # numbers issued before 1954 have a 3-digit serial and no check digit
        tail = _digits(rng, 3)
    else:
        while True:
            serial = _digits(rng, 3)
            check = int(head + serial) % 11
            if check != 10:  # the "remainder 10 -> 0" form was only used before 1985
                break
        tail = serial + str(check)
    return f"{head}/{tail}" if formatted else head + tail


def _gen_dk(c: _Context, rng: random.Random, formatted: bool) -> str:
    d = c.birth
    yy = d.year % 100
    seventh = rng.choice([n for n in range(10) if v.dk_century(n, yy) + yy == d.year])
    serial = f"{seventh}{_digits(rng, 2)}{_odd_even_digit(rng, c.sex == 'M')}"
    return f"{d:%d%m%y}-{serial}" if formatted else f"{d:%d%m%y}{serial}"


def _gen_fi(c: _Context, rng: random.Random, formatted: bool) -> str:
    d = c.birth
    marker = rng.choice(_FI_MARKERS[d.year // 100 * 100])
    individual = rng.randrange(2 + (c.sex == "M"), 900, 2)  # 002-899, odd for men
    date_part = f"{d:%d%m%y}"
    return f"{date_part}{marker}{individual:03d}{v.fi_control(f'{date_part}{individual:03d}')}"


def _gen_baltic(c: _Context, rng: random.Random, formatted: bool) -> str:
    d = c.birth
    first = (d.year - 1800) // 100 * 2 + (1 if c.sex == "M" else 2)
    body = f"{first}{d:%y%m%d}{_digits(rng, 3)}"
    return body + str(mod11_two_pass(body))


def _gen_nl(c: _Context, rng: random.Random, formatted: bool) -> str:
    while True:
        body = str(rng.randint(1, 6)) + _digits(rng, 7)
        partial = sum(int(ch) * w for ch, w in zip(body, v._NL_WEIGHTS, strict=False))
        last = partial % 11
        if last != 10 and partial != last:
            return body + str(last)


def _gen_si(c: _Context, rng: random.Random, formatted: bool) -> str:
    d = c.birth
    yyy = d.year % 1000
    while True:
        serial = rng.randrange(0, 500) + (500 if c.sex == "F" else 0)
        body = f"{d:%d%m}{yyy:03d}50{serial:03d}"
        if sum(int(ch) * w for ch, w in zip(body, v._SI_WEIGHTS, strict=True)) % 11 != 1:
            return body + str(v.si_check_digit(body))


_D = datetime.date
GENERATORS: dict[str, tuple[Callable[[_Context, random.Random, bool], str], _D, _D]] = {
    "RO": (_gen_ro, _D(1800, 1, 1), _D(2099, 12, 31)),
    "PL": (_gen_pl, _D(1800, 1, 1), _D(2299, 12, 31)),
    "IT": (_gen_it, _D(1, 1, 1), _D(9999, 12, 31)),
    "ES": (_gen_es, _D(1, 1, 1), _D(9999, 12, 31)),
    "DE": (_gen_de, _D(1, 1, 1), _D(9999, 12, 31)),
    "FR": (_gen_fr, _D(1, 1, 1), _D(9999, 12, 31)),
    "SE": (_gen_se, _D(1, 1, 1), _D(9999, 12, 31)),
    "CZ": (_gen_rodne_cislo, _D(1900, 1, 1), _D(2053, 12, 31)),
    "SK": (_gen_rodne_cislo, _D(1900, 1, 1), _D(2053, 12, 31)),
    "DK": (_gen_dk, _D(1858, 1, 1), _D(2057, 12, 31)),
    "FI": (_gen_fi, _D(1800, 1, 1), _D(2099, 12, 31)),
    "EE": (_gen_baltic, _D(1800, 1, 1), _D(2199, 12, 31)),
    "LT": (_gen_baltic, _D(1800, 1, 1), _D(2199, 12, 31)),
    "NL": (_gen_nl, _D(1, 1, 1), _D(9999, 12, 31)),
    "SI": (_gen_si, _D(1801, 1, 1), _D(2799, 12, 31)),
}


def generate(
    country: str,
    rng: random.Random,
    birth_date: datetime.date | None,
    sex: str | None,
    formatted: bool,
) -> str:
    gen, earliest, latest = GENERATORS[country]
    return gen(_Context(country, rng, birth_date, sex, earliest, latest), rng, formatted)
