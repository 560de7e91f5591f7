"""``kp train FAMILY`` and ``kp main`` follow the CLI style guide (docs/cli.md, kp issue 20): one
spelling per concept with the old ones kept one release, KpError refusals as one line, what to
install for a family that is missing, and an ``--out`` that holds a run is never replaced silently.

Runs in the core environment (no kp-torch): a numpy recipe stands in for a trainable family.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import click
import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.cli.main_job import MAIN_EVAL_FRACTION, main_languages
from kp_core.errors import KpError
from kp_core.plugins import get_host
from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.registry import Family, reset_registry
from kp_core.training import Option, TrainConfig
from kp_core.training.common_options import subword_labels
from kp_core.training.options import OptionError, resolve_options
from tests.core.mean_recipe import MeanRecipe, NoSpans, dataset_file


class WordyRecipe(MeanRecipe):
    """The mean recipe with the shared ``subword_labels`` option, as the subword families declare it."""

    family: ClassVar[str] = "wordy"
    options: ClassVar[Sequence[Option]] = (*MeanRecipe.options, subword_labels("all"))

    def save(self, out: Path) -> dict[str, Any]:
        super().save(out)
        return {"label_scheme": self.run.options["subword_labels"]}  # the kp.json field detectors read


class WordyPlugin:
    @hookimpl
    def kp_register_families(self, register):
        register(
            Family(
                name="wordy",
                description="the mean text length, per subword",
                frameworks=(),
                load=lambda ref, **kw: NoSpans(),
                recipe=WordyRecipe,
            )
        )


@pytest.fixture
def wordy() -> Iterator[None]:
    reset_registry()
    host = get_host()
    host.register(WordyPlugin(), name="throwaway-wordy")
    try:
        yield
    finally:
        host.unregister("throwaway-wordy")
        reset_registry()


def kp(*args: str) -> click.testing.Result:
    return CliRunner().invoke(build_cli(), list(args))


def train(data: Path, out: Path, *extra: str) -> click.testing.Result:
    return kp("train", "wordy", "--base", "none", "--data", str(data), "--out", str(out), "--max-steps", "2", *extra)


def manifest(out: Path) -> dict[str, Any]:
    return json.loads((out / "kp.json").read_text(encoding="utf-8"))


# --- 1. spellings ------------------------------------------------------------------------------


def test_data_and_limit_are_the_spellings_and_the_old_ones_still_work(wordy: None, tmp_path: Path) -> None:
    data = dataset_file(tmp_path)
    new = train(data, tmp_path / "new", "--limit", "10")
    assert new.exit_code == 0, new.output
    assert manifest(tmp_path / "new")["data"]["train_examples"] == 10
    assert "deprecated" not in new.stderr
    old = kp("train", "wordy", "--base", "none", "--dataset", str(data), "--out", str(tmp_path / "old"),
             "--max-steps", "2", "--max-train", "10")  # fmt: skip
    assert old.exit_code == 0, old.output
    assert manifest(tmp_path / "old")["data"]["train_examples"] == 10
    assert "--dataset is deprecated" in old.stderr and "use --data" in old.stderr
    assert "--max-train is deprecated" in old.stderr and "use --limit" in old.stderr
    help_text = kp("train", "wordy", "--help").output
    assert "--data FILE" in help_text and "--limit" in help_text
    assert "--dataset" not in help_text and "--max-train" not in help_text


def test_the_old_and_new_spelling_together_are_refused(wordy: None, tmp_path: Path) -> None:
    data = dataset_file(tmp_path)
    both = train(data, tmp_path / "o", "--dataset", str(data))
    assert both.exit_code == 2 and "--dataset is the old spelling of --data; give only one" in both.output
    missing = kp("train", "wordy", "--base", "none", "--out", str(tmp_path / "o"))
    assert missing.exit_code == 2 and "Missing option '--data'" in missing.output


def test_subword_labels_is_the_spelling_and_label_scheme_still_works(wordy: None, tmp_path: Path) -> None:
    data = dataset_file(tmp_path)
    new = train(data, tmp_path / "new", "--subword-labels", "first")
    assert new.exit_code == 0, new.output
    assert manifest(tmp_path / "new")["training"]["options"]["subword_labels"] == "first"
    assert manifest(tmp_path / "new")["label_scheme"] == "first"
    for old_args, said in (
        (("--label-scheme", "first"), "--label-scheme"),
        (("-o", "label_scheme=first"), "-o label_scheme"),
    ):
        out = tmp_path / said.replace(" ", "").strip("-")
        old = train(data, out, *old_args)
        assert old.exit_code == 0, old.output
        assert manifest(out)["training"]["options"]["subword_labels"] == "first"
        assert f"{said} is deprecated" in old.stderr and "use --subword-labels" in old.stderr
    help_text = kp("train", "wordy", "--help").output
    assert "--subword-labels" in help_text and "--label-scheme" not in help_text


def test_the_old_option_name_reaches_the_recipe_from_python_too() -> None:
    declared = [subword_labels("all")]
    assert resolve_options(declared, {"label_scheme": "first"}, owner="x") == {"subword_labels": "first"}
    with pytest.raises(OptionError, match="given twice"):
        resolve_options(declared, {"label_scheme": "first", "subword_labels": "all"}, owner="x")


def test_eval_fraction_defaults_to_a_tenth_but_kp_main_keeps_its_own(wordy: None, tmp_path: Path) -> None:
    assert TrainConfig(family="f", base="b", dataset="d", out=tmp_path).eval_fraction == 0.1
    run = train(dataset_file(tmp_path), tmp_path / "o")
    assert run.exit_code == 0, run.output
    assert manifest(tmp_path / "o")["training"]["eval_fraction"] == 0.1
    assert "[default:" in kp("train", "wordy", "--help").output and "0.1]" in kp("train", "wordy", "--help").output
    assert MAIN_EVAL_FRACTION == 0.05  # the main job's data and figures stay those of earlier scorecards


def test_progress_is_off_when_stderr_is_not_a_terminal(wordy: None, tmp_path: Path) -> None:
    data = dataset_file(tmp_path)
    assert train(data, tmp_path / "quiet").exit_code == 0
    assert manifest(tmp_path / "quiet")["training"]["progress"] is False
    assert train(data, tmp_path / "bars", "--progress").exit_code == 0
    assert manifest(tmp_path / "bars")["training"]["progress"] is True


def test_json_alone_on_stdout(wordy: None, tmp_path: Path) -> None:
    run = train(dataset_file(tmp_path), tmp_path / "o", "--json")
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout)["steps"] == 2  # progress and the run summary went to stderr
    assert "run summary (wordy" in run.stderr
    plain = train(dataset_file(tmp_path), tmp_path / "p")
    assert "run summary (wordy" in plain.stdout and "device cpu" in plain.stderr


def test_kp_main_spellings(wordy: None, tmp_path: Path) -> None:
    help_text = kp("main", "--help").output
    for flag in ("--time-budget", "--data-dir", "--progress / --no-progress", "--json", "--overwrite"):
        assert flag in help_text
    assert "--budget" not in help_text and "--dev-dir" not in help_text
    out = str(tmp_path / "m")
    budget = kp("main", "--family", "wordy", "--out", out, "--budget", "soon")
    assert budget.exit_code == 2 and "--budget is deprecated" in budget.stderr and "not a duration" in budget.output
    both = kp("main", "--family", "wordy", "--out", out, "--budget", "5m", "--time-budget", "5m")
    assert both.exit_code == 2 and "--budget is the old spelling of --time-budget" in both.output
    dev = kp("main", "--family", "wordy", "--out", out, "--dev-dir", str(tmp_path / "nowhere"))
    assert dev.exit_code == 2 and "--dev-dir is deprecated" in dev.stderr and "--data-dir" in dev.output
    assert not (tmp_path / "m").exists()  # refused before anything is written


def test_kp_main_languages_in_any_case(wordy: None, tmp_path: Path) -> None:
    assert main_languages("RO, It") == ["ro", "it"]
    assert main_languages(None) is None
    with pytest.raises(KpError, match="--languages"):
        main_languages("xx")
    bad = kp("main", "--family", "wordy", "--out", str(tmp_path / "m"), "--languages", "XX")
    assert bad.exit_code == 2 and "Error: --languages" in bad.output and "Traceback" not in bad.output


# --- 2. errors ---------------------------------------------------------------------------------


def test_a_training_refusal_is_one_error_line(wordy: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KP_DEBUG", raising=False)
    missing = tmp_path / "missing.jsonl"
    run = train(missing, tmp_path / "o")
    assert run.exit_code == 2
    assert f"Error: --data {missing}: no such file" in run.output
    assert "TrainingError" not in run.output and "Traceback" not in run.output
    monkeypatch.setenv("KP_DEBUG", "1")
    debug = train(missing, tmp_path / "o")
    assert debug.exit_code == 2 and "Traceback" in debug.stderr and "TrainingError" in debug.stderr


def test_a_bad_option_value_is_one_error_line(wordy: None, tmp_path: Path) -> None:
    run = train(dataset_file(tmp_path), tmp_path / "o", "--subword-labels", "middle")
    assert run.exit_code == 2
    assert "Error: --subword-labels='middle': expected one of all, first" in run.output


def test_a_bad_shared_value_is_named_by_its_flag(wordy: None, tmp_path: Path) -> None:
    run = train(dataset_file(tmp_path), tmp_path / "o", "--eval-fraction", "1.5")
    assert run.exit_code == 2 and "Error: --eval-fraction must be in [0, 1), got 1.5" in run.output
    assert not (tmp_path / "o").exists()


# --- 3. a family that is not installed ---------------------------------------------------------


def test_kp_train_names_the_distribution_of_a_missing_family() -> None:
    # The core environment has no kp-torch.
    for args in (("train", "xlmr-ner"), ("train", "xlmr-ner", "--help")):
        run = kp(*args)
        assert run.exit_code == 2
        assert "Error: the xlmr-ner family comes with kp-torch: pip install kp-torch" in run.output
    gliner = kp("train", "gliner")
    assert gliner.exit_code == 2 and "comes with kp-gliner: pip install kp-gliner" in gliner.output


def test_kp_main_exists_in_core_and_names_the_distribution(tmp_path: Path) -> None:
    run = kp("main", "--out", str(tmp_path / "m"))
    assert run.exit_code == 2 and "No such command" not in run.output
    assert "the xlmr-ner family comes with kp-torch: pip install kp-torch" in run.output
    assert not (tmp_path / "m").exists()


# --- 4. overwrite policy -----------------------------------------------------------------------


def test_an_out_that_holds_a_run_is_refused_without_resume_or_overwrite(wordy: None, tmp_path: Path) -> None:
    data, out = dataset_file(tmp_path), tmp_path / "o"
    assert train(data, out).exit_code == 0
    first = (out / "kp.json").read_bytes()
    again = train(data, out)
    assert again.exit_code == 2
    assert "holds a previous run; give --resume to continue it or --overwrite to start again" in again.output
    assert (out / "kp.json").read_bytes() == first  # untouched
    finished = train(data, out, "--resume")
    assert finished.exit_code == 2 and "holds a finished run and no checkpoint to resume" in finished.output
    both = train(data, out, "--resume", "--overwrite")
    assert both.exit_code == 2 and "give one" in both.output
    replaced = train(data, out, "--overwrite", "--seed", "7")
    assert replaced.exit_code == 0, replaced.output
    assert manifest(out)["seed"] == 7


def test_resume_continues_an_unfinished_run(wordy: None, tmp_path: Path) -> None:
    import shutil

    data, out = dataset_file(tmp_path), tmp_path / "o"
    assert train(data, out, "--save-every", "1", "--keep-checkpoints").exit_code == 0
    # As if the run had died after its first step: no kp.json, no checkpoint of step 2.
    (out / "kp.json").unlink()
    shutil.rmtree(out / "checkpoints" / "step-00000002")
    resumed = train(data, out, "--save-every", "1", "--resume")
    assert resumed.exit_code == 0, resumed.output
    assert manifest(out)["run"]["resumed_from"] == 1 and manifest(out)["run"]["steps"] == 2


def test_an_empty_or_missing_out_is_fine_and_a_foreign_folder_needs_overwrite(wordy: None, tmp_path: Path) -> None:
    data = dataset_file(tmp_path)
    (tmp_path / "empty").mkdir()
    assert train(data, tmp_path / "empty").exit_code == 0
    assert train(data, tmp_path / "missing" / "deeper").exit_code == 0
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    refused = train(data, foreign)
    assert refused.exit_code == 2 and "is not empty; give --overwrite" in refused.output
    assert train(data, foreign, "--overwrite").exit_code == 0
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "mine"  # only the run's own files change


def test_kp_main_refuses_an_out_that_holds_files_unless_overwrite(wordy: None, tmp_path: Path) -> None:
    out = tmp_path / "runs" / "main"
    out.mkdir(parents=True)
    (out / "scorecard.json").write_text("{}", encoding="utf-8")
    run = kp("main", "--family", "wordy", "--out", str(out))
    assert run.exit_code == 2 and "exists; give --overwrite to replace it" in run.output
    # With --overwrite the check passes and the next refusal is about the dev data, not --out.
    over = kp("main", "--family", "wordy", "--out", str(out), "--overwrite", "--data-dir", str(tmp_path / "nowhere"))
    assert over.exit_code == 2 and "--overwrite" not in over.output and "--data-dir" in over.output


def test_train_help_names_the_first_party_families_that_are_not_installed() -> None:
    from kp_core.plugins.registry import get_registry

    result = CliRunner().invoke(build_cli(), ["train", "--help"])
    assert result.exit_code == 0, result.output
    installed = {family.name for family in get_registry().families}
    section = result.output.split("Not installed:")[1]
    for name, distribution in (("xlmr-ner", "kp-torch"), ("gliner", "kp-gliner")):
        if name not in installed:
            assert name in section and f"pip install {distribution}" in section
