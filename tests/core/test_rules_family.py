"""The built-in rules family: validated patterns, precision-first policy, dev-slice figures."""

from __future__ import annotations

import random

import pytest

from kp_core.identifiers.checksums import generate_card_number, generate_iban
from kp_core.identifiers.national_id import generate_national_id, supported_countries
from kp_core.plugins.models import load_detector
from kp_core.rules.union import WithRules
from kp_core.sdk import extract_pii
from kp_core.types import Span


def _labels(text: str) -> list[tuple[str, str]]:
    return [(s.label, s.text) for s in extract_pii(text)]


def test_rules_is_the_default_model(monkeypatch):
    monkeypatch.delenv("KP_MODEL", raising=False)
    assert load_detector().name == "rules"
    assert load_detector("rules") is load_detector("rules:builtin")


@pytest.mark.parametrize("country", supported_countries())
def test_every_national_id_is_found_with_its_context_word(country):
    rng = random.Random(7)
    for _ in range(20):
        value = generate_national_id(country, rng)
        found = _labels(f"Patient ID number: {value} .")
        assert ("NATIONAL_ID", value) in found, (country, len(value))


def test_checksums_decide():
    rng = random.Random(3)
    cnp = generate_national_id("RO", rng, formatted=False)
    broken = cnp[:-1] + str((int(cnp[-1]) + 1) % 10)
    assert ("NATIONAL_ID", cnp) in _labels(f"CNP {cnp}")
    assert not [x for x in _labels(f"CNP {broken}") if x[0] == "NATIONAL_ID"]
    iban = generate_iban("DE", rng, formatted=True)
    assert ("ACCOUNT_ID", iban) in _labels(f"IBAN: {iban}.")
    assert not _labels("IBAN: DE00 1234 5678 9012 3456 78.")
    card = generate_card_number(rng, "visa")
    assert ("ACCOUNT_ID", card) in _labels(f"card {card}")
    assert not _labels("card 4111111111111112")


def test_weak_validators_need_context_at_the_precision_point():
    # A bare 10-digit string that happens to be a valid date + serial must not become a CPR alone.
    assert not [x for x in _labels("Order 0101901234 shipped") if x[0] == "NATIONAL_ID"]
    assert ("NATIONAL_ID", "0101901234") in _labels("CPR: 0101901234")
    recall = load_detector("rules", operating_point="recall")
    assert recall.predict_spans(["Order 0101901234 shipped"])[0]
    with pytest.raises(ValueError, match="operating point"):
        load_detector("rules", operating_point="bogus")


def test_an_option_a_family_does_not_take_is_a_clear_error():
    from kp_core.plugins.models import ModelResolutionError

    with pytest.raises(ModelResolutionError, match="rules family does not take the option.*bf16"):
        load_detector("rules", bf16=True)


def test_contacts_and_dates():
    text = (
        "Write to ana.pop@example.ro or see https://example.ro/x?a=1. Tel: 021 312 4567, "
        "mobile +40 721 234 567, born 03.02.1985, signed 3 martie 2021 and 2020-02-30 (not a date)."
    )
    found = _labels(text)
    assert ("EMAIL", "ana.pop@example.ro") in found
    assert ("URL", "https://example.ro/x?a=1") in found
    assert ("PHONE", "021 312 4567") in found and ("PHONE", "+40 721 234 567") in found
    assert ("DATE", "03.02.1985") in found and ("DATE", "3 martie 2021") in found
    assert not [x for x in found if x[1] == "2020-02-30"]


def test_company_numbers_are_not_national_ids():
    # A valid partita IVA is a company ID after its register word, never a national ID.
    assert _labels("partita IVA 77705279477 ,") == [("COMPANY_ID", "77705279477")]


def test_with_rules_union_adds_only_what_the_model_missed():
    class Fixed:
        name, model_id = "fixed", "fixed"

        def predict_spans(self, texts):
            return [[Span(0, 3, "PERSON", 0.8)] for _ in texts]

    text = "Ana, CNP 1800101221144"
    spans = WithRules(Fixed()).predict_spans([text])[0]
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 3, "PERSON"), (9, 22, "NATIONAL_ID")]


@pytest.mark.parametrize("slice_name", ["it", "se", "cz", "dk"])
def test_rules_alone_on_dev_slices(dev_rows, slice_name):
    rows = dev_rows[slice_name]
    predictions = extract_pii([r["text"] for r in rows])
    gold_ids = {
        (i, s["start"], s["end"]) for i, r in enumerate(rows) for s in r["spans"] if s["label"] == "NATIONAL_ID"
    }
    predicted_ids = {(i, s.start, s.end) for i, doc in enumerate(predictions) for s in doc if s.label == "NATIONAL_ID"}
    recall = len(gold_ids & predicted_ids) / len(gold_ids)
    precision = len(gold_ids & predicted_ids) / max(1, len(predicted_ids))
    assert recall >= 0.99 and precision >= 0.99, (recall, precision)


def test_spanish_and_portuguese_dates_with_de() -> None:
    """"18 de agosto de 1997" (es), "5 de maio de 2010" (pt): the connectors are part of the date;
    a month name alone after "de" with no day is not a date."""
    from kp_core.rules.detector import RulesDetector

    text = "El 18 de agosto de 1997, el 3 de marzo del 2001 y em 5 de maio de 2010. Casa de agosto 1997."
    [spans] = RulesDetector().predict_spans([text])
    dates = [text[s.start : s.end] for s in spans if s.label == "DATE"]
    assert dates == ["18 de agosto de 1997", "3 de marzo del 2001", "5 de maio de 2010"]
