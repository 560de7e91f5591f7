"""Spec files, result rows, contamination rules and the schema-3 leaderboard."""

from __future__ import annotations

import json

import pytest

from kp_core.evaluation import (
    EvalSpec,
    SpecError,
    Task,
    build_leaderboard,
    check_spec,
    classify_contamination,
    config_status_for,
    format_leaderboard,
    load_suite,
    score_spec,
    write_leaderboard,
)
from kp_core.evaluation.data import find_rows_file
from kp_core.evaluation.runner import UnsupportedTaskError


def test_reads_the_harness_suite(dev_dir):
    specs = {s.dataset.config: s for s in load_suite(dev_dir / "evaluations")}
    assert set(specs) >= {"it-realskeleton-v1", "tab-echr-legal-en-v1", "ro-realskeleton-v1"}
    it = specs["it-realskeleton-v1"]
    assert it.task is Task.DETECTION and it.metrics == ("entity_f1", "entity_f2", "national_id_leakage")
    assert it.languages == ("it",) and it.domain == "legal" and it.dataset.hf_id == "klusai/europriv-bench"
    assert specs["ro-realskeleton-v1"].task is Task.ANONYMIZATION
    for spec in specs.values():
        check_spec(spec)


def test_data_dir_maps_configs_to_files(dev_dir, tmp_path):
    assert find_rows_file(dev_dir, "it-realskeleton-v1") == dev_dir / "it_realskeleton_rows.json"
    assert find_rows_file(dev_dir, "pl-realskeleton-v1") is None
    (tmp_path / "pl-realskeleton-v1.jsonl").write_text("")
    assert find_rows_file(tmp_path, "pl-realskeleton-v1") == tmp_path / "pl-realskeleton-v1.jsonl"


def test_bad_spec_files_name_the_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ntask: ranking\ndataset: {hf_id: a}\nmetrics: [entity_f1]\n")
    with pytest.raises(SpecError, match="bad.yaml.*ranking"):
        EvalSpec.from_yaml(bad)
    bad.write_text("name: x\ntask: detection\nmetrics: [entity_f1]\n")
    with pytest.raises(SpecError, match="bad.yaml.*dataset"):
        EvalSpec.from_yaml(bad)


def _spec(metrics, task="detection"):
    return EvalSpec.from_mapping(
        {"name": "s", "task": task, "dataset": {"hf_id": "h", "config": "c"}, "metrics": metrics}
    )


def test_unknown_metric_is_a_key_error_before_any_work():
    with pytest.raises(KeyError, match="entity_f3"):
        score_spec(_spec(["entity_f1", "entity_f3"]), [{"text": "x", "spans": []}], [], adapter="a", model_id="m")


def test_unscored_tasks_and_metrics_are_refused():
    with pytest.raises(UnsupportedTaskError, match="classification"):
        check_spec(_spec(["entity_f1"], task="classification"))
    with pytest.raises(UnsupportedTaskError, match="membership_inference"):
        check_spec(_spec(["membership_inference"]))
    with pytest.raises(UnsupportedTaskError, match="anonymization"):
        check_spec(_spec(["redaction_leakage"]))


def test_fairness_mask_and_eval_labels_in_a_result_row():
    rows = [{"text": "Ion Pop http://x", "spans": [{"start": 0, "end": 7, "label": "PERSON"}]}]
    from kp_core.types import Span

    pred = [[Span(0, 7, "PERSON"), Span(8, 16, "URL")]]
    row = score_spec(_spec(["entity_f1"]), rows, pred, adapter="a", model_id="m")
    assert row["eval_labels"] == ["PERSON"]
    assert row["scores"]["entity_f1"]["precision"] == 1.0  # the URL is masked, not a false positive
    assert list(row) == [
        "spec",
        "task",
        "languages",
        "domain",
        "adapter",
        "model_id",
        "n",
        "limit",
        "eval_labels",
        "scores",
        "contamination",
        "config_status",
        "europriv_bench_version",
        "taxonomy_version",
        "dataset",
        "timestamp",
        "kp_version",
        "scorer",
    ]
    assert row["europriv_bench_version"] == "0.2.0" and row["taxonomy_version"] == "0.2.0"
    assert row["scorer"] == "kp builtin (conforms to europriv-bench 0.2.0)"


@pytest.mark.parametrize(
    ("adapter", "config", "expected"),
    [
        ("gliner", "it-realskeleton-v1", "clean_held_out"),
        ("presidio", "en", "clean_held_out"),
        ("openmed", "ai4privacy-openpii-de-v1", "in_distribution"),
        ("kp-model", "ai4privacy-openpii-ro-v1", "unknown"),
        ("kp-model", "ai4privacy-openpii-pl-v1", "clean_held_out"),
        ("gliner", "ai4privacy-openpii-pl-v1", "unknown"),
        ("tabularisai", "nl", "in_distribution"),
        ("kp-model", "ro-synthetic-v1", "in_distribution"),
        ("kp-model", "fr", "clean_held_out"),
        ("kp-model", "en", "unknown"),
        ("privacy-filter", "ro-synthetic-v1", "unknown"),
    ],
)
def test_contamination_rules(adapter, config, expected):
    assert classify_contamination(adapter, config) == expected


def test_config_status():
    assert config_status_for("tab-echr-legal-en-v1") == "real-external-gold"
    assert config_status_for("it-realskeleton-v1") == "dev"


def _row(adapter, model_id, spec, f1=0.5, **extra):
    return {
        "spec": spec,
        "adapter": adapter,
        "model_id": model_id,
        "n": 3,
        "dataset": {"config": "en"},
        "scores": {"entity_f1": {"f1": f1}, "entity_f2": {"f2": f1}},
        **extra,
    }


def test_leaderboard_file_shape(tmp_path):
    rows = [
        _row("kp-model", "b", "z-spec"),
        _row("kp-model", "b", "a-spec", contamination="in_distribution"),
        _row("kp-model", "a", "m-spec"),
    ]
    path = tmp_path / "lb.json"
    write_leaderboard(rows, path)
    text = path.read_text(encoding="utf-8")
    board = json.loads(text)
    assert board["schema"] == 3 and list(board["entries"]) == ["kp-model::a", "kp-model::b"]
    assert [r["spec"] for r in board["entries"]["kp-model::b"]] == ["a-spec", "z-spec"]
    assert board["entries"]["kp-model::b"][0]["contamination"] == "in_distribution"  # never overwritten
    assert board["entries"]["kp-model::b"][1]["contamination"] == "unknown"
    assert text == json.dumps(board, indent=2, ensure_ascii=False) + "\n"


def test_leaderboard_table_keeps_checkpoints_apart():
    board = build_leaderboard([_row("kp-model", "a", "s", f1=0.1), _row("kp-model", "b", "s", f1=0.9)])
    table = format_leaderboard(board)
    assert "kp-model::a" in table and "kp-model::b" in table
    assert "0.100" in table and "0.900" in table
