"""``kp predict`` follows docs/cli.md: rows out are rows in (``--input --json`` is read back by
``kp evaluate --predictions``), a header per record in plain output, ``--input/-i`` with ``-`` for
stdin, ``--out`` with the overwrite policy, the shared detection flags, ``--progress``, and one
``Error:`` line (exit 2) for what it refuses."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.generate import generate_rows
from kp_core.generate.engine import write_rows

EMAIL_TEXT = "Write to quarkbridge.zoltan@example.org about the invoice."


def _kp(args: list[str], stdin: str | None = None):
    return CliRunner().invoke(build_cli(), args, input=stdin)


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    write_rows(generate_rows(n=8, seed=11), path)
    return path


def _rows(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_input_json_rows_keep_doc_id_text_and_metadata(gold: Path) -> None:
    result = _kp(["predict", "-m", "rules", "--input", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    rows_in, rows_out = _rows(gold.read_text(encoding="utf-8")), _rows(result.stdout)
    assert len(rows_out) == len(rows_in)
    for row_in, row_out in zip(rows_in, rows_out, strict=True):
        assert row_out["doc_id"] == row_in["doc_id"]
        assert row_out["language"] == row_in["language"]
        assert row_out["text"] == row_in["text"]
        for span in row_out["spans"]:  # the predictions, not the gold spans, and no span text
            assert set(span) <= {"start", "end", "label", "score"}
    assert any(row["spans"] for row in rows_out)


def _scores(result) -> list[tuple]:
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    entries = payload["results"] if isinstance(payload, dict) else payload  # kp evaluate --json's result rows
    assert entries
    return [(entry["spec"], entry["n"], entry["scores"]) for entry in entries]


def test_input_json_is_read_back_by_evaluate_predictions(gold: Path, tmp_path: Path) -> None:
    preds = tmp_path / "preds.jsonl"
    result = _kp(["predict", "-m", "rules", "--input", str(gold), "--json", "--out", str(preds)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the rows went to --out
    from_file = _kp(["evaluate", "--predictions", str(preds), "--data", str(gold), "--json", "--no-progress"])
    from_model = _kp(["evaluate", "--model", "rules", "--data", str(gold), "--json", "--no-progress"])
    assert _scores(from_file) == _scores(from_model)


def test_text_json_prints_text_and_spans() -> None:
    result = _kp(["predict", "-m", "rules", "--json", EMAIL_TEXT])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["text"] == EMAIL_TEXT
    assert [(s["start"], s["label"]) for s in payload["spans"]] == [(EMAIL_TEXT.index("quark"), "EMAIL")]


def test_plain_input_prints_a_header_before_each_record(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [{"doc_id": "first", "text": EMAIL_TEXT}, {"text": "Nothing to see here."}, {"text": EMAIL_TEXT}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = _kp(["predict", "-m", "rules", "--input", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith("# ")] == ["# doc_id first", "# line 2", "# line 3"]
    assert lines[lines.index("# line 2") + 1] == "(no PII found)"
    assert "\tEMAIL\t" in lines[lines.index("# line 3") + 1]


def test_short_input_flag_reads_stdin(gold: Path) -> None:
    result = _kp(["predict", "-m", "rules", "-i", "-", "--json"], stdin=gold.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert [r["doc_id"] for r in _rows(result.stdout)] == [r["doc_id"] for r in _rows(gold.read_text())]


def test_out_refuses_an_existing_file_unless_overwrite(gold: Path, tmp_path: Path) -> None:
    out = tmp_path / "preds.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    refused = _kp(["predict", "-m", "rules", "-i", str(gold), "--json", "--out", str(out)])
    assert refused.exit_code == 2
    assert refused.output.strip().splitlines() == [f"Error: --out {out} exists; give --overwrite to replace it"]
    assert out.read_text(encoding="utf-8") == "keep me\n"
    replaced = _kp(["predict", "-m", "rules", "-i", str(gold), "--json", "--out", str(out), "--overwrite"])
    assert replaced.exit_code == 0, replaced.output
    assert len(_rows(out.read_text(encoding="utf-8"))) == 8
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # predictions hold the input's text
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".preds.jsonl.")]  # no temp file left


def test_out_may_not_be_the_input(gold: Path) -> None:
    before = gold.read_bytes()
    result = _kp(["predict", "-m", "rules", "-i", str(gold), "--json", "--out", str(gold), "--overwrite"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"Error: --out {gold} and --input {gold} are the same file; writing one would destroy the other, "
        "choose distinct files"
    ]
    assert gold.read_bytes() == before


def test_out_dash_is_stdout() -> None:
    result = _kp(["predict", "-m", "rules", "--json", "--out", "-", EMAIL_TEXT])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["spans"]


def test_missing_input_is_one_error_line() -> None:
    result = _kp(["predict", "--input", "no-such-file.jsonl"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == ["Error: --input no-such-file.jsonl: no such file or folder"]


def test_a_bad_record_is_one_error_line_and_leaves_no_out(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": EMAIL_TEXT}) + "\n" + json.dumps({"body": EMAIL_TEXT}) + "\n")
    out = tmp_path / "preds.jsonl"
    result = _kp(["predict", "-m", "rules", "-i", str(path), "--json", "--out", str(out)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"Error: {path}:2: field 'text' is missing or not a string"]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [path]  # nor a temporary file


def test_takes_the_shared_detection_flags() -> None:
    help_text = _kp(["predict", "--help"]).output
    for flag in ("--threshold", "--operating-point", "--labels", "--allow-list", "--recognizers", "--progress"):
        assert flag in help_text
    kept = _kp(["predict", "-m", "rules", "--json", "--labels", "PHONE", EMAIL_TEXT])
    assert kept.exit_code == 0, kept.output
    assert json.loads(kept.stdout)["spans"] == []  # the EMAIL span is filtered out


def test_progress_goes_to_stderr_and_stdout_stays_parseable(gold: Path) -> None:
    result = _kp(["predict", "-m", "rules", "-i", str(gold), "--json", "--progress"])
    assert result.exit_code == 0, result.output
    assert len(_rows(result.stdout)) == 8
    assert "predict" in result.stderr
    quiet = _kp(["predict", "-m", "rules", "-i", str(gold), "--json", "--no-progress"])
    assert quiet.stderr == ""


def test_a_json_list_input_is_read_like_jsonl(tmp_path):
    """One row reader for every command: a JSON list file (the harness's dev-slice format) gives
    the same rows as the same records in JSONL, with its row index where a record has no doc_id."""
    import json as _json

    records = [{"text": "CNP 1800101221144"}, {"doc_id": "b", "text": "tel +40 721 234 567"}]
    as_list = tmp_path / "rows.json"
    as_list.write_text(_json.dumps(records), encoding="utf-8")
    as_lines = tmp_path / "rows.jsonl"
    as_lines.write_text("".join(_json.dumps(r) + "\n" for r in records), encoding="utf-8")
    from_list = CliRunner().invoke(build_cli(), ["predict", "-m", "rules", "-i", str(as_list), "--json"])
    from_lines = CliRunner().invoke(build_cli(), ["predict", "-m", "rules", "-i", str(as_lines), "--json"])
    assert from_list.exit_code == 0 and from_list.stdout == from_lines.stdout
    plain = CliRunner().invoke(build_cli(), ["predict", "-m", "rules", "-i", str(as_list)])
    assert "# row 0" in plain.stdout and "# doc_id b" in plain.stdout  # a JSON list names rows by index
