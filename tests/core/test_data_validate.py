"""`kp data validate` and the row checks behind it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.data import load_examples, validate

CLEAN = {
    "text": "Patient Mario Rossi, phone +39 333 1234567.",
    "spans": [{"start": 8, "end": 19, "label": "PERSON"}, {"start": 27, "end": 42, "label": "PHONE"}],
    "language": "it",
    "doc_id": "d1",
}
SECRET_NAME = "Mario Rossi"
DEV_SLICES = ("it", "se", "cz", "dk")

# line number -> (row or raw line, expected problem code)
DEFECTS: dict[int, tuple[object, str]] = {
    2: ('{"text": "broken", "spans": [', "bad_json"),
    3: ({"text": "short", "spans": [{"start": 0, "end": 40, "label": "PERSON"}]}, "offset_out_of_range"),
    4: (
        {
            "text": "Mario Rossi Bianchi",
            "spans": [{"start": 0, "end": 11, "label": "PERSON"}, {"start": 6, "end": 19, "label": "PERSON"}],
        },
        "overlap",
    ),
    5: ({"text": "Mario Rossi", "spans": [{"start": 0, "end": 11, "label": "CUSTOMER"}]}, "unknown_label"),
    6: (
        {"text": "Mario Rossi called", "spans": [{"start": 0, "end": 11, "label": "PERSON", "text": "Maria Rossa"}]},
        "text_mismatch",
    ),
    7: ({"text": "", "spans": []}, "empty_text"),
    8: (
        {
            "text": "Smith-Jones",
            "spans": [{"start": 0, "end": 5, "label": "PERSON"}, {"start": 6, "end": 11, "label": "PERSON"}],
        },
        "grid",
    ),
    9: ({"text": "Anna", "spans": [{"start": 2, "end": 2, "label": "PERSON"}]}, "empty_span"),
    10: ({"spans": []}, "missing_field"),
    11: ({"text": "Anna", "spans": [{"start": "0", "end": 4, "label": "PERSON"}]}, "bad_type"),
    12: ({**CLEAN, "doc_id": "d1"}, "duplicate_doc_id"),
    13: ("[1, 2]", "not_object"),
}


def _write_defects(path: Path) -> Path:
    lines = [json.dumps(CLEAN)]
    for number in sorted(DEFECTS):
        row, _ = DEFECTS[number]
        lines.append(row if isinstance(row, str) else json.dumps(row))
        assert len(lines) == number
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_validate_reports_every_defect_with_its_line_and_exits_nonzero(tmp_path: Path) -> None:
    path = _write_defects(tmp_path / "bad.jsonl")
    result = CliRunner().invoke(build_cli(), ["data", "validate", "-i", str(path)])
    assert result.exit_code == 1, result.output
    for number, (_, code) in DEFECTS.items():
        assert f"{path}:{number}: " in result.output, f"line {number} not reported"
        line = next(x for x in result.output.splitlines() if x.startswith(f"{path}:{number}: "))
        assert line.endswith(f"[{code}]"), line
    assert f"{path}:1: " not in result.output  # the clean first row is not reported
    assert SECRET_NAME not in result.output and "Maria Rossa" not in result.output
    assert "12 bad rows" in result.output


def test_validate_json_output_lists_codes(tmp_path: Path) -> None:
    path = _write_defects(tmp_path / "bad.jsonl")
    result = CliRunner().invoke(build_cli(), ["data", "validate", "-i", str(path), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["ok"] is False
    assert report["rows"] == 13 and report["valid_rows"] == 1
    found = {(p["where"], p["code"]) for p in report["problems"]}
    assert found == {(f"{path}:{n}", code) for n, (_, code) in DEFECTS.items()}


def test_validate_clean_file_exits_zero_with_summary(tmp_path: Path) -> None:
    path = tmp_path / "clean.jsonl"
    path.write_text(json.dumps(CLEAN) + "\n\n", encoding="utf-8")  # a blank line is not a row
    result = CliRunner().invoke(build_cli(), ["data", "validate", "-i", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 rows, 2 spans: OK" in result.output


def test_empty_file_is_not_clean(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    report = validate(path)
    assert not report.ok and report.problems[0].code == "no_rows"


def test_label_map_and_scheme_make_foreign_labels_valid(tmp_path: Path) -> None:
    row = {
        "text": "Mario Rossi lives in Torino, age 40.",
        "spans": [
            {"start": 0, "end": 11, "label": "PERSON", "entity_id": "e1", "identifier_type": "DIRECT"},
            {"start": 21, "end": 27, "label": "LOC"},
            {"start": 33, "end": 35, "label": "QUANTITY"},
        ],
    }
    path = tmp_path / "tab.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    cli = build_cli()
    assert CliRunner().invoke(cli, ["data", "validate", "-i", str(path)]).exit_code == 1
    # tab maps LOC, but QUANTITY has no KP type: still an error until explicitly dropped
    unmapped = CliRunner().invoke(cli, ["data", "validate", "-i", str(path), "--scheme", "tab"])
    # the span is named by number and offsets; the unknown label itself is never echoed
    assert unmapped.exit_code == 1 and "span 2 (33:35): unknown label" in unmapped.output
    assert "QUANTITY" not in unmapped.output
    ok = CliRunner().invoke(
        cli, ["data", "validate", "-i", str(path), "--scheme", "tab", "--label-map", '{"QUANTITY": null}']
    )
    assert ok.exit_code == 0, ok.output
    assert "1 spans dropped by the label map" in ok.output

    [example] = load_examples(path, scheme="tab", label_map={"QUANTITY": None})
    assert [s.label for s in example.spans] == ["PERSON", "ADDRESS"]
    assert example.spans[0].extra == {"entity_id": "e1", "identifier_type": "DIRECT"}


def test_bad_label_map_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "clean.jsonl"
    path.write_text(json.dumps(CLEAN) + "\n", encoding="utf-8")
    result = CliRunner().invoke(build_cli(), ["data", "validate", "-i", str(path), "--label-map", '{"X": "NOT_A_TYPE"}'])
    assert result.exit_code == 2 and "NOT_A_TYPE" in result.output


def test_no_grid_waives_only_the_grid_check(tmp_path: Path) -> None:
    row, _ = DEFECTS[8]
    path = tmp_path / "grid.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert CliRunner().invoke(build_cli(), ["data", "validate", "-i", str(path)]).exit_code == 1
    assert CliRunner().invoke(build_cli(), ["data", "validate", "-i", str(path), "--no-grid"]).exit_code == 0
    assert len(load_examples(path, strict=False)[0].spans) == 2


@pytest.mark.parametrize("name", DEV_SLICES)
def test_dev_slices_validate_clean(dev_dir: Path, name: str) -> None:
    path = dev_dir / f"{name}_realskeleton_rows.json"
    result = CliRunner().invoke(build_cli(), ["data", "validate", "-i", str(path)])
    assert result.exit_code == 0, result.output
    assert "300 rows" in result.output


def test_dev_slices_load_as_examples(dev_dir: Path, dev_rows: dict[str, list[dict]]) -> None:
    for name in DEV_SLICES:
        path = dev_dir / f"{name}_realskeleton_rows.json"
        examples = load_examples(path)
        assert len(examples) == len(dev_rows[name])
        assert [e.to_json()["spans"] for e in examples] == [
            sorted(r["spans"], key=lambda s: (s["start"], s["end"])) for r in dev_rows[name]
        ]
        assert {e.language for e in examples} == {r["language"] for r in dev_rows[name]}
