"""``kp compare`` end to end: systems run by kp (-m rules) and given by their predictions, on one or
several slices; the verdict line (best, not significant, worse on one slice); --json's shape; and
the refusals (one Error line, exit 2)."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli


def kp(*args):
    return CliRunner().invoke(build_cli(), [*args, "--no-progress"], catch_exceptions=False)


@pytest.fixture(scope="module")
def small(dev_rows):
    return {name: copy.deepcopy(dev_rows[name][:30]) for name in ("it", "dk")}


def write_predictions(path, rows, keep=lambda i, s: True):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            spans = [s for i, s in enumerate(row["spans"]) if keep(i, s)]
            fh.write(json.dumps({"text": row["text"], "spans": spans}, ensure_ascii=False) + "\n")
    return path


def every_other(i, s):
    return i % 2 == 0


def every_third(i, s):
    return i % 3 == 0


@pytest.fixture
def slices(tmp_path, dev_slice_file, small):
    return {name: dev_slice_file(name, rows) for name, rows in small.items()}


def folder(tmp_path, name, small, keep_by_slice):
    """A predictions folder: one file per slice, named as the gold file."""
    for slice_name, keep in keep_by_slice.items():
        write_predictions(tmp_path / name / f"{slice_name}_realskeleton_rows.json", small[slice_name], keep)
    return tmp_path / name


def data_args(slices):
    return [arg for path in slices.values() for arg in ("--data", str(path))]


def run_json(*args):
    result = kp(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- verdicts ---------------------------------------------------------------------------------------


def test_a_clearly_better_candidate_is_best(tmp_path, slices, small):
    a = folder(tmp_path, "a", small, {"it": lambda i, s: True, "dk": lambda i, s: True})
    b = folder(tmp_path, "b", small, {"it": every_other, "dk": every_other})
    c = folder(tmp_path, "c", small, {"it": every_third, "dk": every_third})
    args = [
        "compare",
        "--predictions",
        f"A={a}",
        "--predictions",
        f"B={b}",
        "--predictions",
        f"C={c}",
        *data_args(slices),
    ]
    result = kp(*args)
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("verdict: A is best: it beats B, C significantly on every slice")
    assert "Bonferroni over 4 comparison(s), alpha 0.05" in last
    document = run_json(*args)
    assert document["verdict"]["best"] is True and document["verdict"]["comparisons"] == 4
    assert {j["status"] for j in document["verdict"]["judged"]} == {"win"}
    # every pair is reported, the candidate's first, B against C too
    assert [(p["a"], p["b"]) for p in document["slices"][0]["pairs"]] == [("A", "B"), ("A", "C"), ("B", "C")]


def test_equal_systems_are_not_significant(tmp_path, slices, small):
    a = write_predictions(tmp_path / "a.jsonl", small["it"], every_other)
    b = write_predictions(tmp_path / "b.jsonl", small["it"], every_other)
    result = kp("compare", "--predictions", f"A={a}", "--predictions", f"B={b}", "--data", str(slices["it"]))
    assert result.exit_code == 0, result.output
    assert "verdict: A is not best: not significant on it_realskeleton_rows vs B" in result.stdout
    document = run_json("compare", "--predictions", f"A={a}", "--predictions", f"B={b}", "--data", str(slices["it"]))
    (pair,) = document["slices"][0]["pairs"]
    assert (pair["mcnemar"]["b"], pair["mcnemar"]["c"], pair["mcnemar"]["p_value"]) == (0, 0, 1.0)
    assert pair["bootstrap"]["delta"] == 0.0 and pair["bootstrap"]["p_value"] == 1.0


def test_worse_on_one_slice_is_named(tmp_path, slices, small):
    a = folder(tmp_path, "a", small, {"it": lambda i, s: True, "dk": every_third})
    b = folder(tmp_path, "b", small, {"it": every_other, "dk": lambda i, s: True})
    result = kp("compare", "--predictions", f"A={a}", "--predictions", f"B={b}", *data_args(slices))
    assert result.exit_code == 0, result.output
    verdict_line = result.stdout.strip().splitlines()[-1]
    assert verdict_line.startswith("verdict: A is not best: worse on dk_realskeleton_rows vs B")
    assert "on it_realskeleton_rows vs B" not in verdict_line  # A wins there
    document = run_json("compare", "--predictions", f"A={a}", "--predictions", f"B={b}", *data_args(slices))
    assert [(f["slice"], f["status"]) for f in document["verdict"]["failures"]] == [("dk_realskeleton_rows", "worse")]


# --- a model kp runs against a prediction file ------------------------------------------------------------


def test_rules_against_a_prediction_file(tmp_path, slices, small):
    perfect = write_predictions(tmp_path / "perfect.jsonl", small["it"])
    result = kp("compare", "-m", "rules", "--predictions", f"perfect={perfect}", "--data", str(slices["it"]))
    assert result.exit_code == 0, result.output
    assert "verdict: rules is not best: worse on it_realskeleton_rows vs perfect" in result.stdout
    # the candidate may be the predictions, with kp's models as --baseline
    document = run_json(
        "compare", "--predictions", f"perfect={perfect}", "--baseline", "rules", "--data", str(slices["it"])
    )
    assert document["candidate"] == "perfect" and document["verdict"]["best"] is True
    assert [s["name"] for s in document["systems"]] == ["perfect", "rules"]
    # one scoring path: the F1 and the result row are kp evaluate's
    evaluated = json.loads(kp("evaluate", "-m", "rules", "--data", str(slices["it"]), "--json").stdout)
    (rules,) = [s for s in document["slices"][0]["systems"] if s["name"] == "rules"]
    assert rules["result"]["scores"] == evaluated["results"][0]["scores"]
    assert rules["f1"] == evaluated["results"][0]["scores"]["entity_f1"]["f1"]


def test_json_shape(tmp_path, slices, small):
    a = write_predictions(tmp_path / "a.jsonl", small["it"])
    document = run_json(
        "compare", "-m", "rules", "--predictions", f"A={a}", "--data", str(slices["it"]),
        "--resamples", "200", "--seed", "3", "--mcnemar-unit", "entity",
    )  # fmt: skip
    assert set(document) == {"candidate", "systems", "settings", "slices", "verdict"}
    assert document["settings"] == {
        "alpha": 0.05,
        "correction": "bonferroni",
        "resamples": 200,
        "seed": 3,
        "mcnemar_unit": "entity",
        "limit": None,
        "scorer": "builtin",
    }
    assert document["systems"] == [
        {"name": "rules", "source": "model", "ref": "rules", "identifier_typing": True},
        {"name": "A", "source": "predictions", "ref": str(a)},
    ]
    (piece,) = document["slices"]
    assert set(piece) == {"slice", "file", "documents", "systems", "pairs"}
    assert piece["documents"] == 30
    for system in piece["systems"]:
        assert set(system) == {
            "name", "precision", "recall", "f1", "f2", "national_id_leak_rate", "national_id_subjects", "result",
        }  # fmt: skip
    (pair,) = piece["pairs"]
    assert set(pair) == {"a", "b", "f1_a", "f1_b", "mcnemar", "bootstrap"}
    assert set(pair["mcnemar"]) == {"unit", "units", "b", "c", "p_value", "chi2_cc"}
    assert pair["mcnemar"]["units"] == sum(len(r["spans"]) for r in small["it"])  # entities: one per gold span
    assert set(pair["bootstrap"]) == {"n", "delta", "ci_level", "ci_low", "ci_high", "p_value", "resamples", "seed"}
    assert pair["bootstrap"]["resamples"] == 200 and pair["bootstrap"]["seed"] == 3
    assert set(document["verdict"]) == {
        "candidate", "best", "line", "alpha", "correction", "comparisons", "alpha_per_comparison", "judged", "failures",
    }  # fmt: skip
    assert set(document["verdict"]["judged"][0]) == {
        "slice", "baseline", "status", "reason", "mcnemar_p_adjusted",
        "bootstrap_ci_level", "bootstrap_ci_low", "bootstrap_ci_high",
    }  # fmt: skip


def test_the_bootstrap_is_reproducible_and_follows_the_seed(tmp_path, slices, small):
    a = write_predictions(tmp_path / "a.jsonl", small["it"], every_other)
    b = write_predictions(tmp_path / "b.jsonl", small["it"], every_third)
    args = ["compare", "--predictions", f"A={a}", "--predictions", f"B={b}", "--data", str(slices["it"])]
    first, again = run_json(*args, "--seed", "5"), run_json(*args, "--seed", "5")
    other = run_json(*args, "--seed", "6")
    assert first == again
    assert first["slices"][0]["pairs"][0]["bootstrap"] != other["slices"][0]["pairs"][0]["bootstrap"]


def test_limit_and_data_dir(tmp_path, dev_dir):
    document = run_json(
        "compare", "-m", "rules", "--baseline", "rules:builtin", "--data-dir", str(dev_dir), "--limit", "5"
    )
    assert [s["slice"] for s in document["slices"]] == ["it", "se", "cz", "dk"]
    assert all(s["documents"] == 5 for s in document["slices"])
    assert document["verdict"]["comparisons"] == 4
    # the same model twice: identical outcomes, nothing significant anywhere
    assert {j["status"] for j in document["verdict"]["judged"]} == {"not significant"}


# --- refusals ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-m", "rules"], "at least two systems"),
        (["--baseline", "rules"], "give the candidate"),
        (["-m", "rules", "-m", "rules"], "given twice"),
        (["-m", "rules", "--predictions", "nofile"], "expected NAME=FILE"),
        (["-m", "rules", "--predictions", "x=/does/not/exist"], "no such file or folder"),
    ],
)
def test_refusals(slices, extra, message):
    result = kp("compare", *extra, "--data", str(slices["it"]))
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_file_of_predictions_serves_one_slice_only(tmp_path, slices, small):
    a = write_predictions(tmp_path / "a.jsonl", small["it"])
    result = kp("compare", "-m", "rules", "--predictions", f"A={a}", *data_args(slices))
    assert result.exit_code == 2
    assert result.output.count("Error:") == 1 and "give a folder with one file per slice" in result.output


def test_a_folder_without_a_slice_file_is_named(tmp_path, slices, small):
    a = folder(tmp_path, "a", small, {"it": lambda i, s: True})
    result = kp("compare", "-m", "rules", "--predictions", f"A={a}", *data_args(slices))
    assert result.exit_code == 2 and "no predictions for slice 'dk_realskeleton_rows'" in result.output


def test_predictions_that_do_not_pair_are_refused(tmp_path, slices, small):
    short = write_predictions(tmp_path / "short.jsonl", small["it"][:10])
    result = kp("compare", "-m", "rules", "--predictions", f"A={short}", "--data", str(slices["it"]))
    assert result.exit_code == 2 and "10 prediction rows for 30 gold rows" in result.output


def test_no_data_is_a_usage_error():
    result = kp("compare", "-m", "rules", "--baseline", "rules:builtin")
    assert result.exit_code == 2 and "--data" in result.output


def test_compare_is_a_kp_command():
    result = CliRunner().invoke(build_cli(), ["--help"])
    assert result.exit_code == 0 and "compare" in result.output


def test_a_slice_without_national_ids_shows_no_leak_rate(tmp_path):
    text = "Ana Pop wrote on 2020-01-02 to Ion Dan"
    spans = [{"start": 0, "end": 7, "label": "PERSON"}, {"start": 17, "end": 27, "label": "DATE"}]
    gold = tmp_path / "echr-like.jsonl"
    gold.write_text(json.dumps({"text": text, "spans": spans}) + "\n", encoding="utf-8")
    preds = tmp_path / "dates.jsonl"
    preds.write_text(json.dumps({"text": text, "spans": spans[1:]}) + "\n", encoding="utf-8")
    result = kp("compare", "-m", "rules", "--predictions", f"dates={preds}", "--data", str(gold))
    assert result.exit_code == 0, result.output
    rows = [
        line.split()
        for line in result.stdout.splitlines()
        if (line.startswith("  rules ") or line.startswith("  dates ")) and " vs " not in line
    ]
    assert [row[-1] for row in rows] == ["-", "-"]


def test_a_baseline_runs_without_kps_identifier_typing(monkeypatch) -> None:
    """A --baseline is measured as it is: kp's validators must not add identifiers it never found."""
    from kp_core.cli import detector_options
    from kp_core.evaluation.compare_cli import _detectors, _systems

    seen: dict[str, bool] = {}

    def fake_load(self):
        seen[self.model] = self.identifier_typing
        return object()

    monkeypatch.setattr(detector_options.Detection, "load", fake_load)
    _detectors(_systems(("candidate",), ("baseline",), ()), "cpu")
    assert seen == {"candidate": True, "baseline": False}


def test_a_slice_with_national_ids_shows_their_leak_rate(tmp_path):
    """A missed CNP is a leak: the table shows the rate (1.000 for a system that missed it, 0.000
    for one that found it), not "-"."""
    text = "Pacientul are CNP 1800101221144 si telefon"
    spans = [{"start": 18, "end": 31, "label": "NATIONAL_ID"}]
    gold = tmp_path / "ro-like.jsonl"
    gold.write_text(json.dumps({"text": text, "spans": spans, "country": "RO"}) + "\n", encoding="utf-8")
    preds = tmp_path / "nothing.jsonl"
    preds.write_text(json.dumps({"text": text, "spans": []}) + "\n", encoding="utf-8")
    result = kp("compare", "-m", "rules", "--predictions", f"nothing={preds}", "--data", str(gold), "--json")
    assert result.exit_code == 0, result.output
    [piece] = json.loads(result.stdout)["slices"]
    leaks = {s["name"]: (s["national_id_leak_rate"], s["national_id_subjects"]) for s in piece["systems"]}
    assert leaks == {"rules": (0.0, 1), "nothing": (1.0, 1)}
