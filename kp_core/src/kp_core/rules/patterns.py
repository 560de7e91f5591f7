"""Candidate patterns of the rules family. Every candidate is then validated (checksum,
calendar, registry length) before it becomes a span."""

from __future__ import annotations

import re
from functools import cache

# A candidate must not be glued to other letters/digits (but may end a sentence).
_L = r"(?<![\w/+\-])"
_R = r"(?![\w/+\-]\w|\w)"

# National IDs: each pattern lists the countries whose validator decides.
NATIONAL_ID_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(_L + "(?:" + pattern + ")" + _R), countries)
    for pattern, countries in (
        (r"\d{13}", ("RO", "SI")),
        (r"\d{11}", ("PL", "DE", "EE", "LT")),
        (r"\d{2} \d{3} \d{3} \d{3}", ("DE",)),
        (r"(?i:[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z])", ("IT",)),
        (r"[XYZ]?-?\d{7,8}-?[A-Z]", ("ES",)),
        (r"[12] ?\d{2} ?\d{2} ?(?:\d{2}|2A|2B) ?\d{3} ?\d{3} ?\d{2}", ("FR",)),
        (r"(?:\d{2})?\d{6}[-+]\d{4}", ("SE", "DK")),
        (r"\d{12}", ("SE",)),
        (r"\d{10}", ("SE", "CZ", "SK", "DK")),
        (r"\d{6}/\d{3,4}", ("CZ", "SK")),
        (r"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]", ("FI",)),
        (r"\d{9}|\d{4}\.\d{2}\.\d{3}", ("NL", "CZ", "SK")),
    )
)
# Validators that accept too much on their own need a context word before the value: DK CPR
# (a date and any serial, no check digit), SE/CZ/SK written as bare digits (a date plus a
# 1-in-10/11 check), NL BSN (a 1-in-11 check, always). Written with their usual separator
# (DDMMYY-SSSS, YYMMDD/SSSS) the date-bearing ones are specific enough alone.
WEAK_WITHOUT_SEPARATOR = frozenset({"DK", "NL", "CZ", "SK", "SE"})
WEAK_ALWAYS = frozenset({"NL"})
ID_CONTEXT = re.compile(
    r"(?i)\b(cnp|pesel|codice fiscale|c\.?f\.?|dni|nie|nif|steuer[- ]?id|idnr|identifikationsnummer|nir|"
    r"s[ée]curit[ée] sociale|personnummer|person-?nr|rodn[ée] [čc][íi]slo|r\.?[čc]\.?|cpr(?:-nummer|-nr)?|"
    r"personnummer|henkil[öo]tunnus|hetu|isikukood|asmens kodas|bsn|burgerservicenummer|em[šs]o|"
    r"national id|id number|ssn|social security)\b"
)
COMPANY_CONTEXT = re.compile(
    r"(?i)\b(partita iva|p\.? ?iva|vat|tva|ust-?idnr|nip|regon|krs|organisationsnummer|org\.? ?nr|cvr(?:-nummer|-nr)?|"
    r"i[čc]o|i[čc]|di[čc]|kvk|y-tunnus|registrikood|cui|cif|handelsregister|hr[ab]|siren|siret|rcs|"
    r"btw(?:-nummer|-nr)?|momsreg(?:\.? ?nr)?|company (?:no|number))\b"
)
# A company identifier after its register word: an optional "no."/":" and then the value, which
# may carry a VAT country prefix, groups and separators (RO "J40/1234/2020", SE "556036-0793").
# What may stand between a register word and its value: "CVR-nr.: ", "IČO ", "n° TVA n° ".
VALUE_CONNECTOR = r"[\s:#.()]*(?:(?i:n[°ºo]|nr|no|num[eé]ro|č(?:íslo)?)\.?:?\s*)?"
CONNECTOR = re.compile(VALUE_CONNECTOR)
COMPANY_VALUE = re.compile(
    VALUE_CONNECTOR + r"(?P<v>(?:[A-Z]{2} ?)?[0-9A-Z](?:[0-9A-Z]|[ ./\-](?=[0-9A-Z])){5,24})(?![\w])"
)
IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![\w])")
CARD = re.compile(r"(?<![\w\-])\d(?:[ \-]?\d){12,18}(?![\w])")
# Letters and digits of any script ([^\W_]; on ASCII exactly [A-Za-z0-9]): internationalized
# addresses (müller@exämple.de) are found whole, not from their first accented letter on.
_ALNUM = r"[^\W_]"
_EMAIL_LABEL = rf"{_ALNUM}(?:(?:{_ALNUM}|-)*{_ALNUM})?"
# The local part is at most 64 characters (RFC 5321): unbounded, every start after a "%" in a
# long run of "a%a%..." rescanned the rest of the run (quadratic in the run's length).
EMAIL = re.compile(
    rf"(?<![\w.+\-]){_ALNUM}(?:{_ALNUM}|[._%+\-]){{0,63}}@{_EMAIL_LABEL}(?:\.{_EMAIL_LABEL})*\.[^\W\d_]{{2,24}}(?![\w])"
)
URL = re.compile(r"(?i)(?<![\w@])(?:https?://|www\.)[^\s<>\"'«»]+")
URL_TRAILING = ".,;:!?)]}'\""
PHONE_INTERNATIONAL = re.compile(
    r"(?<![\w+])(?:\+|00)\s?(?P<cc>\d{1,3})[\s.\-/]?(?:\(0\)[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?)?\d(?:[\s.\-/]?\d){5,12}(?![\w])"
)
PHONE_NATIONAL = re.compile(r"(?<![\w+])\(?0?\d{2,4}\)?(?:[\s.\-/]?\d){5,9}(?![\w])")
PHONE_CONTEXT = re.compile(
    r"(?i)\b(tel|tel\.|telefon|telefono|telefone|téléphone|phone|mobil|mobile|cell|tlf|puh|gsm|fax)\b"
)
DATE_NUMERIC = re.compile(
    r"(?<![\w./\-])(?:(?P<d>\d{1,2})(?P<s>[./\-])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})|(?P<Y>\d{4})-(?P<M>\d{2})-(?P<D>\d{2}))(?![\w]|[./\-]\d)"
)


@cache
def textual_date_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    """Dates written with month names in any of the locales' languages: 3 March 2021,
    3. März 2021, March 3, 2021, and the Spanish and Portuguese 18 de agosto de 1997."""
    from kp_core.locales import LANGUAGES, get_locale

    months: dict[str, int] = {}
    for lang in LANGUAGES:
        try:
            names = get_locale(lang).months
        except (KeyError, ImportError):
            continue
        for number, name in enumerate(names, 1):
            months.setdefault(name.casefold(), number)
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    pattern = re.compile(
        rf"(?i)(?<![\w])(?:(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<m>{names})\s+(?:del?\s+)?(?P<y>\d{{4}})|(?P<m2>{names})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))(?![\w])"
    )
    return pattern, months
