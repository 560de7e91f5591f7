"""Model and dataset cards for the Hub, built from a small fake run folder and generated rows."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from kp_core.errors import KpError
from kp_core.evaluation.leaderboard import write_leaderboard
from kp_core.generate.engine import generate_rows, write_rows
from kp_core.hub import cards
from kp_core.hub.cards import (
    DATASET_PLACEHOLDERS,
    DATASET_TEMPLATE,
    MODEL_PLACEHOLDERS,
    MODEL_TEMPLATE,
    CardError,
    CardTemplateError,
    dataset_card,
    find_results,
    model_card,
    read_results,
)
from kp_core.training.data import data_hash

REPO = "klusai/kp-ner-e5small-118m"
SUBMISSION_FIELDS = (
    "hf_model_id", "adapter", "intended_use", "training_data", "languages", "domains", "known_limitations",
    "contamination_statement",
)  # fmt: skip


def _row(spec: str, slice_: str, f1: float, p: float, r: float, f2: float, leak: float) -> dict:
    return {
        "slice": slice_,
        "spec": spec,
        "task": "detection",
        "languages": [slice_],
        "domain": "general",
        "adapter": "xlmr-ner",
        "model_id": "model",
        "n": 20,
        "limit": None,
        "eval_labels": ["NATIONAL_ID", "PERSON"],
        "scores": {
            "entity_f1": {"precision": p, "recall": r, "f1": f1},
            "entity_f2": {"precision": p, "recall": r, "f2": f2},
            "national_id_leakage": {
                "decode_bearing_total": 40.0,
                "decode_bearing_missed": 3.0,
                "leak_rate": leak,
                "leak_rate_ci_low": 0.0256,
                "leak_rate_ci_high": 0.1987,
            },
            "kp_entity_per_type": {
                "PERSON": {"precision": 0.91, "recall": 0.82, "f1": 0.8626, "support": 17.0},
                "NATIONAL_ID": {"precision": 1.0, "recall": 0.925, "f1": 0.961, "support": 40.0},
            },
        },
        "contamination": "unknown",
        "config_status": "dev",
        "europriv_bench_version": "0.2.0",
        "taxonomy_version": "0.2.0",
        "dataset": {"hf_id": None, "config": spec, "split": "test"},
        "timestamp": None,
    }


TYPED_ROWS = [
    _row("de_rows", "de", 0.8123, 0.8411, 0.7854, 0.7960, 0.075),
    _row("fr_rows", "fr", 0.6617, 0.7012, 0.6264, 0.6401, 0.05),
]
ALONE_ROWS = [_row("de_rows", "de", 0.7001, 0.7002, 0.7003, 0.7004, 0.2)]


@pytest.fixture
def train_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "train.jsonl"
    path.parent.mkdir()
    write_rows(generate_rows(["de", "fr"], None, 16, seed=5), path)
    return path


def _manifest(data_path: str, sha256: str) -> dict:
    return {
        "format": "2.0",
        "family": "xlmr-ner",
        "framework": "torch",
        "base": "multilingual-e5-small",
        "taxonomy_version": "0.2.0",
        "max_length": 128,
        "training": {"epochs": 1.0, "lr": 0.0001, "batch_size": 4, "max_steps": 10, "seed": 5},
        "data": {
            "path": data_path,
            "sha256": sha256,
            "split": {
                "seed": 5,
                "eval_fraction": 0.1,
                "group_key": "template_id",
                "total_rows": 16,
                "train_rows": 14,
                "eval_rows": 2,
                "languages": {"fr": {"rows": 8}, "de": {"rows": 8}},
            },
        },
        "seed": 5,
        "run": {"device": "cpu", "hardware": "x86_64, 2 logical cores", "steps": 10, "planned_steps": 10},
    }


@pytest.fixture
def run_dir(tmp_path: Path, train_file: Path) -> Path:
    """A main job's folder: model/ (kp.json, config.json) and scorecard.json."""
    run = tmp_path / "run"
    model = run / "model"
    model.mkdir(parents=True)
    (model / "kp.json").write_text(json.dumps(_manifest(str(train_file), data_hash(train_file))), encoding="utf-8")
    (model / "config.json").write_text(json.dumps({"architectures": ["BertForTokenClassification"]}))
    scorecard = {
        "base": "multilingual-e5-small",
        "scores": {"model_alone": ALONE_ROWS, "identifier_typing": TYPED_ROWS},
    }
    (run / "scorecard.json").write_text(json.dumps(scorecard), encoding="utf-8")
    return run


def _front_matter(card: str) -> dict:
    assert card.startswith("---\n")
    end = card.index("\n---\n", 4)
    return yaml.safe_load(card[4:end])


def _submission_card(card: str) -> dict:
    section = card.split("## EuroPriv-Bench submission card", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block is not None
    return yaml.safe_load(block[1])


def _values(path: Path) -> list[str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [row["text"][s["start"] : s["end"]] for row in rows for s in row["spans"]]


def test_results_are_found_beside_a_run_or_a_model_folder(run_dir):
    assert [r["spec"] for r in find_results(run_dir)] == ["de_rows", "fr_rows"]
    assert [r["spec"] for r in find_results(run_dir / "model")] == ["de_rows", "fr_rows"]
    assert {r["variant"] for r in find_results(run_dir)} == {"identifier_typing"}
    every = read_results(run_dir / "scorecard.json", variant=None)
    assert sorted((r["variant"], r["spec"]) for r in every) == [
        ("identifier_typing", "de_rows"),
        ("identifier_typing", "fr_rows"),
        ("model_alone", "de_rows"),
    ]
    with pytest.raises(CardError, match="with_rules"):
        read_results(run_dir / "scorecard.json", variant="with_rules")
    assert find_results(run_dir / "model" / "nothing-here") == []


def test_leaderboard_and_row_files_are_read(tmp_path):
    board = tmp_path / "board.json"
    write_leaderboard(TYPED_ROWS, board)
    assert [r["scores"]["entity_f1"]["f1"] for r in read_results(board)] == [0.8123, 0.6617]
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in TYPED_ROWS) + "\n", encoding="utf-8")
    assert [r["spec"] for r in read_results(jsonl)] == ["de_rows", "fr_rows"]
    listed = tmp_path / "rows.json"
    listed.write_text(json.dumps(TYPED_ROWS), encoding="utf-8")
    assert read_results(listed) == TYPED_ROWS
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"spec": "x"}]), encoding="utf-8")
    with pytest.raises(CardError, match=r"bad\.json: row 0"):
        read_results(bad)
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"schema": 2, "entries": {}}), encoding="utf-8")
    with pytest.raises(CardError, match="schema"):
        read_results(old)


def test_model_card_front_matter(run_dir):
    card = model_card(run_dir, repo_id=REPO, results=find_results(run_dir))
    meta = _front_matter(card)
    assert meta["license"] == "mit"  # the built-in base's licence
    assert meta["language"] == ["de", "fr"]
    assert meta["base_model"] == "intfloat/multilingual-e5-small"
    assert meta["pipeline_tag"] == "token-classification"
    assert meta["library_name"] == "transformers"
    assert {"kp", "pii", "de-identification", "xlmr-ner"} <= set(meta["tags"])
    assert "datasets" not in meta  # trained on a local file
    (index,) = meta["model-index"]
    assert index["name"] == "kp-ner-e5small-118m"
    assert len(index["results"]) == len(TYPED_ROWS)
    for result, row in zip(index["results"], TYPED_ROWS, strict=True):
        assert result["task"]["type"] == "token-classification"
        assert result["dataset"]["config"] == row["spec"] and result["dataset"]["split"] == "test"
        values = {m["type"]: m["value"] for m in result["metrics"]}
        scores = row["scores"]
        assert values == {
            "f1": scores["entity_f1"]["f1"],
            "precision": scores["entity_f1"]["precision"],
            "recall": scores["entity_f1"]["recall"],
            "f2": scores["entity_f2"]["f2"],
            "national_id_leak_rate": scores["national_id_leakage"]["leak_rate"],
        }
    assert _front_matter(model_card(run_dir, repo_id=REPO, license="apache-2.0"))["license"] == "apache-2.0"


def test_model_card_body(run_dir, train_file, tmp_path):
    card = model_card(run_dir, repo_id=REPO, results=find_results(run_dir), revision="0123abcd")
    for heading in ("Intended use", "Out of scope", "How to use", "Training data", "Evaluation", "Limitations"):
        assert f"# {heading}" in card
    assert f'extract_pii("Text to check for personal data.", model="{REPO}")' in card
    assert f"kp predict -m {REPO}" in card and "AutoModelForTokenClassification" in card
    assert "| de (de_rows) | de | general | 20 | 0.8411 | 0.7854 | 0.8123 | 0.7960 |" in card
    assert "national ID 0.0750 [0.026, 0.199] (3/40)" in card  # the row's interval
    assert "| NATIONAL_ID | 1.00 / 0.93 / 0.96 | 1.00 / 0.93 / 0.96 |" in card
    assert data_hash(train_file) in card and "seed 5" in card
    assert "on documents generated by kp" in card  # every row has a kp generator doc_id
    assert "used only for evaluation" in card and "de_rows, fr_rows" in card
    assert str(tmp_path) not in card  # no machine paths
    assert not any(value in card for value in _values(train_file) if len(value) >= 5)
    submission = _submission_card(card)
    assert all(submission[field] for field in SUBMISSION_FIELDS)
    assert submission["hf_model_id"] == f"{REPO}@0123abcd" and submission["adapter"] == "kp-model"
    assert submission["languages"] == ["de", "fr"]
    assert set(submission["domains"]) == {json.loads(line)["domain"] for line in train_file.read_text().splitlines()}


def test_model_card_without_results_or_hub_data(tmp_path, run_dir):
    manifest = json.loads((run_dir / "model" / "kp.json").read_text())
    manifest["data"]["path"] = "hf://datasets/klusai/kp-gen-data:train.jsonl"
    manifest["base"] = "org/some-encoder"
    folder = tmp_path / "model-only"
    folder.mkdir()
    (folder / "kp.json").write_text(json.dumps(manifest), encoding="utf-8")
    card = model_card(folder, repo_id=REPO)
    meta = _front_matter(card)
    assert meta["datasets"] == ["klusai/kp-gen-data"]
    assert meta["base_model"] == "org/some-encoder" and meta["license"] == "other"
    assert "model-index" not in meta and "No evaluation results" in card
    assert "AutoModelForTokenClassification" not in card  # no config.json: not a transformers classifier
    assert "@" not in _submission_card(card)["hf_model_id"]  # unpinned until a revision is given
    assert "generated by kp" not in card and "synthetic" not in card  # the file is not at hand to tell


def test_model_card_needs_a_kp_json(tmp_path):
    with pytest.raises(CardError, match="no kp.json"):
        model_card(tmp_path, repo_id=REPO)


def test_user_template_overrides_and_unknown_placeholders_are_refused(run_dir, tmp_path):
    template = tmp_path / "card.md"
    template.write_text(
        "<!-- my notes -->\n${front_matter}\n\n# ${name}: costs $$0\n\n${evaluation}\n", encoding="utf-8"
    )
    card = model_card(run_dir, repo_id=REPO, results=find_results(run_dir), template=template)
    assert card.startswith("---\n") and "my notes" not in card
    assert "# kp-ner-e5small-118m: costs $0" in card and "| fr (fr_rows) |" in card
    assert "## Intended use" not in card
    template.write_text("${front_matter}\n${name} ${owner_email}\n", encoding="utf-8")
    with pytest.raises(CardTemplateError) as caught:
        model_card(run_dir, repo_id=REPO, template=template)
    assert str(template) in str(caught.value) and "owner_email" in str(caught.value)
    assert isinstance(caught.value, KpError)
    template.write_text("${name} costs $5\n", encoding="utf-8")
    with pytest.raises(CardTemplateError, match=r"\$\$"):
        model_card(run_dir, repo_id=REPO, template=template)
    template.write_text("${front_matter}\n${generator}\n", encoding="utf-8")  # a dataset-card placeholder
    with pytest.raises(CardTemplateError, match="generator"):
        model_card(run_dir, repo_id=REPO, template=template)


def test_dataset_card_counts(tmp_path):
    path = tmp_path / "rows.jsonl"
    rows = list(generate_rows(["de", "fr", "pl"], ["legal", "clinical"], 18, seed=11))
    write_rows(rows, path)
    card = dataset_card(path, repo_id="klusai/kp-gen-data")
    meta = _front_matter(card)
    assert meta["language"] == ["de", "fr", "pl"]
    assert meta["task_categories"] == ["token-classification"] and meta["size_categories"] == ["n<1K"]
    types = Counter(s["label"] for row in rows for s in row["spans"])
    docs = Counter(row["language"] for row in rows)
    spans = Counter()
    by_language: dict[str, Counter] = {}
    for row in rows:
        spans[row["language"]] += len(row["spans"])
        by_language.setdefault(row["language"], Counter()).update(s["label"] for s in row["spans"])
    for label, count in types.items():
        assert f"| {label} | {count} |" in card
    for language, count in docs.items():
        assert f"| {language} | {count} | {spans[language]} |" in card
    for domain, count in Counter(row["domain"] for row in rows).items():
        assert f"| {domain} | {count} |" in card
    header = next(line for line in card.splitlines() if line.startswith("| language | PERSON"))
    columns = [c.strip() for c in header.strip("|").split("|")][1:]
    for language, counts in by_language.items():
        line = next(line for line in card.splitlines() if line.startswith(f"| {language} | ") and line.count("|") > 4)
        assert [int(c) for c in line.strip("|").split("|")[1:]] == [counts.get(t, 0) for t in columns]
    assert f"{len(rows)} documents with {sum(types.values())} gold PII spans" in card
    assert "seed 11" in card
    assert not any(value in card for value in _values(path) if len(value) >= 5)


def test_dataset_card_refuses_bad_rows(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"text": "abc", "spans": [{"start": 0, "end": 9, "label": "PERSON"}]}\n', encoding="utf-8")
    with pytest.raises(CardError, match=r"rows\.jsonl:1"):
        dataset_card(path, repo_id="klusai/kp-gen-data")


@pytest.mark.parametrize(
    ("template", "known"), [(MODEL_TEMPLATE, MODEL_PLACEHOLDERS), (DATASET_TEMPLATE, DATASET_PLACEHOLDERS)]
)
def test_every_placeholder_is_documented(template, known):
    header = template.read_text(encoding="utf-8").split("-->", 1)[0]
    assert {name for name in known if f"${{{name}}}" not in header} == set()
    assert {name for name in known if f"``{name}``" not in cards.__doc__} == set()
