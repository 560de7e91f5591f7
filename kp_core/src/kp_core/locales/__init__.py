"""Locale data for European languages: names, streets, cities, phone and date formats.

Written by hand (no Faker): its output changes between releases, which would break the
byte-identical determinism of generated data, and several countries fall back to foreign
formats there. Each language has one compact module under ``kp_core.locales.data``; this module
parses it once into a frozen :class:`Locale` and offers small generators the synthetic-data
generator and the pseudonymizer share.

Every generator takes a ``random.Random``: the same generator state gives the same value.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from functools import cache
from importlib import import_module

import attrs

LANGUAGES: tuple[str, ...] = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hr",
    "hu", "it", "lt", "lv", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)  # fmt: skip

SEXES = ("M", "F")


@attrs.frozen(slots=True)
class City:
    name: str
    postcode: str  # pattern: "#" is a digit, other characters are kept
    region: str = ""


@attrs.frozen(slots=True)
class Locale:
    """Everything locale-specific a generator needs. Sequences are tuples, so a Locale is hashable."""

    lang: str
    country: str  # ISO 3166-1 alpha-2 (GR for Greek, as IBANs use)
    first_names: dict  # sex -> tuple of first names
    surnames: tuple[tuple[str, str], ...]  # (male form, female form); equal where not inflected
    streets: tuple[str, ...]  # street names, with their type word where the language writes one
    cities: tuple[City, ...]
    address_formats: tuple[str, ...]  # {street} {no} {postcode} {city} {flat}
    flat_formats: tuple[str, ...]
    phone_formats: tuple[str, ...]  # "#" is a digit
    date_formats: tuple[str, ...]  # {d} {dd} {m} {mm} {yy} {yyyy} {month}
    months: tuple[str, ...]  # 12 month names in the form used in dates ("3 March 2021")
    email_domains: tuple[str, ...]
    tld: str
    honorifics: dict  # sex -> tuple of titles used before a name (outside PERSON spans)
    doctor_titles: tuple[str, ...]  # every form, male and female ("Dr.", "Dra.")
    # sex -> the titles that agree with a clinician of that sex ("Dra." only before women)
    doctor_titles_by_sex: dict = attrs.field(factory=dict)

    def first_name(self, rng: random.Random, sex: str) -> str:
        return rng.choice(self.first_names[sex])

    def surname(self, rng: random.Random, sex: str) -> str:
        pair = rng.choice(self.surnames)
        return pair[1] if sex == "F" else pair[0]

    def city(self, rng: random.Random) -> City:
        return rng.choice(self.cities)

    def doctor_title(self, rng: random.Random, sex: str) -> str:
        """A clinician's title that agrees with ``sex`` (Spanish "Dr." / "Dra.")."""
        return rng.choice(self.doctor_titles_by_sex.get(sex) or self.doctor_titles)


def fill_digits(pattern: str, rng: random.Random) -> str:
    """Replace each ``#`` with a random digit, ``%`` with a non-zero digit, ``@`` with a capital
    letter (of the unambiguous set postcodes use)."""
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(str(rng.randrange(10)))
        elif ch == "%":
            out.append(str(rng.randrange(1, 10)))
        elif ch == "@":
            out.append(rng.choice("ACDEFHKNPRTVWXY"))
        else:
            out.append(ch)
    return "".join(out)


def _split_names(raw: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in raw.split(",") if x.strip())


def _parse(lang: str, raw: dict) -> Locale:
    surnames = []
    for item in _split_names(raw["surnames"]):
        male, _, female = item.partition("/")
        surnames.append((male, female or male))
    # "Dr./Dra." is a male/female pair; a title without "/" fits either sex.
    titles = [item.partition("/") for item in _split_names(raw["doctor_titles"])]
    titles_by_sex = {"M": tuple(m for m, _, _ in titles), "F": tuple(f or m for m, _, f in titles)}
    cities = []
    for item in _split_names(raw["cities"]):
        name, _, postcode = item.partition("=")
        cities.append(City(name=name.strip(), postcode=postcode.strip()))
    return Locale(
        lang=lang,
        country=raw["country"],
        first_names={"M": _split_names(raw["male"]), "F": _split_names(raw["female"])},
        surnames=tuple(surnames),
        streets=_split_names(raw["streets"]),
        cities=tuple(cities),
        address_formats=tuple(raw["address_formats"]),
        flat_formats=tuple(raw.get("flat_formats", ())),
        phone_formats=tuple(raw["phone_formats"]),
        date_formats=tuple(raw["date_formats"]),
        months=_split_names(raw["months"]),
        email_domains=_split_names(raw["email_domains"]),
        tld=raw["tld"],
        honorifics={"M": _split_names(raw["hon_m"]), "F": _split_names(raw["hon_f"])},
        doctor_titles=tuple(dict.fromkeys(t for m, _, f in titles for t in (m, f) if t)),
        doctor_titles_by_sex=titles_by_sex,
    )


@cache
def get_locale(lang: str) -> Locale:
    """The locale of ``lang`` (ISO 639-1). Raises ``KeyError`` naming the known languages."""
    if lang not in LANGUAGES:
        raise KeyError(f"no locale for language {lang!r}; known: {', '.join(LANGUAGES)}")
    module = import_module(f"kp_core.locales.data.{lang}")
    return _parse(lang, module.LOCALE)


# --- generators shared by the data generator and the pseudonymizer ---------------------------


def person_name(loc: Locale, rng: random.Random, sex: str, style: str = "first_last") -> str:
    """A full name. Styles: first_last, last_first, LAST_first, last_comma_first, initial_last,
    two_first (two given names)."""
    first = loc.first_name(rng, sex)
    last = loc.surname(rng, sex)
    return format_name(first, last, style, second=loc.first_name(rng, sex) if style == "two_first" else "")


def format_name(first: str, last: str, style: str, second: str = "") -> str:
    if style == "last_first":
        return f"{last} {first}"
    if style == "LAST_first":
        return f"{last.upper()} {first}"
    if style == "last_comma_first":
        return f"{last}, {first}"
    if style == "initial_last":
        return f"{first[0]}. {last}"
    if style == "two_first" and second and second != first:
        return f"{first} {second} {last}"
    return f"{first} {last}"


def street_address(loc: Locale, rng: random.Random, city: City | None = None, with_flat: bool = False) -> str:
    """A full postal address (street, number, postcode, city) in the locale's order."""
    city = city or loc.city(rng)
    number = str(rng.choice((rng.randrange(1, 40), rng.randrange(1, 220))))
    if rng.random() < 0.12:
        number += rng.choice(("A", "B", "a", "b"))
    flat = ""
    if with_flat and loc.flat_formats:
        flat = fill_digits(rng.choice(loc.flat_formats), rng).replace("{n}", str(rng.randrange(1, 60)))
    fmt = rng.choice(loc.address_formats if flat else _flatless_formats(loc.address_formats))
    text = fmt.format(
        street=rng.choice(loc.streets),
        no=number,
        postcode=fill_digits(city.postcode, rng),
        city=city.name,
        flat=flat,
    )
    return " ".join(text.split()).replace(" ,", ",").replace(",,", ",")


@cache
def _flatless_formats(formats: tuple[str, ...]) -> tuple[str, ...]:
    """Address formats without a flat slot: a format such as "{street} {no}/{flat}" would print
    a dangling "12/" when there is no flat."""
    return tuple(f for f in formats if "{flat}" not in f) or formats


def phone_number(loc: Locale, rng: random.Random) -> str:
    return fill_digits(rng.choice(loc.phone_formats), rng)


def format_date(loc: Locale, date: dt.date, fmt: str) -> str:
    """The date in ``fmt``. A ``|`` in a format separates the date proper from a trailing word
    that is written after dates but is not part of them (Polish "r.", Bulgarian "г."): only the
    part before it is returned; :func:`date_suffix` gives the rest."""
    return fmt.partition("|")[0].format(
        d=date.day,
        dd=f"{date.day:02d}",
        m=date.month,
        mm=f"{date.month:02d}",
        yy=f"{date.year % 100:02d}",
        yyyy=date.year,
        month=loc.months[date.month - 1],
    )


def date_suffix(fmt: str) -> str:
    return fmt.partition("|")[2]


def random_date(rng: random.Random, start_year: int, end_year: int) -> dt.date:
    start = dt.date(start_year, 1, 1).toordinal()
    end = dt.date(end_year, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


_TRANSLIT = {
    "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "œ": "oe",
    "ı": "i",
    # Greek
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
    # Bulgarian Cyrillic (official 2009 transliteration)
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht",
    "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
}  # fmt: skip


@cache
def ascii_fold(text: str) -> str:
    """Lower-case ASCII form of a name for e-mail addresses and user names (ø→oe, Σ→s, Ж→zh)."""
    out = []
    for ch in text.lower():
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        base = decomposed[0] if decomposed else ch
        if base in _TRANSLIT:
            out.append(_TRANSLIT[base])
        elif base.isascii() and (base.isalnum() or base in "-."):
            out.append(base)
    return "".join(out)


def email_address(loc: Locale, rng: random.Random, first: str, last: str, domain: str | None = None) -> str:
    """A lower-case e-mail address built from a name, in one of several common shapes."""
    f, l_ = ascii_fold(first).replace(" ", ""), ascii_fold(last).replace(" ", "")
    shape = rng.randrange(7)
    if shape == 0:
        local = f"{f}.{l_}"
    elif shape == 1:
        local = f"{f[0]}{l_}"
    elif shape == 2:
        local = f"{f}{rng.randrange(1, 99)}"
    elif shape == 3:
        local = f"{l_}.{f}"
    elif shape == 4:
        local = f"{f}_{l_}"
    elif shape == 5:
        local = f"{f}.{l_}{rng.randrange(60, 100)}"
    else:
        local = f"{f[0]}.{l_}"
    return f"{local}@{domain or rng.choice(loc.email_domains)}"


__all__ = [
    "LANGUAGES",
    "SEXES",
    "City",
    "date_suffix",
    "Locale",
    "ascii_fold",
    "email_address",
    "fill_digits",
    "format_date",
    "format_name",
    "get_locale",
    "person_name",
    "phone_number",
    "random_date",
    "street_address",
]
