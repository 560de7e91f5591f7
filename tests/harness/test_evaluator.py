"""``kp evaluate`` with the real EuroPriv-Bench harness installed: the ``europriv`` evaluator is the
default, runs the harness's own runner and metrics, and every row names its scorer."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.evaluation import europriv
from kp_core.evaluation.data import StaticDetector
from kp_core.evaluation.evaluators import default_evaluator
from kp_core.evaluation.results import BUILTIN_SCORER
from kp_core.evaluation.runner import GoldRowError, run_spec
from kp_core.evaluation.spec import default_spec

HARNESS_SCORER = "europriv-bench 0.2.0"


def kp(*args: str):
    return CliRunner().invoke(build_cli(), list(args), catch_exceptions=False)


def _without_scorer(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in ("scorer", "timestamp")} for r in rows]


def test_the_harness_is_the_default_where_importable():
    import europriv_bench

    assert europriv_bench.__version__ == "0.2.0"
    assert europriv.probe().available and europriv.probe().reason == "europriv_bench 0.2.0"
    assert default_evaluator() == "europriv"
    assert europriv.harness_scorer() == HARNESS_SCORER


def test_rules_on_the_dev_slices_harness_rows_equal_builtin_rows(dev_dir):
    """The issue's check: under the harness the rows name it as scorer, and the numbers equal the builtin's."""
    harness = kp("evaluate", "--model", "rules", "--data-dir", str(dev_dir), "--json")
    builtin = kp("evaluate", "--model", "rules", "--data-dir", str(dev_dir), "--json", "--evaluator", "builtin")
    assert harness.exit_code == 0 and builtin.exit_code == 0, harness.output + builtin.output
    by_harness, by_builtin = json.loads(harness.output)["results"], json.loads(builtin.output)["results"]
    assert len(by_harness) == 4
    assert {r["scorer"] for r in by_harness} == {HARNESS_SCORER}
    assert {r["scorer"] for r in by_builtin} == {BUILTIN_SCORER}
    assert _without_scorer(by_harness) == _without_scorer(by_builtin)


def test_the_table_names_the_scorer_and_the_leaderboard_keeps_it(dev_slice_file, dev_rows, tmp_path):
    it_file = str(dev_slice_file("it", dev_rows["it"][:30]))
    board = tmp_path / "board.json"
    shown = kp("evaluate", "-m", "rules", "--data", it_file, "--out", str(board))
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    first = lines.index("Detection (strict entity scores)")
    header, _, row = lines[first + 1 : first + 4]
    assert header.split()[-1] == "scorer" and row.endswith(HARNESS_SCORER)
    kept = json.loads(board.read_text(encoding="utf-8"))
    assert [r["scorer"] for rows in kept["entries"].values() for r in rows] == [HARNESS_SCORER]
    assert HARNESS_SCORER in kp("leaderboard", "--input", str(board)).output


def test_kp_only_metrics_are_added_by_kp_and_named(dev_rows):
    rows = dev_rows["it"][:40]
    spec = default_spec("it_realskeleton_rows.json", rows).with_metrics(("entity_f1", "kp_entity_per_type"))
    detector = StaticDetector([r["text"] for r in rows], [[] for _ in rows], name="none", model_id="none")
    row = europriv.run(spec, detector, rows)
    assert row["scorer"] == f"{HARNESS_SCORER}; kp_entity_per_type by {BUILTIN_SCORER}"
    detector = StaticDetector([r["text"] for r in rows], [[] for _ in rows], name="none", model_id="none")
    assert row["scores"] == run_spec(spec, detector, rows)["scores"]


def test_dumps_and_progress_match_the_builtin_run(dev_rows):
    from kp_core.plugins.models import load_detector

    rows = dev_rows["cz"][:50]
    spec = default_spec("cz_realskeleton_rows.json", rows)
    detector = load_detector("rules")
    seen: list[int] = []
    harness_dumps: list[dict] = []
    builtin_dumps: list[dict] = []
    europriv.run(spec, detector, rows, limit=45, dumps=harness_dumps, progress=seen.append)
    run_spec(spec, detector, rows, limit=45, dumps=builtin_dumps)
    assert sum(seen) == 45  # the detector ran once over the 45 rows, though the harness asked for tags
    assert harness_dumps == builtin_dumps and harness_dumps[0]["subjects"]


def test_malformed_gold_is_a_kp_error_naming_the_row(dev_rows):
    rows = [dict(r) for r in dev_rows["it"][:3]]
    rows[2] = {**rows[2], "spans": [{"start": 0, "end": 10_000, "label": "PERSON"}]}
    spec = default_spec("it_realskeleton_rows.json", rows)
    detector = StaticDetector([r["text"] for r in rows], [[] for _ in rows], name="x", model_id="x")
    with pytest.raises(GoldRowError, match="gold row 2"):
        europriv.run(spec, detector, rows)


def test_a_spec_of_kp_only_metrics_still_runs_through_the_harness(dev_rows):
    rows = dev_rows["se"][:20]
    spec = default_spec("se_realskeleton_rows.json", rows).with_metrics(("kp_partial_overlap_f1",))
    detector = StaticDetector([r["text"] for r in rows], [[] for _ in rows], name="none", model_id="none")
    row = europriv.run(spec, detector, rows)
    assert list(row["scores"]) == ["kp_partial_overlap_f1"] and row["n"] == 20
    assert row["scorer"].startswith(HARNESS_SCORER) and "kp_partial_overlap_f1 by kp builtin" in row["scorer"]
