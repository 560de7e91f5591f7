"""kp-only national-ID validators and generators for EU countries EuroPriv-Bench does not cover.

These are NOT part of the harness: harness-conformant metrics dispatch only to the 15
validators of :mod:`kp_core.identifiers.national_id`. They serve detection rules, synthetic data and
de-identification for PT, HU, GR, BG, HR, LV, AT, BE, IE, LU and MT.
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Callable

from kp_core.identifiers.checksums import is_digits, luhn_check_digit, luhn_is_valid, weighted_sum
from kp_core.identifiers.national_id._dates import latest_past_year, make_date
from kp_core.identifiers.national_id._model import COVERAGE, DECODE, ParsedId, Validator
from kp_core.identifiers.national_id._validators import iso7064_mod11_10

__all__ = [
    "extra_countries",
    "generate_extra_national_id",
    "get_extra_validators",
    "is_valid_extra_national_id",
    "parse_extra_national_id",
]

_QI_DOB_SEX = ("DATE_OF_BIRTH", "SEX")
_QI_DOB = ("DATE_OF_BIRTH",)


def _n(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(count))


def _inferred(yy: int, month: int, day: int) -> datetime.date | None:
    year = latest_past_year(yy, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
    return None if year is None else make_date(year, month, day)


# --- PT: NIF (número de identificação fiscal) ---------------------------------------------------
def pt_nif_check(first8: str) -> int:
    check = 11 - weighted_sum(first8, (9, 8, 7, 6, 5, 4, 3, 2)) % 11
    return 0 if check >= 10 else check


def parse_pt(value: str) -> ParsedId | None:
    v = value.strip().replace(" ", "")
    if not is_digits(v, 9) or v[0] not in "123" or pt_nif_check(v) != int(v[8]):
        return None  # 1-3: natural persons (5-9 are companies and other entities)
    return ParsedId("PT", v, False, ())


# --- HU: TAJ and személyi azonosító ---------------------------------------------------------------
def hu_taj_check(first8: str) -> int:
    return weighted_sum(first8, (3, 7, 3, 7, 3, 7, 3, 7)) % 10


def parse_hu_taj(value: str) -> ParsedId | None:
    v = value.strip().replace(" ", "").replace("-", "")
    if not is_digits(v, 9) or hu_taj_check(v) != int(v[8]):
        return None
    return ParsedId("HU", v, False, ())


_HU_CENTURY = {"1": 1900, "2": 1900, "3": 1800, "4": 1800, "5": 2000, "6": 2000, "7": 1900, "8": 1900}
_HU_SZ_SPLIT = datetime.date(1997, 1, 1)


def hu_szemelyi_check(first10: str, birth: datetime.date) -> int:
    weights = tuple(range(1, 11)) if birth < _HU_SZ_SPLIT else tuple(range(10, 0, -1))
    return weighted_sum(first10, weights) % 11


def parse_hu_szemelyi(value: str) -> ParsedId | None:
    v = value.strip().replace(" ", "").replace("-", "")
    if not is_digits(v, 11) or v[0] not in _HU_CENTURY:
        return None
    birth = make_date(_HU_CENTURY[v[0]] + int(v[1:3]), int(v[3:5]), int(v[5:7]))
    if birth is None or hu_szemelyi_check(v[:10], birth) != int(v[10]):
        return None  # remainder 10 is never issued
    return ParsedId("HU", v, True, _QI_DOB_SEX, birth, "M" if int(v[0]) % 2 else "F", "day")


# --- GR: AMKA -----------------------------------------------------------------------------------
def parse_gr(value: str) -> ParsedId | None:
    v = value.strip().replace(" ", "")
    if not is_digits(v, 11) or not luhn_is_valid(v):
        return None
    birth = _inferred(int(v[4:6]), int(v[2:4]), int(v[0:2]))
    if birth is None:
        return None
    return ParsedId("GR", v, True, _QI_DOB_SEX, birth, "M" if int(v[9]) % 2 else "F", "day", True)


# --- BG: EGN ------------------------------------------------------------------------------------
_BG_W = (2, 4, 8, 5, 10, 9, 7, 3, 6)


def bg_egn_check(first9: str) -> int:
    return weighted_sum(first9, _BG_W) % 11 % 10


def parse_bg(value: str) -> ParsedId | None:
    v = value.strip()
    if not is_digits(v, 10) or bg_egn_check(v) != int(v[9]):
        return None
    yy, month, day = int(v[0:2]), int(v[2:4]), int(v[4:6])
    century = 1900
    if month > 40:
        century, month = 2000, month - 40
    elif month > 20:
        century, month = 1800, month - 20
    birth = make_date(century + yy, month, day)
    if birth is None:
        return None
    return ParsedId("BG", v, True, _QI_DOB_SEX, birth, "F" if int(v[8]) % 2 else "M", "day", place=v[6:8])


# --- HR: OIB ------------------------------------------------------------------------------------
def parse_hr(value: str) -> ParsedId | None:
    v = value.strip()
    if not is_digits(v, 11) or iso7064_mod11_10(v[:10]) != int(v[10]):
        return None
    return ParsedId("HR", v, False, ())


# --- LV: personas kods --------------------------------------------------------------------------
_LV_W = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_LV_CENTURY = {"0": 1800, "1": 1900, "2": 2000}


def lv_check(first10: str) -> int | None:
    check = (1101 - weighted_sum(first10, _LV_W)) % 11
    return None if check == 10 else check


def parse_lv(value: str) -> ParsedId | None:
    v = value.strip().replace("-", "")
    if not is_digits(v, 11):
        return None
    if v.startswith("32"):  # codes issued since July 2017 carry no date and no sex
        return ParsedId("LV", v, False, ())
    if v[6] not in _LV_CENTURY or lv_check(v[:10]) != int(v[10]):
        return None
    birth = make_date(_LV_CENTURY[v[6]] + int(v[4:6]), int(v[2:4]), int(v[0:2]))
    if birth is None:
        return None
    return ParsedId("LV", v, True, _QI_DOB, birth, None, "day")


# --- AT: Sozialversicherungsnummer ---------------------------------------------------------------
_AT_W = (3, 7, 9, 0, 5, 8, 4, 2, 1, 6)


def at_check(ten: str) -> int | None:
    check = weighted_sum(ten, _AT_W) % 11
    return None if check == 10 else check


def parse_at(value: str) -> ParsedId | None:
    v = value.strip().replace(" ", "")
    if not is_digits(v, 10) or v[0] == "0" or at_check(v) != int(v[3]):
        return None
    birth = _inferred(int(v[8:10]), int(v[6:8]), int(v[4:6]))  # months 13-15 mark unknown dates
    return ParsedId("AT", v, True, _QI_DOB, birth, None, "day" if birth else None, birth is not None)


# --- BE: rijksregisternummer / numéro de registre national -----------------------------------------
_BE_STRIP = str.maketrans("", "", " .-")


def parse_be(value: str) -> ParsedId | None:
    v = value.strip().translate(_BE_STRIP)
    if not is_digits(v, 11):
        return None
    check = int(v[9:])
    if 97 - int(v[:9]) % 97 == check:
        century = 1900
    elif 97 - int("2" + v[:9]) % 97 == check:
        century = 2000
    else:
        return None
    month = int(v[2:4])
    if month > 40:  # bis numbers: +40 when the sex is known, +20 when not
        month -= 40
    elif month > 20:
        month -= 20
    birth = make_date(century + int(v[:2]), month, int(v[4:6]))
    return ParsedId("BE", v, True, _QI_DOB_SEX, birth, "M" if int(v[6:9]) % 2 else "F", "day" if birth else None)


# --- IE: PPSN -----------------------------------------------------------------------------------
_IE_LETTERS = "WABCDEFGHIJKLMNOPQRSTUV"
_IE_RE = re.compile(r"(\d{7})([A-W])([A-IW]?)")


def ie_check_letter(digits7: str, second: str) -> str:
    total = weighted_sum(digits7, (8, 7, 6, 5, 4, 3, 2)) + (9 * _IE_LETTERS.index(second) if second else 0)
    return _IE_LETTERS[total % 23]


def parse_ie(value: str) -> ParsedId | None:
    v = value.strip().replace(" ", "").upper()
    m = _IE_RE.fullmatch(v)
    if m is None or ie_check_letter(m.group(1), m.group(3)) != m.group(2):
        return None
    return ParsedId("IE", v, False, ())


# --- LU: matricule (numéro d'identification national) ----------------------------------------------
_VERHOEFF_D = tuple(
    tuple(int(c) for c in row)
    for row in (
        "0123456789", "1234067895", "2340178956", "3401289567", "4012395678",
        "5987604321", "6598710432", "7659821043", "8765932104", "9876543210",
    )
)  # fmt: skip
_VERHOEFF_P = tuple(
    tuple(int(c) for c in row)
    for row in (
        "0123456789",
        "1576283094",
        "5803796142",
        "8916043527",
        "9453126870",
        "4286573901",
        "2793806415",
        "7046913258",
    )
)
_VERHOEFF_INV = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def verhoeff_check_digit(digits: str) -> int:
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return _VERHOEFF_INV[c]


def parse_lu(value: str) -> ParsedId | None:
    v = value.strip().replace(" ", "")
    if not is_digits(v, 13) or luhn_check_digit(v[:11]) != int(v[11]) or verhoeff_check_digit(v[:11]) != int(v[12]):
        return None
    birth = make_date(int(v[:4]), int(v[4:6]), int(v[6:8]))
    if birth is None:
        return None
    return ParsedId("LU", v, True, _QI_DOB, birth, None, "day")


# --- MT: identity card number ---------------------------------------------------------------------
_MT_RE = re.compile(r"(\d{1,7})([MGAPLHBZ])")


def parse_mt(value: str) -> ParsedId | None:
    v = value.strip().replace(" ", "").upper()
    m = _MT_RE.fullmatch(v)
    if m is None or int(m.group(1)) == 0:
        return None
    return ParsedId("MT", m.group(1).zfill(7) + m.group(2), False, ())


# --- generators ----------------------------------------------------------------------------------
def _birth(rng: random.Random, birth: datetime.date | None, lo: int = 1940, hi: int = 2008) -> datetime.date:
    if birth is not None:
        return birth
    return datetime.date.fromordinal(
        rng.randint(datetime.date(lo, 1, 1).toordinal(), datetime.date(hi, 12, 31).toordinal())
    )


def _sex(rng: random.Random, sex: str | None) -> str:
    if sex is None:
        return rng.choice("MF")
    if sex not in ("M", "F"):
        raise ValueError(f"sex must be 'M', 'F' or None, got {sex!r}")
    return sex


def _gen_pt(rng: random.Random, birth, sex, formatted: bool) -> str | None:
    body = rng.choice("123") + _n(rng, 7)
    return body + str(pt_nif_check(body))


def _gen_hu_taj(rng: random.Random, birth, sex, formatted: bool) -> str:
    body = str(rng.randint(1, 9)) + _n(rng, 7)
    v = body + str(hu_taj_check(body))
    return f"{v[:3]} {v[3:6]} {v[6:]}" if formatted else v


def _gen_hu_szemelyi(rng: random.Random, birth, sex, formatted: bool) -> str | None:
    d, s = _birth(rng, birth), _sex(rng, sex)
    first = {1800: "3", 1900: "1", 2000: "5"}[d.year // 100 * 100]
    first = str(int(first) + (s == "F"))
    body = f"{first}{d:%y%m%d}{_n(rng, 3)}"
    check = hu_szemelyi_check(body, d)
    if check == 10:
        return None
    v = body + str(check)
    return f"{v[0]}-{v[1:7]}-{v[7:]}" if formatted else v


def _gen_gr(rng: random.Random, birth, sex, formatted: bool) -> str:
    d, s = _birth(rng, birth), _sex(rng, sex)
    body = f"{d:%d%m%y}{_n(rng, 3)}{rng.choice('13579' if s == 'M' else '02468')}"
    return body + str(luhn_check_digit(body))


def _gen_bg(rng: random.Random, birth, sex, formatted: bool) -> str:
    d, s = _birth(rng, birth), _sex(rng, sex)
    month = d.month + {1800: 20, 1900: 0, 2000: 40}[d.year // 100 * 100]
    body = f"{d:%y}{month:02d}{d:%d}{_n(rng, 2)}{rng.choice('02468' if s == 'M' else '13579')}"
    return body + str(bg_egn_check(body))


def _gen_hr(rng: random.Random, birth, sex, formatted: bool) -> str:
    body = str(rng.randint(1, 9)) + _n(rng, 9)
    return body + str(iso7064_mod11_10(body))


def _gen_lv(rng: random.Random, birth, sex, formatted: bool) -> str | None:
    d = _birth(rng, birth)
    body = f"{d:%d%m%y}{d.year // 100 - 18}{_n(rng, 3)}"
    check = lv_check(body)
    if check is None:
        return None
    return f"{body[:6]}-{body[6:]}{check}" if formatted else f"{body}{check}"


def _gen_at(rng: random.Random, birth, sex, formatted: bool) -> str | None:
    d = _birth(rng, birth)
    serial = str(rng.randint(1, 9)) + _n(rng, 2)
    check = at_check(f"{serial}0{d:%d%m%y}")
    if check is None:
        return None
    return f"{serial}{check} {d:%d%m%y}" if formatted else f"{serial}{check}{d:%d%m%y}"


def _gen_be(rng: random.Random, birth, sex, formatted: bool) -> str:
    d, s = _birth(rng, birth), _sex(rng, sex)
    serial = rng.randrange(1 if s == "M" else 2, 998, 2)
    body = f"{d:%y%m%d}{serial:03d}"
    check = 97 - int(("2" if d.year >= 2000 else "") + body) % 97
    v = f"{body}{check:02d}"
    return f"{v[:2]}.{v[2:4]}.{v[4:6]}-{v[6:9]}.{v[9:]}" if formatted else v


def _gen_ie(rng: random.Random, birth, sex, formatted: bool) -> str:
    digits = _n(rng, 7)
    second = rng.choice(("", "", "A", "W"))
    return digits + ie_check_letter(digits, second) + second


def _gen_lu(rng: random.Random, birth, sex, formatted: bool) -> str:
    d = _birth(rng, birth)
    body = f"{d:%Y%m%d}{_n(rng, 3)}"
    v = f"{body}{luhn_check_digit(body)}{verhoeff_check_digit(body)}"
    return f"{v[:4]} {v[4:8]} {v[8:11]} {v[11:]}" if formatted else v


def _gen_mt(rng: random.Random, birth, sex, formatted: bool) -> str:
    return f"{rng.randint(1, 9999999):07d}{rng.choice('MGAPLHBZ')}"


_Gen = Callable[[random.Random, "datetime.date | None", "str | None", bool], "str | None"]

_EXTRAS: dict[str, tuple[tuple[Validator, _Gen], ...]] = {
    "PT": ((Validator("PT", "NIF (número de identificação fiscal)", COVERAGE, parse_pt), _gen_pt),),
    "HU": (
        (Validator("HU", "személyi azonosító", DECODE, parse_hu_szemelyi), _gen_hu_szemelyi),
        (Validator("HU", "TAJ-szám", COVERAGE, parse_hu_taj), _gen_hu_taj),
    ),
    "GR": ((Validator("GR", "AMKA", DECODE, parse_gr), _gen_gr),),
    "BG": ((Validator("BG", "EGN (ЕГН)", DECODE, parse_bg), _gen_bg),),
    "HR": ((Validator("HR", "OIB", COVERAGE, parse_hr), _gen_hr),),
    "LV": ((Validator("LV", "personas kods", DECODE, parse_lv), _gen_lv),),
    "AT": ((Validator("AT", "Sozialversicherungsnummer", DECODE, parse_at), _gen_at),),
    "BE": ((Validator("BE", "rijksregisternummer / numéro de registre national", DECODE, parse_be), _gen_be),),
    "IE": ((Validator("IE", "PPSN", COVERAGE, parse_ie), _gen_ie),),
    "LU": ((Validator("LU", "matricule national", DECODE, parse_lu), _gen_lu),),
    "MT": ((Validator("MT", "identity card number", COVERAGE, parse_mt), _gen_mt),),
}


def extra_countries() -> tuple[str, ...]:
    return tuple(_EXTRAS)


def get_extra_validators(country: str) -> tuple[Validator, ...]:
    return tuple(v for v, _ in _entries(country))


def _entries(country: str) -> tuple[tuple[Validator, _Gen], ...]:
    try:
        return _EXTRAS[country.upper()]
    except KeyError:
        raise KeyError(f"no extra national-ID validator for {country!r}; known: {', '.join(_EXTRAS)}") from None


def parse_extra_national_id(value: str, country: str) -> ParsedId | None:
    """Parse with the kp-only validators of ``country`` (first match); None if none fits."""
    for validator, _ in _EXTRAS.get(country.upper(), ()):
        parsed = validator.parse(value)
        if parsed is not None:
            return parsed
    return None


def is_valid_extra_national_id(value: str, country: str) -> bool:
    return parse_extra_national_id(value, country) is not None


def generate_extra_national_id(
    country: str,
    rng: random.Random,
    *,
    name: str | None = None,
    birth_date: datetime.date | None = None,
    sex: str | None = None,
    formatted: bool = True,
) -> str:
    """A valid ID for an extra country; ``name`` picks one of several validators (HU)."""
    entries = _entries(country)
    if name is not None:
        entries = tuple(e for e in entries if e[0].name == name)
        if not entries:
            raise KeyError(f"no extra validator named {name!r} for {country.upper()}")
    validator, gen = entries[0]
    while True:
        value = gen(rng, birth_date, sex, formatted)
        if value is not None:
            return value
