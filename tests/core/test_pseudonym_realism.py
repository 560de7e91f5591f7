"""Realistic surrogates, found within a few candidates: no value the generator writes becomes a
keyed ``TYPE-XXXXXX`` token; dates keep any layout; case, registry and account numbers keep
their shape and validity."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from collections import Counter

import pytest

from kp_core.anonymize.date_surrogates import parse_date
from kp_core.anonymize.leaks import windows
from kp_core.anonymize.locale_choice import LocaleChoice
from kp_core.anonymize.pseudonymizer import Pseudonymizer
from kp_core.anonymize.surrogates import candidates, kept_prefix
from kp_core.generate import generate_rows
from kp_core.generate.phrases import get_phrases
from kp_core.identifiers.company_id import company_id_countries, company_id_kinds, generate_company_id, parse_company_id
from kp_core.locales import LANGUAGES, format_date, get_locale
from kp_core.types import Span

KEY = b"realism-test-key-0123456789abcdef"
_TOKEN = re.compile(r"[A-Z_]+-[0-9A-Z]{6}")
# Every type the synthetic generator writes (a type missing from the sample fails the test).
GENERATED_TYPES = {
    "ACCOUNT_ID", "ADDRESS", "CASE_NUMBER", "COMPANY_ID", "COURT", "DATE", "EMAIL", "FACILITY",
    "HEALTH_CONDITION", "MRN", "NATIONAL_ID", "ORG_PARTY", "PERSON", "PHONE", "PROVIDER", "SECRET",
    "STATUTE_REF", "URL",
}  # fmt: skip


def _is_token(label: str, surrogate: str) -> bool:
    return surrogate.upper().startswith(f"{label}-") and _TOKEN.fullmatch(surrogate.upper()) is not None


def _shared_outside(value: str, surrogate: str, exempt: str) -> set[str]:
    return {w for w in windows(value) & windows(surrogate) if w not in exempt}


def test_no_generated_value_becomes_a_token():
    """768 generated documents, every language and domain, gold spans, batches of 64 through one
    pseudonymizer (as ``kp deidentify`` runs them). The full figure over 5,000+ documents comes
    from benchmarks/bench_deidentify.py --tokens."""
    rows = list(generate_rows(n=768, seed=21))
    pseudonymizer = Pseudonymizer(KEY)
    seen: Counter[str] = Counter()
    tokens: Counter[str] = Counter()
    for start in range(0, len(rows), 64):
        batch = rows[start : start + 64]
        spans = [[Span(s["start"], s["end"], s["label"]) for s in r["spans"]] for r in batch]
        for row, result in zip(batch, pseudonymizer.pseudonymize([r["text"] for r in batch], spans), strict=True):
            for span in result.spans:
                value = row["text"][span.start : span.end]
                seen[span.label] += 1
                tokens[span.label] += _is_token(span.label, pseudonymizer.rendered(value))
    assert set(seen) >= GENERATED_TYPES
    assert {label: n for label, n in tokens.items() if n} == {}


def _skeleton(value: str, language: str) -> str:
    """A date with its numbers and month word blanked: the layout."""
    parsed = parse_date(value, language)
    assert parsed is not None
    out = re.sub(r"\d+", "9", value)
    for names in (get_locale(lang).months for lang in [language, *LANGUAGES]):
        for name in sorted(names, key=len, reverse=True):
            out = re.sub(re.escape(name), "M", out, flags=re.IGNORECASE)
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_in_every_layout_of_every_language_move_and_keep_their_layout(language):
    loc = get_locale(language)
    for fmt in loc.date_formats:
        # One pseudonymizer per layout: "14. 7. 2016" and "14.7.2016" are one value (whitespace
        # aside) and share the surrogate first given, in the first one's layout.
        pseudonymizer = Pseudonymizer(KEY, language=language)
        for date in (dt.date(2016, 7, 14), dt.date(1999, 2, 4), dt.date(2023, 11, 30)):
            value = format_date(loc, date, fmt)
            assert parse_date(value, language)[0] == date, (fmt, date.isoformat())
            surrogate = pseudonymizer.surrogate("DATE", value, language=language)
            assert not _is_token("DATE", surrogate), fmt
            moved = parse_date(surrogate, language)
            assert moved is not None and moved[0] != date, fmt
            assert _skeleton(surrogate, language) == _skeleton(value, language), fmt
            assert not {w for w in windows(value) & windows(surrogate) if w.isdigit()}, fmt


@pytest.mark.parametrize(
    "value",
    ["R.G. 2255/1992", "VIII Ips 332/2002", "BS-29159/2019-AAR", "570/15.0DWPWN", "RG n. 16971/1997", "HC-2015-48117"],
)
def test_case_and_record_numbers_keep_their_letters_and_share_only_kept_windows(value):
    for label in ("CASE_NUMBER", "MRN"):
        surrogate = Pseudonymizer(KEY).surrogate(label, value)
        assert not _is_token(label, surrogate)
        assert re.sub(r"\d", "9", surrogate) == re.sub(r"\d", "9", value)
        assert not _shared_outside(value, surrogate, kept_prefix(label, value))


def test_secret_with_kept_punctuation_and_an_account_number_that_is_no_iban():
    secret = Pseudonymizer(KEY).surrogate("SECRET", "InmqSd!*$$Kby")
    assert not _is_token("SECRET", secret) and secret[6:10] == "!*$$"
    assert not _shared_outside("InmqSd!*$$Kby", secret, kept_prefix("SECRET", "InmqSd!*$$Kby"))
    account = Pseudonymizer(KEY).surrogate("ACCOUNT_ID", "KD-6555972", country="HR")
    assert not _is_token("ACCOUNT_ID", account) and re.fullmatch(r"[A-Z]{2}-\d{7}", account)
    assert not windows("KD-6555972") & windows(account)


@pytest.mark.parametrize("country", company_id_countries())
def test_company_ids_of_every_country_and_kind_stay_valid_without_tokens(country):
    rng = random.Random(country)
    for kind in company_id_kinds(country):
        pseudonymizer = Pseudonymizer(KEY, country=country)
        for _ in range(25):
            value = generate_company_id(country, rng, kind)
            surrogate = pseudonymizer.surrogate("COMPANY_ID", value, country=country)
            assert not _is_token("COMPANY_ID", surrogate), (country, kind)
            # valid as the same kind (a bare 10-digit KRS number may also read as a NIP)
            assert parse_company_id(surrogate, country, kind) is not None, (country, kind)


def test_romanian_registration_numbers_are_permuted_field_by_field():
    rng = random.Random(4)
    sources = {generate_company_id("RO", rng, "trade_register") for _ in range(400)}
    sources |= {
        f"J{rng.randint(1990, 2024)}{rng.randint(1, 999999):06d}{rng.choice((5, 12, 40, 52)):02d}" for _ in range(100)
    }
    firsts = {}
    locale = LocaleChoice("ro", "RO")
    for value in sources:
        stream = candidates(KEY, "COMPANY_ID", value, locale)
        first_ten = list(itertools.islice(stream, 10))
        assert len(first_ten) == 10
        for candidate in first_ten:
            parsed = parse_company_id(candidate, "RO")
            assert parsed is not None and parsed.kind == "trade_register"
            assert re.sub(r"\d", "9", candidate) == re.sub(r"\d", "9", value) or "/" in value  # new layout: fixed width
        firsts[value] = first_ten[0]
    assert len(set(firsts.values())) == len(firsts)  # the first candidate is injective


def test_krs_numbers_keep_their_zero_padding():
    for value in ("0000098131", "KRS 0000012345", "0000654321"):
        surrogate = Pseudonymizer(KEY, country="PL").surrogate("COMPANY_ID", value, country="PL")
        padding = len(value) - len(value.lstrip("KRS ").lstrip("0"))
        assert surrogate[:padding] == value[:padding] and surrogate[padding] != "0"
        assert parse_company_id(surrogate, "PL", "krs") is not None


@pytest.mark.parametrize("language", ["hu", "sl", "ro", "de"])
def test_a_language_whose_court_list_is_used_up_still_gets_court_names(language):
    """Every court name of the language's vocabulary (slots filled) in one document: each needs
    a surrogate other than itself and its neighbours, from the same short list."""
    rng = random.Random(language)
    loc = get_locale(language)
    names = sorted(
        {
            fmt.format(city=loc.city(rng).name, n=7, n2=2, year=2001, saint="Ana")
            for fmt in get_phrases(language)["court_fmts"]
        }
    )
    text = "\n".join(names)
    spans, at = [], 0
    for name in names:
        spans.append(Span(at, at + len(name), "COURT"))
        at += len(name) + 1
    pseudonymizer = Pseudonymizer(KEY, language=language)
    [result] = pseudonymizer.pseudonymize([text], [spans])
    surrogates = [result.surrogates[name] for name in names]
    assert not [s for s in surrogates if _is_token("COURT", s)]
    assert len(set(surrogates)) == len(surrogates) and not set(surrogates) & set(names)


def test_short_case_numbers_that_use_up_their_space_grow_a_digit():
    """90 two-digit case numbers share a space of 100 (surrogates are unique): the last ones
    get three digits rather than keyed tokens."""
    pseudonymizer = Pseudonymizer(KEY)
    surrogates = [pseudonymizer.surrogate("CASE_NUMBER", str(n)) for n in range(10, 100)]
    assert all(s.isdigit() and len(s) in (2, 3) for s in surrogates)
    assert all(s[0] != "0" for s in surrogates if len(s) == 3) and any(len(s) == 3 for s in surrogates)
    assert len(set(surrogates)) == len(surrogates)
