"""Company and tax identifiers used in legal texts: validators and generators.

``parse_company_id(value, country)`` tries the country's kinds in the order of
:func:`company_id_kinds` (EU VAT numbers first: they need their country prefix, so they never
shadow a bare national number) and returns the first that validates. Stdlib only.
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Callable

import attrs

from kp_core.identifiers.checksums import (
    draw_until,
    is_digits,
    luhn_check_digit,
    luhn_is_valid,
    mod11_two_pass,
    weighted_sum,
)
from kp_core.identifiers.national_id._validators import iso7064_mod11_10, parse_cz, parse_es

__all__ = ["CompanyId", "company_id_countries", "company_id_kinds", "generate_company_id", "parse_company_id"]


@attrs.frozen(slots=True)
class CompanyId:
    """A validated company identifier: ``value`` is the normalised form (separators removed,
    upper case; trade-register numbers keep their canonical punctuation)."""

    country: str
    kind: str
    value: str


_STRIP = str.maketrans("", "", " -./")


def _compact(value: str) -> str:
    return value.strip().translate(_STRIP).upper()


def _n(rng: random.Random, count: int, first_nonzero: bool = False) -> str:
    head = str(rng.randint(1, 9)) if first_nonzero else ""
    return head + "".join(str(rng.randint(0, 9)) for _ in range(count - len(head)))


# --- RO --------------------------------------------------------------------------------------
_RO_CUI_KEY = (7, 5, 3, 2, 1, 7, 5, 3, 2)
RO_COUNTIES = tuple(range(1, 41)) + (51, 52)  # county codes of RO registration numbers
_RO_COUNTIES = RO_COUNTIES
_RO_J_OLD = re.compile(r"([JFC])(\d{1,2})/(\d{1,6})/((?:19|20)\d{2})")
_RO_J_NEW = re.compile(r"([JFC])((?:19|20)\d{2})(\d{6})(\d{2})")


def _ro_cui_check(body: str) -> int:
    return weighted_sum(body.zfill(9), _RO_CUI_KEY) * 10 % 11 % 10


def _ro_cui(value: str) -> str | None:
    v = _compact(value)
    if v.startswith("RO"):
        v = v[2:]
    if not is_digits(v, *range(2, 11)) or v[0] == "0":
        return None
    return v if _ro_cui_check(v[:-1]) == int(v[-1]) else None


def _gen_ro_cui(rng: random.Random) -> str:
    body = _n(rng, rng.randint(6, 8), first_nonzero=True)
    return body + str(_ro_cui_check(body))


def _ro_trade_register(value: str) -> str | None:
    v = value.strip().upper().replace(" ", "")
    m = _RO_J_OLD.fullmatch(v)
    this_year = datetime.date.today().year
    if m:
        letter, county, number, year = m.groups()
        if int(county) in _RO_COUNTIES and 1990 <= int(year) <= this_year and int(number) > 0:
            return f"{letter}{int(county):02d}/{int(number)}/{year}"
        return None
    m = _RO_J_NEW.fullmatch(v)
    if m and 1990 <= int(m.group(2)) <= this_year and int(m.group(4)) in _RO_COUNTIES and int(m.group(3)) > 0:
        return v
    return None


def _gen_ro_trade_register(rng: random.Random) -> str:
    return f"J{rng.choice(_RO_COUNTIES):02d}/{rng.randint(1, 30000)}/{rng.randint(1991, 2023)}"


# --- PL --------------------------------------------------------------------------------------
_PL_NIP_W = (6, 5, 7, 2, 3, 4, 5, 6, 7)
_PL_REGON9_W = (8, 9, 2, 3, 4, 5, 6, 7)
_PL_REGON14_W = (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)


def _pl_nip(value: str) -> str | None:
    v = _compact(value)
    if not is_digits(v, 10):
        return None
    check = weighted_sum(v, _PL_NIP_W) % 11
    return v if check != 10 and check == int(v[9]) else None


def _gen_pl_nip(rng: random.Random) -> str | None:
    body = _n(rng, 9, first_nonzero=True)
    check = weighted_sum(body, _PL_NIP_W) % 11
    return None if check == 10 else body + str(check)


def _regon_check(body: str, weights: tuple[int, ...]) -> int:
    return weighted_sum(body, weights) % 11 % 10


def _pl_regon(value: str) -> str | None:
    v = _compact(value)
    if is_digits(v, 9):
        return v if _regon_check(v, _PL_REGON9_W) == int(v[8]) else None
    if is_digits(v, 14) and _pl_regon(v[:9]):
        return v if _regon_check(v, _PL_REGON14_W) == int(v[13]) else None
    return None


def _gen_pl_regon(rng: random.Random) -> str:
    body = _n(rng, 8, first_nonzero=True)
    regon = body + str(_regon_check(body, _PL_REGON9_W))
    if rng.random() < 0.25:  # local units carry a 14-digit REGON
        long_body = regon + _n(rng, 4)
        regon = long_body + str(_regon_check(long_body, _PL_REGON14_W))
    return regon


_PL_KRS = re.compile(r"(?:KRS)?(\d{10})")


def _pl_krs(value: str) -> str | None:
    m = _PL_KRS.fullmatch(value.strip().upper().replace(" ", ""))  # KRS is written without hyphens
    return m.group(1) if m and int(m.group(1)) > 0 else None


def _gen_pl_krs(rng: random.Random) -> str:
    return f"{rng.randint(1, 1_100_000):010d}"


# --- IT --------------------------------------------------------------------------------------
def _it_piva(value: str) -> str | None:
    v = _compact(value)
    return v if is_digits(v, 11) and luhn_is_valid(v) and int(v[:7]) > 0 else None


def _gen_it_piva(rng: random.Random) -> str:
    office = rng.choice((*range(1, 101), 120, 121))  # provincial office code, digits 8-10
    body = _n(rng, 7) + f"{office:03d}"
    return body + str(luhn_check_digit(body))


# --- DE --------------------------------------------------------------------------------------
_DE_HR = re.compile(r"(HRA|HRB|GNR|PR|VR|GSR)(\d{1,6})([A-Z]{0,2})")
_DE_HR_CANON = {"GNR": "GnR", "GSR": "GsR"}


def _de_handelsregister(value: str) -> str | None:
    m = _DE_HR.fullmatch(value.strip().upper().replace(" ", "").replace(".", ""))
    if m is None or int(m.group(2)) == 0:
        return None
    register = _DE_HR_CANON.get(m.group(1), m.group(1))
    return f"{register} {int(m.group(2))}" + (f" {m.group(3)}" if m.group(3) else "")


def _gen_de_handelsregister(rng: random.Random) -> str:
    register = rng.choice(("HRB", "HRB", "HRB", "HRA", "GnR", "VR", "PR"))
    suffix = " B" if register == "HRB" and rng.random() < 0.1 else ""  # Berlin-Charlottenburg
    return f"{register} {rng.randint(1, 250000)}{suffix}"


# --- FR --------------------------------------------------------------------------------------
_LA_POSTE_SIREN = "356000000"


def _fr_siren(value: str) -> str | None:
    v = _compact(value)
    return v if is_digits(v, 9) and luhn_is_valid(v) else None


def _fr_siret(value: str) -> str | None:
    v = _compact(value)
    if not is_digits(v, 14):
        return None
    if v.startswith(_LA_POSTE_SIREN):  # La Poste's establishments: digit sum divisible by 5
        return v if sum(map(int, v)) % 5 == 0 else None
    return v if luhn_is_valid(v) and luhn_is_valid(v[:9]) else None


def _gen_fr_siren(rng: random.Random) -> str:
    body = _n(rng, 8, first_nonzero=True)
    return body + str(luhn_check_digit(body))


def _gen_fr_siret(rng: random.Random) -> str:
    body = _gen_fr_siren(rng) + f"{rng.randint(1, 999):04d}"
    return body + str(luhn_check_digit(body))


def _fr_vat_key(siren: str) -> int:
    return (12 + 3 * (int(siren) % 97)) % 97


# --- ES --------------------------------------------------------------------------------------
_ES_CIF = re.compile(r"([ABCDEFGHJNPQRSUVW])(\d{7})([0-9A-J])")
_ES_CIF_LETTER_ONLY = frozenset("NPQRSW")
_ES_CIF_DIGIT_ONLY = frozenset("ABEH")
_ES_CIF_LETTERS = "JABCDEFGHI"


def _es_cif_check(digits7: str) -> int:
    total = 0
    for i, c in enumerate(digits7):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d = d // 10 + d % 10
        total += d
    return (10 - total % 10) % 10


def _es_cif(value: str) -> str | None:
    v = _compact(value)
    m = _ES_CIF.fullmatch(v)
    if m is None:
        return None
    org, digits, control = m.groups()
    check = _es_cif_check(digits)
    ok_digit = control == str(check) and org not in _ES_CIF_LETTER_ONLY
    ok_letter = control == _ES_CIF_LETTERS[check] and org not in _ES_CIF_DIGIT_ONLY
    return v if ok_digit or ok_letter else None


def _gen_es_cif(rng: random.Random) -> str:
    org = rng.choice("AABBBBBEFGHJNPQRSUVW")
    digits = f"{rng.randint(1, 99):02d}" + _n(rng, 5)
    check = _es_cif_check(digits)
    return org + digits + (_ES_CIF_LETTERS[check] if org in _ES_CIF_LETTER_ONLY else str(check))


# --- NL --------------------------------------------------------------------------------------
def _nl_kvk(value: str) -> str | None:
    v = _compact(value)
    if v.startswith("KVK"):
        v = v[3:]
    return v if is_digits(v, 8) and int(v) > 0 else None


def _gen_nl_kvk(rng: random.Random) -> str:
    return _n(rng, 8, first_nonzero=True)


# --- CZ, SK: IČO ----------------------------------------------------------------------------
_ICO_W = (8, 7, 6, 5, 4, 3, 2)


def _ico_check(body7: str) -> int:
    return (11 - weighted_sum(body7, _ICO_W) % 11) % 10


def _ico(value: str) -> str | None:
    v = _compact(value)
    if v.startswith("IČO".upper()) or v.startswith("ICO"):
        v = v[3:].lstrip(":")
    return v if is_digits(v, 8) and _ico_check(v[:7]) == int(v[7]) else None


def _gen_ico(rng: random.Random) -> str:
    body = _n(rng, 7)
    return body + str(_ico_check(body))


# --- DK: CVR ---------------------------------------------------------------------------------
_DK_CVR_W = (2, 7, 6, 5, 4, 3, 2, 1)


def _dk_cvr(value: str) -> str | None:
    v = _compact(value)
    if v.startswith("CVR"):
        v = v[3:]
    return v if is_digits(v, 8) and v[0] != "0" and weighted_sum(v, _DK_CVR_W) % 11 == 0 else None


def _gen_dk_cvr(rng: random.Random) -> str | None:
    body = _n(rng, 7, first_nonzero=True)
    check = -weighted_sum(body, _DK_CVR_W) % 11
    return None if check == 10 else body + str(check)


# --- SE: organisationsnummer ---------------------------------------------------------------------
def _se_orgnr(value: str) -> str | None:
    v = _compact(value)
    if len(v) == 12 and v.startswith("16"):  # the 12-digit form prefixes "16"
        v = v[2:]
    ok = is_digits(v, 10) and v[0] != "0" and int(v[2]) >= 2 and luhn_is_valid(v)
    return v if ok else None


def _gen_se_orgnr(rng: random.Random) -> str:
    body = rng.choice("25789") + _n(rng, 1) + str(rng.randint(2, 9)) + _n(rng, 6)
    return f"{body[:6]}-{body[6:]}{luhn_check_digit(body)}"


# --- FI: Y-tunnus ----------------------------------------------------------------------------
_FI_Y_W = (7, 9, 10, 5, 8, 4, 2)


def _fi_y_check(body7: str) -> int | None:
    r = weighted_sum(body7, _FI_Y_W) % 11
    return None if r == 1 else (0 if r == 0 else 11 - r)


def _fi_y_tunnus(value: str) -> str | None:
    v = _compact(value)
    if is_digits(v, 7):  # old 6+1 form written without the leading zero
        v = "0" + v
    if not is_digits(v, 8):
        return None
    check = _fi_y_check(v[:7])
    return f"{v[:7]}-{v[7]}" if check is not None and check == int(v[7]) else None


def _gen_fi_y_tunnus(rng: random.Random) -> str | None:
    body = rng.choice("0123") + _n(rng, 6)
    check = _fi_y_check(body)
    return None if check is None else f"{body}-{check}"


# --- EE, LT: two-pass mod 11 ----------------------------------------------------------------------
def _ee_registrikood(value: str) -> str | None:
    v = _compact(value)
    ok = is_digits(v, 8) and v[0] in "1789" and mod11_two_pass(v[:7]) == int(v[7])
    return v if ok else None


def _gen_ee_registrikood(rng: random.Random) -> str:
    body = rng.choice("11118") + _n(rng, 6)
    return body + str(mod11_two_pass(body))


def _lt_imones_kodas(value: str) -> str | None:
    v = _compact(value)
    return v if is_digits(v, 9) and mod11_two_pass(v[:8]) == int(v[8]) else None


def _gen_lt_imones_kodas(rng: random.Random) -> str:
    body = rng.choice("123") + _n(rng, 7)
    return body + str(mod11_two_pass(body))


# --- SI: matična številka ---------------------------------------------------------------------
_SI_MATICNA_W = (7, 6, 5, 4, 3, 2)


def _si_maticna_check(body6: str) -> int | None:
    check = 11 - weighted_sum(body6, _SI_MATICNA_W) % 11
    return None if check == 11 else check % 10


def _si_maticna(value: str) -> str | None:
    v = _compact(value)
    if is_digits(v, 7):
        v += "000"  # the main unit
    if not is_digits(v, 10):
        return None
    check = _si_maticna_check(v[:6])
    return v if check is not None and check == int(v[6]) else None


def _gen_si_maticna(rng: random.Random) -> str | None:
    body = _n(rng, 6, first_nonzero=True)
    check = _si_maticna_check(body)
    return None if check is None else f"{body}{check}000"


# --- EU VAT numbers (prefix + national number) ---------------------------------------------------
_VAT_PREFIX = {"GR": "EL"}


def _vat_body(value: str, prefix: str) -> str | None:
    v = _compact(value)
    return v[len(prefix) :] if v.startswith(prefix) else None


def _check_at(b: str) -> bool:
    if not (len(b) == 9 and b[0] == "U" and is_digits(b[1:], 8)):
        return False
    total = sum(d if i % 2 == 0 else (2 * d) // 10 + (2 * d) % 10 for i, d in enumerate(map(int, b[1:8])))
    return (10 - (total + 4) % 10) % 10 == int(b[8])


def _check_be(b: str) -> bool:
    if is_digits(b, 9):
        b = "0" + b
    return is_digits(b, 10) and b[0] in "01" and 97 - int(b[:8]) % 97 == int(b[8:])


def _check_bg(b: str) -> bool:
    if is_digits(b, 9):
        total = weighted_sum(b, (1, 2, 3, 4, 5, 6, 7, 8)) % 11
        if total == 10:
            total = weighted_sum(b, (3, 4, 5, 6, 7, 8, 9, 10)) % 11 % 10
        return total == int(b[8])
    if is_digits(b, 10):
        from kp_core.identifiers.national_id.extras import parse_extra_national_id

        return parse_extra_national_id(b, "BG") is not None
    return False


_CY_ODD = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21)


def _check_cy(b: str) -> bool:
    if not (len(b) == 9 and is_digits(b[:8], 8) and b[0] in "013459" and b[8].isalpha()):
        return False
    total = sum(_CY_ODD[int(c)] if i % 2 == 0 else int(c) for i, c in enumerate(b[:8]))
    return chr(65 + total % 26) == b[8]


def _check_cz(b: str) -> bool:
    if is_digits(b, 8):
        return b[0] != "9" and _ico_check(b[:7]) == int(b[7])
    return is_digits(b, 9, 10) and parse_cz(b) is not None


def _check_de(b: str) -> bool:
    return is_digits(b, 9) and b[0] != "0" and iso7064_mod11_10(b[:8]) == int(b[8])


def _check_dk(b: str) -> bool:
    return _dk_cvr(b) is not None


def _check_ee(b: str) -> bool:
    return is_digits(b, 9) and (10 - weighted_sum(b, (3, 7, 1, 3, 7, 1, 3, 7)) % 10) % 10 == int(b[8])


def _check_el(b: str) -> bool:
    return is_digits(b, 9) and weighted_sum(b, (256, 128, 64, 32, 16, 8, 4, 2)) % 11 % 10 == int(b[8])


def _check_es(b: str) -> bool:
    return _es_cif(b) is not None or parse_es(b) is not None


def _check_fi(b: str) -> bool:
    return is_digits(b, 8) and _fi_y_tunnus(b) is not None


def _check_fr(b: str) -> bool:
    return len(b) == 11 and is_digits(b, 11) and _fr_siren(b[2:]) is not None and int(b[:2]) == _fr_vat_key(b[2:])


def _check_hr(b: str) -> bool:
    return is_digits(b, 11) and iso7064_mod11_10(b[:10]) == int(b[10])


def _check_hu(b: str) -> bool:
    return is_digits(b, 8) and (10 - weighted_sum(b, (9, 7, 3, 1, 9, 7, 3)) % 10) % 10 == int(b[7])


_IE_LETTERS = "WABCDEFGHIJKLMNOPQRSTUV"
_IE_RE = re.compile(r"(\d{7})([A-W])([A-IW]?)")


def _check_ie(b: str) -> bool:
    m = _IE_RE.fullmatch(b)
    if m is None:
        return False
    digits, check, extra = m.groups()
    total = weighted_sum(digits, (8, 7, 6, 5, 4, 3, 2)) + (9 * _IE_LETTERS.index(extra) if extra else 0)
    return _IE_LETTERS[total % 23] == check


def _check_it(b: str) -> bool:
    return _it_piva(b) is not None


def _check_lt(b: str) -> bool:
    if is_digits(b, 9):
        return b[7] == "1" and mod11_two_pass(b[:8]) == int(b[8])
    if is_digits(b, 12):
        return b[10] == "1" and mod11_two_pass(b[:11]) == int(b[11])
    return False


def _check_lu(b: str) -> bool:
    return is_digits(b, 8) and int(b[:6]) % 89 == int(b[6:])


def _check_lv(b: str) -> bool:
    if not is_digits(b, 11):
        return False
    if b[0] > "3":  # legal entities
        return weighted_sum(b, (9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1)) % 11 == 3
    from kp_core.identifiers.national_id.extras import parse_extra_national_id

    return parse_extra_national_id(b, "LV") is not None


def _check_mt(b: str) -> bool:
    return is_digits(b, 8) and b[0] != "0" and weighted_sum(b, (3, 4, 6, 7, 8, 9, 10, 1)) % 37 == 0


def _check_nl(b: str) -> bool:
    if not (len(b) == 12 and is_digits(b[:9], 9) and b[9] == "B" and is_digits(b[10:], 2)):
        return False
    elf = weighted_sum(b[:9], (9, 8, 7, 6, 5, 4, 3, 2, -1))
    if elf % 11 == 0 and elf != 0:
        return True
    # Since 2020 sole traders get numbers checked by ISO 7064 mod 97 over "NL" + number.
    numeric = "".join(str(int(c, 36)) for c in "NL" + b)
    return int(numeric) % 97 == 1


def _check_pl(b: str) -> bool:
    return _pl_nip(b) is not None


def _check_pt(b: str) -> bool:
    if not is_digits(b, 9):
        return False
    check = 11 - weighted_sum(b, (9, 8, 7, 6, 5, 4, 3, 2)) % 11
    return (0 if check >= 10 else check) == int(b[8])


def _check_ro(b: str) -> bool:
    return _ro_cui(b) is not None


def _check_se(b: str) -> bool:
    return len(b) == 12 and b.endswith("01") and _se_orgnr(b[:10]) is not None


def _check_si(b: str) -> bool:
    if not is_digits(b, 8) or b[0] == "0":
        return False
    check = 11 - weighted_sum(b, (8, 7, 6, 5, 4, 3, 2)) % 11
    return check != 11 and check % 10 == int(b[7])


def _check_sk(b: str) -> bool:
    return is_digits(b, 10) and b[0] != "0" and b[2] in "234789" and int(b) % 11 == 0


_VAT_CHECKS: dict[str, Callable[[str], bool]] = {
    "AT": _check_at, "BE": _check_be, "BG": _check_bg, "CY": _check_cy, "CZ": _check_cz, "DE": _check_de,
    "DK": _check_dk, "EE": _check_ee, "GR": _check_el, "ES": _check_es, "FI": _check_fi, "FR": _check_fr,
    "HR": _check_hr, "HU": _check_hu, "IE": _check_ie, "IT": _check_it, "LT": _check_lt, "LU": _check_lu,
    "LV": _check_lv, "MT": _check_mt, "NL": _check_nl, "PL": _check_pl, "PT": _check_pt, "RO": _check_ro,
    "SE": _check_se, "SI": _check_si, "SK": _check_sk,
}  # fmt: skip


def _vat_parser(country: str) -> Callable[[str], str | None]:
    prefix = _VAT_PREFIX.get(country, country)
    check = _VAT_CHECKS[country]

    def parse(value: str) -> str | None:
        body = _vat_body(value, prefix)
        return prefix + body if body is not None and check(body) else None

    return parse


def _vat_generator(country: str) -> Callable[[random.Random], str | None]:
    prefix = _VAT_PREFIX.get(country, country)
    body_makers: dict[str, Callable[[random.Random], str | None]] = {
        "RO": _gen_ro_cui,
        "PL": _gen_pl_nip,
        "IT": _gen_it_piva,
        "DK": _gen_dk_cvr,
        "FR": lambda rng: (lambda s: f"{_fr_vat_key(s):02d}{s}")(_gen_fr_siren(rng)),
        "ES": _gen_es_cif,
        "CZ": lambda rng: (lambda b: None if b[0] == "9" else b)(_gen_ico(rng)),  # 9... is not a VAT IČO
        "SE": lambda rng: _gen_se_orgnr(rng).replace("-", "") + "01",
        "FI": lambda rng: (lambda y: None if y is None else y.replace("-", ""))(_gen_fi_y_tunnus(rng)),
        "HR": lambda rng: (lambda b: b + str(iso7064_mod11_10(b)))(_n(rng, 10, True)),
        "DE": lambda rng: (lambda b: b + str(iso7064_mod11_10(b)))(_n(rng, 8, True)),
        "LU": lambda rng: (lambda b: f"{b}{int(b) % 89:02d}")(_n(rng, 6, True)),
        "BE": lambda rng: (lambda b: f"{b}{97 - int(b) % 97:02d}")("0" + _n(rng, 7, True)),
        "LT": lambda rng: (lambda b: b + str(mod11_two_pass(b)))(_n(rng, 7, True) + "1"),
    }
    make = body_makers.get(country)

    def generate(rng: random.Random) -> str | None:
        if make is not None:
            body = make(rng)
        else:  # draw until the national check passes (at most a few dozen draws)
            body = _draw_vat_body(country, rng)
        return None if body is None else prefix + body

    return generate


_VAT_SHAPES: dict[str, Callable[[random.Random], str]] = {
    "AT": lambda rng: "U" + _n(rng, 8, True),
    "BG": lambda rng: _n(rng, 9, True),
    "CY": lambda rng: rng.choice("01345") + _n(rng, 7) + chr(65 + rng.randrange(26)),
    "EE": lambda rng: "10" + _n(rng, 7),
    "GR": lambda rng: "0" + _n(rng, 8, True),
    "HU": lambda rng: _n(rng, 8, True),
    "IE": lambda rng: _n(rng, 7) + rng.choice(_IE_LETTERS[1:]) + rng.choice(("", "H", "W")),
    "LV": lambda rng: "4" + _n(rng, 10),
    "MT": lambda rng: _n(rng, 8, True),
    "NL": lambda rng: _n(rng, 9, True) + "B01",
    "PT": lambda rng: rng.choice("5") + _n(rng, 8),
    "SI": lambda rng: _n(rng, 8, True),
    "SK": lambda rng: _n(rng, 2, True) + rng.choice("234789") + _n(rng, 7),
}


def _draw_vat_body(country: str, rng: random.Random) -> str:
    shape, check = _VAT_SHAPES[country], _VAT_CHECKS[country]
    while True:
        body = shape(rng)
        if check(body):
            return body


# --- registry --------------------------------------------------------------------------------
_Parser = Callable[[str], str | None]
_Maker = Callable[[random.Random], str | None]

_NATIONAL_KINDS: dict[str, tuple[tuple[str, _Parser, _Maker], ...]] = {
    "RO": (("cui", _ro_cui, _gen_ro_cui), ("trade_register", _ro_trade_register, _gen_ro_trade_register)),
    "PL": (("nip", _pl_nip, _gen_pl_nip), ("regon", _pl_regon, _gen_pl_regon), ("krs", _pl_krs, _gen_pl_krs)),
    "IT": (("partita_iva", _it_piva, _gen_it_piva),),
    "DE": (("handelsregister", _de_handelsregister, _gen_de_handelsregister),),
    "FR": (("siren", _fr_siren, _gen_fr_siren), ("siret", _fr_siret, _gen_fr_siret)),
    "ES": (("cif", _es_cif, _gen_es_cif),),
    "NL": (("kvk", _nl_kvk, _gen_nl_kvk),),
    "CZ": (("ico", _ico, _gen_ico),),
    "SK": (("ico", _ico, _gen_ico),),
    "DK": (("cvr", _dk_cvr, _gen_dk_cvr),),
    "SE": (("orgnr", _se_orgnr, _gen_se_orgnr),),
    "FI": (("y_tunnus", _fi_y_tunnus, _gen_fi_y_tunnus),),
    "EE": (("registrikood", _ee_registrikood, _gen_ee_registrikood),),
    "LT": (("imones_kodas", _lt_imones_kodas, _gen_lt_imones_kodas),),
    "SI": (("maticna_stevilka", _si_maticna, _gen_si_maticna),),
}

_KINDS: dict[str, dict[str, tuple[_Parser, _Maker]]] = {}
for _cc in sorted(set(_NATIONAL_KINDS) | set(_VAT_CHECKS)):
    _table: dict[str, tuple[_Parser, _Maker]] = {"vat": (_vat_parser(_cc), _vat_generator(_cc))}
    for _kind, _parse, _make in _NATIONAL_KINDS.get(_cc, ()):
        _table[_kind] = (_parse, _make)
    _KINDS[_cc] = _table


def company_id_countries() -> tuple[str, ...]:
    return tuple(_KINDS)


def company_id_kinds(country: str) -> tuple[str, ...]:
    """The identifier kinds known for ``country`` (``"vat"`` first); KeyError if none."""
    return tuple(_kinds_of(country))


def _kinds_of(country: str) -> dict[str, tuple[_Parser, _Maker]]:
    try:
        return _KINDS[country.upper()]
    except KeyError:
        raise KeyError(f"no company identifiers known for country {country!r}; known: {', '.join(_KINDS)}") from None


def parse_company_id(value: str, country: str, kind: str | None = None) -> CompanyId | None:
    """The first kind of ``country``'s identifiers that ``value`` validates as, or None.

    Unknown countries give None (never guessed). ``kind`` restricts the check to one kind.
    """
    table = _KINDS.get(country.upper())
    if table is None:
        return None
    items = table.items() if kind is None else [(kind, table[kind])] if kind in table else []
    for name, (parse, _) in items:
        normalised = parse(value)
        if normalised is not None:
            return CompanyId(country.upper(), name, normalised)
    return None


def generate_company_id(country: str, rng: random.Random, kind: str | None = None) -> str:
    """A valid identifier of ``kind`` (default: the country's main national kind, or VAT)."""
    table = _kinds_of(country)
    if kind is None:
        kind = next((k for k in table if k != "vat"), "vat")
    if kind not in table:
        raise KeyError(f"no company identifier kind {kind!r} for {country.upper()}; known: {', '.join(table)}")
    return draw_until(rng, table[kind][1])
