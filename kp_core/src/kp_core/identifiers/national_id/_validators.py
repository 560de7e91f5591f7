"""The 15 EuroPriv-Bench national-ID validators (harness semantics, EuroPriv-Bench 0.2.0).

Each parser takes the raw span text and returns a :class:`ParsedId` or None. Acceptance follows
the harness exactly: only the separators the harness strips are stripped (surrounding
whitespace is always ignored), and only the checks it makes are made. Checks the harness does
not make (DE digit-repetition rule, CNP county codes, FI/EE/LT/SI date plausibility) are not made
here either, so that our leak metric counts the same subjects. Tables and patterns are built
once at import time: these functions run on every gold and predicted span during scoring.
"""

from __future__ import annotations

import datetime
import re

from kp_core.identifiers.checksums import (
    is_digits,
    iso7064_mod11_10,
    it_control_letter,
    luhn_is_valid,
    mod11_two_pass,
)
from kp_core.identifiers.national_id._dates import latest_past_year, make_date, plausible
from kp_core.identifiers.national_id._model import COVERAGE, DECODE, ParsedId, Validator


def _sex_from_parity(digit: str) -> str:
    return "M" if int(digit) % 2 else "F"


# --- RO: CNP ---------------------------------------------------------------------------------
_RO_WEIGHTS = (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9)
_RO_CENTURY = {"1": 1900, "2": 1900, "3": 1800, "4": 1800, "5": 2000, "6": 2000}
_QI_RO_FULL = ("DATE_OF_BIRTH", "SEX", "COUNTY")
_QI_RO_NO_DATE = ("SEX", "COUNTY")


def ro_check_digit(first12: str) -> int:
    total = sum(int(c) * w for c, w in zip(first12, _RO_WEIGHTS, strict=False)) % 11
    return 1 if total == 10 else total


def parse_ro(value: str) -> ParsedId | None:
    v = value.strip()
    if not is_digits(v, 13) or v[0] == "0" or ro_check_digit(v) != int(v[12]):
        return None
    month, day = int(v[3:5]), int(v[5:7])
    sex = _sex_from_parity(v[0])
    century = _RO_CENTURY.get(v[0])
    if century is None:  # 7/8/9: residents and foreigners, century not encoded
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return ParsedId("RO", v, True, _QI_RO_NO_DATE, None, sex, place=v[7:9])
    year = century + int(v[1:3])
    if not plausible(year, month, day):
        return None
    return ParsedId("RO", v, True, _QI_RO_FULL, datetime.date(year, month, day), sex, "day", place=v[7:9])


# --- PL: PESEL -------------------------------------------------------------------------------
_PL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
_PL_CENTURY_BY_OFFSET = {0: 1900, 20: 2000, 40: 2100, 60: 2200, 80: 1800}
_QI_DOB_SEX = ("DATE_OF_BIRTH", "SEX")


def pl_check_digit(first10: str) -> int:
    return (10 - sum(int(c) * w for c, w in zip(first10, _PL_WEIGHTS, strict=False)) % 10) % 10


def parse_pl(value: str) -> ParsedId | None:
    v = value.strip()
    if not is_digits(v, 11) or pl_check_digit(v) != int(v[10]):
        return None
    coded_month = int(v[2:4])
    offset = (coded_month // 20) * 20
    year = _PL_CENTURY_BY_OFFSET[offset] + int(v[0:2])
    month, day = coded_month - offset, int(v[4:6])
    if not plausible(year, month, day):
        return None
    return ParsedId("PL", v, True, _QI_DOB_SEX, datetime.date(year, month, day), _sex_from_parity(v[9]), "day")


# --- IT: codice fiscale -----------------------------------------------------------------------
_CF_OMOCODIA = "LMNPQRSTUV"  # letters standing for 0-9
_CF_DIGIT = {**{str(d): d for d in range(10)}, **{c: i for i, c in enumerate(_CF_OMOCODIA)}}
_CF_MONTHS = "ABCDEHLMPRST"
_CF_MONTH = {c: i + 1 for i, c in enumerate(_CF_MONTHS)}
_CF_MONTH_LENGTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_CF_RE = re.compile(r"[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]")
_QI_IT = ("DATE_OF_BIRTH", "SEX", "PLACE_OF_BIRTH")


def _cf_number(chars: str) -> int:
    n = 0
    for c in chars:
        n = n * 10 + _CF_DIGIT[c]
    return n


def parse_it(value: str) -> ParsedId | None:
    v = value.strip().upper()
    if len(v) != 16 or _CF_RE.fullmatch(v) is None or it_control_letter(v[:15]) != v[15]:
        return None
    yy, month, day = _cf_number(v[6:8]), _CF_MONTH[v[8]], _cf_number(v[9:11])
    sex = "M"
    if day > 40:
        sex, day = "F", day - 40
    # Day must fit the month; Feb 29 is always allowed because the century is unknown.
    if not 1 <= day <= _CF_MONTH_LENGTH[month]:
        return None
    place = v[11] + str(_cf_number(v[12:15])).zfill(3)
    year = latest_past_year(yy, month, day)
    birth = datetime.date(year, month, day) if year is not None else None
    return ParsedId("IT", v, True, _QI_IT, birth, sex, "day" if birth else None, True, place)


# --- ES: DNI / NIE ----------------------------------------------------------------------------
_ES_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_ES_RE = re.compile(r"[0-9]{8}[A-Z]")
_ES_NIE_PREFIX = {"X": "0", "Y": "1", "Z": "2"}


def es_letter(number: int) -> str:
    return _ES_LETTERS[number % 23]


def parse_es(value: str) -> ParsedId | None:
    v = value.strip().replace("-", "").upper()
    digits = _ES_NIE_PREFIX.get(v[:1], v[:1]) + v[1:]
    if _ES_RE.fullmatch(digits) is None or es_letter(int(digits[:8])) != digits[8]:
        return None
    return ParsedId("ES", v, False, ())


# --- DE: Steuerliche Identifikationsnummer ------------------------------------------------------
def parse_de(value: str) -> ParsedId | None:
    v = value.strip()
    if not is_digits(v, 11) or v[0] == "0" or iso7064_mod11_10(v[:10]) != int(v[10]):
        return None
    return ParsedId("DE", v, False, ())


# --- FR: NIR (numéro de sécurité sociale) ---------------------------------------------------------
_FR_CORSICA = {"2A": "19", "2B": "18"}
_QI_FR = {
    (True, True): ("DATE_OF_BIRTH", "SEX"),
    (True, False): ("SEX",),
    (False, True): ("DATE_OF_BIRTH",),
    (False, False): (),
}


def fr_key(body13: str) -> int:
    """97 - (body mod 97), with Corsica's 2A/2B department read as 19/18."""
    numeric = body13[:5] + _FR_CORSICA.get(body13[5:7], body13[5:7]) + body13[7:]
    return 97 - int(numeric) % 97


def parse_fr(value: str) -> ParsedId | None:
    v = value.strip().replace(" ", "").upper()
    if len(v) != 15:
        return None
    numeric = v[:5] + _FR_CORSICA.get(v[5:7], v[5:7]) + v[7:]
    if not is_digits(numeric, 15) or 97 - int(numeric[:13]) % 97 != int(numeric[13:]):
        return None
    has_sex = v[0] in "12"
    month = int(v[3:5])
    has_month = 1 <= month <= 12
    birth = None
    if has_month:
        year = latest_past_year(int(v[1:3]), month, 1)
        birth = datetime.date(year, month, 1) if year is not None else None
    return ParsedId(
        "FR",
        v,
        True,
        _QI_FR[has_sex, has_month],
        birth,
        ("M" if v[0] == "1" else "F") if has_sex else None,
        "month" if birth else None,
        birth is not None,
        v[5:7],
    )


# --- SE: personnummer / samordningsnummer ---------------------------------------------------------
_SE_STRIP = str.maketrans("", "", "-+ ")


def parse_se(value: str) -> ParsedId | None:
    raw = value.strip()
    v = raw.translate(_SE_STRIP)
    if not is_digits(v, 10, 12):
        return None
    ten = v[-10:]
    if not luhn_is_valid(ten):
        return None
    month, day = int(ten[2:4]), int(ten[4:6])
    if day > 60:  # samordningsnummer
        day -= 60
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    sex = _sex_from_parity(ten[8])
    if len(v) == 12:
        year = int(v[:4])
        if not plausible(year, month, day):
            return None
        return ParsedId("SE", v, True, _QI_DOB_SEX, datetime.date(year, month, day), sex, "day")
    # 10-digit form: "+" marks someone aged 100 or more this year; otherwise the last 100 years.
    yy = int(ten[:2])
    this_year = datetime.date.today().year
    latest = this_year - 100 if "+" in raw else this_year
    birth = make_date(latest - (latest - yy) % 100, month, day)
    return ParsedId("SE", v, True, _QI_DOB_SEX, birth, sex, "day" if birth else None, True)


# --- CZ, SK: rodné číslo -----------------------------------------------------------------------
_CZSK_STRIP = str.maketrans("", "", "/ ")


def _parse_rodne_cislo(value: str, country: str) -> ParsedId | None:
    v = value.strip().translate(_CZSK_STRIP)
    if not is_digits(v, 9, 10):
        return None
    yy, month, day = int(v[0:2]), int(v[2:4]), int(v[4:6])
    sex = "M"
    if 51 <= month <= 62 or 71 <= month <= 82:
        sex, month = "F", month - 50
    if 21 <= month <= 32:
        month -= 20
    if not 1 <= month <= 12:
        return None
    if len(v) == 10:
        if not (int(v) % 11 == 0 or (int(v[:9]) % 11 == 10 and v[9] == "0")):
            return None
        year = 1900 + yy if yy >= 54 else 2000 + yy
    else:
        year = 1900 + yy
    if not plausible(year, month, day):
        return None
    return ParsedId(country, v, True, _QI_DOB_SEX, datetime.date(year, month, day), sex, "day")


def parse_cz(value: str) -> ParsedId | None:
    return _parse_rodne_cislo(value, "CZ")


def parse_sk(value: str) -> ParsedId | None:
    return _parse_rodne_cislo(value, "SK")


# --- DK: CPR-nummer ---------------------------------------------------------------------------
_DK_STRIP = str.maketrans("", "", "- ")


def dk_century(seventh_digit: int, yy: int) -> int:
    """The CPR century table: digit 7 of the number plus the two-digit year."""
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800


def parse_dk(value: str) -> ParsedId | None:
    v = value.strip().translate(_DK_STRIP)
    if not is_digits(v, 10):
        return None
    day, month, yy = int(v[0:2]), int(v[2:4]), int(v[4:6])
    year = dk_century(int(v[6]), yy) + yy
    if not plausible(year, month, day):
        return None  # no mod-11 check: it was dropped for numbers issued since 2007
    return ParsedId("DK", v, True, _QI_DOB_SEX, datetime.date(year, month, day), _sex_from_parity(v[9]), "day")


# --- FI: henkilötunnus ------------------------------------------------------------------------
_FI_CONTROL = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_FI_RE = re.compile(r"([0-9]{6})([-+ABCDEFUVWXY])([0-9]{3})([0-9A-Y])")
_FI_CENTURY = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900}
_FI_CENTURY.update({c: 2000 for c in "ABCDEF"})


def fi_control(ddmmyy_zzz: str) -> str:
    return _FI_CONTROL[int(ddmmyy_zzz) % 31]


def parse_fi(value: str) -> ParsedId | None:
    v = value.strip()
    m = _FI_RE.fullmatch(v) if len(v) == 11 else None
    if m is None:
        return None
    date_part, marker, individual, control = m.groups()
    if fi_control(date_part + individual) != control:
        return None
    year = _FI_CENTURY[marker] + int(date_part[4:6])
    birth = make_date(year, int(date_part[2:4]), int(date_part[0:2]))
    return ParsedId("FI", v, True, _QI_DOB_SEX, birth, _sex_from_parity(individual[2]), "day" if birth else None)


# --- EE, LT: isikukood / asmens kodas ------------------------------------------------------------
_BALTIC_CENTURY = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000, "7": 2100, "8": 2100}


def _parse_baltic(value: str, country: str) -> ParsedId | None:
    v = value.strip()
    if not is_digits(v, 11) or v[0] not in _BALTIC_CENTURY or mod11_two_pass(v[:10]) != int(v[10]):
        return None
    birth = make_date(_BALTIC_CENTURY[v[0]] + int(v[1:3]), int(v[3:5]), int(v[5:7]))
    return ParsedId(country, v, True, _QI_DOB_SEX, birth, _sex_from_parity(v[0]), "day" if birth else None)


def parse_ee(value: str) -> ParsedId | None:
    return _parse_baltic(value, "EE")


def parse_lt(value: str) -> ParsedId | None:
    return _parse_baltic(value, "LT")


# --- NL: BSN ---------------------------------------------------------------------------------
_NL_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def nl_elfproef_sum(nine_digits: str) -> int:
    return sum(int(c) * w for c, w in zip(nine_digits, _NL_WEIGHTS, strict=True))


def parse_nl(value: str) -> ParsedId | None:
    v = value.strip()
    if not is_digits(v, 8, 9):
        return None
    v = v.zfill(9)
    total = nl_elfproef_sum(v)
    if total == 0 or total % 11:
        return None
    return ParsedId("NL", v, False, ())


# --- SI: EMŠO --------------------------------------------------------------------------------
_SI_WEIGHTS = (7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_QI_SI = ("DATE_OF_BIRTH", "SEX", "REGION_OF_BIRTH")


def si_check_digit(first12: str) -> int:
    m = 11 - sum(int(c) * w for c, w in zip(first12, _SI_WEIGHTS, strict=False)) % 11
    return 0 if m >= 10 else m


def parse_si(value: str) -> ParsedId | None:
    v = value.strip()
    if not is_digits(v, 13) or si_check_digit(v) != int(v[12]):
        return None
    yyy = int(v[4:7])
    birth = make_date(1000 + yyy if yyy > 800 else 2000 + yyy, int(v[2:4]), int(v[0:2]))
    sex = "M" if int(v[9:12]) < 500 else "F"
    return ParsedId("SI", v, True, _QI_SI, birth, sex, "day" if birth else None, place=v[7:9])


VALIDATORS: dict[str, Validator] = {
    v.country: v
    for v in (
        Validator("RO", "CNP (cod numeric personal)", DECODE, parse_ro),
        Validator("PL", "PESEL", DECODE, parse_pl),
        Validator("IT", "codice fiscale", DECODE, parse_it),
        Validator("ES", "DNI/NIE (NIF)", COVERAGE, parse_es),
        Validator("DE", "Steuerliche Identifikationsnummer", COVERAGE, parse_de),
        Validator("FR", "NIR (numéro de sécurité sociale)", DECODE, parse_fr),
        Validator("SE", "personnummer / samordningsnummer", DECODE, parse_se),
        Validator("CZ", "rodné číslo", DECODE, parse_cz),
        Validator("SK", "rodné číslo", DECODE, parse_sk),
        Validator("DK", "CPR-nummer", DECODE, parse_dk),
        Validator("FI", "henkilötunnus", DECODE, parse_fi),
        Validator("EE", "isikukood", DECODE, parse_ee),
        Validator("LT", "asmens kodas", DECODE, parse_lt),
        Validator("NL", "BSN (burgerservicenummer)", COVERAGE, parse_nl),
        Validator("SI", "EMŠO", DECODE, parse_si),
    )
}
