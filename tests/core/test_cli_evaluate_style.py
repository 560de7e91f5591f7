"""``kp evaluate`` / ``kp leaderboard`` against the CLI style guide (docs/cli.md, kp issue 20):
--data-dir alone scores the dev slices, --data is repeatable, --out adds to a leaderboard, the
tables show P/R and per-type scores, one spelling per option and KpErrors as one ``Error:`` line."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli

SLICES = ("it", "se", "cz", "dk")
ROWS_PER_SLICE = 12


def kp(*args: object):
    return CliRunner().invoke(build_cli(), [str(a) for a in args], catch_exceptions=False)


def one_error_line(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    return errors[0]


@pytest.fixture(scope="module")
def slice_rows(dev_rows) -> dict[str, list[dict]]:
    return {name: copy.deepcopy(dev_rows[name][:ROWS_PER_SLICE]) for name in SLICES}


@pytest.fixture
def slice_dir(dev_slice_file, slice_rows) -> Path:
    """A folder holding the four dev slices (a few rows each), named as in the dev folder."""
    paths = [dev_slice_file(name, slice_rows[name]) for name in SLICES]
    return paths[0].parent


def write_predictions(path: Path, rows: list[dict], keep=lambda span: True) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            spans = [s for s in row["spans"] if keep(s)]
            handle.write(json.dumps({"text": row["text"], "spans": spans}, ensure_ascii=False) + "\n")
    return path


def results_of(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["results"]


# --- finding 1: --data-dir alone; specs without a file are reported --------------------------------


def test_data_dir_alone_scores_every_dev_slice(slice_dir, tmp_path):
    board_path = tmp_path / "leaderboard.json"
    result = kp("evaluate", "--model", "rules", "--data-dir", slice_dir, "--out", board_path, "--json")
    rows = results_of(result)
    assert sorted(r["spec"] for r in rows) == sorted(f"{name}_realskeleton_rows" for name in SLICES)
    assert all(r["n"] == ROWS_PER_SLICE and "entity_f1" in r["scores"] for r in rows)
    board = json.loads(board_path.read_text(encoding="utf-8"))
    (entry,) = board["entries"].values()
    assert len(entry) == len(SLICES)


def test_the_readme_command_runs_on_the_dev_folder(dev_dir, tmp_path):
    # README: kp evaluate --model runs/deid --data-dir ../shared/data/europriv-dev --out leaderboard.json
    board_path = tmp_path / "leaderboard.json"
    result = kp("evaluate", "--model", "rules", "--data-dir", dev_dir, "--out", board_path, "--limit", "3")
    assert result.exit_code == 0, result.output
    for name in SLICES:
        assert f"{name}_realskeleton_rows" in result.stdout
    assert sum(len(rows) for rows in json.loads(board_path.read_text())["entries"].values()) == len(SLICES)


def test_data_dir_without_the_dev_slices_names_the_missing_files(dev_slice_file, slice_rows):
    folder = dev_slice_file("it", slice_rows["it"]).parent
    error = one_error_line(kp("evaluate", "--model", "rules", "--data-dir", folder))
    assert "se_realskeleton_rows.json" in error and "--data FILE" in error
    assert "it_realskeleton_rows.json" not in error.split("not found:")[1]


def test_a_spec_without_a_gold_file_is_reported_with_the_reason(dev_dir, slice_dir, slice_rows, tmp_path):
    preds = write_predictions(tmp_path / "p.jsonl", slice_rows["it"])
    result = kp(
        "evaluate", "--predictions", preds, "--suite", dev_dir / "evaluations", "--data-dir", slice_dir, "--json"
    )
    (row,) = results_of(result)
    assert row["dataset"]["config"] == "it-realskeleton-v1"
    not_scored = json.loads(result.stdout)["not_scored"]
    assert len(not_scored) == 4
    polish = next(n for n in not_scored if "Polish" in n["spec"])
    assert "pl-realskeleton-v1" in polish["reason"] and "pl_realskeleton_rows.json" in polish["reason"]
    assert polish["file"].endswith(".yaml")
    for missing in not_scored:  # and on stderr, for a person
        assert f"spec {missing['spec']!r} not scored: {missing['reason']}" in result.stderr
    assert "4 of 5 spec(s) not scored" in result.stderr


def test_a_run_where_no_spec_has_a_file_is_refused(dev_dir, tmp_path):
    (tmp_path / "empty").mkdir()
    error = one_error_line(
        kp("evaluate", "-m", "rules", "--suite", dev_dir / "evaluations", "--data-dir", tmp_path / "empty")
    )
    assert "no spec could be run" in error and "pl-realskeleton-v1" in error


# --- finding 2: --data is repeatable ---------------------------------------------------------------


def test_data_is_repeatable_one_row_per_file(dev_slice_file, slice_rows):
    it_file = dev_slice_file("it", slice_rows["it"])
    se_file = dev_slice_file("se", slice_rows["se"][:5])
    rows = results_of(kp("evaluate", "-m", "rules", "--data", it_file, "--data", se_file, "--json"))
    assert [(r["spec"], r["n"]) for r in rows] == [
        ("it_realskeleton_rows", ROWS_PER_SLICE),
        ("se_realskeleton_rows", 5),
    ]


def test_two_data_files_of_one_name_are_refused(dev_slice_file, slice_rows, tmp_path):
    it_file = dev_slice_file("it", slice_rows["it"])
    other = tmp_path / "other" / it_file.name
    other.parent.mkdir()
    other.write_bytes(it_file.read_bytes())
    error = one_error_line(kp("evaluate", "-m", "rules", "--data", it_file, "--data", other))
    assert "'it_realskeleton_rows'" in error and "distinct names" in error


def test_predictions_pair_with_one_gold_file_only(dev_slice_file, slice_rows, tmp_path):
    preds = write_predictions(tmp_path / "p.jsonl", slice_rows["it"])
    it_file = dev_slice_file("it", slice_rows["it"])
    se_file = dev_slice_file("se", slice_rows["se"])
    error = one_error_line(kp("evaluate", "--predictions", preds, "--data", it_file, "--data", se_file))
    assert "--predictions holds one system's output for one gold file" in error


# --- finding 3: --out adds to a leaderboard --------------------------------------------------------


def test_out_adds_to_the_leaderboard_and_replaces_the_same_model_and_spec(dev_slice_file, slice_rows, tmp_path):
    it_file = dev_slice_file("it", slice_rows["it"])
    board_path = tmp_path / "board.json"
    perfect = write_predictions(tmp_path / "perfect.jsonl", slice_rows["it"])
    no_ids = write_predictions(tmp_path / "noids.jsonl", slice_rows["it"], keep=lambda s: s["label"] != "NATIONAL_ID")

    def run(preds: Path, model_id: str, *extra: str):
        return kp(
            "evaluate", "--predictions", preds, "--model-id", model_id, "--data", it_file, "--out", board_path, *extra
        )

    assert run(perfect, "a").exit_code == 0
    assert run(no_ids, "b").exit_code == 0
    entries = json.loads(board_path.read_text())["entries"]
    assert sorted(entries) == ["predictions::a", "predictions::b"]  # one leaderboard, many models
    assert entries["predictions::a"][0]["scores"]["entity_f1"]["f1"] == 1.0

    assert run(no_ids, "a").exit_code == 0  # the same model and spec again: replaced, not doubled
    entries = json.loads(board_path.read_text())["entries"]
    assert sorted(entries) == ["predictions::a", "predictions::b"]
    (row,) = entries["predictions::a"]
    assert row["scores"]["entity_f1"]["f1"] < 1.0

    assert run(perfect, "c", "--overwrite").exit_code == 0  # --overwrite starts a new leaderboard
    assert list(json.loads(board_path.read_text())["entries"]) == ["predictions::c"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary files left


def test_out_that_is_not_a_leaderboard_is_refused_before_scoring(dev_slice_file, slice_rows, tmp_path):
    it_file = dev_slice_file("it", slice_rows["it"])
    for content in ('{"not": "a leaderboard"}', "plain text", '{"schema": 2, "entries": {}}'):
        target = tmp_path / "notes.json"
        target.write_text(content)
        # the model does not exist: the file is refused first, so nothing was loaded or scored
        error = one_error_line(kp("evaluate", "-m", "no-such-model", "--data", it_file, "--out", target))
        assert f"--out {target}" in error and "--overwrite" in error
        assert target.read_text() == content


# --- finding 4: precision, recall and per-type tables ----------------------------------------------


def test_tables_show_precision_recall_and_per_type_scores(dev_slice_file, slice_rows, tmp_path):
    it_file = dev_slice_file("it", slice_rows["it"])
    no_ids = write_predictions(tmp_path / "noids.jsonl", slice_rows["it"], keep=lambda s: s["label"] != "NATIONAL_ID")
    board_path = tmp_path / "board.json"
    result = kp("evaluate", "--predictions", no_ids, "--data", it_file, "--per-type", "--out", board_path)
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if line.startswith("spec "))
    assert header.split() == ["spec", "entry", "P", "R", "F1", "F2", "n", "scorer"]
    row = next(line for line in result.stdout.splitlines() if line.startswith("it_realskeleton_rows"))
    precision, recall = row.split()[2:4]
    assert precision == "1.000" and float(recall) < 1.0  # nothing predicted is wrong; the IDs are missed
    assert "Per type (strict P/R/F1): predictions::noids.jsonl" in result.stdout
    per_type = {
        line.split()[0]: line.split()[1]
        for line in result.stdout.splitlines()
        if line.startswith(("NATIONAL_ID ", "PERSON "))
    }
    assert per_type == {"NATIONAL_ID": "0.00/0.00/0.00", "PERSON": "1.00/1.00/1.00"}

    shown = kp("leaderboard", "--input", board_path, "--per-type")
    assert shown.exit_code == 0 and "Per type (strict P/R/F1)" in shown.stdout and row in shown.stdout
    assert "Per type" not in kp("leaderboard", "-i", board_path).stdout  # only when asked


# --- finding 5: spellings, progress, --json, errors ------------------------------------------------


def test_model_short_flag_and_detection_options(dev_slice_file, slice_rows):
    it_file = dev_slice_file("it", slice_rows["it"])
    (row,) = results_of(kp("evaluate", "-m", "rules", "--data", it_file, "--labels", "EMAIL", "--json"))
    assert row["adapter"] == "rules"
    error = one_error_line(kp("evaluate", "-m", "no-such-model", "--data", it_file))
    assert "no-such-model" in error


def test_predictions_refuse_model_flags(dev_slice_file, slice_rows, tmp_path):
    it_file = dev_slice_file("it", slice_rows["it"])
    preds = write_predictions(tmp_path / "p.jsonl", slice_rows["it"])
    result = kp("evaluate", "--predictions", preds, "--data", it_file, "-m", "rules", "--with-rules")
    assert result.exit_code == 2 and "--model, --with-rules" in result.output


def test_progress_only_when_asked_or_at_a_terminal(dev_slice_file, slice_rows):
    it_file = dev_slice_file("it", slice_rows["it"])
    quiet = kp("evaluate", "-m", "rules", "--data", it_file)  # stderr is not a terminal here
    assert quiet.exit_code == 0 and "doc/s" not in quiet.stderr and "doc]" not in quiet.stderr
    assert "doc" not in kp("evaluate", "-m", "rules", "--data", it_file, "--no-progress").stderr
    shown = kp("evaluate", "-m", "rules", "--data", it_file, "--progress")
    assert shown.exit_code == 0 and f"/{ROWS_PER_SLICE} [" in shown.stderr and "doc/s" in shown.stderr


def test_leaderboard_input_json_and_the_old_in(dev_slice_file, slice_rows, tmp_path):
    it_file = dev_slice_file("it", slice_rows["it"])
    board_path = tmp_path / "board.json"
    assert kp("evaluate", "-m", "rules", "--data", it_file, "--out", board_path).exit_code == 0
    as_json = kp("leaderboard", "-i", board_path, "--json")
    assert as_json.exit_code == 0 and json.loads(as_json.stdout) == json.loads(board_path.read_text())
    old = kp("leaderboard", "--in", board_path)
    assert old.exit_code == 0 and "it_realskeleton_rows" in old.stdout
    assert "--in is deprecated" in old.stderr and "--input" in old.stderr
    assert "--in " not in kp("leaderboard", "--help").stdout
    assert kp("leaderboard", "--in", board_path, "-i", board_path).exit_code == 2
    with board_path.open() as handle:
        piped = CliRunner().invoke(build_cli(), ["leaderboard", "-i", "-"], input=handle.read())
    assert piped.exit_code == 0 and "it_realskeleton_rows" in piped.stdout


def test_refusals_are_one_error_line(dev_slice_file, slice_rows, tmp_path):
    it_file = dev_slice_file("it", slice_rows["it"])
    assert "nope" in one_error_line(kp("evaluate", "-m", "rules", "--data", it_file, "--evaluator", "nope"))
    assert "f3" in one_error_line(kp("evaluate", "-m", "rules", "--data", it_file, "--metrics", "entity_f1,f3"))
    not_a_board = tmp_path / "x.json"
    not_a_board.write_text("[]")
    assert "not a leaderboard file" in one_error_line(kp("leaderboard", "-i", not_a_board))
