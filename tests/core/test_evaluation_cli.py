"""``kp evaluate`` / ``kp leaderboard`` end to end, prediction files, dumps and comparisons, Track C
through the runner, and the ``europriv`` evaluator's fallback where the harness is absent (the real
harness needs Python >= 3.13: it runs in tests/harness, tox -e harness)."""

from __future__ import annotations

import copy
import importlib.util
import json

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.evaluation import EvalSpec, run_spec
from kp_core.evaluation.compare import compare_dumps
from kp_core.plugins.registry import get_registry
from kp_core.types import Span

from .test_metrics_leakage import CNP_A, CNP_B, make_row


def kp(*args):
    return CliRunner().invoke(build_cli(), list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def it_rows(dev_rows):
    return copy.deepcopy(dev_rows["it"][:40])  # tests may alter rows; the shared fixture's stay intact


@pytest.fixture
def it_file(dev_slice_file, it_rows):
    return dev_slice_file("it", it_rows)


def write_predictions(path, rows, keep=lambda i, s: True):
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            spans = [s for i, s in enumerate(row["spans"]) if keep(i, s)]
            fh.write(json.dumps({"text": row["text"], "spans": spans}, ensure_ascii=False) + "\n")
    return path


def test_default_spec_with_predictions(tmp_path, it_file, it_rows):
    preds = write_predictions(tmp_path / "perfect.jsonl", it_rows)
    out = tmp_path / "lb.json"
    result = kp("evaluate", "--predictions", str(preds), "--data", str(it_file), "--out", str(out), "--no-progress")
    assert result.exit_code == 0, result.output
    assert "it_realskeleton_rows" in result.output and "1.000" in result.output
    board = json.loads(out.read_text(encoding="utf-8"))
    (entry,) = board["entries"]
    assert entry == "predictions::perfect.jsonl"
    (row,) = board["entries"][entry]
    assert set(row["scores"]) == {"entity_f1", "entity_f2", "national_id_leakage"}
    assert row["scores"]["national_id_leakage"]["leak_rate"] == 0.0
    shown = kp("leaderboard", "--input", str(out))
    assert shown.exit_code == 0 and "predictions::perfect.jsonl" in shown.output


def test_suite_with_data_dir_only_and_metrics_override(tmp_path, dev_dir, it_file, it_rows):
    preds = write_predictions(tmp_path / "p.jsonl", it_rows)
    result = kp(
        "evaluate",
        "--predictions",
        str(preds),
        "--data-dir",
        str(it_file.parent),
        "--suite",
        str(dev_dir / "evaluations"),
        "--only",
        "Italian",
        "--metrics",
        "entity_f1,kp_entity_per_type",
        "--json",
        "--no-progress",
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["results"]
    assert len(rows) == 1 and set(rows[0]["scores"]) == {"entity_f1", "kp_entity_per_type"}
    assert rows[0]["dataset"]["config"] == "it-realskeleton-v1"


def test_unknown_metric_fails_before_anything(tmp_path, it_file):
    result = kp("evaluate", "--predictions", str(it_file), "--data", str(it_file), "--metrics", "entity_f1,f3")
    assert result.exit_code != 0 and "f3" in result.output


def test_prediction_files_that_do_not_match(tmp_path, it_file, it_rows):
    short = write_predictions(tmp_path / "short.jsonl", it_rows[:-1])
    result = kp("evaluate", "--predictions", str(short), "--data", str(it_file), "--no-progress")
    assert result.exit_code != 0 and "39 prediction rows for 40 gold rows" in result.output
    changed = [dict(r) for r in it_rows]
    changed[3] = {**changed[3], "text": changed[3]["text"] + " x"}
    other = write_predictions(tmp_path / "other.jsonl", changed)
    result = kp("evaluate", "--predictions", str(other), "--data", str(it_file), "--no-progress")
    assert result.exit_code != 0 and "text differs from gold row 3" in result.output
    assert it_rows[3]["text"][:20] not in result.output  # no document text in errors


def test_predictions_pair_by_doc_id(tmp_path):
    from kp_core.evaluation.data import load_predictions

    gold = [make_row([("a", "PERSON")], doc_id="d1"), make_row([("b", "PERSON")], doc_id="d2")]
    path = tmp_path / "p.jsonl"
    path.write_text(
        "\n".join(json.dumps({"doc_id": r["doc_id"], "text": r["text"], "spans": r["spans"]}) for r in reversed(gold)),
        encoding="utf-8",
    )
    spans = load_predictions(path, gold)
    assert [s[0].text for s in spans] == ["a", "b"]


def test_dump_and_compare(tmp_path, it_file, it_rows, monkeypatch):
    monkeypatch.setenv("KP_PSEUDONYM_KEY", "dump-test-key-0123456789abcdef")
    perfect = write_predictions(tmp_path / "perfect.jsonl", it_rows)
    no_ids = write_predictions(tmp_path / "noids.jsonl", it_rows, keep=lambda i, s: s["label"] != "NATIONAL_ID")
    dump_a = tmp_path / "a.json"
    result = kp(
        "evaluate",
        "--predictions",
        str(no_ids),
        "--data",
        str(it_file),
        "--dump-predictions",
        str(dump_a),
        "--no-progress",
    )
    assert result.exit_code == 0, result.output
    dumped = json.loads(dump_a.read_text(encoding="utf-8"))
    subjects = dumped["dumps"][0]["subjects"]
    assert subjects and all(s["value"].startswith("hmac-sha256:") and not s["detected"] for s in subjects)
    result = kp(
        "evaluate", "--predictions", str(perfect), "--data", str(it_file), "--compare", str(dump_a), "--no-progress"
    )
    assert result.exit_code == 0, result.output
    n = len(subjects)
    assert f"shared subjects {n}: A leaked 0, B leaked {n}" in result.output
    assert "significant" in result.output


def test_compare_pairs_raw_and_hashed_values():
    a = [{"spec": "s", "subjects": [{"doc": 0, "country": "RO", "value": CNP_A, "detected": True}]}]
    from kp_core.evaluation.compare import hashed_dumps

    key = b"compare-test-key-0123456789"
    b = hashed_dumps([{"spec": "s", "subjects": [{"doc": 0, "country": "RO", "value": CNP_A, "detected": False}]}], key)
    (result,) = compare_dumps(a, b, key=key)
    assert result["shared_subjects"] == 1 and result["mcnemar"]["b"] == 1


class _Echo:
    name = "echo"
    model_id = "gold"

    def __init__(self, rows):
        self._by_text = {r["text"]: [Span(s["start"], s["end"], s["label"]) for s in r["spans"]] for r in rows}

    def predict_spans(self, texts):
        return [self._by_text[t] for t in texts]


ANON_SPEC = EvalSpec.from_mapping(
    {
        "name": "anon",
        "task": "anonymization",
        "dataset": {"hf_id": "h", "config": "ro-realskeleton-v1"},
        "metrics": [
            "redaction_leakage",
            "pseudonymization_consistency",
            "information_retention",
            "structural_disruption",
        ],
    }
)


def test_track_c_through_the_runner():
    rows = [
        make_row([("Pacient", None), ("Ion Pop", "PERSON"), ("CNP", None), (CNP_A, "NATIONAL_ID")], country="RO"),
        make_row([("Ana", "PERSON"), ("CNP", None), (CNP_B, "NATIONAL_ID")], country="RO"),
    ]
    row = run_spec(ANON_SPEC, _Echo(rows), rows)
    s = row["scores"]
    assert s["redaction_leakage"]["leak_rate"] == 0.0 and s["redaction_leakage"]["subjects_total"] == 2.0
    assert s["information_retention"]["information_retention"] == 1.0
    assert s["structural_disruption"]["mask_token_ratio"] == 4 / 7  # Ion Pop → one █, so 4 masks of 7 tokens
    assert s["pseudonymization_consistency"]["cross_doc_bijection_rate"] == 1.0
    assert s["detection_recall"] == {"precision": 1.0, "recall": 1.0, "f2": 1.0}
    assert row["contamination"] == "clean_held_out"


def test_evaluators_are_registered():
    names = get_registry().evaluators.names()
    assert {"builtin", "europriv"} <= set(names)
    europriv = get_registry().evaluator("europriv")
    if importlib.util.find_spec("europriv_bench") is None:  # the harness is not installed here
        status = europriv.availability()
        assert status.available is False and "Python >= 3.13" in status.reason


def test_without_the_harness_the_default_scorer_is_builtin_and_rows_say_so(dev_dir):
    """Here (Python 3.11) europriv_bench is not importable: the default falls back to builtin, and the
    row, its table and its --json name that scorer. The harness itself runs in tests/harness (tox -e harness)."""
    from kp_core.evaluation.evaluators import default_evaluator
    from kp_core.evaluation.results import BUILTIN_SCORER

    assert importlib.util.find_spec("europriv_bench") is None
    assert default_evaluator() == "builtin"
    it_file = str(dev_dir / "it_realskeleton_rows.json")
    shown = kp("evaluate", "-m", "rules", "--data", it_file, "--limit", "3")
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines()[1].split()[-1] == "scorer"
    assert shown.output.splitlines()[3].endswith(BUILTIN_SCORER)  # the detection row's scorer column
    as_json = kp("evaluate", "-m", "rules", "--data", it_file, "--limit", "3", "--json")
    assert json.loads(as_json.output)["results"][0]["scorer"] == BUILTIN_SCORER
    refused = CliRunner().invoke(build_cli(), ["evaluate", "-m", "rules", "--data", it_file, "--evaluator", "europriv"])
    assert refused.exit_code != 0 and "Python >= 3.13" in refused.output


def test_static_detector_serves_batches_in_order_and_finds_others():
    from kp_core.evaluation.data import PredictionsMismatchError, StaticDetector

    texts = ["a b", "c d", "a b", "e f"]  # a repeated text keeps its own predictions by position
    spans = [[Span(0, 1, "PERSON")], [], [Span(2, 3, "DATE")], [Span(0, 3, "ADDRESS")]]
    system = StaticDetector(texts, spans, name="x", model_id="y")
    assert system.predict_spans(texts[:2]) == spans[:2]
    assert system.predict_spans(texts[2:]) == spans[2:]
    assert system.predict_spans(["e f"]) == [spans[3]]  # not where the cursor is: located
    assert system.predict_spans([]) == []
    with pytest.raises(PredictionsMismatchError, match="not the rows"):
        system.predict_spans(["z"])
