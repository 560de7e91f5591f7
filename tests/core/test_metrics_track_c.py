"""Track C metrics: the contract's vectors for structural disruption, information retention and
redaction leakage, and the bijection rates."""

from __future__ import annotations

import pytest

from kp_core.metrics import (
    information_retention,
    pseudonymization_consistency,
    redaction_leakage,
    structural_disruption,
)
from kp_core.metrics.track_c import is_mask_token, value_survives

from .test_metrics_leakage import CNP_A, CNP_B, make_row


def test_structural_disruption_vector():
    out = structural_disruption([{"text": "a b c", "spans": []}], ["a [REDACTED] c ***"])
    assert out["mask_token_ratio"] == 0.5
    assert out["length_delta_ratio"] == pytest.approx(1 / 3)
    assert (out["mask_tokens"], out["output_tokens"], out["is_proxy"]) == (2.0, 4.0, 1.0)


@pytest.mark.parametrize(
    ("token", "mask"),
    [
        ("█", True),
        ("███", True),
        ("[MASK]", True),
        ("<pii>", True),
        ("xX", True),
        ("x", False),
        ("█,", False),
        ("()", False),
    ],
)
def test_mask_tokens(token, mask):
    assert is_mask_token(token) is mask


def test_information_retention_vector_and_empty():
    assert information_retention([{"text": "a b a", "spans": []}], ["a b"])["information_retention"] == pytest.approx(
        2 / 3
    )
    row = make_row([("Ion", "PERSON")])
    out = information_retention([row], ["█"])
    assert (out["information_retention"], out["non_pii_tokens"]) == (1.0, 0.0)


def test_information_retention_counts_only_non_pii_tokens():
    row = make_row([("Pacient", None), ("Ion Pop", "PERSON"), ("internat", None)])
    out = information_retention([row], ["Pacient █ internat"])
    assert (out["non_pii_tokens"], out["non_pii_tokens_retained"], out["information_retention"]) == (2.0, 2.0, 1.0)


def test_redaction_leak_on_partial_survival():
    row = make_row([("CNP", None), (CNP_A, "NATIONAL_ID"), (".", None)], country="RO")
    assert redaction_leakage([row], [f"CNP █{CNP_A[-4:]} ."])["leak_rate"] == 1.0
    # A fully masked gold CNP is not a leak, even when another valid CNP appears in the output.
    assert redaction_leakage([row], [f"CNP █ . {CNP_B}"])["subjects_leaked"] == 0.0


def test_redaction_leak_keys_and_qis():
    row = make_row([(CNP_A, "NATIONAL_ID")], country="RO")
    out = redaction_leakage([row], [CNP_A])
    assert list(out) == [
        "subjects_total",
        "subjects_leaked",
        "leak_rate",
        "leak_rate_ci_low",
        "leak_rate_ci_high",
        "leaked_quasi_identifiers",
    ]
    assert (out["subjects_total"], out["subjects_leaked"], out["leaked_quasi_identifiers"]) == (1.0, 1.0, 3.0)


def test_value_survives_rules():
    assert value_survives("a b c 1 2 3 4", "x1234") is True  # whitespace stripped from the document
    assert value_survives("ab", "ab") is True and value_survives("a", "ab") is False  # short values: whole value
    assert value_survives("anything", "") is False


def test_pseudonymization_consistency():
    rows = [{"text": "x", "spans": []}] * 3
    maps = [{"Ion Pop": "PERSON_1", "IonPop": "PERSON_1"}, {"Ana": "PERSON_2"}, {"Ion Pop": "PERSON_3"}]
    out = pseudonymization_consistency(rows, maps)
    assert (out["in_doc_bijection_rate"], out["in_doc_entities"]) == (1.0, 3.0)
    # Across documents "IonPop" has two surrogates, so only Ana is good.
    assert (out["cross_doc_bijection_rate"], out["cross_doc_entities"]) == (0.5, 2.0)
    shared = pseudonymization_consistency(rows[:1], [{"A": "S_1", "B": "S_1"}])
    assert shared["in_doc_bijection_rate"] == 0.0
    assert pseudonymization_consistency([], [])["cross_doc_bijection_rate"] == 1.0
