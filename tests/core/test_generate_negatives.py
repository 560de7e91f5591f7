"""Clean documents and hard negatives cut from the generator's own documents, in every language
and domain, and the ``--clean-share`` / ``--hard-negative-share`` options."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.classification.labels import example_doc_labels
from kp_core.cli import build_cli
from kp_core.data import load_examples, validate
from kp_core.data.skeleton import skeleton
from kp_core.generate import DOMAINS, GENRES, LANGUAGES, generate_rows
from kp_core.generate.engine import row_to_example
from kp_core.generate.negatives import HARD_NEGATIVE_TYPES, MIN_CHARS, derive, keep_lines

PAIRS = len(LANGUAGES) * len(DOMAINS)


def _span_texts(row: dict) -> list[tuple[str, str]]:
    return [(row["text"][s["start"] : s["end"]], s["label"]) for s in row["spans"]]


def _tuples(row: dict) -> list[tuple[int, int, str]]:
    return [(s["start"], s["end"], s["label"]) for s in row["spans"]]


def test_every_language_and_domain_gets_clean_documents_without_spans() -> None:
    rows = list(generate_rows(n=PAIRS * 2, seed=3, clean_share=1.0))
    assert {(r["language"], r["domain"]) for r in rows} == {(lang, dom) for lang in LANGUAGES for dom in DOMAINS}
    for row in rows:
        assert row["kind"] == "clean" and row["spans"] == []
        assert len(row["text"]) >= MIN_CHARS, (row["language"], row["domain"], row["genre"])
        assert row["genre"] in GENRES[row["domain"]]
        assert example_doc_labels(row_to_example(row)).level == "none"
    assert validate(rows).ok


def test_every_language_and_domain_gets_hard_negatives_of_the_allowed_types_only() -> None:
    rows = list(generate_rows(n=PAIRS * 2, seed=3, hard_negative_share=1.0))
    assert {(r["language"], r["domain"]) for r in rows} == {(lang, dom) for lang in LANGUAGES for dom in DOMAINS}
    for row in rows:
        assert row["kind"] == "hard_negative" and row["spans"]
        assert {s["label"] for s in row["spans"]} <= HARD_NEGATIVE_TYPES
        assert len(row["text"]) >= MIN_CHARS
        assert example_doc_labels(row_to_example(row)).level == "quasi"
    assert validate(rows).ok  # offsets in range, no overlaps, on the whitespace grid


@pytest.mark.parametrize("allowed", [frozenset(), HARD_NEGATIVE_TYPES])
def test_kept_lines_are_source_lines_and_kept_spans_cover_the_source_values(allowed: frozenset[str]) -> None:
    for source in generate_rows(n=PAIRS, seed=11):
        text, spans = keep_lines(source["text"], _tuples(source), allowed)
        source_lines = set(source["text"].split("\n"))
        assert all(line in source_lines for line in text.split("\n") if text)  # a chat may give nothing
        kept = [(text[s:e], label) for s, e, label in spans]
        wanted = [(value, label) for value, label in _span_texts(source) if label in allowed]
        assert Counter(kept) <= Counter(wanted)
        # Every line whose spans are all allowed stays, so an allowed span on such a line is kept.
        whole_lines = [
            line for line in source["text"].split("\n") if line.strip() and not _line_has_other(source, line, allowed)
        ]
        assert all(line in text for line in whole_lines)


def _line_has_other(row: dict, line: str, allowed: frozenset[str]) -> bool:
    start = row["text"].index(line)
    end = start + len(line)
    return any(start < s["end"] and s["start"] < end and s["label"] not in allowed for s in row["spans"])


def _doc(text: str, *values: tuple[str, str]) -> tuple[str, list[tuple[int, int, str]]]:
    return text, [(text.index(value), text.index(value) + len(value), label) for value, label in values]


def test_derive_re_offsets_spans_across_joined_sources() -> None:
    first = _doc(
        "Ward 3\nDr. Xavier met Yves\n\n\nThe hearing at Court A on 1 May.",
        ("Xavier", "PROVIDER"),
        ("Yves", "PERSON"),
        ("Court A", "COURT"),
        ("1 May", "DATE"),
    )
    second = _doc("Notes\nSeen by Zoe.\nReport of Org B.", ("Zoe", "PERSON"), ("Org B", "ORG_PARTY"))
    text, spans, used = derive("hard_negative", [first, second], min_chars=60)
    assert used == 2
    assert text == "Ward 3\n\nThe hearing at Court A on 1 May.\n\nNotes\nReport of Org B."
    assert [(text[s:e], label) for s, e, label in spans] == [
        ("Court A", "COURT"),
        ("1 May", "DATE"),
        ("Org B", "ORG_PARTY"),
    ]
    clean, clean_spans, _ = derive("clean", [first, second], min_chars=10)
    assert clean == "Ward 3\n\nNotes" and clean_spans == []  # one source is too short: the next joins it


def test_shares_kinds_ids_and_determinism() -> None:
    rows = list(generate_rows(n=400, seed=7, clean_share=0.2, hard_negative_share=0.1))
    kinds = Counter(r["kind"] for r in rows)
    assert abs(kinds["clean"] - 80) <= 3 and abs(kinds["hard_negative"] - 40) <= 3, kinds
    assert kinds["document"] == 400 - kinds["clean"] - kinds["hard_negative"]
    assert len({r["doc_id"] for r in rows}) == 400
    derived_ids = {r["template_id"] for r in rows if r["kind"] != "document"}
    assert not derived_ids & {r["template_id"] for r in rows if r["kind"] == "document"}
    assert len(derived_ids) == kinds["clean"] + kinds["hard_negative"]
    assert rows == list(generate_rows(n=400, seed=7, clean_share=0.2, hard_negative_share=0.1))
    plain = list(generate_rows(n=400, seed=7))
    assert {r["kind"] for r in plain} == {"document"}
    # A span document does not depend on the shares: row i is the row i of a dataset without them.
    assert all(row == plain[i] for i, row in enumerate(rows) if row["kind"] == "document")
    other = list(generate_rows(n=40, seed=8, clean_share=0.5))
    assert [r["text"] for r in other] != [r["text"] for r in rows[:40]]


def test_europriv_conventions_project_hard_negative_spans() -> None:
    rows = list(generate_rows(n=PAIRS, seed=2, hard_negative_share=1.0, conventions="europriv"))
    labels = {s["label"] for r in rows for s in r["spans"]}
    assert labels <= {"ORG_PARTY", "DATE"} and labels


def test_bad_shares_are_refused() -> None:
    with pytest.raises(ValueError, match="add up to more than 1"):
        list(generate_rows(n=1, clean_share=0.7, hard_negative_share=0.4))
    with pytest.raises(ValueError, match=r"in \[0, 1\]"):
        list(generate_rows(n=1, clean_share=-0.1))


def test_cli_writes_the_kinds_and_a_template_disjoint_split(tmp_path: Path) -> None:
    out = tmp_path / "train.jsonl"
    args = ["data", "generate", "--languages", "ro,el", "-n", "60", "--seed", "4", "--out", str(out)]
    result = CliRunner().invoke(build_cli(), [*args, "--clean-share", "0.3", "--hard-negative-share", "0.2", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary["kinds"] == {k: sum(r["kind"] == k for r in rows) for k in ("document", "clean", "hard_negative")}
    assert summary["kinds"]["clean"] >= 15 and summary["kinds"]["hard_negative"] >= 9
    assert all(r["text"] and (r["kind"] != "clean" or not r["spans"]) for r in rows)
    split = CliRunner().invoke(build_cli(), [*args, "--clean-share", "0.3", "--split", "--overwrite"])
    assert split.exit_code == 0, split.output
    train, held = load_examples(out), load_examples(tmp_path / "train.eval.jsonl")
    assert train and held and len(train) + len(held) == 60
    assert not {skeleton(e.text, e.spans) for e in train} & {skeleton(e.text, e.spans) for e in held}
    assert {e.extra["kind"] for e in train + held} == {"document", "clean"}
    refused = CliRunner().invoke(
        build_cli(), [*args, "--overwrite", "--clean-share", "0.6", "--hard-negative-share", "0.5"]
    )
    assert refused.exit_code == 2 and "add up to more than 1" in refused.output
