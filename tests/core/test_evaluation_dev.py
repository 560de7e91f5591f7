"""The built-in evaluator on the EuroPriv-Bench dev slices: perfect, empty and half detectors,
with expected numbers computed here independently of the scorer."""

from __future__ import annotations

import math

import pytest

from kp_core.evaluation import EvalSpec, run_spec
from kp_core.evaluation.data import load_rows
from kp_core.identifiers.national_id import parse_national_id
from kp_core.types import Span

SLICES = ("it", "se", "cz", "dk")
# Distinct valid national-ID subjects per slice: the contract's §6.4 table (IT 224, SE 232,
# CZ 221, DK 226), re-measured on these files.
SUBJECTS = {"it": 224, "se": 232, "cz": 221, "dk": 226}


class TableDetector:
    """Returns, for each text, the spans chosen for it (a stand-in for a model)."""

    name = "table"

    def __init__(self, rows, choose, model_id):
        self.model_id = model_id
        self._by_text = {r["text"]: choose(r) for r in rows}

    def predict_spans(self, texts):
        return [list(self._by_text[t]) for t in texts]


def gold_spans(row):
    return [Span(s["start"], s["end"], s["label"]) for s in sorted(row["spans"], key=lambda s: s["start"])]


def every_second(row):
    return gold_spans(row)[::2]


SPEC = EvalSpec.from_mapping(
    {
        "name": "dev",
        "task": "detection",
        "dataset": {"hf_id": "local", "config": "dev"},
        "metrics": ["entity_f1", "entity_f2", "national_id_leakage", "name_in_context_leakage"],
    }
)


@pytest.fixture(scope="module")
def slices(dev_dir):
    return {name: load_rows(dev_dir / f"{name}_realskeleton_rows.json") for name in SLICES}


@pytest.mark.parametrize("name", SLICES)
def test_perfect_detector(slices, name):
    rows = slices[name]
    row = run_spec(SPEC, TableDetector(rows, gold_spans, "perfect"), rows)
    assert row["scores"]["entity_f1"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert row["scores"]["entity_f2"]["f2"] == 1.0
    leak = row["scores"]["national_id_leakage"]
    assert leak["decode_bearing_total"] == SUBJECTS[name]
    assert (leak["leak_rate"], leak["decode_bearing_missed"], leak["leaked_quasi_identifiers"]) == (0.0, 0.0, 0.0)
    assert leak[f"{name}_total"] == SUBJECTS[name]
    names = row["scores"]["name_in_context_leakage"]
    assert names["name_subjects_total"] == _name_subjects(rows) > 200
    assert (names["name_leak_rate"], names["name_subjects_leaked"], names["xtab_neither_leaked"]) == (
        0.0,
        0.0,
        names["xtab_docs"],
    )
    assert row["n"] == 300 and row["contamination"] in ("clean_held_out", "unknown")


@pytest.mark.parametrize("name", SLICES)
def test_empty_detector(slices, name):
    rows = slices[name]
    row = run_spec(SPEC, TableDetector(rows, lambda r: [], "empty"), rows)
    assert row["scores"]["entity_f1"]["f1"] == 0.0
    leak = row["scores"]["national_id_leakage"]
    assert (leak["leak_rate"], leak["decode_bearing_missed"]) == (1.0, SUBJECTS[name])
    names = row["scores"]["name_in_context_leakage"]
    assert (names["name_leak_rate"], names["name_subjects_leaked"]) == (1.0, _name_subjects(rows))
    assert names["xtab_both_leaked"] == names["xtab_docs"] > 0


def _name_subjects(rows):
    """Distinct (document, PERSON name with whitespace collapsed)."""
    return len(
        {
            (doc, " ".join(r["text"][s["start"] : s["end"]].split()))
            for doc, r in enumerate(rows)
            for s in r["spans"]
            if s["label"] == "PERSON"
        }
    )


def _expected_half(rows):
    """By hand: every kept span is an exact gold entity (dropped spans separate kept ones, so no
    two kept spans merge), so P = 1 and R = kept/all. An ID subject leaks iff one of its
    occurrences was dropped, and so does a PERSON name subject."""
    total = sum(len(r["spans"]) for r in rows)
    kept = sum(len(every_second(r)) for r in rows)
    subjects: dict[tuple, bool] = {}
    names: dict[tuple, bool] = {}
    for doc, r in enumerate(rows):
        keep = {(s.start, s.end) for s in every_second(r)}
        country = r.get("country") or "RO"
        for s in r["spans"]:
            raw = r["text"][s["start"] : s["end"]]
            dropped = (s["start"], s["end"]) not in keep
            if s["label"] == "PERSON":
                key = (doc, " ".join(raw.split()))
                names[key] = names.get(key, False) or dropped
            parsed = parse_national_id(raw, country)
            if parsed is None or not parsed.decode_bearing:
                continue
            key = (doc, raw.strip())
            subjects[key] = subjects.get(key, False) or dropped
    return kept / total, sum(subjects.values()), len(subjects), sum(names.values()), len(names)


@pytest.mark.parametrize("name", SLICES)
def test_half_detector(slices, name):
    rows = slices[name]
    recall, leaked, subjects, names_leaked, names = _expected_half(rows)
    row = run_spec(SPEC, TableDetector(rows, every_second, "half"), rows)
    f1 = row["scores"]["entity_f1"]
    assert (f1["precision"], f1["recall"]) == (1.0, recall)
    assert f1["f1"] == pytest.approx(2 * recall / (1 + recall), rel=1e-15)
    assert row["scores"]["entity_f2"]["f2"] == pytest.approx(5 * recall / (4 + recall), rel=1e-15)
    leak = row["scores"]["national_id_leakage"]
    assert (leak["decode_bearing_total"], leak["decode_bearing_missed"]) == (subjects, leaked)
    assert 0 < leak["leak_rate"] < 1
    assert math.isclose(leak["leak_rate"], leaked / subjects)
    name_leak = row["scores"]["name_in_context_leakage"]
    assert (name_leak["name_subjects_total"], name_leak["name_subjects_leaked"]) == (names, names_leaked)
    assert 0 < names_leaked < names


def test_limit_takes_the_first_rows(slices):
    rows = slices["it"]
    row = run_spec(SPEC, TableDetector(rows, gold_spans, "perfect"), rows, limit=10)
    assert (row["n"], row["limit"]) == (10, 10)


def test_cached_grid_tokens_equal_the_grid(slices):
    from kp_core.encoding.grid import whitespace_tokens
    from kp_core.metrics.rows import grid_tokens

    texts = [r["text"] for rows in slices.values() for r in rows]
    texts += ["a\x1cb c", "\u00a0x\u2003y\u3000", "tab\tnew\nline\x85end", ""]
    for text in texts:
        assert list(grid_tokens(text)) == whitespace_tokens(text)
