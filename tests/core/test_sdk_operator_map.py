"""Per-type operator maps: make_operator({"PERSON": "replace", "DEFAULT": "redact"}) and the SDK's
deidentify(method={...}) / deidentify(operators={...})."""

from __future__ import annotations

import pytest

from kp_core.anonymize.operators import (
    OperatorError,
    OperatorMap,
    apply_operator,
    make_operator,
    parse_operator_map,
)
from kp_core.errors import KpError
from kp_core.sdk import deidentify
from kp_core.types import Span

TEXT = "Ion Popescu, CNP 1800101221144, tel +40 721 234 567."
SPANS = [Span(0, 11, "PERSON"), Span(17, 30, "NATIONAL_ID"), Span(36, 51, "PHONE")]
KEY = b"0123456789abcdef-test-key"


def test_map_applies_one_operator_per_type_and_default_to_the_rest():
    operator = make_operator({"PERSON": "replace", "DEFAULT": "redact"})
    assert isinstance(operator, OperatorMap)
    assert apply_operator(TEXT, SPANS, operator).text == "<PERSON>, CNP █, tel █."


def test_sdk_deidentify_takes_the_map_as_method_or_operators():
    expected = "<PERSON>, CNP *************, tel █."
    entries = {"PERSON": "replace", "NATIONAL_ID": "mask", "DEFAULT": "redact"}
    assert deidentify(TEXT, entries, spans=[SPANS]) == expected
    assert deidentify(TEXT, operators=entries, spans=[SPANS]) == expected
    assert deidentify([TEXT], method=entries, spans=[SPANS]) == [expected]


def test_map_without_default_redacts_the_other_types():
    assert deidentify(TEXT, {"PHONE": "keep"}, spans=[SPANS]) == "█, CNP █, tel +40 721 234 567."


def test_entry_options_objects_and_functions():
    entries = {
        "PERSON": {"method": "mask", "char": "#"},
        "NATIONAL_ID": make_operator("replace", template="[{label}]"),
        "PHONE": lambda value, span: f"len={len(value)}",
    }
    assert deidentify(TEXT, entries, spans=[SPANS]) == "### #######, CNP [NATIONAL_ID], tel len=15."


def test_shared_options_reach_only_the_operators_that_take_them():
    hashed = deidentify(TEXT, {"PERSON": "hash", "DEFAULT": "replace"}, spans=[SPANS], key=KEY)
    plain_hash = deidentify(TEXT, "hash", spans=[SPANS[:1]], key=KEY)
    assert hashed.startswith(plain_hash.split(",")[0] + ",")
    assert hashed.endswith("CNP <NATIONAL_ID>, tel <PHONE>.")


def test_option_no_operator_of_the_map_takes_is_refused():
    with pytest.raises(OperatorError, match="'char'.*none of the map's operators"):
        make_operator({"PERSON": "replace"}, char="#")


def test_unknown_type_or_operator_is_a_kp_error_naming_it():
    with pytest.raises(KpError, match="'PERSN' is not a KP type"):
        make_operator({"PERSN": "replace"})
    with pytest.raises(KpError, match="entry 'PERSON'.*unknown operator 'replac'"):
        make_operator({"PERSON": "replac"})
    with pytest.raises(KpError, match="entry 'PERSON'.*needs 'method'"):
        make_operator({"PERSON": {"char": "#"}})
    with pytest.raises(KpError, match="operator map is empty"):
        make_operator({})


def test_touching_spans_merge_only_within_one_merging_operator():
    touching = [Span(0, 3, "PERSON"), Span(3, 11, "PERSON"), Span(11, 12, "PHONE")]
    # Both PERSON parts go to redact: one mark, as the harness does; PHONE (replace) stays apart.
    out = apply_operator(TEXT, touching, make_operator({"PERSON": "redact", "DEFAULT": "replace"}))
    assert out.text.startswith("█<PHONE>")
    assert [(s.start, s.end) for s in out.spans] == [(0, 11), (11, 12)]
    # Different operators never merge, even when both would on their own.
    out = apply_operator(TEXT, touching[:2], make_operator({"PERSON": "replace", "PHONE": "redact"}))
    assert out.text.startswith("<PERSON><PERSON>,")


def test_pseudonymize_entry_shares_one_pseudonymizer():
    out = deidentify(TEXT, {"PERSON": "pseudonymize", "DEFAULT": "redact"}, spans=[SPANS], key=KEY)
    assert "Ion Popescu" not in out
    assert out.endswith(", CNP █, tel █.")


def test_method_and_operators_together_are_refused():
    with pytest.raises(KpError, match="not both"):
        deidentify(TEXT, "mask", operators={"PERSON": "keep"}, spans=[SPANS])


def test_parse_operator_map_reads_the_cli_spelling():
    assert parse_operator_map(["PERSON=replace", " DEFAULT = redact "]) == {"PERSON": "replace", "DEFAULT": "redact"}
    with pytest.raises(OperatorError, match="not TYPE=METHOD"):
        parse_operator_map(["PERSON"])
    with pytest.raises(OperatorError, match="given twice"):
        parse_operator_map(["PERSON=replace", "PERSON=mask"])


def test_sdk_default_method_is_redact_like_the_cli():
    assert deidentify(TEXT, spans=[SPANS]) == "█, CNP █, tel █."
