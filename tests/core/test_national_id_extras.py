"""kp-only national IDs for EU countries outside EuroPriv-Bench."""

from __future__ import annotations

import datetime
import random

import pytest

from kp_core.identifiers.national_id import parse_national_id, supported_countries
from kp_core.identifiers.national_id.extras import (
    extra_countries,
    generate_extra_national_id,
    get_extra_validators,
    parse_extra_national_id,
)

PUBLISHED = [
    ("PT", "123456789", None, None),
    ("HU", "123 456 788", None, None),  # TAJ
    ("GR", "01013099997", datetime.date(1930, 1, 1), "M"),
    ("BG", "7523169263", datetime.date(1875, 3, 16), "M"),
    ("HR", "94577403194", None, None),
    ("LV", "161175-19997", datetime.date(1975, 11, 16), None),
    ("AT", "1237010180", datetime.date(1980, 1, 1), None),
    ("BE", "85.07.30-033.28", datetime.date(1985, 7, 30), "M"),
    ("IE", "1234567T", None, None),
    ("IE", "1234567TW", None, None),
    ("LU", "1893120105732", datetime.date(1893, 12, 1), None),
    ("MT", "1234567M", None, None),
]
INVALID = [
    ("PT", "123456788"),
    ("HU", "123 456 789"),
    ("GR", "01013099998"),
    ("BG", "7523169264"),
    ("HR", "94577403195"),
    ("LV", "161175-19998"),
    ("AT", "1238010180"),
    ("BE", "85.07.30-033.29"),
    ("IE", "1234567U"),
    ("LU", "1893120105733"),
    ("MT", "1234567X"),
]


def test_extras_are_separate_from_the_harness_registry() -> None:
    assert set(extra_countries()) >= {"PT", "HU", "GR", "BG", "HR", "LV", "AT", "BE", "IE", "LU", "MT"}
    assert not set(extra_countries()) & set(supported_countries())
    for cc, value, *_ in PUBLISHED:
        assert parse_national_id(value, cc) is None  # harness dispatch never sees extra countries


@pytest.mark.parametrize(("country", "value", "birth", "sex"), PUBLISHED)
def test_published_examples(country: str, value: str, birth: datetime.date | None, sex: str | None) -> None:
    parsed = parse_extra_national_id(value, country)
    assert parsed is not None and parsed.birth_date == birth and parsed.sex == sex


@pytest.mark.parametrize(("country", "value"), INVALID)
def test_invalid_examples(country: str, value: str) -> None:
    assert parse_extra_national_id(value, country) is None


@pytest.mark.parametrize("country", ["PT", "HU", "GR", "BG", "HR", "LV", "AT", "BE", "IE", "LU", "MT"])
def test_generators_round_trip(country: str) -> None:
    rng = random.Random(country)
    for validator in get_extra_validators(country):
        for i in range(2000):
            birth = datetime.date.fromordinal(
                rng.randint(datetime.date(1950, 1, 1).toordinal(), datetime.date(2015, 12, 31).toordinal())
            )
            sex = rng.choice("MF")
            value = generate_extra_national_id(
                country, rng, name=validator.name, birth_date=birth, sex=sex, formatted=i % 2 == 0
            )
            parsed = validator.parse(value)
            assert parsed is not None, (country, validator.name)
            if "DATE_OF_BIRTH" in parsed.quasi_identifiers:
                assert parsed.birth_date == birth
            if "SEX" in parsed.quasi_identifiers:
                assert parsed.sex == sex


def test_unknown_extra_country() -> None:
    assert parse_extra_national_id("123", "US") is None
    with pytest.raises(KeyError, match="known"):
        generate_extra_national_id("US", random.Random(0))


def test_verhoeff_known_values() -> None:
    from kp_core.identifiers.national_id.extras import verhoeff_check_digit

    assert (verhoeff_check_digit("236"), verhoeff_check_digit("12345"), verhoeff_check_digit("142857")) == (3, 1, 0)
