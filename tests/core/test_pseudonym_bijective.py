"""Bijectivity of surrogates, per type and country.

Structured types are injective by construction: the first candidate is the image of the value
under a keyed permutation restricted (cycle walking) to the valid values of its shape. The
primitive is checked exhaustively on a 100,000-value domain; the phone pipeline over 100,000
values (test_pseudonym_properties); every other type over as many generated values as its cost
allows in a CI budget of a few seconds each (national IDs cost ~1-10 ms per value with the walks
their dates and encoded sex need: 400 per country, 6,000 in all; IBANs 1,500; company IDs 50
per country and kind, 2,300 in all; cards 10,000; phones, case numbers, secrets 5,000 each),
*without* the pseudonymizer's registry, so a collision
could not be hidden by collision resolution. Word types (names, e-mails, addresses, dates,
conditions) are drawn from finite locale pools: for them the registry resolves collisions, and
the test checks that 10,000 distinct values get 10,000 distinct surrogates without exhausting.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from kp_core.anonymize.fpe import KeyedPermutation
from kp_core.anonymize.keys import derive_key
from kp_core.anonymize.locale_choice import LANGUAGE_COUNTRY, LocaleChoice
from kp_core.anonymize.pseudonymizer import Pseudonymizer
from kp_core.anonymize.surrogates import candidates
from kp_core.identifiers.checksums import generate_card_number, generate_iban
from kp_core.identifiers.company_id import company_id_countries, company_id_kinds, generate_company_id
from kp_core.identifiers.national_id import generate_national_id, parse_national_id, supported_countries

KEY = b"bijectivity-test-key-0123456789"
SUB_KEY = derive_key(KEY, "kp surrogates v1")


def _distinct(make, count: int, seed: int = 0) -> list[str]:
    rng, values = random.Random(seed), set()
    for _ in range(count * 20):
        values.add(make(rng))
        if len(values) == count:
            break
    return sorted(values)


def _first_candidates(label: str, values: list[str], locale: LocaleChoice) -> list[str]:
    return [next(candidates(SUB_KEY, label, v, locale)) for v in values]


def test_keyed_permutation_is_a_bijection_of_its_whole_domain():
    n = 100_000
    permutation = KeyedPermutation(SUB_KEY, "exhaustive", n)
    image = [permutation(x) for x in range(n)]
    assert sorted(image) == list(range(n))
    other = KeyedPermutation(derive_key(KEY + b"2", "kp surrogates v1"), "exhaustive", n)
    assert sum(other(x) != y for x, y in zip(range(1000), image, strict=False)) > 990


@pytest.mark.parametrize("country", supported_countries())
def test_national_ids_are_injective_per_country(country):
    values = _distinct(lambda r: generate_national_id(country, r, formatted=r.random() < 0.5), 400)
    surrogates = _first_candidates("NATIONAL_ID", values, LocaleChoice("en", country))
    assert len(set(surrogates)) == len(values)
    assert all(parse_national_id(s, country) is not None for s in surrogates)


def test_ibans_are_injective():
    countries = ["IT", "DE", "FR", "PL", "RO", "ES", "NL", "SE", "CZ", "DK", "FI", "BE", "AT", "PT", "IE"]
    values = _distinct(lambda r: generate_iban(r.choice(countries), r, formatted=r.random() < 0.5), 1500)
    assert len(set(_first_candidates("ACCOUNT_ID", values, LocaleChoice("en", "")))) == len(values)


def test_cards_are_injective():
    values = _distinct(lambda r: generate_card_number(r, r.choice(["visa", "mastercard"])), 10_000)
    assert len(set(_first_candidates("ACCOUNT_ID", values, LocaleChoice("en", "")))) == len(values)


def test_company_ids_are_injective_per_country_and_kind():
    for country in company_id_countries():
        for kind in company_id_kinds(country):
            values = _distinct(lambda r, c=country, k=kind: generate_company_id(c, r, k), 50)
            surrogates = _first_candidates("COMPANY_ID", values, LocaleChoice("en", country))
            assert len(set(surrogates)) == len(values), (country, kind)


def test_phones_case_numbers_and_secrets_are_injective():
    phones = _distinct(lambda r: f"+39 3{r.randrange(10**8, 10**9)}", 5_000)
    cases = _distinct(lambda r: f"{r.randrange(1, 99_999)}/{r.randrange(1960, 2025)}", 5_000)
    secrets = _distinct(lambda r: "".join(r.choice("abcdefXYZ0123456789") for _ in range(12)), 5_000)
    for label, values in (("PHONE", phones), ("CASE_NUMBER", cases), ("SECRET", secrets)):
        assert len(set(_first_candidates(label, values, LocaleChoice("it", "IT")))) == len(values), label


@pytest.mark.parametrize("language", ["ro", "pl", "sv", "el"])
def test_word_types_get_distinct_surrogates_through_the_registry(language):
    from kp_core.locales import get_locale

    loc = get_locale(language)
    country = LANGUAGE_COUNTRY[language]
    start = dt.date(1940, 1, 1)
    makers = {
        "PERSON": lambda r: f"{loc.first_name(r, 'F')} {loc.surname(r, 'F')}",
        "EMAIL": lambda r: f"user{r.randrange(10**6)}@example.{loc.tld}",
        "DATE": lambda r: (start + dt.timedelta(days=r.randrange(30_000))).strftime("%d.%m.%Y"),
    }
    pseudonymizer = Pseudonymizer(KEY, language=language, country=country)
    for label, make in makers.items():
        values = _distinct(make, 2_500 if label == "PERSON" else 10_000)
        surrogates = {pseudonymizer.surrogate(label, v) for v in values}
        assert len(surrogates) == len(values), label
