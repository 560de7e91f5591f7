"""IBAN, Luhn and card-number checksums."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kp_core.identifiers.checksums import (
    IBAN_GENERATION_COUNTRIES,
    card_brand,
    generate_card_number,
    generate_iban,
    iban_country_length,
    iban_is_valid,
    iban_national_check,
    is_digits,
    luhn_check_digit,
    luhn_is_valid,
    mod11_two_pass,
    weighted_sum,
)

EU_EEA_GB_CH = (
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB CH"
).split()

# Example IBANs published in the SWIFT IBAN registry / national bank documentation.
PUBLISHED = {
    "AT": "AT61 1904 3002 3457 3201",
    "BE": "BE68 5390 0754 7034",
    "BG": "BG80 BNBG 9661 1020 3456 78",
    "CH": "CH93 0076 2011 6238 5295 7",
    "CY": "CY17 0020 0128 0000 0012 0052 7600",
    "CZ": "CZ65 0800 0000 1920 0014 5399",
    "DE": "DE89 3704 0044 0532 0130 00",
    "DK": "DK50 0040 0440 1162 43",
    "EE": "EE38 2200 2210 2014 5685",
    "ES": "ES91 2100 0418 4502 0005 1332",
    "FI": "FI21 1234 5600 0007 85",
    "FR": "FR14 2004 1010 0505 0001 3M02 606",
    "GB": "GB29 NWBK 6016 1331 9268 19",
    "GR": "GR16 0110 1250 0000 0001 2300 695",
    "HR": "HR12 1001 0051 8630 0016 0",
    "HU": "HU42 1177 3016 1111 1018 0000 0000",
    "IE": "IE29 AIBK 9311 5212 3456 78",
    "IS": "IS14 0159 2600 7654 5510 7303 39",
    "IT": "IT60 X054 2811 1010 0000 0123 456",
    "LI": "LI21 0881 0000 2324 013A A",
    "LT": "LT12 1000 0111 0100 1000",
    "LU": "LU28 0019 4006 4475 0000",
    "LV": "LV80 BANK 0000 4351 9500 1",
    "MT": "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
    "NL": "NL91 ABNA 0417 1643 00",
    "NO": "NO93 8601 1117 947",
    "PL": "PL61 1090 1014 0000 0712 1981 2874",
    "PT": "PT50 0002 0123 1234 5678 9015 4",
    "RO": "RO49 AAAA 1B31 0075 9384 0000",
    "SE": "SE45 5000 0000 0583 9825 7466",
    "SI": "SI56 2633 0001 2039 086",
    "SK": "SK31 1200 0000 1987 4263 7541",
}
NATIONAL_CHECKED = {"BE", "CZ", "EE", "ES", "FI", "FR", "HR", "HU", "IT", "NO", "PL", "PT", "SI", "SK"}


def test_generation_covers_eu_eea_gb_ch() -> None:
    assert set(EU_EEA_GB_CH) <= set(IBAN_GENERATION_COUNTRIES)
    assert set(PUBLISHED) == set(EU_EEA_GB_CH)


@pytest.mark.parametrize(("country", "iban"), PUBLISHED.items())
def test_published_examples(country: str, iban: str) -> None:
    assert iban_is_valid(iban)
    assert iban_is_valid(iban.replace(" ", "").lower())
    assert len(iban.replace(" ", "")) == iban_country_length(country)
    if country in NATIONAL_CHECKED:
        assert iban_national_check(iban) is True


@pytest.mark.parametrize("country", EU_EEA_GB_CH)
def test_generated_ibans_valid_with_national_structure(country: str) -> None:
    rng = random.Random(country)
    for i in range(2000):
        iban = generate_iban(country, rng, formatted=i % 2 == 0)
        compact = iban.replace(" ", "")
        assert iban_is_valid(iban), country
        assert len(compact) == iban_country_length(country)
        assert compact.startswith(country)
        assert iban_national_check(iban) is (True if country in NATIONAL_CHECKED else None)


def test_formatted_groups_of_four() -> None:
    iban = generate_iban("HU", random.Random(0))
    assert re.fullmatch(r"HU[0-9]{2}( [0-9]{4}){6}", iban)


def test_fixed_iban_check_digits_where_the_national_check_forces_them() -> None:
    # Portugal's NIB and Slovenia's BBAN check make every IBAN start PT50 / SI56.
    rng = random.Random(5)
    assert {generate_iban("PT", rng, formatted=False)[:4] for _ in range(200)} == {"PT50"}
    assert {generate_iban("SI", rng, formatted=False)[:4] for _ in range(200)} == {"SI56"}


@pytest.mark.parametrize(
    "bad",
    [
        "DE89 3704 0044 0532 0130 01",  # mod 97 fails
        "DE89 3704 0044 0532 0130 0",  # too short
        "XX89 3704 0044 0532 0130 00",  # unknown country
        "GB29 1234 6016 1331 9268 19",  # GB bank code must be letters
        "DE89-3704-0044-0532-0130-00",  # hyphens are not IBAN separators
        "",
    ],
)
def test_invalid_ibans(bad: str) -> None:
    assert not iban_is_valid(bad)


def test_national_check_detects_broken_bban_with_valid_mod97() -> None:
    # Break the Spanish DC digits, then repair the IBAN's own check digits.
    bban = "21000418" + "46" + "0200051332"
    digits = "".join(str(int(c, 36)) for c in bban + "ES00")
    iban = f"ES{98 - int(digits) % 97:02d}{bban}"
    assert iban_is_valid(iban) and iban_national_check(iban) is False


def test_single_digit_mutation_breaks_mod97() -> None:
    rng = random.Random(6)
    for country in EU_EEA_GB_CH:
        iban = generate_iban(country, rng, formatted=False)
        for i in range(4, len(iban)):
            if iban[i].isdigit():
                mutant = iban[:i] + str((int(iban[i]) + 3) % 10) + iban[i + 1 :]
                assert not iban_is_valid(mutant)


def test_unknown_country_errors() -> None:
    with pytest.raises(KeyError, match="supported"):
        generate_iban("US", random.Random(0))
    with pytest.raises(KeyError):
        iban_country_length("US")


# --- Luhn and cards -------------------------------------------------------------------------
def test_luhn_known_values() -> None:
    assert luhn_is_valid("79927398713")  # the classic worked example
    assert not luhn_is_valid("79927398710")
    assert luhn_check_digit("7992739871") == 3
    assert luhn_is_valid("4111 1111 1111 1111")
    assert luhn_is_valid("3782-822463-10005")
    assert not luhn_is_valid("0")
    assert not luhn_is_valid("4111a111")
    with pytest.raises(ValueError):
        luhn_check_digit("12a")


@given(st.text(alphabet="0123456789", min_size=1, max_size=30))
def test_luhn_check_digit_property(payload: str) -> None:
    check = luhn_check_digit(payload)
    assert luhn_is_valid(payload + str(check))
    assert not luhn_is_valid(payload + str((check + 1) % 10))


@pytest.mark.parametrize(
    ("brand", "length", "prefix"),
    [
        ("visa", 16, r"4"),
        ("mastercard", 16, r"5[1-5]|2(22[1-9]|2[3-9][0-9]|[3-6][0-9]{2}|7[01][0-9]|720)"),
        ("amex", 15, r"3[47]"),
    ],
)
def test_card_numbers(brand: str, length: int, prefix: str) -> None:
    rng = random.Random(brand)
    for _ in range(2000):
        number = generate_card_number(rng, brand=brand)
        assert len(number) == length and re.match(prefix, number)
        assert luhn_is_valid(number) and card_brand(number) == brand
    printed = generate_card_number(rng, brand=brand, formatted=True)
    assert printed.replace(" ", "").isdigit() and card_brand(printed) == brand
    with pytest.raises(ValueError, match="known"):
        generate_card_number(rng, brand="diners")


def test_mod11_two_pass_published_and_second_pass() -> None:
    assert mod11_two_pass("3760503029") == 9  # EE isikukood 37605030299
    assert mod11_two_pass("3330924006") == 4  # LT asmens kodas 33309240064
    # A body whose first pass leaves 10 goes to the second weights (3..9,1,2,3), where 10 becomes 0.
    first, second = (1, 2, 3, 4, 5, 6, 7, 8, 9, 1), (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)
    bodies = (f"{n:010d}" for n in range(3_000_000_000, 3_000_100_000))
    hits = [b for b in bodies if sum(int(c) * w for c, w in zip(b, first, strict=True)) % 11 == 10]
    assert hits
    for body in hits[:200]:
        expected = sum(int(c) * w for c, w in zip(body, second, strict=True)) % 11 % 10
        assert mod11_two_pass(body) == expected


def test_is_digits_and_weighted_sum() -> None:
    assert is_digits("0123", 4) and not is_digits("0123", 3, 5) and not is_digits("01a3", 4)
    assert not is_digits("١٢٣", 3)  # Arabic-Indic digits are not ASCII digits
    assert weighted_sum("1234", (1, 2)) == 5
