"""National-ID surrogates are valid IDs of the source's own country, for every country the
generator writes, and keep sex and birth decade.

The volume test takes 10,000 distinct national IDs per country from the generator: the gold
NATIONAL_ID values of generated documents (500 per country), then values of the generator's own
ID path (:func:`kp_core.generate.ids.national_id_with_kind`, births and sexes drawn as the
generator draws a person's). Each gets its first surrogate from the candidates with the
document's locale (what ``Pseudonymizer(language=...)`` uses), checked with kp's validator of the
same kind, with python-stdnum as an independent checker (it has no Hungarian személyi azonosító
or TAJ module), with kp's issuing rules, and for sex and birth decade. 220,000 values take about
40-50 s on one CPU core.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from collections import defaultdict
from functools import cache

import pytest

from kp_core.anonymize.locale_choice import LocaleChoice
from kp_core.anonymize.national_id_surrogates import (
    BIRTH_HORIZON,
    national_id_candidates,
    national_id_country,
    national_id_kind,
)
from kp_core.anonymize.pseudonymizer import Pseudonymizer
from kp_core.generate import LANGUAGES, generate_rows
from kp_core.generate.ids import national_id_with_kind
from kp_core.identifiers.national_id import generate_national_id, parse_national_id
from kp_core.identifiers.national_id.issuing import RO_COUNTIES, de_digit_rule, follows_issuing_rules
from kp_core.locales import get_locale, random_date

KEY = b"national-id surrogate test key!!"
FROM_DOCUMENTS = 500
PER_COUNTRY = 10_000
# python-stdnum modules per country; HU (személyi azonosító, TAJ) has none.
STDNUM = {
    "BG": "bg.egn", "CZ": "cz.rc", "DE": "de.idnr", "DK": "dk.cpr", "EE": "ee.ik", "ES": "es.dni",
    "FI": "fi.hetu", "FR": "fr.nir", "GR": "gr.amka", "HR": "hr.oib", "IE": "ie.pps", "IT": "it.codicefiscale",
    "LT": "lt.asmens", "LV": "lv.pvn", "NL": "nl.bsn", "PL": "pl.pesel", "PT": "pt.nif", "RO": "ro.cnp",
    "SE": "se.personnummer", "SI": "si.emso", "SK": "sk.rc",
}  # fmt: skip
GENERATED = {get_locale(lang).country: lang for lang in LANGUAGES}


def _stdnum_valid(country: str, value: str) -> bool:
    return importlib.import_module(f"stdnum.{STDNUM[country]}").is_valid(value)


def _decade(parsed) -> int | None:
    return None if parsed.birth_date is None else parsed.birth_date.year // 10


@cache
def _gold_values() -> dict[str, list[str]]:
    """The first distinct gold NATIONAL_ID values of generated documents, per language."""
    found: dict[str, list[str]] = {}
    for lang, country in ((lang, get_locale(lang).country) for lang in LANGUAGES):
        values: dict[str, None] = {}
        for row in generate_rows([lang], n=10 * FROM_DOCUMENTS, seed=11):
            assert row["country"] == country
            for span in row["spans"]:
                if span["label"] == "NATIONAL_ID":
                    values[row["text"][span["start"] : span["end"]]] = None
            if len(values) >= FROM_DOCUMENTS:
                break
        found[country] = list(values)[:FROM_DOCUMENTS]
    return found


def _values(country: str) -> list[str]:
    """The documents' gold values, then the generator's ID path, up to PER_COUNTRY distinct."""
    values = dict.fromkeys(_gold_values()[country])
    rng = random.Random(f"ids:{country}")
    while len(values) < PER_COUNTRY:
        birth, sex = random_date(rng, 1942, 2020), rng.choice("MF")
        values[national_id_with_kind(country, rng, birth, sex)[1]] = None
    return list(values)


def test_every_generated_country_has_document_gold_values():
    gold = _gold_values()
    assert set(gold) == set(GENERATED)
    assert all(len(values) == FROM_DOCUMENTS for values in gold.values())


@pytest.mark.parametrize("country", sorted(GENERATED))
def test_surrogates_of_generated_ids_are_valid_for_their_own_country(country):
    locale = LocaleChoice(GENERATED[country], country)
    problems: dict[str, int] = defaultdict(int)
    values = _values(country)
    assert len(values) == PER_COUNTRY
    for value in values:
        kind, source = national_id_kind(value, country)
        assert kind.country == country  # the generator's values are read as their own country's
        if country in STDNUM and not _stdnum_valid(country, value):
            problems["python-stdnum rejects the generated source"] += 1
        surrogate = next(national_id_candidates(KEY, value, locale))
        parsed = kind.parse(surrogate)
        if parsed is None:
            problems["kp validator"] += 1
            continue
        if country in STDNUM and not _stdnum_valid(country, surrogate):
            problems["python-stdnum"] += 1
        if not follows_issuing_rules(parsed):
            problems["issuing rules"] += 1
        if parsed.sex != source.sex:
            problems["sex"] += 1
        if _decade(parsed) != _decade(source):
            problems["birth decade"] += 1
        if surrogate == value or len(surrogate) != len(value):
            problems["shape"] += 1
    assert not problems, f"{country}: {dict(problems)} of {PER_COUNTRY}"


@pytest.mark.parametrize("country,stdnum_module", [("AT", "at.vnr"), ("BE", "be.nn"), ("LU", None), ("MT", None)])
def test_extra_countries_the_generator_does_not_write(country, stdnum_module):
    from kp_core.identifiers.national_id.extras import generate_extra_national_id

    rng = random.Random(country)
    for _ in range(300):
        value = generate_extra_national_id(country, rng, formatted=rng.random() < 0.5)
        kind, source = national_id_kind(value, country)
        surrogate = next(national_id_candidates(KEY, value, LocaleChoice("", country)))
        parsed = kind.parse(surrogate)
        assert parsed is not None and (parsed.sex, _decade(parsed)) == (source.sex, _decade(source)), country
        if stdnum_module:
            assert importlib.import_module(f"stdnum.{stdnum_module}").is_valid(surrogate), country


def test_pseudonymized_documents_carry_valid_ids_of_their_country():
    rows = list(generate_rows(n=len(LANGUAGES) * 20, seed=5))
    checked = set()
    for lang in LANGUAGES:  # the documents' NATIONAL_ID spans, pseudonymized in the documents' language
        docs = [r for r in rows if r["language"] == lang]
        spans = [[_span(s) for s in r["spans"] if s["label"] == "NATIONAL_ID"] for r in docs]
        results = Pseudonymizer(KEY, language=lang).pseudonymize([r["text"] for r in docs], spans)
        for row, result in zip(docs, results, strict=True):
            for s in row["spans"]:
                if s["label"] != "NATIONAL_ID":
                    continue
                value = row["text"][s["start"] : s["end"]]
                kind, source = national_id_kind(value, row["country"])
                parsed = kind.parse(result.surrogates[value])
                assert parsed is not None and kind.country == row["country"], (lang, s["start"])
                assert (parsed.sex, _decade(parsed)) == (source.sex, _decade(source)), (lang, s["start"])
                checked.add(row["country"])
    assert checked == set(GENERATED)


def _span(s):
    from kp_core.types import Span

    return Span(s["start"], s["end"], s["label"])


# --- which country ---------------------------------------------------------------------------


def test_the_documents_country_decides_when_its_validator_accepts():
    rng = random.Random(3)
    for _ in range(200):  # an ID valid in the document's country stays that country's
        value = generate_national_id("DK", rng, formatted=False)
        assert national_id_country(value, "DK") == "DK"
        surrogate = next(national_id_candidates(KEY, value, LocaleChoice("da", "DK")))
        assert parse_national_id(surrogate, "DK") is not None


def test_a_foreign_id_is_read_by_its_own_validator_not_the_documents():
    cpr = "120568-1235"  # a Danish CPR in an English (IE) document: no Irish validator reads it
    assert national_id_country(cpr, "IE") == "DK"
    for surrogate in _first(cpr, LocaleChoice("en", "IE"), 20):
        parsed = parse_national_id(surrogate, "DK")
        assert parsed is not None and parsed.birth_date.year // 10 == 196 and parsed.sex == "M"
    ppsn = "1234567TW"  # and an Irish PPSN in a Danish document
    assert national_id_country(ppsn, "DK") == "IE"


def test_a_checked_reading_wins_over_one_without_a_check_character():
    # Without the document's country, a Finnish HETU with a digit control character is also a
    # valid Danish CPR (no check digit): the reading whose check character matched wins.
    rng = random.Random(8)
    both = []
    while len(both) < 50:
        value = generate_national_id("FI", rng)
        if parse_national_id(value, "DK") is not None:
            both.append(value)
    assert all(national_id_country(v, "IE") == "FI" for v in both)
    assert all(national_id_country(v, "DK") == "DK" for v in both)  # the document's country first


def test_a_value_no_validator_accepts_keeps_its_shape_only():
    assert national_id_kind("12-34-56-AB", "RO") is None
    surrogate = next(national_id_candidates(KEY, "12-34-56-AB", LocaleChoice("ro", "RO")))
    assert len(surrogate) == 11 and surrogate[2] == "-" and surrogate[-2:].isupper()


def test_hungarian_kinds_stay_apart():
    rng = random.Random(1)
    from kp_core.identifiers.national_id.extras import generate_extra_national_id

    for name in ("személyi azonosító", "TAJ-szám"):
        for _ in range(50):
            value = generate_extra_national_id("HU", rng, name=name)
            kind, _ = national_id_kind(value, "HU")
            assert kind.name == name
            surrogate = next(national_id_candidates(KEY, value, LocaleChoice("hu", "HU")))
            assert kind.parse(surrogate) is not None


# --- order, determinism, horizon -------------------------------------------------------------


def _first(value: str, locale: LocaleChoice, n: int) -> list[str]:
    stream = national_id_candidates(KEY, value, locale)
    return [next(stream) for _ in range(n)]


def test_candidate_order_is_keyed_and_deterministic():
    loc = LocaleChoice("ro", "RO")
    value = "1800101221144"
    first = _first(value, loc, 10)
    assert first == _first(value, loc, 10)  # same key, same value: same order
    assert len(set(first)) == 10 and value not in first
    other = national_id_candidates(b"another key of 32 bytes, really!", value, loc)
    assert [next(other) for _ in range(10)] != first


def test_no_birth_date_after_the_horizon():
    rng = random.Random(7)
    for country in ("DK", "PL", "RO", "SE", "EE", "CZ"):
        for _ in range(40):
            value = generate_national_id(
                country, rng, birth_date=dt.date(2021, 1, 1) + dt.timedelta(rng.randrange(1500))
            )
            for surrogate in _first(value, LocaleChoice("", country), 5):
                assert parse_national_id(surrogate, country).birth_date <= BIRTH_HORIZON


def test_a_source_without_a_readable_birth_date_gets_a_surrogate_without_one():
    # The harness accepts a HETU of 31 February and a NIR with month 20 (unknown): their
    # surrogates carry no date either, so they cannot collide with a dated source's surrogate.
    from kp_core.identifiers.national_id._validators import fi_control, fr_key

    hetu = "310252-123" + fi_control("310252123")
    nir = "1842076451089" + f"{fr_key('1842076451089'):02d}"
    for value, country in ((hetu, "FI"), (nir, "FR")):
        assert parse_national_id(value, country).birth_date is None
        for surrogate in _first(value, LocaleChoice("", country), 10):
            parsed = parse_national_id(surrogate, country)
            assert parsed.birth_date is None and parsed.sex == "M", country


# --- where kp's validator (harness semantics) and python-stdnum disagree ---------------------


def _cnp(first: str, county: str) -> str:
    from kp_core.identifiers.national_id._validators import ro_check_digit

    body = f"{first}800101{county}123"
    return body + str(ro_check_digit(body))


def test_ro_county_codes_follow_the_official_list():
    # 01-46, 47/48 (former Bucharest sectors 7 and 8), 51, 52, 70 (no county: foreign residents)
    for n in range(100):
        county = f"{n:02d}"
        cnp = _cnp("1", county)
        assert parse_national_id(cnp, "RO") is not None  # the harness checks no county
        assert follows_issuing_rules(parse_national_id(cnp, "RO")) == (county in RO_COUNTIES)
        if county in RO_COUNTIES:
            assert _stdnum_valid("RO", cnp), county
        elif county not in ("80", "81", "82", "83"):  # python-stdnum also takes these, as "unknown"
            assert not _stdnum_valid("RO", cnp), county


def test_de_digit_repetition_rule():
    # Official: one digit twice or three times (not three in a row), every other digit at most once.
    assert de_digit_rule("1234567891")  # one digit twice
    assert de_digit_rule("1213456789")  # three times, never adjacent
    assert not de_digit_rule("1112345678")  # three in a row (python-stdnum accepts it)
    assert not de_digit_rule("1123456780".replace("0", "2"))  # two digits repeated
    assert not de_digit_rule("0123456789")  # no repetition
    assert not de_digit_rule("1111234567")  # four times
    rng = random.Random(2)
    for _ in range(300):
        value = generate_national_id("DE", rng)
        assert de_digit_rule(value[:10]) and _stdnum_valid("DE", value)


def test_swedish_coordination_numbers_stay_coordination_numbers():
    # Skatteverket: a samordningsnummer is a personnummer whose day is raised by 60; kp's
    # validator accepts it (correct), python-stdnum's personnummer module does not.
    from kp_core.identifiers.checksums import luhn_check_digit

    nine = "680572123"  # 12 May 1968 as a coordination number
    coordination = f"{nine[:6]}-{nine[6:]}{luhn_check_digit(nine)}"
    assert parse_national_id(coordination, "SE") is not None and not _stdnum_valid("SE", coordination)
    for surrogate in _first(coordination, LocaleChoice("sv", "SE"), 20):
        assert int(surrogate[4:6]) > 60 and parse_national_id(surrogate, "SE").birth_date.year // 10 == 196
    personnummer = generate_national_id("SE", random.Random(4), birth_date=dt.date(1968, 5, 12))
    for surrogate in _first(personnummer, LocaleChoice("sv", "SE"), 20):
        assert int(surrogate[4:6]) <= 31 and _stdnum_valid("SE", surrogate)


def test_rodne_cislo_and_hetu_issuing_rules():
    # 9-digit rodné číslo only before 1954 (the harness reads any 9 digits as 19yy)
    late = parse_national_id("685512123", "CZ")
    assert late is not None and not follows_issuing_rules(late) and not _stdnum_valid("CZ", "685512123")
    early = parse_national_id("525512123", "CZ")
    assert follows_issuing_rules(early) and _stdnum_valid("CZ", "525512123")
    # FI individual numbers 900-999 are temporary
    from kp_core.identifiers.national_id._validators import fi_control

    temporary = f"131052-901{fi_control('131052901')}"
    assert parse_national_id(temporary, "FI") is not None
    assert not follows_issuing_rules(parse_national_id(temporary, "FI")) and not _stdnum_valid("FI", temporary)


def test_steuer_idnr_domain_is_exactly_the_double_digit_bodies():
    from math import factorial

    from kp_core.anonymize.steuer_idnr_shape import DoubleDigitShape, double_digit_form

    shape = DoubleDigitShape("0" * 11, tuple(range(10)))
    assert shape.size == 10 * 9 * factorial(10) // 2  # missing digit, repeated digit, arrangements
    rng = random.Random(6)
    for index in (0, shape.size - 1, *(rng.randrange(shape.size) for _ in range(5_000))):
        body = shape.decode(index)
        assert double_digit_form(body[:10]) and body[10] == "0" and shape.encode(body) == index
    for _ in range(500):  # every generated body is in the domain
        value = generate_national_id("DE", rng)
        assert shape.decode(shape.encode(value[:10] + "0")) == value[:10] + "0"


@pytest.mark.parametrize("country", ["RO", "DE", "CZ", "SK", "FI", "SI"])
def test_generated_ids_follow_the_issuing_rules(country):
    rng = random.Random(country)
    for _ in range(300):
        value = generate_national_id(country, rng, formatted=rng.random() < 0.5)
        assert follows_issuing_rules(parse_national_id(value, country)), country
