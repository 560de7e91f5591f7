"""kp deidentify brought to docs/cli.md (kp issue 20): spellings, errors, overwrite policy, file
modes, privacy of the fields it copies, operator options, throw-away keys and per-type maps."""

from __future__ import annotations

import fcntl
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.errors import KpError

# Made-up values: no row of any data set.
NAME, PHONE, MAIL = "Quillon Varsk", "+40 721 555 019", "q.varsk@example.org"
TEXT = f"{NAME}, tel {PHONE}."
SPANS = [
    {"start": 0, "end": 13, "label": "PERSON", "text": NAME},
    {"start": 19, "end": 34, "label": "PHONE", "text": PHONE},
]
KEY = "style-test-key-0123456789abcdef"


def _row(**extra) -> dict:
    return {"doc_id": "d1", "text": TEXT, "spans": SPANS, **extra}


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(_row(title=f"Letter to {NAME}")) + "\n", encoding="utf-8")
    return path


def kp(args: list, env: dict | None = None, input: bytes | None = None):
    return CliRunner().invoke(build_cli(), ["deidentify", *map(str, args)], env=env, input=input)


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _one_error(result, *named: str) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    for name in named:
        assert name in errors[0], errors[0]
    return errors[0]


# --- 1. privacy: the consumed spans, the other fields ---------------------------------------------


@pytest.mark.parametrize("method", ["redact", "mask", "replace"])
def test_consumed_spans_field_holds_no_values_and_points_into_the_new_text(tmp_path, source, method):
    out = tmp_path / "out.jsonl"
    result = kp(["--spans-field", "spans", "-i", source, "--out", out, "--method", method])
    assert result.exit_code == 0, result.output
    [row] = _rows(out)
    for value in (NAME, PHONE):
        assert value not in row["text"] and value not in json.dumps(row["spans"], ensure_ascii=False)
    for span in row["spans"]:
        assert set(span) == {"start", "end", "label"}
    replaced = [row["text"][s["start"] : s["end"]] for s in row["spans"]]
    assert NAME not in replaced and PHONE not in replaced
    assert [s["label"] for s in row["spans"]] == ["PERSON", "PHONE"]


def test_other_text_fields_are_named_once_never_their_values(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(_row(title=f"To {NAME}", n=3)) + "\n" for _ in range(3)))
    result = kp(["--spans-field", "spans", "-i", source, "--out", tmp_path / "o.jsonl", "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if "copied unchanged" in line]
    assert len(notes) == 1 and "doc_id, title" in notes[0] and "n" not in notes[0].split("unchanged:")[1].split("(")[0]
    assert NAME not in result.output and PHONE not in result.output


def test_several_text_fields_are_de_identified(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": f"tel {PHONE}", "note": f"mail {MAIL}", "doc_id": "d1"}) + "\n")
    out = tmp_path / "o.jsonl"
    result = kp(["-i", source, "--out", out, "--text-field", "text", "--text-field", "note", "--keep-field", "doc_id"])
    assert result.exit_code == 0, result.output
    assert PHONE not in out.read_text() and MAIL not in out.read_text()
    assert "copied unchanged" not in result.output  # doc_id acknowledged with --keep-field
    comma = tmp_path / "c.jsonl"
    assert kp(["-i", source, "--out", comma, "--text-field", "text,note"]).exit_code == 0
    assert comma.read_bytes() == out.read_bytes()


def test_drop_other_fields_writes_only_the_text_fields_and_the_kept_ones(tmp_path, source):
    out = tmp_path / "o.jsonl"
    args = ["--spans-field", "spans", "-i", source, "--out", out, "--drop-other-fields", "--keep-field", "doc_id"]
    result = kp(args)
    assert result.exit_code == 0, result.output
    [row] = _rows(out)
    assert set(row) == {"doc_id", "text", "spans"} and NAME not in out.read_text()
    assert "copied unchanged" not in result.output


def test_spans_field_with_two_text_fields_is_refused(tmp_path, source):
    result = kp(["--spans-field", "spans", "-i", source, "--out", tmp_path / "o.jsonl", "--text-field", "text,title"])
    _one_error(result, "--spans-field", "--text-field")


# --- 2. one Error line for an unknown method and a missing input -----------------------------------


def test_unknown_method_is_one_error_listing_the_operators(tmp_path, source):
    error = _one_error(kp(["-i", source, "--out", tmp_path / "o.jsonl", "--method", "nope"]), "--method nope")
    assert all(name in error for name in ("redact", "mask", "replace", "hash", "pseudonymize", "keep"))
    assert not (tmp_path / "o.jsonl").exists()


def test_missing_input_is_one_error(tmp_path):
    _one_error(kp(["-i", tmp_path / "nope.jsonl", "--out", tmp_path / "o.jsonl"]), "nope.jsonl")
    assert not (tmp_path / "o.jsonl").exists()


# --- 3. spellings: -i, --out (- = stdout), --output alias, --json, progress -------------------------


def test_stdin_to_stdout(source):
    result = kp(["-i", "-", "--out", "-", "--spans-field", "spans"], input=source.read_bytes())
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["text"] == "█, tel █."  # redact is the default method
    assert "%|" not in result.stderr  # no progress bar when stderr is not a terminal


def test_output_is_a_hidden_alias_of_out(tmp_path, source):
    out = tmp_path / "o.jsonl"
    result = kp(["--spans-field", "spans", "-i", source, "--output", out])
    assert result.exit_code == 0 and out.exists(), result.output
    assert "--output is deprecated" in result.stderr
    assert "--output" not in kp(["--help"]).output
    both = kp(["--spans-field", "spans", "-i", source, "--output", out, "--out", tmp_path / "p.jsonl"])
    assert both.exit_code == 2


def test_json_prints_the_summary_on_stdout(tmp_path, source):
    out = tmp_path / "o.jsonl"
    result = kp(["--spans-field", "spans", "-i", source, "--out", out, "--json", "--method", "mask"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["records"] == 1 and summary["resumed_from"] == 0 and summary["method"] == "mask"
    assert summary["fields"] == ["text"] and summary["model"] is None and summary["out"] == str(out)
    assert summary["operators"] == {}
    _one_error(kp(["--spans-field", "spans", "-i", source, "--out", "-", "--json"]), "--json")
    mapped = kp(
        ["--spans-field", "spans", "-i", source, "--out", tmp_path / "m.jsonl", "--json", "--operators", "PHONE=mask"]
    )
    assert mapped.exit_code == 0, mapped.output
    assert json.loads(mapped.stdout)["operators"] == {"PHONE": "mask"}


def test_progress_can_be_forced_and_turned_off(tmp_path, source):
    forced = kp(["--spans-field", "spans", "-i", source, "--out", tmp_path / "a.jsonl", "--progress"])
    assert forced.exit_code == 0 and "%|" in forced.stderr, forced.output
    off = kp(["--spans-field", "spans", "-i", source, "--out", tmp_path / "b.jsonl", "--no-progress"])
    assert off.exit_code == 0 and "%|" not in off.stderr


# --- 4. overwrite policy, modes, unique temporary names, one writer --------------------------------


def test_a_finished_output_is_refused_unless_overwrite(tmp_path, source):
    out = tmp_path / "o.jsonl"
    assert kp(["--spans-field", "spans", "-i", source, "--out", out]).exit_code == 0
    before = out.read_bytes()
    _one_error(kp(["--spans-field", "spans", "-i", source, "--out", out, "--method", "mask"]), "--overwrite")
    assert out.read_bytes() == before
    again = kp(["--spans-field", "spans", "-i", source, "--out", out, "--method", "mask", "--overwrite"])
    assert again.exit_code == 0, again.output
    assert out.read_bytes() != before and "*" in _rows(out)[0]["text"]


def test_overwrite_starts_an_interrupted_run_with_other_arguments_again(tmp_path, source):
    out = tmp_path / "o.jsonl"
    out.write_text("partial\n")
    Path(str(out) + ".progress").write_text(json.dumps({"fingerprint": "x", "records": 1, "bytes": 8}))
    _one_error(kp(["--spans-field", "spans", "-i", source, "--out", out]), "different arguments")
    result = kp(["--spans-field", "spans", "-i", source, "--out", out, "--overwrite"])
    assert result.exit_code == 0, result.output
    assert len(_rows(out)) == 1 and not Path(str(out) + ".progress").exists()


def test_output_is_created_0600(tmp_path, source):
    out = tmp_path / "o.jsonl"
    old = os.umask(0o022)
    try:
        assert kp(["--spans-field", "spans", "-i", source, "--out", out]).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_progress_file_is_replaced_through_a_name_unique_to_the_writer(tmp_path, source):
    out = tmp_path / "o.jsonl"
    # The old writer's fixed temporary name, taken (as another run's would be): a unique name is not.
    Path(str(out) + ".progress.tmp").mkdir()
    result = kp(["--spans-field", "spans", "-i", source, "--out", out])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == ["o.jsonl.progress.tmp"]


def test_a_second_writer_of_the_same_output_is_refused(tmp_path, source):
    out = tmp_path / "o.jsonl"
    out.touch()
    with open(out, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # a run in progress holds it
        _one_error(kp(["--spans-field", "spans", "-i", source, "--out", out]), "another kp deidentify")
    assert out.read_bytes() == b""


# --- 5. operator options, throw-away keys, per-type maps -----------------------------------------


@pytest.mark.parametrize(
    ("method", "option", "expected"),
    [
        ("mask", "char=#", "####### #####, tel ### ### ### ###."),
        ("mask", "keep_whitespace=false", "*************, tel ***************."),
        ("replace", "template=[{label}]", "[PERSON], tel [PHONE]."),
    ],
)
def test_operator_options_reach_the_operator(tmp_path, source, method, option, expected):
    out = tmp_path / "o.jsonl"
    result = kp(["--spans-field", "spans", "-i", source, "--out", out, "--method", method, "--operator-option", option])
    assert result.exit_code == 0, result.output
    assert _rows(out)[0]["text"] == expected


def test_hash_length_option_is_an_integer(tmp_path, source):
    out = tmp_path / "o.jsonl"
    env = {"KP_PSEUDONYM_KEY": KEY}
    args = ["--spans-field", "spans", "-i", source, "--out", out, "--method", "hash", "--operator-option", "length=32"]
    assert kp(args, env=env).exit_code == 0
    person = _rows(out)[0]["spans"][0]
    assert person["end"] - person["start"] == 32


@pytest.mark.parametrize(
    ("method", "option", "named"),
    [
        ("mask", "keep_last=two", "integer"),
        ("mask", "colour=red", "char"),
        ("mask", "char", "KEY=VALUE"),
        ("hash", "length=100", "8..64"),
        ("pseudonymize", "char=#", "--operator-option"),
    ],
)
def test_bad_operator_options_are_one_error(tmp_path, source, method, option, named):
    args = ["--spans-field", "spans", "-i", source, "--out", tmp_path / "o.jsonl", "--method", method]
    _one_error(kp([*args, "--operator-option", option], env={"KP_PSEUDONYM_KEY": KEY}), named)
    assert not (tmp_path / "o.jsonl").exists()


def test_random_key_needs_no_key_and_differs_per_run(tmp_path, source):
    env = {"KP_PSEUDONYM_KEY": ""}
    runs = []
    for name in ("a.jsonl", "b.jsonl"):
        out = tmp_path / name
        result = kp(["--spans-field", "spans", "-i", source, "--out", out, "--method", "hash", "--random-key"], env=env)
        assert result.exit_code == 0, result.output
        runs.append(_rows(out)[0]["text"])
    assert runs[0] != runs[1] and NAME not in runs[0]
    keyless = kp(["--spans-field", "spans", "-i", source, "--out", tmp_path / "c.jsonl", "--method", "hash"], env=env)
    _one_error(keyless, "--random-key", "--key-file")


def test_random_key_with_a_vault_is_refused(tmp_path, source):
    args = ["--spans-field", "spans", "-i", source, "--out", tmp_path / "o.jsonl", "--method", "pseudonymize"]
    _one_error(kp([*args, "--random-key", "--vault", tmp_path / "v.vault"]), "--random-key", "--vault", "reversed")
    assert not (tmp_path / "v.vault").exists()


@pytest.mark.parametrize("form", ["json", "file", "pairs"])
def test_operators_map_per_type(tmp_path, source, form):
    entries = {"PERSON": "replace", "DEFAULT": "mask"}
    value = {"json": json.dumps(entries), "pairs": "PERSON=replace,DEFAULT=mask"}.get(form)
    if form == "file":
        (tmp_path / "map.json").write_text(json.dumps(entries))
        value = f"@{tmp_path / 'map.json'}"
    out = tmp_path / "o.jsonl"
    result = kp(["--spans-field", "spans", "-i", source, "--out", out, "--operators", value])
    assert result.exit_code == 0, result.output
    [row] = _rows(out)
    assert row["text"] == "<PERSON>, tel *** *** *** ***."
    assert [row["text"][s["start"] : s["end"]] for s in row["spans"]] == ["<PERSON>", "*** *** *** ***"]


def test_types_a_map_does_not_name_get_the_method(tmp_path, source):
    out = tmp_path / "o.jsonl"
    args = ["--spans-field", "spans", "-i", source, "--out", out, "--operators", '{"PHONE": "keep"}']
    assert kp([*args, "--method", "replace"]).exit_code == 0
    assert _rows(out)[0]["text"] == f"<PERSON>, tel {PHONE}."


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("{not json", "JSON"),
        ('{"PERSON": "nope"}', "nope"),
        ('{"NOT_A_TYPE": "mask"}', "NOT_A_TYPE"),
        ("PERSON", "TYPE=METHOD"),
    ],
)
def test_bad_operator_maps_are_one_error(tmp_path, source, value, named):
    args = ["--spans-field", "spans", "-i", source, "--out", tmp_path / "o.jsonl", "--operators", value]
    _one_error(kp(args), named)


def test_an_interrupted_random_key_run_cannot_be_continued(tmp_path):
    from kp_core.anonymize.bulk import BulkOptions, BulkRunError, run_bulk

    good = json.dumps({"text": TEXT, "spans": SPANS})
    source = tmp_path / "in.jsonl"
    source.write_text(f"{good}\n{{not json\n{good}\n")
    out = tmp_path / "o.jsonl"
    options = BulkOptions(str(source), str(out), method="hash", spans_field="spans", batch_size=1, random_key=True)
    with pytest.raises(KpError):
        run_bulk(options, progress=False)  # stopped at line 2, line 1 written under a key now gone
    source.write_text(f"{good}\n{good}\n{good}\n")
    with pytest.raises(BulkRunError, match="throw-away key"):
        run_bulk(options, progress=False)
    assert run_bulk(options, progress=False, overwrite=True).records == 3


def test_spans_of_the_source_text_are_left_out_unless_kept(tmp_path, source):
    """Gold spans the run does not consume (no --spans-field) hold the PII as their text values and
    offsets that no longer fit: they are left out, said once by name, and copied only on request."""
    out = tmp_path / "o.jsonl"
    result = kp(["-m", "rules", "-i", source, "--out", out])
    assert result.exit_code == 0, result.output
    [row] = _rows(out)
    assert "spans" not in row and PHONE not in row["text"]
    [note] = [line for line in result.output.splitlines() if "left out" in line]
    assert "spans" in note and NAME not in result.output
    kept = tmp_path / "k.jsonl"
    assert kp(["-m", "rules", "-i", source, "--out", kept, "--keep-field", "spans"]).exit_code == 0
    assert _rows(kept)[0]["spans"] == SPANS
