"""Candidate surrogates per KP type, in a keyed, deterministic order.

Structured values (national IDs, IBANs, card numbers, phone numbers, company IDs, case and
record numbers, secrets) go through a format-preserving keyed permutation
(:mod:`kp_core.anonymize.fpe`): the first candidate is injective by construction, valid for the
same country (checksum, calendar, encoded sex and birth decade) and of the same shape
(separators, grouping, casing). Natural-language values (names, clinicians, addresses,
organisations, e-mails, dates, courts, facilities, statute references, health conditions, URL
hosts) are drawn from the locale's data and the language's document vocabulary with a
generator seeded by HMAC(key, type | locale | value | attempt). Dates in any layout are
rewritten field by field (:mod:`kp_core.anonymize.date_surrogates`), Romanian registration
numbers too (:mod:`kp_core.anonymize.registry_numbers`). Only values with nothing to vary (no
letter or digit) get a keyed token ``TYPE-XXXXXX``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from functools import cache

from kp_core.anonymize.casing import case_like
from kp_core.anonymize.date_surrogates import date_candidates, layout_words
from kp_core.anonymize.fpe import DIGITS, Shape, char_class, cycle_candidates
from kp_core.anonymize.fpe import keyed_rng as _rng
from kp_core.anonymize.locale_choice import (
    CALLING_CODES,
    DEFAULT_LANGUAGE,
    LANGUAGE_COUNTRY,
    LocaleChoice,
    calling_code,
)
from kp_core.anonymize.locale_choice import locale_or_default as _locale
from kp_core.anonymize.national_id_surrogates import national_id_candidates
from kp_core.anonymize.registry_numbers import ro_trade_register_candidates

_TOKEN_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_ORG_FORMS = {
    "AT": ("GmbH", "AG", "KG"), "BE": ("NV", "BV", "SRL"), "BG": ("ООД", "ЕООД", "АД"),
    "CZ": ("s.r.o.", "a.s.", "v.o.s."), "DE": ("GmbH", "AG", "KG", "UG", "OHG"),
    "DK": ("A/S", "ApS", "I/S", "P/S"), "EE": ("OÜ", "AS", "TÜ"), "ES": ("S.L.", "S.A.", "S.L.U."),
    "FI": ("Oy", "Oyj", "Ky"), "FR": ("SARL", "SAS", "SA", "EURL"), "GR": ("Α.Ε.", "Ε.Π.Ε."),
    "HR": ("d.o.o.", "d.d."), "HU": ("Kft.", "Zrt.", "Bt."), "IE": ("Ltd", "DAC", "PLC"),
    "IT": ("S.r.l.", "S.p.A.", "S.n.c.", "S.a.s."), "LT": ("UAB", "AB", "MB"), "LV": ("SIA", "AS"),
    "NL": ("B.V.", "N.V.", "V.O.F."), "PL": ("sp. z o.o.", "S.A.", "sp.j."), "PT": ("Lda.", "S.A."),
    "RO": ("SRL", "SA", "SNC"), "SE": ("AB", "HB", "KB"), "SI": ("d.o.o.", "d.d."),
    "SK": ("s.r.o.", "a.s.", "k.s."),
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+\.?")


def keyed_token(key: bytes, label: str, value: str, attempt: int) -> str:
    rng = _rng(key, "token", label, value, attempt)
    return f"{label}-" + "".join(rng.choice(_TOKEN_ALPHABET) for _ in range(6))


# --- structured values ----------------------------------------------------------------------


def account_candidates(key: bytes, value: str) -> Iterator[str]:
    from kp_core.identifiers.checksums import luhn_is_valid

    compact = value.replace(" ", "").replace("-", "")
    if _is_iban_like(value):
        yield from _iban_candidates(key, value)
        return
    if compact.isdigit() and 12 <= len(compact) <= 19 and luhn_is_valid(compact):
        first_digit = next(i for i, ch in enumerate(value) if ch.isdigit())
        shape = Shape.of(value, keep=lambda i, ch: i == first_digit)  # keeps the card network
        yield from cycle_candidates(key, "ACCOUNT_ID|card", shape, lambda c: luhn_is_valid(c.replace(" ", "")))
        return
    yield from cycle_candidates(key, "ACCOUNT_ID|shape", Shape.of(value))


def _is_iban_like(value: str) -> bool:
    """An IBAN, or a slip of one: two letters naming a country that issues IBANs, two digits,
    then letters and digits (spaces allowed). "KD-6555972" is an account number of another
    kind, whose letters vary like its digits."""
    from kp_core.identifiers.checksums import iban_country_length

    compact = "".join(value.split())
    if not re.fullmatch(r"[A-Za-z]{2}\d{2}[A-Za-z0-9]+", compact):
        return False
    try:
        iban_country_length(compact[:2])
    except KeyError:
        return False
    return True


def _iban_check_digits(country: str, bban: str) -> str:
    """ISO 13616: the two check digits that make ``country + check + bban`` mod 97 == 1."""
    numeric = "".join(str(int(ch, 36)) for ch in (bban + country + "00").upper())
    return f"{98 - int(numeric) % 97:02d}"


def _iban_candidates(key: bytes, value: str) -> Iterator[str]:
    """The BBAN is permuted (country code kept); the IBAN check digits are recomputed, so only
    the national check (where the source passes one) needs cycle walking."""
    from kp_core.identifiers.checksums import iban_is_valid, iban_national_check

    alnum = [i for i, ch in enumerate(value) if ch.isalnum()]
    country_at, check_at = alnum[:2], alnum[2:4]
    country = "".join(value[i] for i in country_at).upper()
    zeroed = "".join("0" if i in check_at else ch for i, ch in enumerate(value))  # one tweak per shape
    shape = Shape.of(zeroed, keep=lambda i, ch: i in country_at or i in check_at)
    source_valid = iban_is_valid(value)
    national = source_valid and iban_national_check(value) is True

    def finish(candidate: str) -> str:
        bban = "".join(candidate[i] for i in alnum[4:])
        digits = _iban_check_digits(country, bban) if source_valid else "".join(value[i] for i in check_at)
        chars = list(candidate)
        chars[check_at[0]], chars[check_at[1]] = digits[0], digits[1]
        return "".join(chars)

    def valid(candidate: str) -> bool:
        if not source_valid:
            return True
        full = finish(candidate)
        return iban_is_valid(full) and (not national or iban_national_check(full) is True)

    for candidate in cycle_candidates(key, f"ACCOUNT_ID|iban|{country}", shape, valid):
        yield finish(candidate)


_TRUNK_ZERO = re.compile(r"\s*\(0\)")


def phone_candidates(key: bytes, value: str) -> Iterator[str]:
    """Keeps ``+CC``/``00CC`` (and a ``(0)`` after it) and the layout; permutes every national
    digit."""
    code = calling_code(value)
    kept: set[int] = set()
    if code is not None:
        seen = 0
        for i, ch in enumerate(value):
            if ch.isdigit():
                if value.lstrip().startswith("00") and seen < 2:
                    kept.add(i)
                elif seen - (2 if value.lstrip().startswith("00") else 0) < len(code):
                    kept.add(i)
                else:
                    break
                seen += 1
    trunk = _TRUNK_ZERO.match(value, max(kept) + 1) if kept else None
    if trunk:  # "+49 (0)40 ...": the bracketed trunk zero is a convention, not a digit of the number
        kept.add(trunk.end() - 2)
    shape = Shape.of(value, keep=lambda i, ch: i in kept)
    no_trunk_zero = code is not None and CALLING_CODES.get(code) != "IT"

    def valid(candidate: str) -> bool:
        if not no_trunk_zero:
            return True
        national = [candidate[i] for i in shape.positions]
        return not national or national[0] != "0"

    yield from cycle_candidates(key, f"PHONE|{code or ''}", shape, valid)


_FORMAT_KEYS = {"COURT": "court_fmts", "FACILITY": "hospital_fmts", "STATUTE_REF": "statute_fmts"}


@cache
def _format_literals(language: str, key: str) -> str:
    """The fixed words of the language's formats that have slots ("Tribunalul ", "art. ", " din
    Legea nr. ") and the words several formats share ("Γενικό Νοσοκομείο"): they name a kind
    of court, hospital or law, no institution in particular."""
    formats = _phrases(language)[key]
    counts: dict[str, int] = {}
    for fmt in formats:
        for word in set(_WORD.findall(re.sub(r"\{[^}]*\}", " ", fmt))):
            counts[word] = counts.get(word, 0) + 1
    pieces = [form for word, count in counts.items() if count >= 2 for form in (word, word.upper(), word.lower())]
    for fmt in formats:
        if "{" in fmt or "#" in fmt:
            for piece in re.split(r"\{[^}]*\}|#+", fmt):
                if piece.strip():  # as written (for the word rule), without spaces (windows), any case
                    pieces += [form for p in (piece, squeeze_text(piece)) for form in (p, p.upper(), p.lower())]
    return "\x00".join(pieces)


def squeeze_text(text: str) -> str:
    return "".join(text.split())


def _leading_titles(value: str, language: str) -> str:
    """ "Dr. med." of "Dr. med. Jonas Weber", whitespace removed."""
    loc = _locale(language or DEFAULT_LANGUAGE)
    known = {t.casefold() for sex in ("M", "F") for t in loc.honorifics.get(sex, ())}
    known |= {t.casefold() for t in loc.doctor_titles}
    titles = []
    for word in value.split():
        bare = word.rstrip(".")
        if not (bare.casefold() in known or word.casefold() in known or (word.endswith(".") and len(bare) > 1)):
            break
        titles.append(word)
    return "".join(titles)


def kept_prefix(label: str, value: str, language: str = "") -> str:
    """The part of a value a surrogate may share because it identifies nobody: a phone number's
    ``+CC``/``00CC``, an IBAN's country code and check digits (constant for some countries:
    every valid French IBAN starts ``FR76``), a URL's ``https://www.`` and ``.ro/``, an
    e-mail's ``.com``, a clinician's "Dr. med.", the fixed words of court, facility and statute
    formats ("Tribunalul", "din Legea nr."). Leak
    windows inside it are not held against candidates."""
    if label == "ACCOUNT_ID":
        compact = "".join(value.split())
        return compact[:4] if _is_iban_like(value) else ""
    if label == "DATE":  # "de", "gada", "m.": the layout's words
        return layout_words(value, language or DEFAULT_LANGUAGE)
    if label in ("CASE_NUMBER", "MRN") and any(ch.isdigit() for ch in value):
        at = _filing_year(value)[1]  # the era fixes the year's first two digits ("20" of 20xx)
        return _kept_runs(value, lambda i, ch: ch not in DIGITS or (at >= 0 and at <= i <= at + 1))
    if label == "SECRET":
        return _kept_runs(value, lambda i, ch: char_class(ch) is None)
    if label == "COMPANY_ID":
        found = company_id_kind(value, LANGUAGE_COUNTRY.get(language, ""))
        return _kept_runs(value, _company_kept(value, found[1] if found else None))
    if label in ("PERSON", "PROVIDER"):  # titles stay: "Dr. med." names nobody
        return _leading_titles(value, language)
    if label in _FORMAT_KEYS:
        return _format_literals(language or DEFAULT_LANGUAGE, _FORMAT_KEYS[label])
    if label == "EMAIL" and "@" in value:  # the top-level domain: ".com" is in every .com address
        domain = value.rpartition("@")[2]
        return "\x00." + domain.rsplit(".", 1)[-1] if "." in domain else ""
    if label == "URL":  # the scheme and "www.", and the top-level domain with the path's first "/"
        host_start, host_end = _url_host(value)
        dot = value.rfind(".", host_start, host_end)
        suffix = value[dot : host_end + 1] if dot >= 0 else ""
        return f"{value[:host_start]}\x00{suffix}"
    if label != "PHONE":
        return ""
    code = calling_code(value)
    if code is None:
        return ""
    compact = "".join(value.split())
    prefix = ("00" if compact.startswith("00") else "+") + code
    return prefix + "(0)" if compact[len(prefix) :].startswith("(0)") else prefix


_YEAR_RUN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Eras align with the kept first digit: an era inside one decade's reach ("1980-2004" with "2"
# kept means 2000-04) would make "/200" a window every candidate shares with its source.
_YEAR_ERAS = ((1950, 2000), (2000, 2030))


def _kept_runs(value: str, kept: Callable[[int, str], bool]) -> str:
    """The runs of characters every candidate keeps as they are (whitespace removed, joined by
    NUL): a window inside one is the format's ("R.G.", "VIII Ips", a secret's "!*$$"), shared
    by every surrogate of that shape, so it is never held against one."""
    runs, run = [], []
    for i, ch in enumerate(value):
        if ch.isspace():
            continue
        if kept(i, ch):
            run.append(ch)
        elif run:
            runs.append("".join(run))
            run = []
    runs.append("".join(run))
    return "\x00".join(r for r in runs if r)


def _filing_year(value: str) -> tuple[tuple[int, int] | None, int]:
    """The era of a case number's filing year (its last four-digit run read as a year) and the
    position of its kept first digit; (None, -1) without one."""
    runs = list(_YEAR_RUN.finditer(value))
    era = next((e for e in _YEAR_ERAS if runs and e[0] <= int(runs[-1].group()) < e[1]), None)
    return era, (runs[-1].start() if era else -1)


def digits_candidates(key: bytes, label: str, value: str) -> Iterator[str]:
    """Case and record numbers (``80672/2002``, ``FO 123456``, ``RG 1234/19``): digits are
    permuted, letters and punctuation kept. The last four-digit run, when it reads as a year
    (1950-2029), stays in its era (1950-99 or 2000-29), so the surrogate still looks like a
    number filed in a plausible year."""
    if not any(ch.isdigit() for ch in value):  # a code of letters only: the letters vary
        yield from cycle_candidates(key, f"{label}|letters", Shape.of(value))
        return
    # The filing year is the last four-digit run ("80672/2002", "RG 1234/2019"). It stays in its
    # era (one of _YEAR_ERAS, part of the permutation's tweak, so every source of a shape and era
    # walks onto the same valid set: still a permutation) and keeps its first digit (keeping two
    # would glue a constant window such as "/20" to the letters before it).
    era, at = _filing_year(value)
    shape = Shape.of(value, keep=lambda i, ch: ch not in DIGITS or i == at)

    def valid(candidate: str) -> bool:
        return era is None or era[0] <= int(candidate[at : at + 4]) < era[1]

    yield from cycle_candidates(key, f"{label}|digits|{era}", shape, valid)
    # A short number ("11") has a small space, which a long run's other numbers can use up (a
    # vault keeps surrogates unique): then the first digit run grows by a digit, up to three.
    first = next(i for i, ch in enumerate(value) if ch in DIGITS)
    for extra in range(1, 4):
        wider = value[:first] + "1" * extra + value[first:]
        grown = at + extra if at >= 0 else -1
        wide_shape = Shape.of(wider, keep=lambda i, ch, grown=grown: ch not in DIGITS or i == grown)

        def wide_valid(candidate: str, grown: int = grown) -> bool:
            return candidate[first] != "0" and (era is None or era[0] <= int(candidate[grown : grown + 4]) < era[1])

        yield from cycle_candidates(key, f"{label}|digits|{era}|+{extra}", wide_shape, wide_valid)


def secret_candidates(key: bytes, value: str) -> Iterator[str]:
    """Passwords, tokens, API keys: every letter and digit varies within its class (lower,
    upper, digit); punctuation and known prefixes' separators stay, so the length and the
    character mix a policy checks are kept."""
    yield from cycle_candidates(key, "SECRET", Shape.of(value))


@cache
def _phrases(language: str) -> dict[str, tuple[str, ...]]:
    from kp_core.generate.phrases import get_phrases

    try:
        return get_phrases(language)
    except (KeyError, ImportError):
        return get_phrases(DEFAULT_LANGUAGE)


def _fill_format(fmt: str, loc, rng: random.Random) -> str:
    from kp_core.locales import fill_digits

    text = fmt.format(
        n=rng.randrange(1, 400),
        n2=rng.randrange(1, 9),
        year=rng.randrange(1990, 2025),
        city=loc.city(rng).name,
        saint=loc.first_name(rng, rng.choice(("M", "F"))),
    )
    return fill_digits(text, rng)


def vocabulary_candidates(key: bytes, label: str, value: str, locale: LocaleChoice) -> Iterator[str]:
    """Courts ("Tribunalul Cluj"), facilities ("Spitalul Municipal Arad"), statute references
    ("art. 12 din Legea nr. 190/2018") and health conditions drawn from the language's document
    vocabulary (:mod:`kp_core.generate.phrases`, the same the synthetic generator writes), in
    keyed order. Conditions come from a list of about fifteen per language; once a document set
    has used them up, pairs of conditions (a comorbidity, "asthma, migraine") follow."""
    loc = _locale(locale.language)
    phrases = _phrases(locale.language)
    if label == "HEALTH_CONDITION":
        pool = phrases["conditions"]
        order = list(pool)
        _rng(key, label, locale.language, value.casefold()).shuffle(order)
        for condition in order:
            yield case_like(value, condition)
        for attempt in range(1_000_000):
            rng = _rng(key, label, locale.language, value.casefold(), attempt)
            # Pairs (about 200 per language), then triples once a long document has used those.
            yield case_like(value, ", ".join(rng.sample(pool, 2 if attempt < _PAIRS_UNTIL else 3)))
        return
    formats = phrases[_FORMAT_KEYS[label]]
    for attempt in range(1_000_000):
        rng = _rng(key, label, locale.language, value.casefold(), attempt)
        name = _fill_format(rng.choice(formats), loc, rng)
        if attempt >= _NUMBERED_AFTER and label in ("COURT", "FACILITY"):
            name = f"{name} {rng.choice(_ROMAN)}"
        yield case_like(value, name)


_PAIRS_UNTIL = 100
# A language's courts and hospitals are a short list (ten Hungarian courts, one supreme court):
# once a document set has used them all, as surrogates of one another, numbered seats follow
# ("Landgericht Berlin II" is a real court's name).
_NUMBERED_AFTER = 100


def _roman(n: int) -> str:
    tens, ones = divmod(n, 10)
    units = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
    return "X" * tens + units[ones]


_ROMAN = tuple(_roman(n) for n in range(2, 40))  # seats II to XXXIX


def company_candidates(key: bytes, value: str, locale: LocaleChoice) -> Iterator[str]:
    """A valid identifier of the same country and kind (RO CUI stays a CUI with its check digit,
    a VAT number keeps its country prefix): digits are permuted, letters and separators kept,
    cycle-walked onto the values :func:`kp_core.identifiers.company_id.parse_company_id` accepts. A value no
    country validates keeps its shape only."""
    from kp_core.identifiers.company_id import parse_company_id

    found = company_id_kind(value, locale.country)
    if found is None:
        yield from cycle_candidates(key, "COMPANY_ID|shape", Shape.of(value))
        return
    country, kind = found
    if (country, kind) == ("RO", "trade_register"):
        structured = ro_trade_register_candidates(key, value)
        if structured is not None:
            yield from structured
            return
    kept = _company_kept(value, kind)
    shape = Shape.of(value, keep=kept)
    first = next((i for i in shape.positions), -1)

    def valid(candidate: str) -> bool:
        if kind in _ZERO_PADDED and candidate[first] == "0":  # KRS 0000098131, not 0000008131
            return False
        return parse_company_id(candidate, country, kind) is not None

    yield from cycle_candidates(key, f"COMPANY_ID|{country}|{kind}", shape, valid)


# Registry numbers written zero-padded to a fixed width (a KRS number is ten digits, the first
# four zeros for a long while yet): the padding is kept, the magnitude too.
_ZERO_PADDED = frozenset({"krs"})


def _company_kept(value: str, kind: str | None) -> Callable[[int, str], bool]:
    """Which characters of a company ID every surrogate keeps: its letters and separators, and
    the zero padding of a zero-padded registry number."""
    padding = -1
    if kind in _ZERO_PADDED:
        digits = [i for i, ch in enumerate(value) if ch.isdigit()]
        padding = next((i for i in digits if value[i] != "0"), len(value)) - 1
    return lambda i, ch: not ch.isdigit() or i <= padding


_VAT_PREFIX_COUNTRY = {"EL": "GR"}


def company_id_kind(value: str, country: str = "") -> tuple[str, str] | None:
    """(country, kind) of a valid company identifier: the locale's country first, then the
    country a VAT prefix names, then any country whose identifiers accept it (table order)."""
    from kp_core.identifiers.company_id import company_id_countries, parse_company_id

    prefix = "".join(value.split())[:2].upper()
    order = [c for c in (country.upper(), _VAT_PREFIX_COUNTRY.get(prefix, prefix)) if c]
    order += [c for c in company_id_countries() if c not in order]
    for code in order:
        parsed = parse_company_id(value, code)
        if parsed is not None:
            return parsed.country, parsed.kind
    return None


# --- values drawn from locale data ----------------------------------------------------------


def person_candidates(key: bytes, value: str, locale: LocaleChoice) -> Iterator[str]:
    loc = _locale(locale.language)
    female = {n.casefold() for n in loc.first_names["F"]}
    male = {n.casefold() for n in loc.first_names["M"]}
    honorifics = {h.casefold() for sex in ("M", "F") for h in loc.honorifics.get(sex, ())}
    honorifics |= {t.casefold() for t in loc.doctor_titles}
    words = list(_WORD.finditer(value))
    folded = [w.group().rstrip(".").casefold() for w in words]
    if any(f in female for f in folded):
        sex = "F"
    elif any(f in male for f in folded):
        sex = "M"
    else:
        sex = None

    def is_title(word: str) -> bool:
        bare = word.rstrip(".")
        return bare.casefold() in honorifics or (word.endswith(".") and len(bare) > 1)

    name_words = [i for i, w in enumerate(words) if not is_title(w.group()) and len(w.group().rstrip(".")) > 1]
    # The surname is the last name word, unless the name is written "SURNAME First".
    surname_first = (
        len(name_words) > 1 and words[name_words[0]].group().isupper() and not words[name_words[1]].group().isupper()
    )
    if len(name_words) > 1:
        surname_at = name_words[0] if surname_first else name_words[-1]
    else:
        surname_at = name_words[0] if name_words and sex is None else -1
    for attempt in range(1_000_000):
        rng = _rng(key, "PERSON", locale.language, value.casefold(), attempt)
        chosen_sex = sex or rng.choice(("M", "F"))
        pieces, cursor = [], 0
        for index, match in enumerate(words):
            word = match.group()
            pieces.append(value[cursor : match.start()])
            cursor = match.end()
            bare = word.rstrip(".")
            if is_title(word):
                pieces.append(word)
                continue
            if len(bare) == 1:  # an initial
                pieces.append(case_like(bare, loc.first_name(rng, chosen_sex)[0]) + word[len(bare) :])
                continue
            if index == surname_at:
                replacement = loc.surname(rng, chosen_sex)
                if attempt >= 50:  # the plain name space is crowded: double-barrelled surnames
                    replacement = f"{replacement}-{loc.surname(rng, chosen_sex)}"
            else:
                replacement = loc.first_name(rng, chosen_sex)
            pieces.append(case_like(bare, replacement) + word[len(bare) :])
        pieces.append(value[cursor:])
        yield "".join(pieces)


def address_candidates(key: bytes, value: str, locale: LocaleChoice) -> Iterator[str]:
    from kp_core.locales import street_address

    loc = _locale(locale.language)
    for attempt in range(1_000_000):
        rng = _rng(key, "ADDRESS", locale.language, value.casefold(), attempt)
        yield case_like(value, street_address(loc, rng))


def org_candidates(key: bytes, label: str, value: str, locale: LocaleChoice) -> Iterator[str]:
    loc = _locale(locale.language)
    forms = _ORG_FORMS.get(locale.country, ("Ltd",))
    for attempt in range(1_000_000):
        rng = _rng(key, label, locale.language, value.casefold(), attempt)
        first, second = loc.surname(rng, "M"), loc.surname(rng, "M")
        shape = rng.randrange(3)
        if shape == 0 or first == second:
            name = f"{first} {rng.choice(forms)}"
        elif shape == 1:
            name = f"{first} & {second} {rng.choice(forms)}"
        else:
            name = f"{first}-{second} {rng.choice(forms)}"
        yield case_like(value, name)


def email_candidates(key: bytes, value: str, locale: LocaleChoice) -> Iterator[str]:
    from kp_core.locales import ascii_fold

    loc = _locale(locale.language)
    local, _, domain = value.rpartition("@")
    separators = re.findall(r"[._\-+]", local)
    digit_count = sum(ch.isdigit() for ch in local)
    tld = domain.rsplit(".", 1)[-1] if "." in domain else loc.tld
    public = {d.casefold() for d in loc.email_domains}
    for attempt in range(1_000_000):
        rng = _rng(key, "EMAIL", locale.language, value.casefold(), attempt)
        sex = rng.choice(("M", "F"))
        first, last = ascii_fold(loc.first_name(rng, sex)), ascii_fold(loc.surname(rng, sex))
        sep = separators[0] if separators else ""
        new_local = f"{first}{sep}{last}" if (separators or len(local) > 8) else first
        if digit_count:
            new_local += "".join(rng.choice(DIGITS) for _ in range(digit_count))
        if domain.casefold() in public:
            new_domain = rng.choice(loc.email_domains)
        else:  # an organisation's own domain: another organisation-like name, same top-level domain
            new_domain = f"{ascii_fold(loc.surname(rng, 'M')).replace(' ', '')}.{tld}"
        yield case_like(value, f"{new_local}@{new_domain}")


def _url_host(value: str) -> tuple[int, int]:
    """Where a URL's host starts (after the scheme and ``www.``) and ends."""
    scheme = re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://(www\.)?", value)
    host_start = scheme.end() if scheme else (4 if value.lower().startswith("www.") else 0)
    host_end = next((i for i in range(host_start, len(value)) if value[i] in "/?#:"), len(value))
    return host_start, host_end


def url_candidates(key: bytes, value: str, locale: LocaleChoice) -> Iterator[str]:
    """The scheme, ``www.`` and the top-level domain stay; the host's other labels become a
    locale surname (ASCII, hyphenated like the source); the path's letters and digits are
    permuted within their classes (a path may carry a user name or a record number)."""
    from kp_core.locales import ascii_fold

    loc = _locale(locale.language)
    host_start, host_end = _url_host(value)
    host = value[host_start:host_end]
    name, dot, tld = host.rpartition(".")
    if not dot:
        name, tld = host, ""
    rest = value[host_end:]
    path_shape = Shape.of(rest) if rest else None
    path_stream = cycle_candidates(key, "URL|path", path_shape) if path_shape and path_shape.positions else None
    for attempt in range(1_000_000):
        rng = _rng(key, "URL", locale.language, value.casefold(), attempt)
        words = [ascii_fold(loc.surname(rng, "M")).lower().replace(" ", "") for _ in range(name.count("-") + 1)]
        new_name = "-".join(w for w in words if w) or "site"
        new_path = rest
        if path_stream is not None:
            new_path = next(path_stream, None) or rest
        yield case_like(value, f"{value[:host_start]}{new_name}{dot}{tld}{new_path}")


def candidates(key: bytes, label: str, value: str, locale: LocaleChoice) -> Iterator[str]:
    """Surrogates for ``value`` of type ``label``, best first; the stream ends only for tiny
    structured spaces (the caller then falls back to :func:`keyed_token`)."""
    if label == "NATIONAL_ID":
        return national_id_candidates(key, value, locale)
    if label == "ACCOUNT_ID":
        return account_candidates(key, value)
    if label == "PHONE":
        return phone_candidates(key, value)
    if label == "EMAIL" and "@" in value:
        return email_candidates(key, value, locale)
    if label == "ADDRESS":
        return address_candidates(key, value, locale)
    if label == "DATE":
        return date_candidates(key, value, locale)
    if label == "URL":
        return url_candidates(key, value, locale)
    if label in ("PERSON", "PROVIDER"):
        return person_candidates(key, value, locale)
    if label == "ORG_PARTY":
        return org_candidates(key, label, value, locale)
    if label in ("COURT", "FACILITY", "STATUTE_REF", "HEALTH_CONDITION"):
        return vocabulary_candidates(key, label, value, locale)
    if label == "COMPANY_ID":
        return company_candidates(key, value, locale)
    if label == "SECRET" and any(ch.isalnum() for ch in value):
        return secret_candidates(key, value)
    if label in ("MRN", "CASE_NUMBER") and any(ch.isalnum() for ch in value):
        return digits_candidates(key, label, value)
    return iter(())  # an identifier without a letter or digit, an e-mail without '@': keyed tokens
