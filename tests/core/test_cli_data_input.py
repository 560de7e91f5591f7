"""``kp data validate/stats/split`` to the CLI style guide (kp issue 20): --input/-i (``-`` =
stdin) with the positional FILE hidden for one release, split's --out (--out-dir hidden), the
overwrite policy, --progress/--no-progress, --json, language codes in any case."""

from __future__ import annotations

import gzip
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kp_core.cli import build_cli
from kp_core.data import load_examples
from kp_core.generate import generate_rows, write_rows

COMMANDS = ("validate", "stats", "split")


def _kp(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(build_cli(), list(args), input=stdin)


@pytest.fixture
def rows(tmp_path: Path) -> Path:
    path = tmp_path / "rows.jsonl"
    write_rows(generate_rows(["ro", "pl"], n=60, seed=3), path)
    return path


def _extra(command: str, tmp_path: Path, name: str = "split") -> list[str]:
    return ["--out", str(tmp_path / name)] if command == "split" else []


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["--input", "-i"])
def test_input_option_and_json(command: str, flag: str, rows: Path, tmp_path: Path) -> None:
    result = _kp("data", command, flag, str(rows), "--json", *_extra(command, tmp_path))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)  # one JSON document on stdout, nothing else there
    assert report["source"] == str(rows)
    assert result.stderr == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_positional_file_still_works_hidden_with_a_note(command: str, rows: Path, tmp_path: Path) -> None:
    new = _kp("data", command, "-i", str(rows), "--json", *_extra(command, tmp_path, "new"))
    old = _kp("data", command, str(rows), "--json", *_extra(command, tmp_path, "old"))
    assert old.exit_code == new.exit_code == 0, old.output
    assert "positional FILE is deprecated" in old.stderr and "--input" in old.stderr
    assert json.loads(old.stdout) == json.loads(new.stdout)
    both = _kp("data", command, str(rows), "-i", str(rows), *_extra(command, tmp_path, "both"))
    assert both.exit_code == 2 and "give only one" in both.output
    neither = _kp("data", command, *_extra(command, tmp_path, "neither"))
    assert neither.exit_code == 2 and "--input" in neither.output
    usage = _kp("data", command, "--help").stdout
    assert "-i, --input FILE" in usage and "[OPTIONS] FILE" not in usage


@pytest.mark.parametrize("command", COMMANDS)
def test_dash_reads_stdin_with_the_same_reader(command: str, rows: Path, tmp_path: Path) -> None:
    from_file = _kp("data", command, "-i", str(rows), "--json", *_extra(command, tmp_path, "file"))
    compressed = gzip.compress(rows.read_bytes(), mtime=0)
    from_stdin = _kp("data", command, "-i", "-", "--json", *_extra(command, tmp_path, "stdin"), stdin=compressed)
    assert from_stdin.exit_code == from_file.exit_code == 0, from_stdin.output
    file_report, stdin_report = json.loads(from_file.stdout), json.loads(from_stdin.stdout)
    assert stdin_report["source"] == "<stdin>"
    file_report.pop("source"), stdin_report.pop("source")
    assert stdin_report == file_report


def test_stdin_json_list_and_bad_lines_are_named(tmp_path: Path) -> None:
    listed = (
        b'\n\n[{"text": "a b", "spans": []},\n {"text": "c", "spans": [{"start": 0, "end": 5, "label": "PERSON"}]}]'
    )
    result = _kp("data", "validate", "-i", "-", stdin=listed)
    assert result.exit_code == 1 and "<stdin>[1]: span 0 (PERSON)" in result.output, result.output
    empty = _kp("data", "stats", "-i", "-", stdin=b"")
    assert empty.exit_code == 2 and "<stdin>: no documents" in empty.output


def test_split_out_and_the_hidden_out_dir(rows: Path, tmp_path: Path) -> None:
    new = _kp("data", "split", "-i", str(rows), "--out", str(tmp_path / "new"))
    old = _kp("data", "split", "-i", str(rows), "--out-dir", str(tmp_path / "old"))
    assert new.exit_code == old.exit_code == 0, new.output + old.output
    assert "--out-dir is deprecated" in old.stderr and "use --out" in old.stderr
    for name in ("train.jsonl", "eval.jsonl"):
        assert (tmp_path / "new" / name).read_bytes() == (tmp_path / "old" / name).read_bytes()
    missing = _kp("data", "split", "-i", str(rows))
    assert missing.exit_code == 2 and "--out" in missing.output
    assert "--out-dir" not in _kp("data", "split", "--help").stdout


def test_split_refuses_existing_outputs_without_overwrite(rows: Path, tmp_path: Path) -> None:
    out = tmp_path / "split"
    out.mkdir()
    (out / "notes.txt").write_text("other files in the folder are fine\n", encoding="utf-8")
    assert _kp("data", "split", "-i", str(rows), "--out", str(out)).exit_code == 0
    train = (out / "train.jsonl").read_bytes()
    (out / "eval.jsonl").write_text("keep\n", encoding="utf-8")
    refused = _kp("data", "split", "-i", str(rows), "--out", str(out), "--seed", "9")
    assert refused.exit_code == 2 and "--overwrite" in refused.output, refused.output
    assert (out / "eval.jsonl").read_text(encoding="utf-8") == "keep\n" and (out / "train.jsonl").read_bytes() == train
    replaced = _kp("data", "split", "-i", str(rows), "--out", str(out), "--seed", "9", "--overwrite")
    assert replaced.exit_code == 0, replaced.output
    assert load_examples(out / "eval.jsonl") and (out / "notes.txt").exists()
    itself = _kp("data", "split", "-i", str(out / "train.jsonl"), "--out", str(out), "--overwrite")
    assert itself.exit_code == 2 and "same file" in itself.output


def test_split_rows_are_private_and_the_manifest_follows_the_umask(rows: Path, tmp_path: Path) -> None:
    before = os.umask(0o022)
    try:
        assert _kp("data", "split", "-i", str(rows), "--out", str(tmp_path / "s")).exit_code == 0
    finally:
        os.umask(before)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "s").iterdir()}
    assert modes == {"train.jsonl": 0o600, "eval.jsonl": 0o600, "split.json": 0o644}


@pytest.mark.parametrize("command", COMMANDS)
def test_progress_flags(command: str, rows: Path, tmp_path: Path) -> None:
    quiet = _kp("data", command, "-i", str(rows), *_extra(command, tmp_path, "a"))
    assert quiet.exit_code == 0 and quiet.stderr == "", quiet.stderr  # not a terminal: no bar
    off = _kp("data", command, "-i", str(rows), "--no-progress", *_extra(command, tmp_path, "b"))
    assert off.exit_code == 0 and off.stderr == ""
    shown = _kp("data", command, "-i", str(rows), "--progress", *_extra(command, tmp_path, "c"))
    assert shown.exit_code == 0 and "60" in shown.stderr and "rows" in shown.stderr, shown.stderr


def test_language_codes_in_any_case_are_one_language(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    mixed = []
    for index, row in enumerate(generate_rows(["ro"], n=40, seed=5)):
        row["language"] = "RO" if index % 2 else "ro"
        row["domain"] = row["domain"].upper() if index % 2 else row["domain"]
        mixed.append(row)
    write_rows(mixed, path)
    stats = json.loads(_kp("data", "stats", "-i", str(path), "--json").stdout)
    assert stats["languages"] == {"ro": 40}
    assert sum(stats["domains"].values()) == 40 and all(d == d.lower() for d in stats["domains"])
    split = _kp("data", "split", "-i", str(path), "--out", str(tmp_path / "s"), "--json")
    assert split.exit_code == 0, split.output
    assert list(json.loads(split.stdout)["split"]["languages"]) == ["ro"]
