"""Explicit document labels (``doc_labels``) in rows: checked strictly by the row reader and
``kp data validate``, counted by ``kp data stats``, kept through load and write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.data import load_examples, validate
from kp_core.data.io import DataError, write_jsonl
from kp_core.data.stats import compute_stats

NAME = "Mario Rossi"
TEXT = f"Patient {NAME} was seen today."
PERSON = [{"start": 8, "end": 19, "label": "PERSON"}]

GOOD = [
    {"text": TEXT, "spans": PERSON, "doc_id": "a"},  # no doc_labels: implied by spans (direct)
    {"text": TEXT, "spans": PERSON, "doc_labels": {"types": ["PERSON", "HEALTH_CONDITION"]}, "doc_id": "b"},
    {"text": "The weather is mild.", "spans": [], "doc_id": "c"},  # none
    {"text": "The weather is mild.", "spans": [], "doc_labels": {"types": ["DATE"], "level": "quasi"}, "doc_id": "d"},
    {"text": "Minutes of the meeting.", "spans": [], "doc_labels": {"types": [], "level": "none"}, "doc_id": "e"},
]

# line number (1-based) -> (row, expected code, a phrase of the reason)
DEFECTS: dict[int, tuple[dict, str, str]] = {
    1: (
        {"text": TEXT, "spans": PERSON, "doc_labels": {"types": [], "level": "none"}},
        "doc_labels_conflict",
        "lacks PERSON",
    ),
    2: (
        {"text": TEXT, "spans": PERSON, "doc_labels": {"types": ["PERSON", "DATE"], "level": "quasi"}},
        "bad_doc_labels",
        "below what its types imply",
    ),
    3: ({"text": TEXT, "spans": [], "doc_labels": {"types": [NAME]}}, "bad_doc_labels", "entry 0 is not a KP type"),
    4: (
        {"text": TEXT, "spans": [], "doc_labels": {"types": ["DATE"], "level": NAME}},
        "bad_doc_labels",
        "level is not one of",
    ),
    5: ({"text": TEXT, "spans": [], "doc_labels": ["PERSON"]}, "bad_doc_labels", "must be an object"),
    6: ({"text": TEXT, "spans": [], "doc_labels": {"types": "PERSON"}}, "bad_doc_labels", "must be a list"),
    7: ({"text": TEXT, "spans": [], "doc_labels": {"types": [], "lvl": "none"}}, "bad_doc_labels", "unknown keys lvl"),
    8: (
        {"text": TEXT, "spans": PERSON, "doc_labels": {"types": ["PERSON"], "level": "quasi"}},
        "bad_doc_labels",
        "below what its types imply",
    ),
}


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_good_doc_labels_load_and_survive_a_write(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.jsonl", GOOD)
    examples = load_examples(source)
    assert [e.extra.get("doc_labels") for e in examples] == [row.get("doc_labels") for row in GOOD]
    out = tmp_path / "out.jsonl"
    write_jsonl(examples, out)
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row.get("doc_labels") for row in written] == [row.get("doc_labels") for row in GOOD]
    assert validate(out).ok


def test_every_bad_doc_labels_row_is_reported_with_its_line_and_never_its_text(tmp_path: Path) -> None:
    source = _write(tmp_path / "bad.jsonl", [DEFECTS[n][0] for n in sorted(DEFECTS)])
    report = validate(source)
    assert report.rows == len(DEFECTS) and report.valid_rows == 0
    by_line = {p.where: p for p in report.problems}
    assert len(report.problems) == len(DEFECTS)
    for line, (_, code, phrase) in DEFECTS.items():
        problem = by_line[f"{source}:{line}"]
        assert problem.code == code, (line, problem)
        assert phrase in problem.message, (line, problem)
        assert NAME not in problem.message and str(source) not in problem.message  # the location is in where
    with pytest.raises(DataError, match=r"bad\.jsonl:1: doc_labels\.types lacks PERSON"):
        load_examples(source)


def test_a_label_map_resolves_spans_before_the_doc_labels_check() -> None:
    row = {"text": TEXT, "spans": [{"start": 8, "end": 19, "label": "PER"}], "doc_labels": {"types": ["PERSON"]}}
    assert validate([row], label_map={"PER": "PERSON"}).ok
    dropped = validate([row], label_map={"PER": None})
    assert dropped.ok and dropped.dropped_spans == 1  # explicit labels may say more than the spans


def test_validate_cli_reports_doc_label_defects(tmp_path: Path) -> None:
    source = _write(tmp_path / "rows.jsonl", [*GOOD, DEFECTS[1][0], DEFECTS[3][0]])
    result = CliRunner().invoke(build_cli(), ["data", "validate", "--input", str(source), "--json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["problem_counts"] == {"bad_doc_labels": 1, "doc_labels_conflict": 1}
    assert [p["where"] for p in report["problems"]] == [f"{source}:6", f"{source}:7"]
    assert NAME not in result.stdout


def test_stats_count_documents_per_level_and_personal_data(tmp_path: Path) -> None:
    stats = compute_stats(load_examples(_write(tmp_path / "in.jsonl", GOOD)))
    # a: direct (PERSON); b: special (explicit HEALTH_CONDITION); c, e: none; d: quasi (explicit)
    assert stats.levels == {"none": 2, "quasi": 1, "direct": 1, "special": 1}
    assert stats.personal_data == {"yes": 3, "no": 2}
    result = CliRunner().invoke(build_cli(), ["data", "stats", "--input", str(tmp_path / "in.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["levels"] == dict(stats.levels) and shown["personal_data"] == {"yes": 3, "no": 2}
    text = CliRunner().invoke(build_cli(), ["data", "stats", "--input", str(tmp_path / "in.jsonl")])
    assert "documents per level    none 2, quasi 1, direct 1, special 1" in text.stdout
    assert "personal data          yes 3, no 2" in text.stdout
