"""Property tests of surrogates over generated values of every type and country."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kp_core.anonymize.leaks import windows
from kp_core.anonymize.pseudonymizer import Pseudonymizer
from kp_core.anonymize.surrogates import kept_prefix
from kp_core.checksums import generate_card_number, generate_iban, iban_is_valid, luhn_is_valid
from kp_core.company_id import company_id_countries, company_id_kinds, generate_company_id, parse_company_id
from kp_core.national_id import generate_national_id, parse_national_id, supported_countries

KEY = b"property-test-key-0123456789abcdef"
OTHER_KEY = b"property-test-key-fedcba9876543210"
SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
seeds = st.integers(min_value=0, max_value=2**32)


def _shape(value: str) -> str:
    return re.sub(r"[0-9]", "9", re.sub(r"[A-Z]", "A", re.sub(r"[a-z]", "a", value)))


def _shares_window(a: str, b: str, exempt: str = "") -> bool:
    squeezed = "".join(a.split())
    return any(w in squeezed for w in windows(b) if w not in exempt)


def _check_common(label: str, value: str, **locale) -> str:
    surrogate = Pseudonymizer(KEY, **locale).surrogate(label, value)
    assert surrogate != value
    # A phone's calling code is kept on purpose (documented exemption); everything else is strict.
    exempt = kept_prefix(label, value)
    assert not _shares_window(surrogate, value, exempt)
    assert Pseudonymizer(KEY, **locale).surrogate(label, value) == surrogate  # deterministic for a key
    return surrogate


@pytest.mark.parametrize("country", supported_countries())
@SETTINGS
@given(seed=seeds, formatted=st.booleans())
def test_national_id_surrogate_is_valid_for_its_country_and_same_shape(country, seed, formatted):
    value = generate_national_id(country, random.Random(seed), formatted=formatted)
    surrogate = _check_common("NATIONAL_ID", value, country=country)
    source, parsed = parse_national_id(value, country), parse_national_id(surrogate, country)
    assert parsed is not None
    assert _shape(surrogate) == _shape(value)
    # The sex and the birth decade (so the century) the source encodes survive.
    assert parsed.sex == source.sex
    if source.birth_date is not None:
        assert parsed.birth_date.year // 10 == source.birth_date.year // 10


@pytest.mark.parametrize("country", ["IT", "PL", "RO", "DE", "FR", "ES", "SE", "DK", "CZ", "NL"])
@SETTINGS
@given(seed=seeds, formatted=st.booleans())
def test_iban_surrogate_stays_a_valid_iban_of_the_same_country(country, seed, formatted):
    value = generate_iban(country, random.Random(seed), formatted=formatted)
    surrogate = _check_common("ACCOUNT_ID", value)
    assert iban_is_valid(surrogate) and surrogate[:2] == country
    assert _shape(surrogate[2:]) == _shape(value[2:])


COMPANY_KINDS = [(c, k) for c in company_id_countries() for k in company_id_kinds(c)]


@pytest.mark.parametrize(("country", "kind"), COMPANY_KINDS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=seeds)
def test_company_id_surrogate_is_valid_for_its_country_and_kind(country, kind, seed):
    value = generate_company_id(country, random.Random(seed), kind)
    parsed = parse_company_id(value, country)
    surrogate = _check_common("COMPANY_ID", value, country=country)
    assert parse_company_id(surrogate, country, parsed.kind) is not None
    assert _shape(surrogate) == _shape(value)
    assert [ch for ch in surrogate if not ch.isdigit()] == [ch for ch in value if not ch.isdigit()]


@SETTINGS
@given(seed=seeds, brand=st.sampled_from(["visa", "mastercard"]))
def test_card_surrogate_is_luhn_valid_and_same_network(seed, brand):
    value = generate_card_number(random.Random(seed), brand)
    surrogate = _check_common("ACCOUNT_ID", value)
    assert luhn_is_valid(surrogate) and surrogate[0] == value[0] and len(surrogate) == len(value)


@SETTINGS
@given(
    seed=seeds, layout=st.sampled_from(["+39 3## #######", "+46 7#-### ## ##", "+420 ### ### ###", "0040 7## ### ###"])
)
def test_phone_keeps_calling_code_and_layout(seed, layout):
    rng = random.Random(seed)
    value = "".join(str(rng.randrange(10)) if ch == "#" else ch for ch in layout)
    surrogate = _check_common("PHONE", value)
    prefix = layout.split(" ")[0]
    assert surrogate.startswith(prefix) and _shape(surrogate) == _shape(value)


@SETTINGS
@given(days=st.integers(min_value=0, max_value=40000), layout=st.sampled_from(["%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y"]))
def test_date_keeps_its_format(days, layout):
    import datetime as dt

    value = (dt.date(1920, 1, 1) + dt.timedelta(days=days)).strftime(layout)
    surrogate = _check_common("DATE", value)
    dt.datetime.strptime(surrogate, layout)  # parses in the same layout


@pytest.mark.parametrize(("language", "name"), [("ro", "Ion Popescu"), ("pl", "Anna Kowalska"), ("it", "ROSSI Chiara")])
def test_names_come_from_the_locale_and_keep_casing(language, name):
    from kp_core.locales import get_locale

    surrogate = _check_common("PERSON", name, language=language)
    loc = get_locale(language)
    surnames = {s.casefold() for pair in loc.surnames for s in pair}
    assert any(part.casefold() in surnames for part in surrogate.split())
    assert [p.isupper() for p in surrogate.split()] == [p.isupper() for p in name.split()]


def test_another_key_gives_other_surrogates():
    values = [generate_national_id("PL", random.Random(i)) for i in range(50)]
    ours = [Pseudonymizer(KEY).surrogate("NATIONAL_ID", v, country="PL") for v in values]
    theirs = [Pseudonymizer(OTHER_KEY).surrogate("NATIONAL_ID", v, country="PL") for v in values]
    assert sum(a != b for a, b in zip(ours, theirs, strict=True)) >= 49


def test_bijective_over_100000_values():
    rng = random.Random(11)
    values = set()
    while len(values) < 100_000:
        values.add(f"+48 {rng.randrange(10**8, 10**9)}")
    pseudonymizer = Pseudonymizer(KEY)
    surrogates = [pseudonymizer.surrogate("PHONE", v) for v in sorted(values)]
    assert len(set(surrogates)) == len(values)


@SETTINGS
@given(seed=seeds)
def test_reidentify_inverts_pseudonymize(seed, tmp_path_factory):
    from kp_core.sdk import pseudonymize, reidentify

    rng = random.Random(seed)
    country = rng.choice(supported_countries())
    text = f"ID {generate_national_id(country, rng)} , IBAN {generate_iban('IT', rng)} ."
    vault = tmp_path_factory.mktemp("v") / "vault.db"
    result = pseudonymize(text, key=KEY, vault=vault, country=country)
    assert result.text != text
    assert reidentify(result.text, vault, KEY) == text
