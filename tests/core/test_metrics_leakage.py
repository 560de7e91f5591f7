"""Row metrics: national-ID leakage (CNP rules, alias, dump), TAB re-id, the name channel,
k-anonymity; and the fairness mask's effect on them."""

from __future__ import annotations

import pytest

from kp_core.encoding.grid import predicted_bioes, whitespace_tokens
from kp_core.metrics import (
    cnp_leakage,
    k_anonymity_violation,
    name_in_context_leakage,
    national_id_leakage,
    national_id_subject_detection,
    tab_reid_leakage,
    tab_reid_subject_detection,
)
from kp_core.metrics.kanon import dob_band
from kp_core.metrics.ro_nuts2 import COUNTIES, nuts2_for_county_code
from kp_core.types import Span

WEIGHTS = (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9)


def cnp(first12: str) -> str:
    total = sum(int(c) * w for c, w in zip(first12, WEIGHTS, strict=True)) % 11
    return first12 + str(1 if total == 10 else total)


CNP_A = cnp("180010140001")  # male, 1980-01-01, Bucharest (40)
CNP_B = cnp("290123112345")  # female, 1990-12-31, Sălaj (31)
CNP_FOREIGN = cnp("790123112345")  # century not encoded: SEX + COUNTY only


def make_row(parts: list[tuple[str, str | None]], **meta) -> dict:
    """Join (text, label) parts with spaces; labelled parts become gold spans."""
    text, spans, pos = "", [], 0
    for i, (chunk, label) in enumerate(parts):
        if i:
            text += " "
            pos += 1
        if label:
            spans.append({"start": pos, "end": pos + len(chunk), "label": label})
        text += chunk
        pos += len(chunk)
    return {"text": text, "spans": spans, **meta}


def tags_for(row: dict, labels: list[str | None]) -> list[str]:
    """Predicted tags from a per-token label list."""
    toks = whitespace_tokens(row["text"])
    assert len(labels) == len(toks)
    spans = [Span(s, e, lab) for (s, e), lab in zip(toks, labels, strict=True) if lab]
    return predicted_bioes(row["text"], spans)


def test_cnp_subjects_dedupe_and_leak_if_any_occurrence_missed():
    row = make_row(
        [("CNP", None), (CNP_A, "NATIONAL_ID"), ("cod", None), (CNP_A, "NATIONAL_ID"), ("x", None)], country="RO"
    )
    both = tags_for(row, [None, "NATIONAL_ID", None, "NATIONAL_ID", None])
    one = tags_for(row, [None, "NATIONAL_ID", None, None, None])
    assert national_id_leakage([row], [both])["decode_bearing_total"] == 1.0
    assert national_id_leakage([row], [both])["leak_rate"] == 0.0
    out = national_id_leakage([row], [one])
    assert (out["decode_bearing_missed"], out["leak_rate"], out["leaked_quasi_identifiers"]) == (1.0, 1.0, 3.0)


def test_output_keys_are_the_contracts():
    row = make_row([(CNP_A, "NATIONAL_ID")], country="RO")
    out = national_id_leakage([row], [["O"]])
    assert list(out) == [
        "decode_bearing_total",
        "decode_bearing_detected",
        "decode_bearing_missed",
        "leak_rate",
        "leak_rate_ci_low",
        "leak_rate_ci_high",
        "detection_rate",
        "leaked_quasi_identifiers",
        "coverage_only_total",
        "coverage_only_detected",
        "coverage_only_detection_rate",
        "ro_total",
        "ro_detected",
    ]
    assert all(isinstance(v, float) for v in out.values())


def test_any_label_validates_and_country_defaults_to_ro():
    row = make_row([("id", None), (CNP_A, "ACCOUNT_ID"), ("and", None), ("12345", "ACCOUNT_ID")])  # no country
    out = national_id_leakage([row], [["O"] * 4])
    assert out["decode_bearing_total"] == 1.0 and out["ro_total"] == 1.0


def test_type_is_ignored_but_the_mask_is_not():
    row = make_row([(CNP_A, "NATIONAL_ID")], country="RO")
    assert national_id_leakage([row], [["S-ACCOUNT_ID"]])["leak_rate"] == 0.0  # any non-O tag detects
    assert national_id_leakage([row], [["O"]])["leak_rate"] == 1.0  # a masked tag arrives as O


def test_same_value_in_two_documents_is_two_subjects_and_dump_is_sorted():
    rows = [make_row([(CNP_B, "NATIONAL_ID")], country="RO"), make_row([(CNP_A, "NATIONAL_ID")], country="RO")]
    dump = national_id_subject_detection(rows, [["S-NATIONAL_ID"], ["O"]])
    assert dump == [
        {"doc": 0, "country": "RO", "value": CNP_B, "decode_bearing": True, "detected": True},
        {"doc": 1, "country": "RO", "value": CNP_A, "decode_bearing": True, "detected": False},
    ]


def test_century_unknown_cnp_discloses_two_qis():
    row = make_row([(CNP_FOREIGN, "NATIONAL_ID")], country="RO")
    assert national_id_leakage([row], [["O"]])["leaked_quasi_identifiers"] == 2.0


def test_invalid_ids_are_not_subjects():
    bad = CNP_A[:-1] + str((int(CNP_A[-1]) + 1) % 10)
    row = make_row([(bad, "NATIONAL_ID")], country="RO")
    assert national_id_leakage([row], [["O"]])["decode_bearing_total"] == 0.0
    assert national_id_leakage([row], [["O"]])["leak_rate"] == 0.0


def test_cnp_alias_forces_ro_and_renames_keys():
    row = make_row([(CNP_A, "NATIONAL_ID")], country="PL")
    assert national_id_leakage([row], [["O"]])["decode_bearing_total"] == 0.0  # not a PESEL
    out = cnp_leakage([row], [["O"]])
    assert list(out) == [
        "cnp_total",
        "cnp_detected",
        "cnp_missed",
        "leak_rate",
        "leak_rate_ci_low",
        "leak_rate_ci_high",
        "detection_rate",
        "leaked_quasi_identifiers",
    ]
    assert (out["cnp_total"], out["cnp_missed"], out["leaked_quasi_identifiers"]) == (1.0, 1.0, 3.0)


def test_tag_count_must_match_the_grid():
    row = make_row([(CNP_A, "NATIONAL_ID")], country="RO")
    with pytest.raises(ValueError, match="document 0"):
        national_id_leakage([row], [["O", "O"]])


def test_tab_reid_example_from_the_contract():
    row = make_row(
        [("Mr", None), ("John Smith", "PERSON"), ("sued", None), ("Acme Ltd", "ORG_PARTY"), (".", None)],
    )
    row["spans"][0].update(entity_id="e1", identifier_type="DIRECT")
    row["spans"][1].update(entity_id="e2", identifier_type="quasi")
    tags = tags_for(row, [None, None, None, None, "ORG_PARTY", "ORG_PARTY", None])
    out = tab_reid_leakage([row], [tags])
    assert out["direct_leak_rate"] == 1.0 and out["quasi_leak_rate"] == 0.0
    assert (out["all_subjects_total"], out["all_subjects_leaked"]) == (2.0, 1.0)
    assert tab_reid_subject_detection([row], [tags]) == [
        {"doc": 0, "entity_id": "e1", "identifier_type": "DIRECT", "detected": False},
        {"doc": 0, "entity_id": "e2", "identifier_type": "QUASI", "detected": True},
    ]


def test_tab_coreference_chain_is_one_subject():
    row = make_row([("Smith", "PERSON"), ("and", None), ("Smith", "PERSON")])
    for s in row["spans"]:
        s.update(entity_id="e1", identifier_type="DIRECT")
    out = tab_reid_leakage([row], [["S-PERSON", "O", "O"]])
    assert (out["direct_subjects_total"], out["direct_subjects_leaked"]) == (1.0, 1.0)


def test_name_channel_and_cross_tab():
    rows = [
        make_row([("Ion  Pop", "PERSON"), (CNP_A, "NATIONAL_ID")], country="RO"),  # both leak
        make_row([("Ana Pop", "PERSON"), (CNP_B, "NATIONAL_ID")], country="RO"),  # name only leaks
        make_row([("Ana Pop", "PERSON")], country="RO"),  # no ID: outside the cross-tab
    ]
    tags = [["O", "O", "O"], ["O", "O", "S-NATIONAL_ID"], ["S-PERSON", "E-PERSON"]]
    tags[2] = ["B-PERSON", "E-PERSON"]
    out = name_in_context_leakage(rows, tags)
    assert (out["name_subjects_total"], out["name_subjects_leaked"]) == (3.0, 2.0)
    assert out["name_leak_rate"] == pytest.approx(2 / 3)
    assert (out["xtab_docs"], out["xtab_both_leaked"], out["xtab_name_only_leaked"]) == (2.0, 1.0, 1.0)
    assert (out["xtab_id_only_leaked"], out["xtab_neither_leaked"]) == (0.0, 0.0)


def test_k_anonymity_pretagged_tuples():
    rows = [
        {"text": "a", "spans": [], "qi_tuple": {"sex": "F", "nuts2": "RO32"}},
        {"text": "b", "spans": [], "qi_tuple": {"nuts2": "RO32", "sex": "F"}},
        {"text": "c", "spans": [], "qi_tuple": {"sex": "M", "nuts2": "RO11"}},
    ]
    out = k_anonymity_violation(rows, None)
    assert out["available"] is True
    assert out["equivalence_class_size_histogram"] == {"1": 1.0, "2": 1.0}
    assert (out["n_subjects"], out["n_equivalence_classes"]) == (3.0, 2.0)
    assert out["k1_violation_rate"] == pytest.approx(1 / 3) and out["klt5_violation_rate"] == 1.0


def test_k_anonymity_ro_residual_tuples():
    rows = [
        make_row([(CNP_A, "NATIONAL_ID"), ("gastrita", "HEALTH_CONDITION")], country="RO"),
        make_row([(CNP_B, "NATIONAL_ID")], country="RO"),
        make_row([(cnp("180061240002"), "NATIONAL_ID")], country="RO"),  # 1980, M, Bucharest: same class as A's ID
    ]
    nothing = [["O", "O"], ["O"], ["O"]]
    out = k_anonymity_violation(rows, nothing)
    # A: {dob 1980-1984, M, RO32, rare_condition}; B: {1990-1994, F, RO11}; C: {1980-1984, M, RO32}
    assert (out["n_subjects"], out["n_equivalence_classes"], out["k1_violation_rate"]) == (3.0, 3.0, 1.0)
    redact_ids = [["S-NATIONAL_ID", "O"], ["S-NATIONAL_ID"], ["S-NATIONAL_ID"]]
    out = k_anonymity_violation(rows, redact_ids)
    assert (out["n_subjects"], out["n_equivalence_classes"]) == (1.0, 1.0)  # only rare_condition survives
    everything = [["S-NATIONAL_ID", "S-HEALTH_CONDITION"], ["S-NATIONAL_ID"], ["S-NATIONAL_ID"]]
    gone = k_anonymity_violation(rows, everything)
    assert gone["available"] is False and gone["reason"]


def test_k_anonymity_unavailable_outside_ro():
    row = make_row([("x", None)], country="IT")
    out = k_anonymity_violation([row], [["O"]])
    assert out["available"] is False and "RO" in out["reason"]


def test_nuts2_table_and_dob_band():
    assert len(COUNTIES) == 50
    assert {region for _, region in COUNTIES.values()} == {
        "RO11",
        "RO12",
        "RO21",
        "RO22",
        "RO31",
        "RO32",
        "RO41",
        "RO42",
    }
    assert nuts2_for_county_code("35") == "RO42" and nuts2_for_county_code("99") is None
    assert dob_band(1987) == "1985-1989" and dob_band(1990) == "1990-1994"
