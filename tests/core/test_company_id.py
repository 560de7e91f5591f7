"""Company identifiers: national registers and EU VAT numbers."""

from __future__ import annotations

import random

import pytest

from kp_core.identifiers.company_id import company_id_countries, company_id_kinds, generate_company_id, parse_company_id

EU27 = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()

# Published examples (registry/tax-office documentation, public company records).
PUBLISHED = [
    ("RO", "18547290", "cui"),
    ("RO", "RO18547290", "vat"),
    ("RO", "J40/1234/2019", "trade_register"),
    ("PL", "123-456-32-18", "nip"),
    ("PL", "123456785", "regon"),
    ("PL", "KRS 0000123456", "krs"),
    ("IT", "00743110157", "partita_iva"),
    ("DE", "HRB 12345", "handelsregister"),
    ("DE", "DE136695976", "vat"),
    ("FR", "732 829 320", "siren"),
    ("FR", "732 829 320 00074", "siret"),
    ("FR", "FR40303265045", "vat"),
    ("ES", "A58818501", "cif"),
    ("NL", "NL004495445B01", "vat"),
    ("CZ", "00006947", "ico"),
    ("SK", "SK2022749619", "vat"),
    ("DK", "13585628", "cvr"),
    ("SE", "556016-0680", "orgnr"),
    ("FI", "0112038-9", "y_tunnus"),
    ("EE", "10137025", "registrikood"),
    ("LT", "110053842", "imones_kodas"),
    ("SI", "SI50223054", "vat"),
    ("AT", "ATU13585627", "vat"),
    ("BE", "BE0403019261", "vat"),
    ("BG", "BG175074752", "vat"),
    ("CY", "CY10259033P", "vat"),
    ("GR", "EL094259216", "vat"),
    ("HR", "HR33392005961", "vat"),
    ("HU", "HU12892312", "vat"),
    ("IE", "IE6433435F", "vat"),
    ("LU", "LU15027442", "vat"),
    ("LV", "LV40003521600", "vat"),
    ("MT", "MT11679112", "vat"),
    ("PT", "PT501964843", "vat"),
    ("EE", "EE100931558", "vat"),
    ("LT", "LT119511515", "vat"),
    ("SE", "SE556016068001", "vat"),
    ("FI", "FI01120389", "vat"),
]

INVALID = [
    ("RO", "18547291"),  # CUI control key 753217532 fails
    ("RO", "J41/1234/2019"),  # 41 is not a county code of the register
    ("PL", "123-456-32-19"),
    ("PL", "123456786"),
    ("IT", "00743110158"),
    ("DE", "HRC 12345"),
    ("DE", "DE136695977"),
    ("FR", "732 829 321"),
    ("FR", "FR41303265045"),
    ("ES", "A58818502"),
    ("ES", "P5881850J"[:-1] + "1"),  # P-type CIFs need a control letter
    ("CZ", "00006948"),
    ("DK", "13585627"),
    ("SE", "556016-0681"),
    ("SE", "551316-0680"[:-1] + "0"),
    ("FI", "0112038-8"),
    ("EE", "10137026"),
    ("LT", "110053843"),
    ("SI", "SI50223055"),
    ("AT", "ATU13585626"),
    ("BE", "BE0403019262"),
    ("NL", "NL004495446B01"),
    ("LU", "LU15027443"),
    ("MT", "MT11679113"),
    ("PT", "PT501964842"),
    ("HU", "HU12892313"),
    ("XX", "12345678"),
]


@pytest.mark.parametrize(("country", "value", "kind"), PUBLISHED)
def test_published_examples(country: str, value: str, kind: str) -> None:
    parsed = parse_company_id(value, country)
    assert parsed is not None and parsed.kind == kind and parsed.country == country


@pytest.mark.parametrize(("country", "value"), INVALID)
def test_invalid_examples(country: str, value: str) -> None:
    assert parse_company_id(value, country) is None


def test_every_eu_country_has_a_vat_kind() -> None:
    assert set(EU27) <= set(company_id_countries())
    for cc in EU27:
        assert company_id_kinds(cc)[0] == "vat"


def test_required_national_kinds() -> None:
    assert company_id_kinds("RO") == ("vat", "cui", "trade_register")
    assert company_id_kinds("PL") == ("vat", "nip", "regon", "krs")
    assert company_id_kinds("FR") == ("vat", "siren", "siret")
    for cc, kind in [("IT", "partita_iva"), ("DE", "handelsregister"), ("ES", "cif"), ("NL", "kvk"), ("CZ", "ico"),
                     ("SK", "ico"), ("DK", "cvr"), ("SE", "orgnr"), ("FI", "y_tunnus"), ("EE", "registrikood"),
                     ("LT", "imones_kodas"), ("SI", "maticna_stevilka")]:  # fmt: skip
        assert kind in company_id_kinds(cc)


def test_generators_round_trip_every_kind() -> None:
    rng = random.Random(11)
    for cc in company_id_countries():
        for kind in company_id_kinds(cc):
            for _ in range(300):
                value = generate_company_id(cc, rng, kind)
                parsed = parse_company_id(value, cc, kind)
                assert parsed is not None, (cc, kind)


def test_ro_cui_variants_and_j_number_normalisation() -> None:
    assert parse_company_id("ro 18547290", "RO").value == "RO18547290"
    assert parse_company_id("J40/001234/2019", "RO").value == "J40/1234/2019"
    assert parse_company_id("J 40/1234/2019", "RO").kind == "trade_register"
    assert parse_company_id("J201900123440", "RO").kind == "trade_register"  # J + year + order + county
    rng = random.Random(3)
    cui = generate_company_id("RO", rng, "cui")
    assert 2 <= len(cui) <= 10 and parse_company_id("RO" + cui, "RO").kind == "vat"


def test_fr_la_poste_siret_exception() -> None:
    assert parse_company_id("35600000000010", "FR", "siret") is not None  # digit sum 15: divisible by 5
    assert parse_company_id("35600000000011", "FR", "siret") is None


def test_default_kind_and_errors() -> None:
    rng = random.Random(4)
    assert parse_company_id(generate_company_id("DK", rng), "DK").kind == "cvr"
    assert parse_company_id(generate_company_id("AT", rng), "AT").kind == "vat"
    with pytest.raises(KeyError, match="known"):
        generate_company_id("US", rng)
    with pytest.raises(KeyError, match="known"):
        generate_company_id("RO", rng, "siren")
    assert parse_company_id("18547290", "RO", kind="siren") is None


def test_single_digit_mutation_of_checked_kinds() -> None:
    # Kinds whose checksum catches every single-digit change (prime modulus or Luhn, no 10->0 fold).
    rng = random.Random(5)
    for cc, kind in [("FR", "siren"), ("IT", "partita_iva"), ("DK", "cvr"), ("SE", "orgnr"), ("PL", "nip")]:
        for _ in range(50):
            value = generate_company_id(cc, rng, kind).replace("-", "")
            for i, ch in enumerate(value):
                for d in "0123456789":
                    if d != ch:
                        assert parse_company_id(value[:i] + d + value[i + 1 :], cc, kind) is None, (cc, kind)
