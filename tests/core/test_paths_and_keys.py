"""Paths, keys and dumps: every file problem is one clear error (what, which path, why; exit 2)
before anything is written, no two of a command's files may be one file, a keyed bulk run resumes
only under its own key, and prediction dumps hold keyed digests that cannot be brute-forced."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli, main
from kp_core.data.paths import atomic_write_text
from kp_core.evaluation.compare import (
    compare_dumps,
    hash_value,
    keyed_value,
    read_dumps,
    write_dumps,
)

KEY = "paths-test-key-0123456789abcdef"
OTHER_KEY = "another-test-key-fedcba9876543210"
AS_ROOT = os.geteuid() == 0  # root ignores permission bits: chmod cannot provoke these errors
ROOT_REASON = "runs as root, which file permissions do not stop (the other path cases still run)"


def _owner_permissions_even_as_root(monkeypatch) -> None:
    """Root passes every access check, so under root the path checks are told what the file's
    owner would be told: the owner's permission bits decide (the real answer for any other user)."""
    if not AS_ROOT:
        return

    def access(path, mode, *args, **kwargs) -> bool:
        bits = os.stat(path).st_mode
        wanted = ((os.R_OK, stat.S_IRUSR), (os.W_OK, stat.S_IWUSR), (os.X_OK, stat.S_IXUSR))
        return all(bits & bit for flag, bit in wanted if mode & flag)

    monkeypatch.setattr("kp_core.data.paths.os.access", access)


def kp(args: list[str], env: dict | None = None):
    return CliRunner().invoke(build_cli(), [str(a) for a in args], env=env, catch_exceptions=False)


def _one_clean_error(result, *named: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    for name in named:
        assert name in errors[0], errors[0]


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "in.jsonl"
    text = "Pacientul Ion Popescu, CNP 1800101221144."
    path.write_text(json.dumps({"text": text, "spans": [{"start": 27, "end": 40, "label": "NATIONAL_ID"}]}) + "\n")
    return path


@pytest.fixture
def key_file(tmp_path) -> Path:
    path = tmp_path / "key"
    path.write_text(KEY)
    return path


# --- kp deidentify: path problems ------------------------------------------------------------


def _blocked_folder(tmp_path: Path) -> Path:
    """A path whose parent is a file: fails for root too."""
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    return blocker


@pytest.mark.parametrize(
    "case",
    [
        "missing input",
        "input is a folder",
        "input under a file",
        "output under a file",
        "output is a folder",
        "unreadable input",
        "read-only output folder",
    ],
)
def test_deidentify_path_problems_are_one_clean_error(tmp_path, source, case, monkeypatch):
    output = tmp_path / "out.jsonl"
    data = source
    if case == "missing input":
        data = tmp_path / "nope.jsonl"
    elif case == "input is a folder":
        data = tmp_path
    elif case == "input under a file":
        data = _blocked_folder(tmp_path) / "in.jsonl"
    elif case == "output under a file":
        output = _blocked_folder(tmp_path) / "sub" / "out.jsonl"
    elif case == "output is a folder":
        output = tmp_path / "folder"
        output.mkdir()
    elif case == "unreadable input":
        _owner_permissions_even_as_root(monkeypatch)
        source.chmod(0)
    elif case == "read-only output folder":
        _owner_permissions_even_as_root(monkeypatch)
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        output = folder / "out.jsonl"
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = kp(["deidentify", "--spans-field", "spans", "--input", data, "--output", output, "--no-progress"])
    _one_clean_error(result, output.name if "output" in case else data.name)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing created


def test_missing_output_folder_is_created(tmp_path, source):
    output = tmp_path / "new" / "deeper" / "out.jsonl"
    result = kp(["deidentify", "--spans-field", "spans", "--input", source, "--output", output, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "1800101221144" not in output.read_text(encoding="utf-8")


# --- kp deidentify: two roles, one file ---------------------------------------------------------


def _pseudonymize(source: Path, output: Path, vault: Path | str, key_file: Path):
    return kp(
        ["deidentify", "--method", "pseudonymize", "--spans-field", "spans", "--input", source, "--output", output,
         "--vault", vault, "--key-file", key_file, "--no-progress"]
    )  # fmt: skip


def test_vault_and_output_the_same_path_is_refused(tmp_path, source, key_file):
    same = tmp_path / "x.jsonl"
    result = _pseudonymize(source, same, same, key_file)
    _one_clean_error(result, "same file")
    assert not same.exists()


@pytest.mark.parametrize("form", ["symlink", "relative", "hard link"])
def test_an_existing_vault_survives_any_form_of_the_same_path(tmp_path, source, key_file, form, monkeypatch):
    vault = tmp_path / "pii.vault"
    assert _pseudonymize(source, tmp_path / "first.jsonl", vault, key_file).exit_code == 0
    kept = vault.read_bytes()
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    if form == "symlink":
        other = tmp_path / "link.jsonl"
        other.symlink_to(vault)
    elif form == "relative":
        other = Path("..") / "sub" / ".." / "pii.vault"
    else:
        other = tmp_path / "hard.jsonl"
        os.link(vault, other)
    for output, vault_arg in ((other, vault), (vault, other)):
        result = _pseudonymize(source, output, vault_arg, key_file)
        _one_clean_error(result, "same file")
        assert vault.read_bytes() == kept


@pytest.mark.parametrize("clash", ["input", "progress file"])
def test_input_or_progress_file_as_another_role_is_refused(tmp_path, source, key_file, clash):
    kept = source.read_bytes()
    output = tmp_path / "out.jsonl"
    if clash == "input":
        result = kp(["deidentify", "--spans-field", "spans", "--input", source, "--output", source, "--no-progress"])
    else:
        result = _pseudonymize(source, output, Path(str(output) + ".progress"), key_file)
    _one_clean_error(result, "same file")
    assert source.read_bytes() == kept
    assert not output.exists()


# --- kp deidentify: a hash run resumes only under its own key -------------------------------------


def _hash_run(source: Path, output: Path, key: str):
    env = {"KP_PSEUDONYM_KEY": key}
    return kp(
        ["deidentify", "--method", "hash", "--spans-field", "spans", "--input", source, "--output", output,
         "--batch-size", "2", "--no-progress"],
        env=env,
    )  # fmt: skip


def _interrupted_hash_run(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(fixed input, output, straight output): a hash run stopped after its first batch (line 3
    was bad, lines 1-2 are written and recorded), its input since fixed."""
    lines = [
        json.dumps({"text": f"CNP 18001012211{i:02d}", "spans": [{"start": 4, "end": 17, "label": "NATIONAL_ID"}]})
        for i in range(6)
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n")
    straight = tmp_path / "straight.jsonl"
    assert _hash_run(source, straight, KEY).exit_code == 0
    source.write_text("\n".join(lines[:2] + ["{not json"] + lines[3:]) + "\n")
    output = tmp_path / "out.jsonl"
    first = _hash_run(source, output, KEY)
    assert first.exit_code != 0 and "in.jsonl:3" in first.output
    source.write_text("\n".join(lines) + "\n")
    return source, output, straight


def test_resuming_a_hash_run_with_another_key_is_refused(tmp_path):
    source, output, straight = _interrupted_hash_run(tmp_path)
    progress = Path(str(output) + ".progress")
    state = json.loads(progress.read_text())
    assert state["records"] == 2 and state["key_check"]
    assert KEY not in progress.read_text() and KEY.encode().hex() not in progress.read_text()
    written, recorded = output.read_bytes(), progress.read_bytes()

    wrong = _hash_run(source, output, OTHER_KEY)  # resumed under another key: refused, nothing touched
    assert wrong.exit_code == 2 and "another key" in wrong.output, wrong.output  # a refusal (docs/cli.md)
    assert OTHER_KEY not in wrong.output and KEY not in wrong.output
    assert output.read_bytes() == written and progress.read_bytes() == recorded

    right = _hash_run(source, output, KEY)
    assert right.exit_code == 0 and "resumed after record 2" in right.output, right.output
    assert output.read_bytes() == straight.read_bytes()


def test_an_sdk_resume_binds_the_key_taken_from_the_environment(tmp_path, monkeypatch):
    from kp_core.anonymize.bulk import BulkInputError, BulkOptions, run_bulk

    source, _, straight = _interrupted_hash_run(tmp_path)
    fixed = source.read_text()
    source.write_text(fixed.replace(fixed.splitlines()[2], "{not json"))
    output = tmp_path / "sdk.jsonl"
    options = BulkOptions(str(source), str(output), method="hash", spans_field="spans", batch_size=2)
    monkeypatch.setenv("KP_PSEUDONYM_KEY", KEY)  # no key= anywhere: the operator takes the environment's
    with pytest.raises(BulkInputError):
        run_bulk(options, progress=False)
    source.write_text(fixed)
    monkeypatch.setenv("KP_PSEUDONYM_KEY", OTHER_KEY)
    with pytest.raises(ValueError, match="another key"):
        run_bulk(options, progress=False)
    monkeypatch.setenv("KP_PSEUDONYM_KEY", KEY)
    assert run_bulk(options, progress=False).resumed_from == 2
    assert output.read_bytes() == straight.read_bytes()


@pytest.mark.parametrize("damage", ["deleted", "cut"])
def test_resuming_onto_a_missing_or_cut_output_is_refused(tmp_path, damage):
    source, output, _ = _interrupted_hash_run(tmp_path)
    if damage == "deleted":
        output.unlink()
    else:
        output.write_bytes(output.read_bytes()[:-5])
    result = _hash_run(source, output, KEY)  # would have padded the output with zero bytes
    assert result.exit_code == 2 and "shorter than" in result.output, result.output
    if damage == "deleted":
        assert not output.exists()
    else:
        assert b"\0" not in output.read_bytes()


# --- kp evaluate: path problems -----------------------------------------------------------------


@pytest.fixture(scope="module")
def cz_rows(dev_rows):
    return copy.deepcopy(dev_rows["cz"][:40])  # tests may alter rows; the shared fixture's stay intact


@pytest.fixture
def cz_file(dev_slice_file, cz_rows):
    return dev_slice_file("cz", cz_rows)


def _predictions(path: Path, rows, with_ids: bool = True) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            spans = [s for s in row["spans"] if with_ids or s["label"] != "NATIONAL_ID"]
            handle.write(json.dumps({"text": row["text"], "spans": spans}, ensure_ascii=False) + "\n")
    return path


@pytest.mark.parametrize("option", ["--out", "--dump-predictions"])
def test_evaluate_refuses_an_unwritable_output_before_loading_a_model(tmp_path, cz_file, option):
    target = _blocked_folder(tmp_path) / "result.json"
    # The model does not exist: the path is refused first, so nothing was loaded or scored.
    result = kp(["evaluate", "--model", "no-such-model", "--data", cz_file, option, target, "--no-progress"],
                env={"KP_PSEUDONYM_KEY": KEY})  # fmt: skip
    _one_clean_error(result, option, "afile is a file, not a folder")


def test_evaluate_refuses_to_write_over_its_own_inputs(tmp_path, cz_file, cz_rows):
    preds = _predictions(tmp_path / "p.jsonl", cz_rows)
    kept = cz_file.read_bytes()
    result = kp(["evaluate", "--predictions", preds, "--data", cz_file, "--out", cz_file, "--no-progress"])
    _one_clean_error(result, "--data", "--out", "same file")
    assert cz_file.read_bytes() == kept
    dump = tmp_path / "a.json"
    env = {"KP_PSEUDONYM_KEY": KEY}
    assert kp(["evaluate", "--predictions", preds, "--data", cz_file, "--dump-predictions", dump, "--no-progress"],
              env=env).exit_code == 0  # fmt: skip
    link = tmp_path / "link.json"
    link.symlink_to(dump)
    kept = dump.read_bytes()
    result = kp(["evaluate", "--predictions", preds, "--data", cz_file, "--compare", dump, "--dump-predictions", link,
                 "--no-progress"], env=env)  # fmt: skip
    _one_clean_error(result, "--compare", "--dump-predictions", "same file")
    assert dump.read_bytes() == kept


def test_atomic_write_leaves_the_old_file_when_the_write_fails(tmp_path, monkeypatch):
    target = tmp_path / "board.json"
    target.write_text("old\n")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic_write_text(target, "new\n" * 1000)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["board.json"]  # no temporary file left behind


# --- the top-level net for other commands -----------------------------------------------------------


def test_data_generate_under_a_file_is_one_clean_error(tmp_path, capsys):
    target = _blocked_folder(tmp_path) / "x.jsonl"
    with pytest.raises(SystemExit) as exit_info:
        main(["data", "generate", "--languages", "ro", "-n", "3", "--seed", "1", "--out", str(target)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "afile" in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_data_validate_of_an_unreadable_file_is_one_clean_error(tmp_path, capsys):
    if AS_ROOT:
        pytest.skip(ROOT_REASON)
    path = tmp_path / "rows.jsonl"
    path.write_text('{"text": "a", "spans": []}\n')
    path.chmod(0)
    with pytest.raises(SystemExit) as exit_info:
        main(["data", "validate", "--input", str(path)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "rows.jsonl" in err and ("permission denied" in err or "not readable" in err) and "Traceback" not in err


# --- prediction dumps: keyed digests ------------------------------------------------------------

# The 10^4 smallest candidates of a Czech birth-number shape (YYMMDD/SSSC, born 2000-01-01);
# 000101/0009 is a valid one (0001010009 is divisible by 11).
CANDIDATES = [f"000101{n:04d}" for n in range(10_000)]
PLANTED = "0001010009"


def _brute_force(digests: set[str], guess) -> list[str]:
    return [c for c in CANDIDATES if guess(c) in digests]


def test_a_dump_cannot_be_brute_forced_without_its_key_and_pairs_with_it(tmp_path):
    run = [{"spec": "cz", "subjects": [{"doc": 0, "country": "CZ", "value": PLANTED, "detected": False}]}]
    key, other_key = KEY.encode(), OTHER_KEY.encode()

    legacy = hash_value(PLANTED)  # what older dumps wrote: found by the same brute force (the test can fail)
    assert _brute_force({legacy}, lambda c: "sha256:" + hashlib.sha256(c.encode()).hexdigest()) == [PLANTED]

    path = tmp_path / "a.json"
    write_dumps(path, run, timestamp=None, raw_values=False, key=key)
    text = path.read_text(encoding="utf-8")
    assert PLANTED not in text and KEY not in text and key.hex() not in text
    digests = {s["value"].split(":", 1)[1] for d in json.loads(text)["dumps"] for s in d["subjects"]}
    assert _brute_force(digests, lambda c: hashlib.sha256(c.encode()).hexdigest()) == []
    assert _brute_force(digests, lambda c: keyed_value(c, other_key).split(":", 1)[1]) == []
    assert _brute_force(digests, lambda c: keyed_value(c, key).split(":", 1)[1]) == [PLANTED]  # the key holder

    written = read_dumps(path, key=key)
    (result,) = compare_dumps([{**run[0], "subjects": [{**run[0]["subjects"][0], "detected": True}]}], written, key=key)
    assert result["shared_subjects"] == 1 and result["mcnemar"]["b"] == 1 and result["mcnemar"]["c"] == 0
    with pytest.raises(ValueError, match="another key"):
        read_dumps(path, key=other_key)
    with pytest.raises(ValueError, match="keyed"):
        read_dumps(path)


def test_evaluate_dumps_are_keyed_and_compare_under_the_same_key(tmp_path, cz_file, cz_rows):
    perfect = _predictions(tmp_path / "perfect.jsonl", cz_rows)
    no_ids = _predictions(tmp_path / "noids.jsonl", cz_rows, with_ids=False)
    dump = tmp_path / "a.json"
    base = ["evaluate", "--data", cz_file, "--no-progress"]
    unkeyed = kp([*base, "--predictions", no_ids, "--dump-predictions", dump], env={"KP_PSEUDONYM_KEY": None})
    assert unkeyed.exit_code == 2 and "--key-file" in unkeyed.output and not dump.exists()

    key_file = tmp_path / "key"
    key_file.write_text(KEY)
    assert kp([*base, "--predictions", no_ids, "--dump-predictions", dump, "--key-file", key_file]).exit_code == 0
    payload = json.loads(dump.read_text(encoding="utf-8"))
    subjects = payload["dumps"][0]["subjects"]
    assert subjects and all(s["value"].startswith("hmac-sha256:") for s in subjects)
    assert payload["values"]["scheme"] == "hmac-sha256" and KEY not in dump.read_text()
    ids = [r["text"][s["start"] : s["end"]] for r in cz_rows for s in r["spans"] if s["label"] == "NATIONAL_ID"]
    assert ids and not any(value in dump.read_text() for value in ids)

    n = len(subjects)
    same = kp([*base, "--predictions", perfect, "--compare", dump], env={"KP_PSEUDONYM_KEY": KEY})
    assert same.exit_code == 0 and f"shared subjects {n}: A leaked 0, B leaked {n}" in same.output, same.output
    wrong = kp([*base, "--predictions", perfect, "--compare", dump], env={"KP_PSEUDONYM_KEY": OTHER_KEY})
    assert wrong.exit_code == 2 and "another key" in wrong.output
    missing = kp([*base, "--predictions", perfect, "--compare", dump], env={"KP_PSEUDONYM_KEY": None})
    assert missing.exit_code == 2 and "keyed values" in missing.output


def test_older_sha256_dumps_still_compare_without_a_key(tmp_path, cz_file, cz_rows):
    perfect = _predictions(tmp_path / "perfect.jsonl", cz_rows)
    raw = tmp_path / "raw.json"
    no_ids = _predictions(tmp_path / "noids.jsonl", cz_rows, with_ids=False)
    base = ["evaluate", "--data", cz_file, "--no-progress"]
    assert kp([*base, "--predictions", no_ids, "--dump-predictions", raw, "--dump-raw-values"]).exit_code == 0
    payload = json.loads(raw.read_text(encoding="utf-8"))
    old = tmp_path / "old.json"  # the format kp wrote before: sha256 values, no header
    for dump in payload["dumps"]:
        dump["subjects"] = [{**s, "value": hash_value(s["value"])} for s in dump["subjects"]]
    old.write_text(json.dumps({"timestamp": None, "dumps": payload["dumps"]}), encoding="utf-8")
    n = len(payload["dumps"][0]["subjects"])
    for other in (old, raw):
        result = kp([*base, "--predictions", perfect, "--compare", other], env={"KP_PSEUDONYM_KEY": None})
        assert result.exit_code == 0 and f"shared subjects {n}: A leaked 0, B leaked {n}" in result.output
        assert ("older dump" in result.output) == (other == old)  # the reversible old format is pointed out
