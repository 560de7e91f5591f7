"""Operators and overlap resolution, on caller-given spans."""

from __future__ import annotations

import pytest

from kp_core.anonymize.conflicts import resolve_overlaps
from kp_core.anonymize.keys import MissingKeyError
from kp_core.anonymize.operators import apply_operator, make_operator
from kp_core.plugins.registry import get_registry
from kp_core.sdk import deidentify
from kp_core.types import Span

TEXT = "Ion Popescu, CNP 1800101221144, tel +40 721 234 567."
SPANS = [Span(0, 11, "PERSON"), Span(17, 30, "NATIONAL_ID"), Span(36, 51, "PHONE")]
KEY = b"0123456789abcdef-test-key"


def test_every_builtin_operator_is_registered():
    names = set(get_registry().operators.names())
    assert {"mask", "redact", "replace", "hash", "keep", "pseudonymize"} <= names


def test_mask_is_length_preserving_and_keeps_whitespace():
    out = deidentify(TEXT, "mask", spans=[SPANS])
    assert len(out) == len(TEXT)
    assert out == "*** *******, CNP *************, tel *** *** *** ***."
    assert out.split() and len(out.split()) == len(TEXT.split())


def test_redact_puts_one_mark_per_merged_span_and_merges_touching_spans():
    assert deidentify(TEXT, "redact", spans=[SPANS]) == "█, CNP █, tel █."
    touching = [Span(0, 3, "PERSON"), Span(3, 11, "PERSON")]
    assert deidentify(TEXT, "redact", spans=[touching]).startswith("█,")


def test_replace_and_keep():
    assert deidentify(TEXT, "replace", spans=[SPANS]) == "<PERSON>, CNP <NATIONAL_ID>, tel <PHONE>."
    assert deidentify(TEXT, "replace", spans=[SPANS], template="[{label}]").startswith("[PERSON],")
    assert deidentify(TEXT, "keep", spans=[SPANS]) == TEXT


def test_hash_is_keyed_and_deterministic():
    a = deidentify(TEXT, "hash", spans=[SPANS], key=KEY)
    b = deidentify(TEXT, "hash", spans=[SPANS], key=KEY)
    c = deidentify(TEXT, "hash", spans=[SPANS], key=KEY + b"2")
    assert a == b and a != c
    assert "1800101221144" not in a and "Popescu" not in a


def test_keyed_operators_refuse_without_a_key(monkeypatch):
    monkeypatch.delenv("KP_PSEUDONYM_KEY", raising=False)
    with pytest.raises(MissingKeyError) as missing:
        deidentify(TEXT, "hash", spans=[SPANS])
    # The message names only ways that exist: the key argument, --key-file, the variable,
    # random_key, and --random-key only with the one command that has it.
    assert "--key-file" in str(missing.value) and "random_key=True" in str(missing.value)
    assert "--random-key with kp deidentify" in str(missing.value)
    import click

    from kp_core.anonymize.cli import deidentify as deidentify_command

    assert any(isinstance(p, click.Option) and "--random-key" in p.opts for p in deidentify_command.params)
    with pytest.raises(MissingKeyError):
        deidentify(TEXT, "pseudonymize", spans=[SPANS])
    with pytest.raises(MissingKeyError, match="at least 16"):
        deidentify(TEXT, "hash", spans=[SPANS], key="short")
    assert deidentify(TEXT, "hash", spans=[SPANS], random_key=True) != TEXT


def test_key_from_environment(monkeypatch):
    monkeypatch.setenv("KP_PSEUDONYM_KEY", KEY.decode())
    assert deidentify(TEXT, "hash", spans=[SPANS]) == deidentify(TEXT, "hash", spans=[SPANS], key=KEY)


def test_custom_function_operator():
    out = deidentify(TEXT, lambda value, span: span.label.lower(), spans=[SPANS])
    assert out == "person, CNP national_id, tel phone."
    with pytest.raises(TypeError, match="must return str"):
        deidentify(TEXT, lambda value, span: 3, spans=[SPANS])


def test_overlaps_merge_into_the_union_labelled_by_the_strongest():
    spans = [Span(0, 8, "PERSON", 0.6), Span(4, 11, "ORG_PARTY", 0.9), Span(20, 22, "DATE")]
    resolved = resolve_overlaps(spans)
    assert [(s.start, s.end, s.label) for s in resolved] == [(0, 11, "ORG_PARTY"), (20, 22, "DATE")]
    # Without scores the longer span wins; nothing flagged stays visible.
    resolved = resolve_overlaps([Span(0, 3, "PERSON"), Span(2, 11, "ORG_PARTY")])
    assert [(s.start, s.end, s.label) for s in resolved] == [(0, 11, "ORG_PARTY")]
    assert apply_operator(TEXT, [Span(0, 3, "PERSON"), Span(2, 11, "PERSON")], make_operator("redact")).text[0] == "█"


def test_bad_spans_are_errors_with_offsets():
    with pytest.raises(ValueError, match="ends past the text"):
        deidentify("abc", "mask", spans=[[Span(0, 9, "PERSON")]])
    with pytest.raises(ValueError, match="spans= has 2 lists for 1 texts"):
        deidentify("abc", "mask", spans=[[], []])
    with pytest.raises(ValueError, match="not a KP type"):
        deidentify("abc", "mask", spans=[[{"start": 0, "end": 2, "label": "NOT_A_TYPE"}]])
