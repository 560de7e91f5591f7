"""``kp data generate`` to the CLI style guide (kp issue 20): --out is the training file with
--split, a text summary or one JSON document, --docs/-n and --conventions (old spellings hidden),
the overwrite policy, --progress, codes in any case."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from click.testing import CliRunner, Result

from kp_core.cli import build_cli
from kp_core.data import load_examples, validate
from kp_core.data.skeleton import skeleton


def _kp(*args: str) -> Result:
    return CliRunner().invoke(build_cli(), list(args))


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_split_writes_the_training_rows_to_out_as_the_readme_trains_on_them(tmp_path: Path) -> None:
    """README: `kp data generate ... --out train.jsonl --split` then `kp train ... --data train.jsonl`."""
    out = tmp_path / "train.jsonl"
    result = _kp("data", "generate", "--languages", "ro,pl,de", "-n", "90", "--seed", "1", "--out", str(out), "--split")
    assert result.exit_code == 0, result.output
    held = tmp_path / "train.eval.jsonl"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["train.eval.jsonl", "train.jsonl"]
    train, evaluation = load_examples(out), load_examples(held)
    assert len(train) + len(evaluation) == 90 and train and evaluation
    assert not {skeleton(e.text, e.spans) for e in train} & {skeleton(e.text, e.spans) for e in evaluation}
    assert str(out) in result.stdout and str(held) in result.stdout


def test_eval_out_names_the_eval_file_and_needs_split(tmp_path: Path) -> None:
    out, held = tmp_path / "rows.jsonl", tmp_path / "held" / "dev.jsonl"
    args = ["data", "generate", "--languages", "ro", "-n", "40", "--out", str(out)]
    result = _kp(*args, "--split", "--eval-out", str(held), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["path"] == str(out) and summary["eval_path"] == str(held)
    assert summary["rows"] == len(_lines(out)) and summary["eval_rows"] == len(_lines(held))
    assert summary["rows"] + summary["eval_rows"] == summary["docs"] == 40
    refused = _kp("data", "generate", "-n", "1", "--out", str(tmp_path / "x.jsonl"), "--eval-out", str(held))
    assert refused.exit_code == 2 and "--eval-out needs --split" in refused.output
    same = _kp(*args, "--split", "--eval-out", str(out), "--overwrite")
    assert same.exit_code == 2 and "same file" in same.output


def test_text_summary_by_default_and_one_json_document_with_json(tmp_path: Path) -> None:
    out = tmp_path / "g.jsonl"
    text = _kp("data", "generate", "--languages", "ro", "-n", "5", "--out", str(out))
    assert text.exit_code == 0, text.output
    assert text.stdout.startswith("generated 5 documents") and f"wrote 5 rows to {out}" in text.stdout
    assert not text.stdout.lstrip().startswith("{")
    as_json = _kp("data", "generate", "--languages", "ro", "-n", "5", "--out", str(out), "--overwrite", "--json")
    assert as_json.exit_code == 0, as_json.output
    summary = json.loads(as_json.stdout)  # the whole of stdout is one JSON document
    assert summary == {
        "path": str(out),
        "rows": 5,
        "docs": 5,
        "languages": ["ro"],
        "domains": [],
        "seed": 0,
        "conventions": "kp",
    }


def test_docs_and_conventions_spellings_old_ones_hidden_with_a_note(tmp_path: Path) -> None:
    base = ["data", "generate", "--languages", "it", "--seed", "4"]
    outputs = {}
    for name, flags in {
        "docs": ["--docs", "12", "--conventions", "europriv"],
        "short": ["-n", "12", "--conventions", "EUROPRIV"],
        "old": ["--n", "12", "--label-scheme", "europriv"],
    }.items():
        outputs[name] = tmp_path / f"{name}.jsonl"
        result = _kp(*base, *flags, "--out", str(outputs[name]))
        assert result.exit_code == 0, result.output
        if name == "old":
            assert "--n is deprecated" in result.stderr and "use --docs" in result.stderr
            assert "--label-scheme is deprecated" in result.stderr and "use --conventions" in result.stderr
        else:
            assert "deprecated" not in result.stderr
    assert outputs["docs"].read_bytes() == outputs["short"].read_bytes() == outputs["old"].read_bytes()
    assert len(_lines(outputs["docs"])) == 12
    labels = {span["label"] for row in _lines(outputs["docs"]) for span in row["spans"]}
    assert not labels & {"PROVIDER", "FACILITY", "COURT", "STATUTE_REF"}  # the europriv conventions
    both = _kp(*base, "--n", "3", "--docs", "3", "--out", str(tmp_path / "both.jsonl"))
    assert both.exit_code == 2 and "give only one" in both.output
    shown = _kp("data", "generate", "--help").stdout
    assert "--docs" in shown and "--conventions" in shown
    assert "--n " not in shown and "--label-scheme" not in shown


def test_existing_outputs_are_refused_without_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "g.jsonl"
    out.write_text("keep\n", encoding="utf-8")
    args = ["data", "generate", "--languages", "ro", "-n", "30", "--out", str(out)]
    refused = _kp(*args)
    assert refused.exit_code == 2 and "--overwrite" in refused.output and str(out) in refused.output
    assert out.read_text(encoding="utf-8") == "keep\n"
    out.unlink()
    held = tmp_path / "g.eval.jsonl"
    held.write_text("keep\n", encoding="utf-8")
    refused = _kp(*args, "--split")  # the eval file is an output too
    assert refused.exit_code == 2 and "--eval-out" in refused.output and str(held) in refused.output
    assert not out.exists() and held.read_text(encoding="utf-8") == "keep\n"
    replaced = _kp(*args, "--split", "--overwrite")
    assert replaced.exit_code == 0, replaced.output
    assert len(_lines(out)) + len(_lines(held)) == 30


def test_progress_bar_only_when_asked_or_at_a_terminal(tmp_path: Path) -> None:
    args = ["data", "generate", "--languages", "ro", "-n", "5"]
    quiet = _kp(*args, "--out", str(tmp_path / "a.jsonl"))  # stderr is not a terminal here
    assert quiet.exit_code == 0 and "generate" not in quiet.stderr
    shown = _kp(*args, "--out", str(tmp_path / "b.jsonl"), "--progress")
    assert shown.exit_code == 0 and "generate" in shown.stderr and "5/5" in shown.stderr
    off = _kp(*args, "--out", str(tmp_path / "c.jsonl"), "--no-progress")
    assert off.exit_code == 0 and off.stderr == ""


def test_language_and_domain_codes_in_any_case_in_the_summary(tmp_path: Path) -> None:
    upper, lower = tmp_path / "upper.jsonl", tmp_path / "lower.jsonl"
    args = ["data", "generate", "-n", "8", "--seed", "2", "--json"]
    first = _kp(*args, "--languages", "RO,De", "--domains", "LEGAL,General", "--out", str(upper))
    second = _kp(*args, "--languages", "ro,de", "--domains", "legal,general", "--out", str(lower))
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert upper.read_bytes() == lower.read_bytes()
    summary = json.loads(first.stdout)
    assert summary["languages"] == ["ro", "de"] and summary["domains"] == ["legal", "general"]
    assert {row["language"] for row in _lines(upper)} == {"ro", "de"}


def test_generated_rows_validate_and_are_private(tmp_path: Path) -> None:
    before = os.umask(0o022)
    try:
        out = tmp_path / "g.jsonl"
        assert _kp("data", "generate", "--languages", "pl", "-n", "6", "--out", str(out)).exit_code == 0
    finally:
        os.umask(before)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # rows (docs/cli.md, Modes)
    assert validate(out, progress=False).ok


def test_out_dash_is_refused_not_a_file_named_dash(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _kp("data", "generate", "-n", "1", "--out", "-")
    assert result.exit_code == 2 and "./-" in result.output
    assert not (tmp_path / "-").exists()
