"""The composition context of one document: its cast, its formatting choices, and the helpers
genre composers use (headers, key/value blocks in several layouts, sentence patterns with slots).

Annotation conventions (see docs/generator.md) are enforced here: titles and honorifics are
written outside PERSON spans, street-type words ("str.", "ul.", "Via") inside ADDRESS spans,
trailing punctuation outside every span, and dates inside statute references are not DATEs.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from functools import cache

from kp_core.generate.builder import DocBuilder
from kp_core.generate.phrases import get_phrases
from kp_core.generate.phrases._echr import (
    ACRONYM_LETTERS,
    AND,
    COURTS,
    FOREIGN_CITIES,
    FOREIGN_CITIES_BY_LANG,
    INSTITUTIONS,
    NON_EU_NAMES,
    PARTIES,
)
from kp_core.generate.phrases._plain import HOSPITAL_REGIONS, LV_GENITIVE, ORG_PLAIN, ROMAN, STATUTES
from kp_core.generate.phrases._refs import CASE_LABELS, COMPANY_WORDS, IBAN_WORDS, NID_WORDS, PHONE_WORDS
from kp_core.generate.values import (
    NAME_STYLES,
    ForeignNames,
    Org,
    Person,
    api_key,
    date_text,
    doc_date,
)
from kp_core.identifiers.company_id import company_id_kinds
from kp_core.locales import LANGUAGES, Locale, fill_digits, get_locale

_SLOT = re.compile(r"\{([a-z0-9_.]+)\}|<<([^|>]*)\|([^>]*)>>")

# Layouts of key/value blocks; the choice is part of a document's structure signature.
KV_LAYOUTS = ("colon", "colon", "tab", "bullet", "table", "upper", "inline", "dots", "dash", "numbered")
HEADER_STYLES = ("upper", "upper", "plain", "plain", "title_rule", "markdown", "spaced_upper", "bold")


@cache
def parse_pattern(pattern: str) -> tuple[tuple[str, str | tuple[str, str]], ...]:
    """Split a sentence pattern into ("t", text), ("s", slot) and ("g", (male, female)) pieces."""
    pieces: list[tuple[str, str | tuple[str, str]]] = []
    pos = 0
    for match in _SLOT.finditer(pattern):
        if match.start() > pos:
            pieces.append(("t", pattern[pos : match.start()]))
        if match.group(1):
            pieces.append(("s", match.group(1)))
        else:
            pieces.append(("g", (match.group(2), match.group(3))))
        pos = match.end()
    if pos < len(pattern):
        pieces.append(("t", pattern[pos:]))
    return tuple(pieces)


@cache
def _nid_labels_by_kind(lang: str) -> dict[str, tuple[str, ...]]:
    """Optional phrasebook key ``nid_by_kind``: "<validator name>=<label>|<label>" entries."""
    out = {}
    for item in get_phrases(lang).get("nid_by_kind", ()):
        kind, _, labels = item.partition("=")
        out[kind] = tuple(labels.split("|"))
    return out


@cache
def lab_tests(lang: str) -> tuple[tuple[str, str, float, float], ...]:
    out = []
    for item in get_phrases(lang)["lab_tests"]:
        name, unit, lo, hi = item.split("|")
        out.append((name, unit, float(lo), float(hi)))
    return tuple(out)


class Context:
    """Everything one document is composed from. Composers call its helpers in order; the
    builder collects text and spans."""

    def __init__(self, lang: str, rng: random.Random) -> None:
        self.lang = lang
        self.rng = rng
        self.loc: Locale = get_locale(lang)
        self.ph = get_phrases(lang)
        self.b = DocBuilder(spaced=rng.random() < 0.5)
        self.signature: list[str] = []  # structural choices, hashed into template_id
        self.date = doc_date(rng)
        self.date_fmt = rng.choice(self.loc.date_formats)
        self.dob_fmt = self.date_fmt if rng.random() < 0.7 else rng.choice(self.loc.date_formats)
        self.name_style = rng.choice(NAME_STYLES)
        self.header_style = rng.choice(HEADER_STYLES)
        self.upper_names = rng.random() < 0.05
        self._in_sentence = False
        self._people: dict[str, Person] = {}
        self._orgs: dict[str, Org] = {}
        self._memo: dict[str, tuple[str | None, str]] = {}
        self._dates: dict[str, dt.date] = {}
        self.foreign = 0.0  # share of people named as in another country (court reports)

    # --- cast -------------------------------------------------------------------------------

    def person(self, key: str) -> Person:
        person = self._people.get(key)
        if person is None:
            style = self.name_style if key in ("p", "q") else self.rng.choice(NAME_STYLES[:8] + ("initial_last",))
            names = None
            if self.foreign and self.rng.random() < self.foreign:
                names = _name_source(self.rng, self.lang)
            person = self._people[key] = Person(self.loc, self.rng, name_style=style, names=names)
        return person

    def org(self, key: str = "org") -> Org:
        org = self._orgs.get(key)
        if org is None:
            org = self._orgs[key] = Org(
                self.loc, self.rng, self.ph["org_words"], self.ph["org_suffixes"], ORG_PLAIN.get(self.lang, ())
            )
        return org

    @property
    def sex(self) -> str:
        return self.person("p").sex

    # --- choices ----------------------------------------------------------------------------

    def pick(self, key: str) -> str:
        return self.rng.choice(self.ph[key])

    def mark(self, *choices: object) -> None:
        self.signature.extend(str(c) for c in choices)

    def chance(self, p: float, tag: str) -> bool:
        hit = self.rng.random() < p
        self.signature.append(f"{tag}{int(hit)}")
        return hit

    # --- values -----------------------------------------------------------------------------

    def fmt_date(self, date: dt.date, fmt: str | None = None) -> str:
        fmt = fmt or self.date_fmt
        if self._in_sentence and "{month}" in fmt and self.lang in _MONTH_NAMES_INFLECT:
            fmt = _numeric_date_format(self.loc.date_formats)
        return date_text(self.loc, date, fmt)

    def memo_date(self, key: str, min_days: int, max_days: int) -> dt.date:
        """A date ``min_days``..``max_days`` before the document's date, the same for every
        mention of ``key`` (formatted where it is written: a label line and a sentence may
        need different forms)."""
        date = self._dates.get(key)
        if date is None:
            date = self._dates[key] = self.date - dt.timedelta(self.rng.randrange(min_days, max_days))
        return date

    def memo(self, key: str, make) -> tuple[str | None, str]:
        value = self._memo.get(key)
        if value is None:
            value = self._memo[key] = make()
        return value

    def slot(self, name: str) -> tuple[str | None, str]:
        """(KP label or None for plain text, value) of a slot."""
        head, _, attr = name.partition(".")
        if attr and head in ("p", "q", "r", "dr", "dr2", "w"):
            return self._person_slot(head, attr)
        if attr and head in ("org", "org2", "org3"):
            return self._org_slot(head, attr)
        maker = _SIMPLE_SLOTS.get(name)
        if maker is None:
            raise KeyError(f"unknown slot {{{name}}} in a {self.lang} pattern")
        return maker(self)

    def _person_slot(self, key: str, attr: str) -> tuple[str | None, str]:
        p = self.person(key)
        label = "PROVIDER" if key in ("dr", "dr2") else "PERSON"
        if attr == "name":
            name = p.name
            return label, self.upper(name) if self.upper_names and key == "p" else name
        if attr == "first":
            return label, p.first
        if attr == "last":
            return label, p.last
        if attr == "init":  # initials only: "S. D."
            return label, p.initials
        if attr == "hon":
            return None, self.rng.choice(self.loc.honorifics[p.sex])
        if attr == "title":
            return None, self.loc.doctor_title(self.rng, p.sex)
        if attr == "dob":
            return "DATE", self.fmt_date(p.birth, self.dob_fmt)
        if attr == "birthplace":
            return "ADDRESS", p.get("birthplace", lambda: self.loc.city(self.rng).name)
        if attr == "age":
            return None, str(max(1, self.date.year - p.birth.year))
        if attr == "byear":  # "born in 1960"
            return "DATE", str(p.birth.year)
        getter = _PERSON_ATTRS.get(attr)
        if getter is None:
            raise KeyError(f"unknown person slot attribute {attr!r}")
        label_of, method = getter
        return label_of, getattr(p, method)()

    def _org_slot(self, key: str, attr: str) -> tuple[str | None, str]:
        org = self.org(key)
        if attr == "name":
            return "ORG_PARTY", org.name
        getter = _ORG_ATTRS.get(attr)
        if getter is None:
            if attr in company_id_kinds(self.loc.country):  # {org.krs}, {org.trade_register}
                return "COMPANY_ID", org.company_id_of(attr)
            raise KeyError(f"unknown organisation slot attribute {attr!r}")
        label, method = getter
        return label, getattr(org, method)()

    # --- writing ----------------------------------------------------------------------------

    def text(self, piece: str) -> None:
        self.b.text(piece)

    def put(self, slot: str) -> None:
        head, _, attr = slot.partition(".")
        compound = _COMPOUND.get(attr or head)
        if compound is not None:  # a word or label, then its number: "P.IVA 01234567890"
            compound(self, head)
            return
        label, value = self.slot(slot)
        self.b.value(label, value)

    # --- numbers named by the word before them ----------------------------------------------

    def _labelled(self, word: str, label: str, value: str) -> None:
        self.b.text(word + " ")
        self.b.value(label, value)

    def register_number(self, key: str, other: bool = False) -> None:
        """A register word and the organisation's number of that register (``partita IVA
        01234567890``, ``org.nr 556677-8899``, ``IČO 12345678``, ``SIRET 123 456 789 00012``);
        ``other``: a register other than the one of the organisation's last printed number."""
        org = self.org(key)
        words = COMPANY_WORDS.get(self.lang)
        if not words:
            self._labelled(self.label("company_id"), "COMPANY_ID", org.company_id())
            return
        kinds = tuple(words)
        if other:
            kinds = tuple(k for k in kinds if k != org.last_register) or kinds
        kind = kinds[0] if len(kinds) == 1 or self.rng.random() < 0.7 else self.rng.choice(kinds[1:])
        org.last_register = kind
        main = next((k for k in company_id_kinds(self.loc.country) if k != "vat"), "vat")
        if kind == main:
            value = org.company_id()
        elif kind == "vat":
            value = org.vat_id()
        else:
            value = org.company_id_of(kind)
        self._labelled(self.rng.choice(words[kind]), "COMPANY_ID", value)

    def nid_words(self, who: str) -> None:
        """A person's national number after a running-text word (``codice fiscale``, ``CPR-nr.``)."""
        words = NID_WORDS.get(self.lang)
        if words and not _nid_labels_by_kind(self.lang):
            word = self.rng.choice(words)
        else:
            word = self._field_label("nid", f"{who}.nid", False)
        self._labelled(word, "NATIONAL_ID", self.person(who).national_id())

    def iban_words(self, who: str) -> None:
        holder = self.org(who) if who.startswith("org") else self.person(who)
        word = self.rng.choice(IBAN_WORDS.get(self.lang, ("IBAN",)))
        self._labelled(word, "ACCOUNT_ID", holder.iban())

    def phone_words(self, who: str) -> None:
        holder = self.org(who) if who.startswith("org") else self.person(who)
        word = self.rng.choice(PHONE_WORDS.get(self.lang, ("tel.",)))
        self._labelled(word, "PHONE", holder.phone())

    def case_ref(self, _: str = "") -> None:
        """A case or file label and the document's bare case number (``pratica n. 482``)."""
        labels = CASE_LABELS.get(self.lang) or self.ph["case_no"]
        self._labelled(self.rng.choice(labels), "CASE_NUMBER", self.slot("caseno")[1])

    # --- public bodies, parties, lists (court reports) ---------------------------------------

    def city_any(self) -> str:
        """A city of the document's country or, half the time, abroad (Ankara, Izmir, Leeds)."""
        if self.rng.random() < 0.5:
            return self.rng.choice(FOREIGN_CITIES_BY_LANG.get(self.lang, FOREIGN_CITIES))
        return self.loc.city(self.rng).name

    def _body(self, table: dict[str, tuple[str, ...]], label: str, memo: str | None, article: bool) -> None:
        def make() -> tuple[str | None, str]:
            entry = self.rng.choice(table[self.lang])
            head, _, name = entry.partition("|")
            name = name.replace("{c}", self.city_any()) if "{c}" in name else name
            for pattern, repl in _CONTRACTIONS.get(self.lang, ()):
                name = pattern.sub(repl, name)
            return head, name

        head, name = self.memo(memo, make) if memo else make()
        if article and head:
            self.b.text(head if head.endswith("'") else head.rstrip() + " ")
        self.b.value(label, name)

    def party(self, _: str = "") -> None:
        """A party or association: its acronym (2-5 capitals, sometimes hyphenated), its name, or
        both (``Parti du travail (PTL)``), each its own ORG_PARTY span."""
        letters = ACRONYM_LETTERS.get(self.lang, "ABCDEFGHIKLMNOPRSTUYZ")
        acronym = "".join(self.rng.choice(letters) for _ in range(self.rng.randrange(2, 6)))
        if self.rng.random() < 0.2:
            acronym += "-" + "".join(self.rng.choice(letters[:10]) for _ in range(self.rng.randrange(1, 4)))
        shape = self.rng.random()
        if shape < 0.45:
            self.b.value("ORG_PARTY", acronym)
            return
        self.b.value("ORG_PARTY", self.rng.choice(PARTIES[self.lang]))
        if shape < 0.8:
            self.b.text(" (")
            self.b.value("ORG_PARTY", acronym)
            self.b.text(")")

    def case_list(self, _: str = "") -> None:
        """Application numbers in a list (``26480/95, 28291/95 et 29280/95``), each a span."""
        count = self.rng.randrange(2, 5)
        for i in range(count):
            if i:
                self.b.text(f" {AND.get(self.lang, 'and')} " if i == count - 1 else ", ")
            year = (self.rng.randrange(1990, 2025)) % 100
            self.b.value("CASE_NUMBER", f"{self.rng.randrange(1000, 80000)}/{year:02d}")

    def long_date(self, date: dt.date) -> str:
        """A date with its month written out (``3 mars 2001``), numeric where the month would inflect."""
        fmt = next((f for f in self.loc.date_formats if "{month}" in f), self.date_fmt)
        return self.fmt_date(date, fmt)

    def value(self, slot_or_pattern: str) -> None:
        """A slot name (``p.name``) or a pattern with slots (``{dr.title} {dr.name}``)."""
        if "{" in slot_or_pattern:
            self.render(slot_or_pattern)
        else:
            self.put(slot_or_pattern)

    def render(self, pattern: str) -> None:
        for kind, piece in parse_pattern(pattern):
            if kind == "t":
                self.b.text(piece)  # type: ignore[arg-type]
            elif kind == "s":
                self.put(piece)  # type: ignore[arg-type]
            else:
                self.b.text(piece[1] if self.sex == "F" else piece[0])  # type: ignore[index]

    def say(self, pattern: str) -> None:
        """A pattern written as running text (dates take their in-sentence form)."""
        self._in_sentence = True
        try:
            self.render(pattern)
        finally:
            self._in_sentence = False

    def sentence(self, key: str, index: int | None = None) -> None:
        """One sentence pattern of ``key`` (drawn, or the ``index``-th)."""
        options = self.ph[key]
        if index is None:
            index = self.rng.randrange(len(options))
        self.signature.append(f"{key}{index}")
        self._in_sentence = True
        try:
            self.render(options[index])
        finally:
            self._in_sentence = False

    def paragraph(self, keys: list[str], sep: str = " ") -> None:
        for i, key in enumerate(keys):
            if i:
                self.text(sep)
            self.sentence(key)
        self.text("\n")

    def blank(self) -> None:
        self.text(self.rng.choice(("\n", "\n", "\n\n")) if self.rng.random() < 0.3 else "\n")

    def header(self, key: str) -> None:
        title = self.pick(key)
        style = self.header_style
        if style in ("upper", "spaced_upper"):
            title = self.upper(title)
        if style == "spaced_upper" and len(title) < 30:
            title = " ".join(title)
        if style == "markdown":
            title = "# " + title
        elif style == "bold":
            title = f"**{title}**"
        self.text(title + "\n")
        if style == "title_rule":
            self.text(self.rng.choice(("=", "-", "_")) * min(60, len(title)) + "\n")
        self.text("\n" if self.rng.random() < 0.7 else "")

    def _field_label(self, key: str, slot: str, upper: bool) -> str:
        """The label of a key/value field: literal ("=text"), or drawn from the phrasebook. A
        national ID field is labelled after the kind of number the person has, where the
        phrasebook names kinds (Hungarian "TAJ szám" only before a TAJ number)."""
        if key.startswith("="):
            return key[1:]
        by_kind = _nid_labels_by_kind(self.lang)
        if key == "nid" and by_kind and slot.endswith(".nid"):
            kind = self.person(slot.partition(".")[0]).national_id_kind()
            if kind not in by_kind:
                raise KeyError(f"{self.lang} phrasebook nid_by_kind has no label for {kind!r}")
            text = self.rng.choice(by_kind[kind])
            return self.upper(text) if upper else text
        return self.label(key, upper)

    def label(self, key: str, upper: bool = False) -> str:
        text = self.pick(key)
        return self.upper(text) if upper else text

    def upper(self, text: str) -> str:
        """Capitals as the language writes them: Greek drops the accent (Εξιτήριο → ΕΞΙΤΗΡΙΟ,
        Μαΐου → ΜΑΪΟΥ)."""
        return upper_text(self.lang, text)

    def kv(self, fields: list[tuple[str, str]], layout: str | None = None) -> None:
        """A block of ``label: value`` fields; ``fields`` are (label key or literal "=text", slot)."""
        layout = layout or self.rng.choice(KV_LAYOUTS)
        self.signature.append(f"kv:{layout}:{len(fields)}")
        upper = layout == "upper"
        labels = [self._field_label(key, slot, upper) for key, slot in fields]
        if layout == "inline":
            sep = self.rng.choice(("; ", ", ", " | ", " · "))
            for i, (label, (_, slot)) in enumerate(zip(labels, fields, strict=True)):
                if i:
                    self.text(sep)
                self.text(f"{label}: ")
                self.value(slot)
            self.text(self.rng.choice((".\n", "\n")))
            return
        if layout == "table":
            self.text(self.rng.choice(("| | |\n|---|---|\n", "")))
        width = max(len(x) for x in labels) + 2
        for i, (label, (_, slot)) in enumerate(zip(labels, fields, strict=True)):
            if layout == "tab":
                self.text(f"{label}:\t")
            elif layout == "bullet":
                self.text(f"{self.rng.choice(('- ', '• ', '* ', '– '))}{label}: ")
            elif layout == "table":
                self.text(f"| {label} | ")
            elif layout == "dots":
                self.text(label + " " + "." * (width - len(label) + 2) + " ")
            elif layout == "dash":
                self.text(f"{label} - ")
            elif layout == "numbered":
                self.text(f"{i + 1}. {label}: ")
            else:
                self.text(f"{label}: ")
            self.value(slot)
            self.text(" |\n" if layout == "table" else "\n")

    # --- entity formats with plain-text parts -----------------------------------------------

    def decimal(self, value: float, places: int = 1) -> str:
        """A number with the locale's decimal separator (comma everywhere but English)."""
        text = f"{value:.{places}f}"
        return text if self.lang in _DECIMAL_POINT else text.replace(".", ",")

    def entity_from_format(self, key: str) -> str:
        fmt = self.pick(key)
        year = self.rng.randrange(1990, 2025)
        city = self.loc.city(self.rng).name
        saint = self.loc.first_name(self.rng, self.rng.choice("MF"))
        text = fmt.format(n=self.rng.randrange(1, 400), n2=self.rng.randrange(1, 9), year=year, city=city, saint=saint)
        for pattern, repl in _CONTRACTIONS.get(self.lang, ()):
            text = pattern.sub(repl, text)
        return fill_digits(text, self.rng)


# Preposition + city contractions inside entity names ("CHU d'Angers", "Comarca do Porto").
_CONTRACTIONS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "fr": ((re.compile(r"\bde (?=[AEIOUÂÉÈÎÔ])"), "d'"),),
    "pt": ((re.compile(r"\bde (?=Porto\b)"), "do "),),
}


# Languages whose month names change case with the date's role in a sentence (Estonian "15.
# märts 2021" on a label line, "15. märtsil" = on, "alates 15. märtsist" = since): in running
# text they use a numeric date, which is the same in every case.
_MONTH_NAMES_INFLECT = frozenset({"et"})


@cache
def _numeric_date_format(formats: tuple[str, ...]) -> str:
    return next((f for f in formats if "{month}" not in f), "{dd}.{mm}.{yyyy}")


def upper_text(lang: str, text: str) -> str:
    upper = text.upper()
    if lang == "el":
        upper = unicodedata.normalize("NFC", unicodedata.normalize("NFD", upper).replace("\u0301", ""))
    return upper


def _plain_number(lo: int, hi: int):
    return lambda ctx: (None, str(ctx.rng.randrange(lo, hi)))


_DECIMAL_POINT = frozenset({"en"})
_SPACE_THOUSANDS = frozenset({"fr", "sv", "fi", "cs", "sk", "et", "lt", "lv", "pl", "bg", "hu", "pt"})


def _amount(ctx: Context) -> tuple[None, str]:
    """A money amount in the locale's digit grouping (1,234.50 / 1.234,50 / 1 234,50)."""
    cents = ctx.rng.random() < 0.5
    value = ctx.rng.randrange(50, 250000) if not cents else ctx.rng.randrange(5000, 2500000) / 100
    text = f"{value:,.2f}" if cents else f"{value:,}"
    if ctx.lang == "en":
        return None, text
    group = "\u00a0" if ctx.lang in _SPACE_THOUSANDS else "."
    return None, text.replace(",", "\x00").replace(".", ",").replace("\x00", group)


_PERSON_ATTRS = {
    "address": ("ADDRESS", "address"),
    "city": ("ADDRESS", "city"),
    "phone": ("PHONE", "phone"),
    "email": ("EMAIL", "email"),
    "nid": ("NATIONAL_ID", "national_id"),
    "iban": ("ACCOUNT_ID", "iban"),
    "card": ("ACCOUNT_ID", "card"),
    "acct": ("ACCOUNT_ID", "account"),
    "user": ("ACCOUNT_ID", "username"),
    "ip": ("ACCOUNT_ID", "ip"),
    "pwd": ("SECRET", "password"),
}
_ORG_ATTRS = {
    "cid": ("COMPANY_ID", "company_id"),
    "vat": ("COMPANY_ID", "vat_id"),  # the EU VAT number, where a text names it as such
    "address": ("ADDRESS", "address"),
    "city": ("ADDRESS", "city"),
    "phone": ("PHONE", "phone"),
    "email": ("EMAIL", "email"),
    "url": ("URL", "url"),
    "iban": ("ACCOUNT_ID", "iban"),
}


def bare_case_number(rng: random.Random) -> str:
    """A file number as many documents print it after its label: 3-5 digits, or an ECHR-style
    application number (``39428/98``)."""
    shape = rng.random()
    if shape < 0.3:
        return str(rng.randrange(100, 1000))
    if shape < 0.6:
        return str(rng.randrange(1000, 10000))
    if shape < 0.75:
        return str(rng.randrange(10000, 100000))
    return f"{rng.randrange(1000, 80000)}/{rng.randrange(0, 100):02d}"


def _case(ctx: Context) -> tuple[str | None, str]:
    """The document's case number: a register format, or a bare number (a third of documents;
    every pattern writes {case} after a case word or label)."""
    if ctx.rng.random() < 0.35:
        return "CASE_NUMBER", ctx.slot("caseno")[1]
    return "CASE_NUMBER", ctx.entity_from_format("case_fmts")


def _dated_statute(ctx: Context) -> tuple[str | None, str]:
    """An act or decree cited with its full date and number (``D.P.R. 14 marzo 2003, n. 212``,
    ``lov nr. 502 af 23. maj 2018``): one STATUTE_REF span, so its date is never a DATE."""
    pattern = ctx.rng.choice(STATUTES[ctx.lang])
    date = dt.date(ctx.rng.randrange(1985, 2024), ctx.rng.randrange(1, 13), ctx.rng.randrange(1, 29))
    if ctx.lang == "lv":
        long = f"{date.year}. gada {date.day}. {LV_GENITIVE[date.month - 1]}"
    else:
        fmt = next((f for f in ctx.loc.date_formats if "{month}" in f), "{d} {month} {yyyy}")
        long = date_text(ctx.loc, date, fmt.replace("|", ""))  # Bulgarian "г." inside the citation
    text = (
        pattern.replace("{date}", long)
        .replace("{num}", f"{date.day:02d}.{date.month:02d}.{date.year}")
        .replace("{rom}", f"{ROMAN[date.month - 1]}. {date.day}.")
        .replace("{yy}", f"{date.year % 100:02d}")
        .replace("{y}", str(date.year))
        .replace("{n2}", str(ctx.rng.randrange(1, 60)))
        .replace("{n}", str(ctx.rng.randrange(10, 900)))
    )
    return "STATUTE_REF", text


def _facility(ctx: Context) -> tuple[str | None, str]:
    """A hospital; in a third of documents named with its region as one name (``Herlev Hospital,
    Region Hovedstaden``, ``Krajská nemocnice Liberecký kraj``, ``Ospedale di Bari – ASL Bari``)."""
    name = ctx.entity_from_format("hospital_fmts")
    regions = HOSPITAL_REGIONS.get(ctx.lang)
    if regions and ctx.rng.random() < 0.35:
        patterns, names = regions
        pattern = ctx.rng.choice(patterns)
        ctx.mark("facregion")
        hospital, _, region = ctx.rng.choice(names).rpartition("|")
        name = pattern.replace("{h}", hospital or name).replace("{r}", region)
    return "FACILITY", name


def _name_source(rng: random.Random, lang: str):
    """Names of another country: another kp language's locale, or Turkish, British, Russian or
    Georgian names."""
    if rng.random() < 0.5:
        return ForeignNames(rng.choice(tuple(NON_EU_NAMES)))
    return get_locale(rng.choice(tuple(lang_ for lang_ in LANGUAGES if lang_ not in (lang, "el", "bg"))))


_COMPOUND = {
    "fcourt": lambda ctx, _: ctx._body(COURTS, "COURT", "fcourt", True),
    "fcourt0": lambda ctx, _: ctx._body(COURTS, "COURT", "fcourt", False),
    "inst": lambda ctx, _: ctx._body(INSTITUTIONS, "ORG_PARTY", None, True),
    "inst0": lambda ctx, _: ctx._body(INSTITUTIONS, "ORG_PARTY", None, False),
    "party": Context.party,
    "caselist": Context.case_list,
    "reg": Context.register_number,
    "reg2": lambda ctx, key: ctx.register_number(key, other=True),
    "nidw": Context.nid_words,
    "ibanw": Context.iban_words,
    "telw": Context.phone_words,
    "caseref": Context.case_ref,
}

_SIMPLE_SLOTS = {
    "date": lambda ctx: ("DATE", ctx.fmt_date(ctx.date)),
    "date2": lambda ctx: ("DATE", ctx.fmt_date(ctx.memo_date("date2", 1, 60))),
    "date3": lambda ctx: ("DATE", ctx.fmt_date(ctx.memo_date("date3", 60, 900))),
    "ldate": lambda ctx: ("DATE", ctx.long_date(ctx.date)),
    "ldate2": lambda ctx: ("DATE", ctx.long_date(ctx.memo_date("date2", 1, 60))),
    "ldate3": lambda ctx: ("DATE", ctx.long_date(ctx.memo_date("date3", 60, 900))),
    "fcity": lambda ctx: ("ADDRESS", ctx.city_any()),
    "city": lambda ctx: ctx.memo("city", lambda: ("ADDRESS", ctx.loc.city(ctx.rng).name)),
    "fac": lambda ctx: ctx.memo("fac", lambda: _facility(ctx)),
    "court": lambda ctx: ctx.memo("court", lambda: ("COURT", ctx.entity_from_format("court_fmts"))),
    "case": lambda ctx: ctx.memo("case", lambda: _case(ctx)),
    "caseno": lambda ctx: ctx.memo("caseno", lambda: ("CASE_NUMBER", bare_case_number(ctx.rng))),
    "statute": lambda ctx: ("STATUTE_REF", ctx.entity_from_format("statute_fmts")),
    "dstat": _dated_statute,
    "mrn": lambda ctx: ctx.memo("mrn", lambda: ("MRN", ctx.entity_from_format("mrn_fmts"))),
    "cond": lambda ctx: ctx.memo("cond", lambda: ("HEALTH_CONDITION", ctx.pick("conditions"))),
    "cond2": lambda ctx: ctx.memo("cond2", lambda: ("HEALTH_CONDITION", ctx.pick("conditions"))),
    "med": lambda ctx: ctx.memo("med", lambda: ("HEALTH_CONDITION", ctx.pick("medications"))),
    "ward": lambda ctx: ctx.memo("ward", lambda: (None, ctx.pick("wards"))),
    "body": lambda ctx: (None, ctx.pick("public_bodies")),
    "apikey": lambda ctx: ctx.memo("apikey", lambda: ("SECRET", api_key(ctx.rng))),
    "n": _plain_number(2, 31),
    "n2": _plain_number(2, 12),
    "days": _plain_number(5, 60),
    "year": lambda ctx: (None, str(ctx.rng.randrange(1995, 2025))),
    "amount": _amount,
    "ref": lambda ctx: (
        None,
        fill_digits(ctx.rng.choice(("INV-####-###", "####/##", "RF## #### ####", "F-######")), ctx.rng),
    ),
    "code": lambda ctx: (
        None,
        fill_digits(ctx.rng.choice(("SKU-#####", "@@-####", "P####-##", "ART ######")), ctx.rng),
    ),
}
