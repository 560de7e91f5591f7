"""Financial checksums: IBAN (mod 97 plus national BBAN structure and check digits), Luhn and
payment-card numbers, and the digit helpers the national-ID and company-ID validators share
(weighted sums, two-pass mod 11). Stdlib only; tables are built once at import time.

National check digits inside the BBAN are computed by :func:`generate_iban` and verified by
:func:`iban_national_check` for BE, CZ, EE, ES, FI, FR, HR, HU, IT, MC, NO, PL, PT, SI, SK, SM.
Other countries either have no national check digit in the BBAN or define it per bank
(AT, DE, DK, GB, SE, ...); for those only the structure and the IBAN's own mod-97 are checked.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Sequence

__all__ = [
    "CARD_BRANDS",
    "IBAN_GENERATION_COUNTRIES",
    "card_brand",
    "draw_until",
    "generate_card_number",
    "generate_iban",
    "iban_country_length",
    "iban_is_valid",
    "iban_national_check",
    "is_digits",
    "luhn_check_digit",
    "luhn_is_valid",
    "mod11_two_pass",
    "weighted_sum",
]

# --- Luhn ------------------------------------------------------------------------------------
_LUHN_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)
_SEPARATORS = str.maketrans("", "", " -")
_DIGITS_RE = re.compile(r"[0-9]+")


def _luhn_total(digits: str, double_first_from_right: bool) -> int:
    total = 0
    double = double_first_from_right
    for c in reversed(digits):
        d = ord(c) - 48
        total += _LUHN_DOUBLED[d] if double else d
        double = not double
    return total


def luhn_is_valid(value: str) -> bool:
    """True when ``value`` (digits; spaces and hyphens allowed) passes the Luhn check."""
    digits = value.translate(_SEPARATORS)
    return len(digits) >= 2 and _DIGITS_RE.fullmatch(digits) is not None and _luhn_total(digits, False) % 10 == 0


def luhn_check_digit(payload: str) -> int:
    """The Luhn digit to append to ``payload`` (digits only)."""
    if _DIGITS_RE.fullmatch(payload) is None:
        raise ValueError("Luhn payload must be ASCII digits")
    return (10 - _luhn_total(payload, True) % 10) % 10


# --- Shared digit helpers (national IDs, company IDs, bank accounts) -------------------------------
def is_digits(value: str, *lengths: int) -> bool:
    """``value`` is ASCII digits only and its length is one of ``lengths``."""
    return len(value) in lengths and _DIGITS_RE.fullmatch(value) is not None


def weighted_sum(digits: str, weights: Sequence[int]) -> int:
    """Σ digit·weight over the leading digits (as many as there are weights)."""
    return sum(int(c) * w for c, w in zip(digits, weights, strict=False))


def mod11_two_pass(digits: str) -> int:
    """Two-pass mod 11 (EE isikukood, LT asmens kodas, EE/LT company codes): weights 1..9,1,2,...
    then 3..9,1,2,...; a second remainder of 10 becomes 0."""
    total = sum(int(c) * (i % 9 + 1) for i, c in enumerate(digits)) % 11
    if total == 10:
        total = sum(int(c) * ((i + 2) % 9 + 1) for i, c in enumerate(digits)) % 11 % 10
    return total


def draw_until(rng: random.Random, make: Callable[[random.Random], str | None]) -> str:
    """Call ``make(rng)`` until it returns a value (generators that reject some draws)."""
    while True:
        out = make(rng)
        if out is not None:
            return out


# --- Payment cards ---------------------------------------------------------------------------
CARD_BRANDS = ("visa", "mastercard", "amex")
_CARD_GROUPS = {"visa": (4, 4, 4, 4), "mastercard": (4, 4, 4, 4), "amex": (4, 6, 5)}


def _card_prefix(brand: str, rng: random.Random) -> str:
    if brand == "visa":
        return "4"
    if brand == "mastercard":
        return str(rng.randint(51, 55)) if rng.random() < 0.7 else str(rng.randint(2221, 2720))
    return rng.choice(("34", "37"))


def generate_card_number(rng: random.Random, brand: str = "visa", *, formatted: bool = False) -> str:
    """A Luhn-valid card number: Visa (4, 16 digits), Mastercard (51-55 or 2221-2720, 16),
    Amex (34/37, 15). ``formatted`` groups digits as printed on the card (4-4-4-4, Amex 4-6-5)."""
    brand = brand.lower()
    if brand not in _CARD_GROUPS:
        raise ValueError(f"unknown card brand {brand!r}; known: {', '.join(CARD_BRANDS)}")
    groups = _CARD_GROUPS[brand]
    length = sum(groups)
    payload = _card_prefix(brand, rng)
    payload += "".join(rng.choice(string.digits) for _ in range(length - 1 - len(payload)))
    number = payload + str(luhn_check_digit(payload))
    if not formatted:
        return number
    parts, pos = [], 0
    for size in groups:
        parts.append(number[pos : pos + size])
        pos += size
    return " ".join(parts)


def card_brand(number: str) -> str | None:
    """The brand of a Luhn-valid number of the right length and prefix, else None."""
    digits = number.translate(_SEPARATORS)
    if not luhn_is_valid(digits):
        return None
    if len(digits) == 16 and digits[0] == "4":
        return "visa"
    if len(digits) == 16 and (51 <= int(digits[:2]) <= 55 or 2221 <= int(digits[:4]) <= 2720):
        return "mastercard"
    if len(digits) == 15 and digits[:2] in ("34", "37"):
        return "amex"
    return None


# --- IBAN ------------------------------------------------------------------------------------
# Lengths from the SWIFT IBAN registry.
_IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip

# BBAN structures (registry notation: n digits, a upper-case letters, c alphanumerics).
_BBAN_STRUCTURES: dict[str, str] = {
    "AT": "5n11n", "BE": "3n7n2n", "BG": "4a4n2n8c", "CH": "5n12c", "CY": "3n5n16c", "CZ": "4n6n10n",
    "DE": "8n10n", "DK": "4n9n1n", "EE": "2n2n11n1n", "ES": "4n4n1n1n10n", "FI": "3n11n",
    "FR": "5n5n11c2n", "GB": "4a6n8n", "GR": "3n4n16c", "HR": "7n10n", "HU": "3n4n1n15n1n",
    "IE": "4a6n8n", "IS": "4n2n6n10n", "IT": "1a5n5n12c", "LI": "5n12c", "LT": "5n11n",
    "LU": "3n13c", "LV": "4a13c", "MC": "5n5n11c2n", "MT": "4a5n18c", "NL": "4a10n", "NO": "4n6n1n",
    "PL": "8n16n", "PT": "4n4n11n2n", "RO": "4a16c", "SE": "3n16n1n", "SI": "5n8n2n",
    "SK": "4n6n10n", "SM": "1a5n5n12c",
}  # fmt: skip

_CLASS = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}


def _structure_regex(structure: str) -> re.Pattern[str]:
    parts = re.findall(r"(\d+)([nac])", structure)
    return re.compile("".join(f"{_CLASS[kind]}{{{count}}}" for count, kind in parts))


_BBAN_RES = {cc: _structure_regex(s) for cc, s in _BBAN_STRUCTURES.items()}
_ALNUM_RE = re.compile(r"[A-Z0-9]+")
_IBAN_STRIP = str.maketrans("", "", " ")
_LETTER_VALUES = {c: str(ord(c) - 55) for c in string.ascii_uppercase}


def _mod97(alnum: str) -> int:
    # Letters count A=10 .. Z=35, as in ISO 13616 / ISO 7064 MOD 97-10.
    return int("".join(_LETTER_VALUES.get(c, c) for c in alnum)) % 97


def iban_country_length(country: str) -> int:
    """The IBAN length of ``country`` (ISO alpha-2) from the SWIFT registry; KeyError if none."""
    try:
        return _IBAN_LENGTHS[country.upper()]
    except KeyError:
        raise KeyError(f"no IBAN length known for country {country!r}") from None


def _normalise_iban(value: str) -> str:
    return value.strip().translate(_IBAN_STRIP).upper()


def iban_is_valid(value: str) -> bool:
    """Country known, registry length, BBAN structure (where known) and mod 97 == 1.

    Spaces are allowed anywhere; letters may be lower case.
    """
    iban = _normalise_iban(value)
    length = _IBAN_LENGTHS.get(iban[:2])
    if length is None or len(iban) != length or _ALNUM_RE.fullmatch(iban) is None or not iban[2:4].isdigit():
        return False
    structure = _BBAN_RES.get(iban[:2])
    if structure is not None and structure.fullmatch(iban[4:]) is None:
        return False
    return _mod97(iban[4:] + iban[:4]) == 1


def _iban_check_digits(country: str, bban: str) -> str:
    return f"{98 - _mod97(bban + country + '00'):02d}"


# National check digits ---------------------------------------------------------------------------
_CZ_PREFIX_W = (10, 5, 8, 4, 2, 1)
_CZ_ACCOUNT_W = (6, 3, 7, 9, 10, 5, 8, 4, 2, 1)
_ES_W = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
_HU_W = (9, 7, 3, 1)
_NO_W = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_PL_W = (3, 9, 7, 1, 3, 9, 7)
_EE_W = (7, 3, 1)
_RIB_LETTERS = {c: str(v) for c, v in zip(string.ascii_uppercase, "12345678912345678923456789", strict=True)}


def _cz_account_ok(prefix6: str, account10: str) -> bool:
    return weighted_sum(prefix6, _CZ_PREFIX_W) % 11 == 0 and weighted_sum(account10, _CZ_ACCOUNT_W) % 11 == 0


def _es_dc(ten_digits: str) -> int:
    dc = 11 - weighted_sum(ten_digits, _ES_W) % 11
    return {10: 1, 11: 0}.get(dc, dc)


def _es_dcs(bank: str, branch: str, account: str) -> str:
    return f"{_es_dc('00' + bank + branch)}{_es_dc(account)}"


def _hu_ok(digits: str) -> bool:
    return sum(int(c) * _HU_W[i % 4] for i, c in enumerate(digits)) % 10 == 0


def _hu_check(digits: str) -> int:
    return (10 - sum(int(c) * _HU_W[i % 4] for i, c in enumerate(digits)) % 10) % 10


def _ee_check(digits: str) -> int:
    return (10 - sum(int(c) * _EE_W[i % 3] for i, c in enumerate(reversed(digits))) % 10) % 10


def _no_check(ten: str) -> int | None:
    check = 11 - weighted_sum(ten, _NO_W) % 11
    return None if check == 10 else check % 11


def _pl_bank_check(seven: str) -> int:
    return (10 - weighted_sum(seven, _PL_W) % 10) % 10


def _rib_key(bank: str, branch: str, account: str) -> int:
    numeric_account = "".join(_RIB_LETTERS.get(c, c) for c in account)
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(numeric_account)) % 97


def _mod97_10_check(digits: str) -> int:
    return 98 - int(digits) * 100 % 97


# Italian codice fiscale control character: the same table serves the Italian IBAN's CIN.
_CF_ODD_VALUES = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)
_CF_ODD = {**{str(d): _CF_ODD_VALUES[d] for d in range(10)}, **{chr(65 + i): _CF_ODD_VALUES[i] for i in range(26)}}
_CF_EVEN = {**{str(d): d for d in range(10)}, **{chr(65 + i): i for i in range(26)}}


def it_control_letter(first15: str) -> str:
    """The control character over the first 15 characters (also used by the Italian IBAN CIN)."""
    total = 0
    for i, c in enumerate(first15):
        total += _CF_ODD[c] if i % 2 == 0 else _CF_EVEN[c]
    return chr(65 + total % 26)


def iso7064_mod11_10(digits: str) -> int:
    """ISO 7064 MOD 11,10 check digit (DE Steuer-IdNr, HR OIB, DE VAT, bank codes)."""
    product = 10
    for c in digits:
        total = (int(c) + product) % 10 or 10
        product = (total * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def _cin(abi: str, cab: str, account: str) -> str:
    return it_control_letter(abi + cab + account)


_NATIONAL_CHECKS: dict[str, Callable[[str], bool]] = {
    "BE": lambda b: int(b[10:]) == (int(b[:10]) % 97 or 97),
    "CZ": lambda b: _cz_account_ok(b[4:10], b[10:]),
    "SK": lambda b: _cz_account_ok(b[4:10], b[10:]),
    "EE": lambda b: _ee_check(b[2:15]) == int(b[15]),
    "ES": lambda b: _es_dcs(b[:4], b[4:8], b[10:]) == b[8:10],
    "FI": lambda b: luhn_is_valid(b),
    "FR": lambda b: _rib_key(b[:5], b[5:10], b[10:21]) == int(b[21:]),
    "MC": lambda b: _rib_key(b[:5], b[5:10], b[10:21]) == int(b[21:]),
    "HR": lambda b: iso7064_mod11_10(b[:6]) == int(b[6]) and iso7064_mod11_10(b[7:16]) == int(b[16]),
    "HU": lambda b: _hu_ok(b[:8]) and _hu_ok(b[8:]),
    "IT": lambda b: _cin(b[1:6], b[6:11], b[11:]) == b[0],
    "SM": lambda b: _cin(b[1:6], b[6:11], b[11:]) == b[0],
    "NO": lambda b: _no_check(b[:10]) == int(b[10]),
    "PL": lambda b: _pl_bank_check(b[:7]) == int(b[7]),
    "PT": lambda b: _mod97_10_check(b[:19]) == int(b[19:]),
    "SI": lambda b: _mod97_10_check(b[:13]) == int(b[13:]),
}


def iban_national_check(value: str) -> bool | None:
    """Verify the national check digits inside a valid IBAN's BBAN.

    None when the country defines no (cheaply checkable) national check; False when the IBAN is
    invalid or its national check fails.
    """
    if not iban_is_valid(value):
        return False
    iban = _normalise_iban(value)
    check = _NATIONAL_CHECKS.get(iban[:2])
    return None if check is None else check(iban[4:])


# BBAN generators ----------------------------------------------------------------------------
def _n(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(count))


def _bban_be(rng: random.Random) -> str:
    ten = _n(rng, 10)
    return f"{ten}{int(ten) % 97 or 97:02d}"


def _cz_account(rng: random.Random) -> str | None:
    body = str(rng.randint(10_000, 999_999_999)).zfill(9)
    check = (11 - weighted_sum(body, _CZ_ACCOUNT_W) % 11) % 11
    return None if check == 10 else body + str(check)


def _bban_czsk(banks: tuple[str, ...]) -> Callable[[random.Random], str]:
    def make(rng: random.Random) -> str:
        return rng.choice(banks) + "000000" + draw_until(rng, _cz_account)

    return make


def _bban_ee(rng: random.Random) -> str:
    account = _n(rng, 11)
    return rng.choice(("22", "10", "17", "77", "42")) + "00" + account + str(_ee_check("00" + account))


def _bban_es(rng: random.Random) -> str:
    bank = rng.choice(("0049", "2100", "0182", "0081", "0075", "2080", "0128"))
    branch, account = _n(rng, 4), _n(rng, 10)
    return bank + branch + _es_dcs(bank, branch, account) + account


def _bban_fi(rng: random.Random) -> str:
    body = rng.choice(("1", "2", "5", "8", "4")) + _n(rng, 12)
    return body + str(luhn_check_digit(body))


def _bban_rib(rng: random.Random) -> str:
    bank = rng.choice(("30003", "30004", "30002", "10278", "20041", "11315", "30066"))
    branch, account = _n(rng, 5), _n(rng, 11)
    return f"{bank}{branch}{account}{_rib_key(bank, branch, account):02d}"


def _bban_hr(rng: random.Random) -> str:
    bank = rng.choice(("234000", "236000", "248400", "240200", "233000"))
    account = "1" + _n(rng, 8)
    return f"{bank}{iso7064_mod11_10(bank)}{account}{iso7064_mod11_10(account)}"


def _bban_hu(rng: random.Random) -> str:
    head = rng.choice(("117", "104", "107", "120", "116", "109")) + _n(rng, 4)
    head += str(_hu_check(head))
    if rng.random() < 0.5:  # 2x8 form: the second group carries the check, the third is zeros
        group = _n(rng, 7)
        account = group + str(_hu_check(group)) + "00000000"
    else:
        body = _n(rng, 15)
        account = body + str(_hu_check(body))
    return head + account


def _bban_cin(rng: random.Random) -> str:
    abi = rng.choice(("03069", "02008", "05034", "01030", "03062", "05387"))
    cab, account = _n(rng, 5), _n(rng, 12)
    return _cin(abi, cab, account) + abi + cab + account


def _bban_no(rng: random.Random) -> str | None:
    ten = rng.choice(("1503", "1506", "1254", "3000", "9710", "6011")) + _n(rng, 6)
    check = _no_check(ten)
    return None if check is None else ten + str(check)


def _bban_pl(rng: random.Random) -> str:
    seven = rng.choice(("102", "105", "109", "114", "124", "116", "175")) + _n(rng, 4)
    return seven + str(_pl_bank_check(seven)) + _n(rng, 16)


def _bban_pt(rng: random.Random) -> str:
    body = rng.choice(("0007", "0035", "0033", "0010", "0018", "0036")) + _n(rng, 15)
    return f"{body}{_mod97_10_check(body):02d}"


def _bban_si(rng: random.Random) -> str:
    body = rng.choice(("02", "03", "04", "05", "10", "19", "26", "33")) + _n(rng, 11)
    return f"{body}{_mod97_10_check(body):02d}"


def _bban_nl(rng: random.Random) -> str | None:
    # Non-INGB accounts satisfy the old "elfproef" (weights 10..1, sum divisible by 11).
    account = _n(rng, 9)
    check = -sum(int(c) * w for c, w in zip(account, range(10, 1, -1), strict=True)) % 11
    if check == 10:
        return None
    return rng.choice(("ABNA", "RABO", "SNSB", "TRIO", "KNAB", "ASNB")) + account + str(check)


def _kennitala(rng: random.Random) -> str | None:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1930, 2008)
    head = f"{day:02d}{month:02d}{year % 100:02d}{rng.randint(20, 99):02d}"
    check = 11 - weighted_sum(head, (3, 2, 7, 6, 5, 4, 3, 2)) % 11
    if check == 10:
        return None
    return f"{head}{check % 11}{9 if year < 2000 else 0}"


def _bban_is(rng: random.Random) -> str:
    return rng.choice(("0101", "0111", "0133", "0515", "0301")) + "26" + _n(rng, 6) + draw_until(rng, _kennitala)


def _bban_se(rng: random.Random) -> str:
    # Clearing number, then the account zero-padded to 17 digits (10 to 13 significant digits).
    account = _n(rng, rng.randint(10, 13))
    return rng.choice(("500", "800", "600", "300", "920")) + account.zfill(17)


def _fixed(*parts: Callable[[random.Random], str]) -> Callable[[random.Random], str]:
    return lambda rng: "".join(p(rng) for p in parts)


def _one_of(*options: str) -> Callable[[random.Random], str]:
    return lambda rng: rng.choice(options)


def _digits(count: int) -> Callable[[random.Random], str]:
    return lambda rng: _n(rng, count)


_BBAN_MAKERS: dict[str, Callable[[random.Random], str | None]] = {
    "AT": _fixed(_one_of("12000", "20111", "32000", "14000", "60000", "19043"), _digits(11)),
    "BE": _bban_be,
    "BG": _fixed(_one_of("BNBG", "UNCR", "STSA", "FINV", "RZBB", "UBBS"), _digits(4), _one_of("10", "15"), _digits(8)),
    "CH": _fixed(_one_of("00230", "00762", "09000", "00700", "04835", "80808"), _digits(12)),
    "CY": _fixed(_one_of("002", "005", "018"), _digits(5), _digits(16)),
    "CZ": _bban_czsk(("0100", "0300", "0800", "2010", "0600", "5500")),
    "DE": _fixed(_one_of("1", "2", "3", "4", "5", "6", "7", "8"), _digits(7), _digits(10)),
    "DK": _fixed(_digits(4), _digits(10)),
    "EE": _bban_ee,
    "ES": _bban_es,
    "FI": _bban_fi,
    "FR": _bban_rib,
    "GB": _fixed(_one_of("NWBK", "BARC", "LOYD", "HBUK", "MIDL"), _digits(6), _digits(8)),
    "GR": _fixed(_one_of("011", "014", "017", "026"), _digits(4), _digits(16)),
    "HR": _bban_hr,
    "HU": _bban_hu,
    "IE": _fixed(_one_of("AIBK", "BOFI", "IPBS", "ULSB"), _one_of("93", "90", "98"), _digits(4), _digits(8)),
    "IS": _bban_is,
    "IT": _bban_cin,
    "LI": _fixed(_one_of("08800", "08810", "08803"), _digits(12)),
    "LT": _fixed(_one_of("70440", "73000", "40100", "71800"), _digits(11)),
    "LU": _fixed(_one_of("001", "002", "003", "014", "019", "030"), _digits(13)),
    "LV": _fixed(_one_of("HABA", "UNLA", "RIKO", "PARX"), _digits(13)),
    "MT": _fixed(_one_of("MALT", "VALL", "APSB"), _digits(5), _digits(18)),
    "NL": _bban_nl,
    "NO": _bban_no,
    "PL": _bban_pl,
    "PT": _bban_pt,
    "RO": _fixed(
        _one_of("BTRL", "RNCB", "BRDE", "INGB", "RZBR", "BACX", "CECE"),
        _one_of("RONC", "0000", "0001", "1B31"),
        _digits(12),
    ),
    "SE": _bban_se,
    "SI": _bban_si,
    "SK": _bban_czsk(("1100", "0900", "0200", "7500", "5600")),
}

IBAN_GENERATION_COUNTRIES: tuple[str, ...] = tuple(sorted(_BBAN_MAKERS))


def generate_iban(country: str, rng: random.Random, formatted: bool = True) -> str:
    """A valid IBAN for ``country`` (EU/EEA, GB, CH) with the national BBAN structure and, where
    the country defines a cheap one, valid national check digits. ``formatted`` prints groups of
    four separated by spaces."""
    cc = country.upper()
    maker = _BBAN_MAKERS.get(cc)
    if maker is None:
        raise KeyError(f"no IBAN generator for country {country!r}; supported: {', '.join(IBAN_GENERATION_COUNTRIES)}")
    bban = draw_until(rng, maker)
    iban = cc + _iban_check_digits(cc, bban) + bban
    if len(iban) != _IBAN_LENGTHS[cc]:
        raise AssertionError(f"internal error: generated {cc} IBAN has length {len(iban)}")
    if not formatted:
        return iban
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
