"""Value generators per KP type, and the cast of one document (people, organisations, places).

Everything is drawn from the document's own ``random.Random``, lazily: a value that a document
never mentions costs nothing. Values a document repeats (a patient's name in the header and in
the signature block) are drawn once and reused, as in real text.
"""

from __future__ import annotations

import datetime as dt
import random
import string
from typing import Protocol

from kp_core.generate import ids
from kp_core.generate.phrases._echr import NON_EU_NAMES
from kp_core.locales import (
    Locale,
    ascii_fold,
    email_address,
    fill_digits,
    format_date,
    format_name,
    phone_number,
    random_date,
    street_address,
)


class NameSource(Protocol):
    def first_name(self, rng: random.Random, sex: str) -> str: ...

    def surname(self, rng: random.Random, sex: str) -> str: ...


class ForeignNames:
    """First names and surnames of a country without a kp locale (Turkish, British, Russian,
    Georgian): ``NON_EU_NAMES`` of ``phrases/_echr.py``."""

    def __init__(self, country: str) -> None:
        self.country = country
        self.firsts, self.lasts = NON_EU_NAMES[country]

    def first_name(self, rng: random.Random, sex: str) -> str:
        return rng.choice(self.firsts[sex])

    def surname(self, rng: random.Random, sex: str) -> str:
        last = rng.choice(self.lasts)
        return last + "a" if sex == "F" and self.country == "ru" else last


NAME_STYLES = ("first_last",) * 8 + ("last_first", "LAST_first", "initial_last", "two_first")


class Person:
    """One person of a document; attributes are drawn on first use."""

    def __init__(
        self,
        loc: Locale,
        rng: random.Random,
        *,
        adult: bool = True,
        name_style: str = "first_last",
        names: NameSource | None = None,
    ) -> None:
        self.loc = loc
        self.rng = rng
        self.sex = rng.choice("MF")
        source = names or loc  # names from another country: a foreign applicant, counsel or judge
        self.first = source.first_name(rng, self.sex)
        self.last = source.surname(rng, self.sex)
        self.second = source.first_name(rng, self.sex) if name_style == "two_first" else ""
        self.name_style = name_style
        self.birth = random_date(rng, 1942, 2004 if adult else 2020)
        self._cache: dict[str, str] = {}

    def get(self, attr: str, make) -> str:
        value = self._cache.get(attr)
        if value is None:
            value = self._cache[attr] = make()
        return value

    @property
    def initials(self) -> str:
        """Initials only, as reports write parties and witnesses: ``S. D.``, ``C. Ç.``."""
        if self.loc.lang == "hu":
            return f"{self.last[0]}. {self.first[0]}."
        return f"{self.first[0]}. {self.last[0]}."

    @property
    def name(self) -> str:
        style = self.name_style
        if self.loc.lang == "hu":  # Hungarian writes the family name first in every style
            if style == "initial_last":
                return f"{self.last} {self.first[0]}."
            if style in ("first_last", "two_first"):
                second = f" {self.second}" if self.second and self.second != self.first else ""
                return f"{self.last} {self.first}{second}"
        return format_name(self.first, self.last, style, self.second)

    def address(self) -> str:
        return self.get("address", lambda: street_address(self.loc, self.rng, with_flat=self.rng.random() < 0.25))

    def city(self) -> str:
        return self.get("city", lambda: self.loc.city(self.rng).name)

    def phone(self) -> str:
        return self.get("phone", lambda: phone_number(self.loc, self.rng))

    def email(self) -> str:
        return self.get("email", lambda: email_address(self.loc, self.rng, self.first, self.last))

    def national_id(self) -> str:
        if "nid" not in self._cache:
            kind, value = ids.national_id_with_kind(self.loc.country, self.rng, self.birth, self.sex)
            self._cache["nid"], self._cache["nid_kind"] = value, kind
        return self._cache["nid"]

    def national_id_kind(self) -> str:
        """The validator name of the drawn national ID where the country has several ("" if one)."""
        self.national_id()
        return self._cache["nid_kind"]

    def iban(self) -> str:
        return self.get("iban", lambda: ids.iban(self.loc.country, self.rng))

    def card(self) -> str:
        return self.get("card", lambda: ids.card(self.rng))

    def account(self) -> str:
        return self.get("acct", lambda: account_number(self.rng))

    def username(self) -> str:
        return self.get("user", lambda: username(self.rng, self.first, self.last))

    def ip(self) -> str:
        return self.get("ip", lambda: ip_address(self.rng))

    def password(self) -> str:
        return self.get("pwd", lambda: password(self.rng))


class Org:
    """A company (ORG_PARTY) with its registry number, seat, contacts and bank account."""

    def __init__(
        self,
        loc: Locale,
        rng: random.Random,
        words: tuple[str, ...],
        suffixes: tuple[str, ...],
        plain: tuple[str, ...] = (),
    ) -> None:
        self.loc = loc
        self.rng = rng
        word = rng.choice(words)
        shape = rng.randrange(5)
        if plain and rng.random() < 0.4:
            # Ordinary words of the language ("Nordisk Bygg AB", "Stavby Morava s.r.o."): the
            # first word is a common word, and the whole name is the span.
            core = rng.choice(plain)
            extra = rng.random()
            # No leading list number: "1. Nordisk Bygg AB" in a contract is item 1, and the
            # number stays outside the span (teaching "1." as part of names cost ORG_PARTY F1).
            if extra < 0.2:
                core = f"{core} {rng.randrange(2, 25)}"
            elif extra < 0.3:
                core = f"Nord-{core}" if loc.lang in ("de", "da", "sv", "nl", "fi", "et") else f"{core} Plus"
        elif shape == 0:
            core = f"{word} {rng.choice(('Consulting', 'Tech', 'Logistic', 'Med', 'Invest', 'Trade'))}"
        elif shape == 1:
            core = f"{loc.surname(rng, 'M')} & {loc.surname(rng, 'M')}"
        elif shape == 2:
            core = f"{word}{rng.choice(('Tech', 'Soft', 'Med', 'Data', 'Bau', 'Pro', 'Net'))}"
        else:
            core = word
        self.name = f"{core} {rng.choice(suffixes)}"
        slug = ascii_fold(core.split()[0].replace("&", "")) or "firma"
        self.domain = f"{slug}{rng.choice(('', '-group', 'online', ''))}.{loc.tld if rng.random() < 0.7 else 'com'}"
        self._cache: dict[str, str] = {}
        self.last_register = ""  # the kind of the register number last printed for it

    def get(self, attr: str, make) -> str:
        value = self._cache.get(attr)
        if value is None:
            value = self._cache[attr] = make()
        return value

    def company_id(self) -> str:
        return self.get("cid", lambda: ids.company_id(self.loc.country, self.rng))

    def vat_id(self) -> str:
        return self.get("vat", lambda: ids.company_id(self.loc.country, self.rng, "vat"))

    def company_id_of(self, kind: str) -> str:
        """The organisation's number of one register ``kind`` (Polish KRS, Romanian J-number)."""
        return self.get("cid:" + kind, lambda: ids.company_id(self.loc.country, self.rng, kind))

    def address(self) -> str:
        return self.get("address", lambda: street_address(self.loc, self.rng))

    def city(self) -> str:
        return self.get("city", lambda: self.loc.city(self.rng).name)

    def phone(self) -> str:
        return self.get("phone", lambda: phone_number(self.loc, self.rng))

    def email(self) -> str:
        box = self.rng.choice(("office", "info", "contact", "dpo", "privacy", "kontakt", "support", "billing"))
        return self.get("email", lambda: f"{box}@{self.domain}")

    def url(self) -> str:
        path = self.rng.choice(("", "/privacy", "/contact", "/portal/login", "/en/support", "/gdpr"))
        return self.get("url", lambda: f"{self.rng.choice(('https://www.', 'https://', 'www.'))}{self.domain}{path}")

    def iban(self) -> str:
        return self.get("iban", lambda: ids.iban(self.loc.country, self.rng))


def account_number(rng: random.Random) -> str:
    shape = rng.randrange(4)
    if shape == 0:
        return fill_digits("##########", rng)
    if shape == 1:
        return fill_digits(rng.choice(("C-######", "KD-#######", "CUST######", "ACC-####-####")), rng)
    if shape == 2:
        return fill_digits("#### #### ####", rng)
    return fill_digits("%#######", rng)


def username(rng: random.Random, first: str, last: str) -> str:
    f, l_ = ascii_fold(first), ascii_fold(last).replace(" ", "")
    return rng.choice(
        (f"{f}.{l_}", f"{f[0]}{l_}{rng.randrange(1, 99)}", f"{l_}_{f}", f"{f}{rng.randrange(1970, 2005)}")
    )


def ip_address(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return ":".join(f"{rng.randrange(65536):x}" for _ in range(8))
    return f"{rng.choice((81, 86, 89, 93, 176, 188, 212, 217, 31, 46))}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


_PASSWORD_CHARS = string.ascii_letters + string.digits + "!#$%&*?@"


def password(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return "".join(rng.choice(string.digits) for _ in range(rng.choice((4, 6))))
    return "".join(rng.choice(_PASSWORD_CHARS) for _ in range(rng.randrange(9, 17)))


def api_key(rng: random.Random) -> str:
    alnum = string.ascii_letters + string.digits
    shape = rng.randrange(5)
    if shape == 0:
        return "sk-" + "".join(rng.choice(alnum) for _ in range(40))
    if shape == 1:
        return "ghp_" + "".join(rng.choice(alnum) for _ in range(36))
    if shape == 2:
        return "AKIA" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(16))
    if shape == 3:
        return "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return (
        "xoxb-"
        + "-".join(fill_digits("############", rng) for _ in range(2))
        + "-"
        + "".join(rng.choice(alnum) for _ in range(24))
    )


def doc_date(rng: random.Random) -> dt.date:
    return random_date(rng, 2015, 2025)


def date_text(loc: Locale, date: dt.date, fmt: str) -> str:
    return format_date(loc, date, fmt)
