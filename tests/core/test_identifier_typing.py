"""Identifier typing: kp's validators type a model's identifier-shaped spans and add what it missed."""

from __future__ import annotations

import random

import pytest

from kp_core.identifiers.checksums import iban_is_valid
from kp_core.identifiers.company_id import generate_company_id
from kp_core.identifiers.national_id import generate_national_id
from kp_core.rules.detector import RulesDetector
from kp_core.rules.identifier_typing import IdentifierTyping, type_identifiers
from kp_core.types import Span

IBAN = "DE89 3704 0044 0532 0130 00"


class Spans:
    """A stand-in model that returns the spans it is told to, found by their text."""

    name = "stand-in"
    model_id = "stand-in"

    def __init__(self, *marks: tuple[str, str]) -> None:
        self.marks = marks

    def predict_spans(self, texts):
        out = []
        for text in texts:
            spans = []
            for value, label in self.marks:
                at = text.find(value)
                if at >= 0:
                    spans.append(Span(at, at + len(value), label, 0.8))
            out.append(sorted(spans, key=lambda s: s.start))
        return out


def typed(text: str, *marks: tuple[str, str]) -> list[tuple[str, str]]:
    [spans] = IdentifierTyping(Spans(*marks)).predict_spans([text])
    return [(s.label, text[s.start : s.end]) for s in spans]


def test_a_valid_national_id_the_model_called_phone_becomes_national_id() -> None:
    pesel = generate_national_id("PL", random.Random(3))
    text = f"Jan Kowalski, ur. w Krakowie, {pesel}, tel. 601 234 567."
    assert typed(text, (pesel, "PHONE"), ("601 234 567", "PHONE")) == [("NATIONAL_ID", pesel), ("PHONE", "601 234 567")]


def test_a_weak_validator_needs_its_word_unless_the_model_said_national_id() -> None:
    # Bare DK CPR digits: any date and serial pass, so a phone-looking value stays a phone ...
    cpr = generate_national_id("DK", random.Random(5), formatted=False)
    assert typed(f"Ring {cpr} i dag.", (cpr, "PHONE")) == [("PHONE", cpr)]
    # ... but after its word, or when the model already called it a national ID, it is one.
    assert typed(f"CPR-nummer {cpr}.", (cpr, "PHONE")) == [("NATIONAL_ID", cpr)]
    assert typed(f"Ring {cpr} i dag.", (cpr, "NATIONAL_ID")) == [("NATIONAL_ID", cpr)]


def test_a_company_id_needs_its_register_word() -> None:
    cvr = generate_company_id("DK", random.Random(7))
    # An 8-digit number that passes the CVR checksum is still a phone number without "CVR".
    assert typed(f"Telefon {cvr}.", (cvr, "PHONE")) == [("PHONE", cvr)]
    assert typed(f"Acme ApS, CVR-nummer {cvr}.", (cvr, "PHONE")) == [("COMPANY_ID", cvr)]
    # Missed by the model altogether: added, with the model's other spans kept.
    assert typed(f"Acme ApS, CVR-nummer {cvr}.", ("Acme ApS", "ORG_PARTY")) == [
        ("ORG_PARTY", "Acme ApS"),
        ("COMPANY_ID", cvr),
    ]


def test_swedish_organisation_and_personal_numbers_look_alike_and_are_told_apart() -> None:
    rng = random.Random(11)
    org, person = generate_company_id("SE", rng), generate_national_id("SE", rng)
    assert org[6] == "-" and person[6] == "-" and len(org) == len(person) == 11  # same shape
    text = f"Bolaget AB, organisationsnummer {org}, företrätt av Eva Berg, personnummer {person}."
    assert typed(text, (org, "NATIONAL_ID"), (person, "COMPANY_ID")) == [("COMPANY_ID", org), ("NATIONAL_ID", person)]


def test_the_validated_extent_replaces_a_cut_or_overgrown_identifier() -> None:
    assert iban_is_valid(IBAN.replace(" ", ""))
    text = f"Bitte überweisen Sie auf IBAN {IBAN} bis Freitag."
    assert typed(text, ("3704 0044 0532", "ACCOUNT_ID")) == [("ACCOUNT_ID", IBAN)]
    assert typed(text, ("3704 0044", "PHONE"), ("0130 00", "PHONE")) == [("ACCOUNT_ID", IBAN)]
    assert typed(text, (f"{IBAN} bis", "ACCOUNT_ID")) == [("ACCOUNT_ID", IBAN)]


def test_a_validated_value_inside_a_span_of_another_kind_is_cut_out_of_it() -> None:
    pesel = generate_national_id("PL", random.Random(3))
    text = f"Adres: ul. Długa {pesel} Kraków."
    # The whole value under a label that is no identifier's: the validator's type.
    assert typed(f"PESEL {pesel}.", (pesel, "DATE")) == [("NATIONAL_ID", pesel)]
    # An address run on over the value keeps what lies outside it; the value is the ID.
    assert typed(text, (f"ul. Długa {pesel} Kraków", "ADDRESS")) == [
        ("ADDRESS", "ul. Długa"),
        ("NATIONAL_ID", pesel),
        ("ADDRESS", "Kraków"),
    ]
    cvr = generate_company_id("DK", random.Random(7))
    text = f"Acme ApS, Vejen 3, 4000 Roskilde, CVR-nummer {cvr}"
    assert typed(text, (f"Vejen 3, 4000 Roskilde, CVR-nummer {cvr}", "ADDRESS")) == [
        ("ADDRESS", "Vejen 3, 4000 Roskilde, CVR-nummer"),
        ("COMPANY_ID", cvr),
    ]


def test_typing_leaves_correct_spans_alone() -> None:
    """Spans that already carry the validated type, and spans of other types, are kept as given."""
    rng = random.Random(2)
    pesel, cvr = generate_national_id("PL", rng), generate_company_id("DK", rng)
    text = f"PESEL {pesel}; CVR {cvr}; sygn. akt 1234; e-mail a@b.pl"
    marks = [(pesel, "NATIONAL_ID"), (cvr, "COMPANY_ID"), ("1234", "CASE_NUMBER"), ("a@b.pl", "EMAIL")]
    assert typed(text, *marks) == [(label, value) for value, label in marks]


@pytest.mark.parametrize("country", ["IT", "SE", "CZ", "DK", "PL", "FR", "ES"])
def test_rules_find_company_ids_after_their_register_word(country: str) -> None:
    word = {"IT": "partita IVA", "SE": "organisationsnummer", "CZ": "IČO", "DK": "CVR-nummer", "PL": "NIP",
            "FR": "SIREN", "ES": "CIF"}[country]  # fmt: skip
    value = generate_company_id(country, random.Random(13))
    text = f"Firma, {word} {value}, sídlo."
    found = [(s.label, text[s.start : s.end]) for s in RulesDetector().find(text)]
    assert ("COMPANY_ID", value) in found
    assert [s for s in RulesDetector().find(f"Firma, číslo {value}.") if s.label == "COMPANY_ID"] == []


def test_type_identifiers_keeps_the_protocol_shape() -> None:
    pesel = generate_national_id("PL", random.Random(3))
    text = f"{pesel} {IBAN}"
    validated = [s for s in RulesDetector().find(text) if s.label != "PHONE"]
    out = type_identifiers(text, [Span(0, 4, "PHONE", 0.5)], validated)
    assert [s.label for s in out] == ["NATIONAL_ID", "ACCOUNT_ID"]
    assert all(a.end <= b.start for a, b in zip(out, out[1:], strict=False))


def test_a_personal_number_after_a_company_register_word_is_a_company_id() -> None:
    """A Swedish sole trader's organisationsnummer is the owner's personnummer."""
    person = generate_national_id("SE", random.Random(17))
    text = f"Eva Bergs Firma, organisationsnummer {person}, Storgatan 1."
    assert typed(text, (person, "PHONE")) == [("COMPANY_ID", person)]
    assert typed(text) == [("COMPANY_ID", person)]
