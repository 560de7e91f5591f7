"""Bulk de-identification: streaming JSONL, clear errors, and resumability after SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli

KEY = "bulk-test-key-0123456789abcdef"


def _write_input(path: Path, dev_rows, slices=("it", "se", "cz", "dk")) -> None:
    with path.open("w", encoding="utf-8") as out:
        for name in slices:
            for row in dev_rows[name]:
                out.write(json.dumps({"text": row["text"], "spans": row["spans"], "lang": name}) + "\n")


def _run(args: list[str], env: dict | None = None):
    return CliRunner().invoke(build_cli(), args, env=env, catch_exceptions=False)


def test_bulk_redact_with_the_rules_family(tmp_path, dev_rows):
    source = tmp_path / "in.jsonl"
    _write_input(source, {k: v[:20] for k, v in dev_rows.items()})
    out = tmp_path / "out.jsonl"
    result = _run(["deidentify", "--method", "redact", "--input", str(source), "--output", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 80 and all("█" in r["text"] for r in records)
    assert records[0]["lang"] == "it"  # other fields kept
    assert not (tmp_path / "out.jsonl.progress").exists()
    again = _run(["deidentify", "--input", str(source), "--output", str(out), "--no-progress"])
    assert again.exit_code != 0 and "exists" in again.output


def test_bad_records_name_the_line(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "a"}\n{"txt": "b"}\n', encoding="utf-8")
    result = _run(["deidentify", "--input", str(source), "--output", str(tmp_path / "o.jsonl"), "--no-progress"])
    assert result.exit_code != 0 and "in.jsonl:2" in result.output and "'text'" in result.output


def test_pseudonymize_needs_a_key(tmp_path, monkeypatch):
    monkeypatch.delenv("KP_PSEUDONYM_KEY", raising=False)
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "CNP 1800101221144"}\n', encoding="utf-8")
    result = _run(
        ["deidentify", "--method", "pseudonymize", "--input", str(source), "--output", str(tmp_path / "o.jsonl")]
    )
    assert result.exit_code != 0 and "key" in result.output


def _command(source: Path, out: Path, key_file: Path) -> list[str]:
    return [
        sys.executable, "-m", "kp_core", "deidentify", "--method", "pseudonymize", "--spans-field", "spans",
        "--input", str(source), "--output", str(out), "--key-file", str(key_file), "--batch-size", "8",
        "--no-progress",
    ]  # fmt: skip


@pytest.mark.slow
def test_resume_after_sigkill_gives_identical_output(tmp_path, dev_rows):
    source = tmp_path / "in.jsonl"
    _write_input(source, dev_rows, slices=("cz", "dk"))
    key_file = tmp_path / "key"
    key_file.write_text(KEY)
    os.chmod(key_file, 0o600)

    straight = tmp_path / "straight.jsonl"
    subprocess.run(_command(source, straight, key_file), check=True, capture_output=True)

    resumed = tmp_path / "resumed.jsonl"
    progress = Path(str(resumed) + ".progress")
    process = subprocess.Popen(_command(source, resumed, key_file), stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if progress.exists() and json.loads(progress.read_text() or "{}").get("records", 0) >= 100:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert progress.exists(), "the run finished before it could be interrupted"
    done = json.loads(progress.read_text())["records"]
    assert 0 < done < 600

    finished = subprocess.run(_command(source, resumed, key_file), capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert f"resumed after record {done}" in finished.stderr
    assert resumed.read_bytes() == straight.read_bytes()
    assert len(resumed.read_text(encoding="utf-8").splitlines()) == 600
    assert not progress.exists() and not Path(str(resumed) + ".registry").exists()


@pytest.mark.parametrize("method", ["redact", "replace", "pseudonymize"])
def test_consumed_spans_leave_no_source_text_and_point_into_the_new_text(tmp_path, dev_rows, method) -> None:
    """--spans-field: the spans read from each record held the PII (their ``text``) and offsets of
    the source; the output carries, instead, where each replacement now stands, with its label."""
    source = tmp_path / "in.jsonl"
    rows = dev_rows["it"][:15]
    source.write_text(
        "".join(json.dumps({"text": r["text"], "spans": r["spans"], "title": "x", "n": 1}) + "\n" for r in rows),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    key = tmp_path / "key"
    key.write_bytes(os.urandom(32))
    args = ["deidentify", "--method", method, "--spans-field", "spans", "--input", str(source), "--output", str(out)]
    result = CliRunner().invoke(build_cli(), [*args, "--key-file", str(key), "--no-progress"])
    assert result.exit_code == 0, result.output
    # The other text-bearing field is named (never its value) as copied unchanged; a number is not.
    assert "fields copied unchanged: title" in result.output and "title, n" not in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(rows)
    for row, record in zip(rows, records, strict=True):
        for span in record["spans"]:
            assert set(span) == {"start", "end", "label"}
            assert 0 <= span["start"] < span["end"] <= len(record["text"])
        originals = {row["text"][s["start"] : s["end"]] for s in row["spans"]}
        replaced = {record["text"][s["start"] : s["end"]] for s in record["spans"]}
        assert not (originals & replaced)  # each span now covers its replacement, not the source
        assert {s["label"] for s in record["spans"]} <= {s["label"] for s in row["spans"]}
        assert len(record["spans"]) >= 1 or not row["spans"]
