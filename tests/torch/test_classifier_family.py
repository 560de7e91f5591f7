"""The ``classifier`` family on a tiny BERT and XLM-R: window labels come from the spans inside
each window, thresholds are calibrated on the eval split and saved with the checkpoint, the
checkpoint loads in plain transformers with the same scores, ``load`` gives a Classifier that pools
windows with max, and a killed run resumes to the same weights."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from safetensors.torch import load_file

from kp_core.classification import Classifier
from kp_core.classification.labels import DOC_LABELS, PERSONAL_DATA
from kp_core.generate.engine import generate_rows
from kp_core.plugins.registry import get_registry
from kp_core.training import TrainConfig, train_family
from kp_core.training.state import latest_checkpoint
from kp_core.types import Example, Span
from kp_torch.classifier import FAMILY, load
from kp_torch.classifier.calibration import best_f1_threshold, calibrate, routing_threshold
from kp_torch.classifier.model import window_scores
from kp_torch.classifier.windows import IGNORED, document_windows, pool_max, training_windows

MAX_LENGTH = 64
CLEAN = [
    "Riunione numero {i} sul bilancio del progetto e sulle scadenze del trimestre.",
    "Il verbale della seduta {i} approva il piano di lavoro senza modifiche.",
]


class SimulatedKill(Exception):
    pass


def _quiet(_: str) -> None:
    pass


@pytest.fixture(scope="module")
def rows_file(tmp_path_factory) -> Path:
    rows = list(generate_rows(languages=["it"], n=36, seed=5))
    rows += [
        {"text": CLEAN[i % 2].format(i=i), "spans": [], "doc_id": f"clean-{i}", "template_id": f"clean-{i % 6}"}
        for i in range(14)
    ]
    path = tmp_path_factory.mktemp("clf-data") / "rows.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _config(base: Path, data: Path, out: Path, **overrides) -> TrainConfig:
    settings = dict(
        family="classifier",
        base=str(base),
        dataset=str(data),
        out=out,
        max_steps=6,
        lr=5e-3,
        batch_size=8,
        eval_fraction=0.3,
        seed=3,
        progress=False,
        options={"max_length": MAX_LENGTH},
    )
    settings.update(overrides)
    return TrainConfig(**settings)


@pytest.fixture(scope="module")
def trained(tiny_bases, rows_file, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("clf-out")
    run = train_family(FAMILY, _config(tiny_bases["bert"], rows_file, out, eval_every=3), echo=_quiet)
    return out, run.metrics


def test_the_family_is_registered_as_a_classification_family() -> None:
    family = get_registry().family("classifier")
    assert family.task == "classification" and family.trainable


def test_window_labels_come_from_the_spans_inside_each_window(tiny_bases) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(tiny_bases["bert"]))
    filler = "Il verbale della seduta approva il piano di lavoro. " * 12
    text = filler + "Scrivere a mario.rossi@example.com per domande."
    start = text.index("mario")
    example = Example(text=text, spans=(Span(start, start + len("mario.rossi@example.com"), "EMAIL"),))
    windows = training_windows(tokenizer, [example], max_length=MAX_LENGTH, overlap=None)
    assert len(windows) >= 3  # long: windowed, not truncated
    email, pd = DOC_LABELS.index("EMAIL"), DOC_LABELS.index(PERSONAL_DATA)
    assert windows.targets[-1, email] == 1 and windows.targets[-1, pd] == 1
    assert (windows.targets[0] == 0).all()  # the opening window holds no span: nothing to find there
    # Document-level labels that no span places are masked on a long document, kept on a short one.
    annotated = Example(text=filler, extra={"doc_labels": {"types": ["HEALTH_CONDITION"]}})
    short = Example(text="Referto medico.", extra={"doc_labels": {"types": ["HEALTH_CONDITION"]}})
    both = training_windows(tokenizer, [annotated, short], max_length=MAX_LENGTH, overlap=None)
    health = DOC_LABELS.index("HEALTH_CONDITION")
    assert set(both.targets[both.doc_index == 0, health]) == {IGNORED}
    assert list(both.targets[both.doc_index == 1, health]) == [1]
    # Inference: every window of every document, and each label pooled with the max.
    infer = document_windows(tokenizer, [text, "", "Breve."], max_length=MAX_LENGTH, overlap=None)
    assert list(np.bincount(infer.doc_index)) == [len(windows), 1, 1]
    scores = np.random.default_rng(0).random((len(infer), len(DOC_LABELS)))
    pooled = pool_max(scores, infer.doc_index, infer.n_docs)
    np.testing.assert_allclose(pooled[0], scores[: len(windows)].max(axis=0))


def test_thresholds_maximize_f1_and_routing_keeps_recall() -> None:
    scores = np.array([0.9, 0.8, 0.7, 0.4, 0.3, 0.1])
    gold = np.array([1, 1, 0, 1, 0, 0])
    t = best_f1_threshold(scores, gold)
    assert 0.3 < t < 0.4  # keeping the top four (F1 6/7) beats the top two (F1 0.8)
    assert best_f1_threshold(scores, np.zeros(6, dtype=int)) is None
    assert routing_threshold(scores, gold) == pytest.approx(0.4)  # the lowest personal document stays
    many = np.linspace(0.001, 1.0, 2000)
    assert routing_threshold(many, np.ones(2000, dtype=int)) == pytest.approx(many[2])  # 2 of 2000 may go
    table = np.stack([scores] * len(DOC_LABELS), axis=1)
    gold_table = np.zeros_like(table, dtype=int)
    gold_table[:, 0] = gold
    calibrated = calibrate(table, gold_table)
    assert calibrated.thresholds[PERSONAL_DATA] == pytest.approx(t)
    assert set(calibrated.uncalibrated) == set(DOC_LABELS) - {PERSONAL_DATA}


def test_training_reports_classifier_figures_and_saves_calibrated_thresholds(trained) -> None:
    out, metrics = trained
    for key in ("f1", "precision", "recall", "f2", "level_accuracy"):
        assert 0.0 <= metrics[f"eval_{key}"] <= 1.0
    assert metrics["eval_personal_data_auroc"] is not None  # the eval split has clean documents
    config = json.loads((out / "config.json").read_text())
    manifest = json.loads((out / "kp.json").read_text())
    assert config["problem_type"] == "multi_label_classification"
    assert [config["id2label"][str(i)] for i in range(len(DOC_LABELS))] == list(DOC_LABELS)
    assert manifest["family"] == "classifier" and manifest["labels"] == list(DOC_LABELS)
    assert manifest["thresholds"] == config["kp_thresholds"]
    assert manifest["routing_threshold"] == config["kp_routing_threshold"]
    assert config["kp_thresholds"][PERSONAL_DATA] != 0.5  # calibrated, not the default
    assert [(e["step"], "personal_data_auroc" in e) for e in manifest["evaluations"]] == [(3, True)]  # on LoRA
    assert not any("lora" in name for name in load_file(str(out / "model.safetensors")))  # merged


def test_load_gives_a_classifier_that_pools_windows_and_uses_the_thresholds(trained) -> None:
    out, _ = trained
    clf = load(str(out), device="cpu")
    assert isinstance(clf, Classifier)
    config = json.loads((out / "config.json").read_text())
    assert clf.routing_threshold == pytest.approx(config["kp_routing_threshold"])
    rows = list(generate_rows(languages=["it"], n=4, seed=77))
    texts = [rows[0]["text"] * 3, "", CLEAN[0].format(i=1), *(row["text"] for row in rows[1:])]
    batched = clf.classify(texts, batch_size=16)
    single = [clf.classify([text], batch_size=1)[0] for text in texts]
    for a, b in zip(batched, single, strict=True):
        assert a.labels == b.labels
        np.testing.assert_allclose([a.scores[k] for k in DOC_LABELS], [b.scores[k] for k in DOC_LABELS], atol=1e-5)
    for prediction in batched:
        expected = {k for k, v in prediction.scores.items() if v >= config["kp_thresholds"][k]}
        assert prediction.labels == expected
    # A long document is every one of its windows, each label pooled with the max.
    windows = document_windows(clf.tokenizer, [texts[0]], max_length=MAX_LENGTH, overlap=None)
    assert len(windows) > 3
    per_window = window_scores(clf.model, windows, pad_id=clf.tokenizer.pad_token_id, device="cpu", batch_size=1)
    np.testing.assert_allclose(clf.scores([texts[0]])[0], per_window.max(axis=0), atol=1e-5)
    assert (per_window.max(axis=0) > per_window.min(axis=0)).any()  # the windows do differ


def test_the_checkpoint_loads_in_plain_transformers_with_the_same_scores(trained) -> None:
    from transformers import AutoModelForSequenceClassification, pipeline

    out, _ = trained
    text = CLEAN[1].format(i=3)  # one window: the plain model sees exactly what kp sees
    ours = load(str(out), device="cpu").classify([text])[0].scores
    model = AutoModelForSequenceClassification.from_pretrained(str(out))
    assert model.config.problem_type == "multi_label_classification"
    pipe = pipeline("text-classification", model=str(out), top_k=None, function_to_apply="sigmoid", device="cpu")
    theirs = {item["label"]: item["score"] for item in pipe([text])[0]}
    assert set(theirs) == set(DOC_LABELS)
    for label in DOC_LABELS:
        assert theirs[label] == pytest.approx(ours[label], abs=1e-5)


@pytest.mark.parametrize(("kind", "full_finetune"), [("xlmr", False), ("bert", True)])
def test_a_killed_run_resumes_to_the_same_weights(tiny_bases, rows_file, tmp_path, kind, full_finetune) -> None:
    step = random.Random(f"classifier resume {kind}").randint(1, 5)
    options = {"max_length": MAX_LENGTH, "full_finetune": full_finetune}
    straight, resumed = tmp_path / "straight", tmp_path / "resumed"
    train_family(FAMILY, _config(tiny_bases[kind], rows_file, straight, save_every=1, options=options), echo=_quiet)

    def kill(state) -> None:
        if state.step == step:
            raise SimulatedKill

    with pytest.raises(SimulatedKill):
        train_family(
            FAMILY,
            _config(tiny_bases[kind], rows_file, resumed, save_every=1, options=options),
            echo=_quiet,
            on_step=kill,
        )
    assert latest_checkpoint(resumed).name == f"step-{step:08d}"
    lines: list[str] = []
    run = train_family(
        FAMILY,
        _config(tiny_bases[kind], rows_file, resumed, save_every=1, options=options, resume=True),
        echo=lines.append,
    )
    assert f"resumed from step {step} of 6" in lines and run.steps == 6
    a, b = load_file(str(straight / "model.safetensors")), load_file(str(resumed / "model.safetensors"))
    assert a.keys() == b.keys()
    for name in a:
        assert (a[name] == b[name]).all(), f"{name} differs after resume"
    other = tmp_path / "other-seed"
    train_family(FAMILY, _config(tiny_bases[kind], rows_file, other, seed=4, options=options), echo=_quiet)
    c = load_file(str(other / "model.safetensors"))
    assert any((a[name] != c[name]).any() for name in a)  # the equality above is not vacuous


def test_encoder_layers_keeps_the_first_layers_and_loads_as_saved(tiny_bases, rows_file, tmp_path) -> None:
    """``--encoder-layers 1`` on a two-layer base: the checkpoint has one layer, holds the base's
    first layer (full finetune at lr 0 leaves it as it was) and loads in plain transformers."""
    import json as json_module

    from safetensors.numpy import load_file
    from transformers import AutoModelForSequenceClassification

    from kp_core.training.data import TrainingError

    base = tiny_bases["bert"]
    assert json_module.loads((base / "config.json").read_text())["num_hidden_layers"] == 2
    options = {"max_length": MAX_LENGTH, "encoder_layers": 1, "full_finetune": True}
    out = tmp_path / "shallow"
    train_family(FAMILY, _config(base, rows_file, out, options=options, lr=0.0, max_steps=2), echo=_quiet)
    assert json_module.loads((out / "config.json").read_text())["num_hidden_layers"] == 1
    saved = load_file(str(out / "model.safetensors"))
    original = load_file(str(base / "model.safetensors"))
    layer0 = [k for k in saved if ".layer.0." in k]
    assert layer0 and not [k for k in saved if ".layer.1." in k]
    for key in layer0:
        source = next(k for k in original if k.endswith(key.split("bert.", 1)[-1]))
        assert (saved[key] == original[source]).all(), key
    model = AutoModelForSequenceClassification.from_pretrained(str(out))
    assert model.config.num_hidden_layers == 1
    assert load(str(out), device="cpu").classify([CLEAN[0].format(i=1)])[0].scores

    with pytest.raises(TrainingError, match="--encoder-layers 3: base .* has only 2 layers"):
        options = {"max_length": MAX_LENGTH, "encoder_layers": 3}
        train_family(FAMILY, _config(base, rows_file, tmp_path / "deep", options=options), echo=_quiet)
