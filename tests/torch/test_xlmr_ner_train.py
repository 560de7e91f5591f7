"""Training the xlmr-ner family end to end on tiny BERT, XLM-R and DeBERTa-v2 encoders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kp_core.data import DataError
from kp_core.taxonomy import TAXONOMY_VERSION, bioes_labels
from kp_core.training import TrainConfig, TrainingError, train_family
from kp_torch.xlmr_ner import FAMILY

from .conftest import KINDS


def _config(base: Path, dataset: Path, out: Path, **overrides) -> TrainConfig:
    settings = dict(
        family="xlmr-ner",
        base=str(base),
        dataset=str(dataset),
        out=out,
        epochs=2,
        lr=5e-3,
        batch_size=8,
        eval_fraction=0.3,
        progress=False,
    )
    settings.update(overrides)
    settings["options"] = {"max_length": 64, **settings.get("options", {})}
    return TrainConfig(**settings)


def train(config: TrainConfig, **hooks):
    """The family's train: kp's driver with the xlmr-ner recipe."""
    return train_family(FAMILY, config, **hooks)


def _quiet(_: str) -> None:
    pass


@pytest.fixture(scope="module")
def trained(tiny_bases, tiny_dataset, tmp_path_factory) -> dict[str, tuple[Path, object]]:
    """One short LoRA run per architecture, shared by the tests below."""
    runs = {}
    for kind in KINDS:
        out = tmp_path_factory.mktemp(f"run-{kind}")
        runs[kind] = (out, train(_config(tiny_bases[kind], tiny_dataset, out), echo=_quiet))
    return runs


@pytest.mark.parametrize("kind", KINDS)
def test_loss_falls_and_run_reports(trained, kind) -> None:
    _, run = trained[kind]
    first, final = run.metrics["train_loss_first"], run.metrics["train_loss_final_mean"]
    assert final < 0.8 * first, f"{kind}: loss went {first:.3f} -> {final:.3f}"
    assert run.steps == 2 * 10  # 80 train docs / batch 8, two epochs
    assert run.train_samples_per_s > 0
    assert 0.0 <= run.metrics["eval_f1"] <= 1.0


@pytest.mark.parametrize("kind", KINDS)
def test_checkpoint_folder_is_plain_transformers_with_kp_json(trained, tiny_dataset, kind) -> None:
    out, run = trained[kind]
    config = json.loads((out / "config.json").read_text())
    labels = [config["id2label"][str(i)] for i in range(len(config["id2label"]))]
    assert labels == list(bioes_labels())
    assert (out / "model.safetensors").is_file()
    assert not (out / "checkpoints").exists()  # resumable state is dropped once the run completes
    meta = json.loads((out / "kp.json").read_text())
    assert meta["family"] == "xlmr-ner" and meta["framework"] == "torch"
    assert meta["label_scheme"] == "all" and meta["max_length"] == 64  # what the detector reloads with
    assert meta["taxonomy_version"] == TAXONOMY_VERSION
    assert meta["seed"] == 0
    assert meta["training"]["lr"] == 5e-3
    assert len(meta["data"]["sha256"]) == 64
    assert meta["metrics"]["eval_f1"] == run.metrics["eval_f1"]
    assert meta["data"]["split"]["disjoint"] is True


_BLOCK_KP = """
import sys
class _NoKp:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("kp_core", "kp_torch"):
            raise ImportError("kp is absent in this check")
sys.meta_path.insert(0, _NoKp())
from transformers import pipeline
for folder in sys.argv[1:]:
    nlp = pipeline("token-classification", model=folder, aggregation_strategy="simple", device="cpu")
    out = nlp("Il paziente Mario Rossi abita in Via Roma 12, Milano.")
    assert isinstance(out, list)
    print("ok", nlp.model.config.num_labels)
"""


def test_pipeline_loads_checkpoints_without_kp(trained) -> None:
    folders = [str(trained[kind][0]) for kind in KINDS]
    proc = subprocess.run(
        [sys.executable, "-c", _BLOCK_KP, *folders], capture_output=True, text=True, timeout=600, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["ok", "73"] * len(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_reloaded_checkpoint_predicts_through_kp(trained, kind) -> None:
    from kp_core.plugins.models import load_detector
    from kp_core.types import Span

    out, _ = trained[kind]
    detector = load_detector(str(out), device="cpu")
    texts = ["Il paziente Mario Rossi abita in Via Roma 12, Milano.", ""]
    spans = detector.predict_spans(texts)
    assert len(spans) == 2 and spans[1] == []
    for span in spans[0]:
        assert isinstance(span, Span) and 0 <= span.start < span.end <= len(texts[0])
        assert 0.0 <= span.score <= 1.0


def test_full_finetune_learns_the_templates(learned_model) -> None:
    """Enough steps on the tiny BERT to find the PII of unseen templates: the loop really learns."""
    meta = json.loads((learned_model / "kp.json").read_text())
    assert meta["metrics"]["eval_f1"] > 0.5, meta["metrics"]
    assert meta["training"]["options"]["full_finetune"] is True


def test_unknown_label_in_data_is_an_error(tiny_bases, tmp_path) -> None:
    data = tmp_path / "bad.jsonl"
    rows = [
        {
            "text": "Mario Rossi paga con IT60X0542811101000000123456.",
            "spans": [{"start": 0, "end": 11, "label": "PERSON"}],
        },
        {"text": "Conto IT60X0542811101000000123456.", "spans": [{"start": 6, "end": 33, "label": "IBAN"}]},
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(DataError) as info:
        train(_config(tiny_bases["bert"], data, tmp_path / "out"), echo=_quiet)
    message = str(info.value)
    assert "bad.jsonl:2" in message and "unknown label" in message
    assert "IBAN" not in message and "IT60X" not in message  # never the label from the data, never the span text


def test_an_option_of_another_family_is_an_error_listing_the_options(tiny_bases, tiny_dataset, tmp_path) -> None:
    from kp_torch.xlmr_ner.recipe import XlmrNerRecipe

    with pytest.raises(TrainingError, match="xlmr-ner on torch does not take --expert-lora") as info:
        train(_config(tiny_bases["bert"], tiny_dataset, tmp_path, options={"expert_lora": "1"}), echo=_quiet)
    message = str(info.value)
    for option in XlmrNerRecipe.options:
        assert option.flag in message
    assert not (tmp_path / "kp.json").exists()


def test_a_bad_option_value_is_an_error(tiny_bases, tiny_dataset, tmp_path) -> None:
    with pytest.raises(TrainingError, match="--subword-labels='every'"):
        train(_config(tiny_bases["bert"], tiny_dataset, tmp_path, options={"subword_labels": "every"}), echo=_quiet)


def test_evaluation_on_a_cadence_leaves_the_training_alone(tiny_bases, tiny_dataset, tmp_path) -> None:
    """The driver evaluates the LoRA model mid-run and puts it back in training mode: the weights
    end as without the evaluations, and kp.json keeps each evaluation."""
    from safetensors.torch import load_file

    plain, watched = tmp_path / "plain", tmp_path / "watched"
    train(_config(tiny_bases["xlmr"], tiny_dataset, plain, max_steps=5), echo=_quiet)
    train(_config(tiny_bases["xlmr"], tiny_dataset, watched, max_steps=5, eval_every=2), echo=_quiet)
    a, b = load_file(str(plain / "model.safetensors")), load_file(str(watched / "model.safetensors"))
    assert a.keys() == b.keys() and all((a[name] == b[name]).all() for name in a)
    evaluations = json.loads((watched / "kp.json").read_text())["evaluations"]
    assert [e["step"] for e in evaluations] == [2, 4]
    assert all(0.0 <= e["f1"] <= 1.0 for e in evaluations)


def test_full_finetune_freezes_the_word_embeddings_unless_asked(tiny_bases) -> None:
    from kp_torch.xlmr_ner.recipe import build_model

    base = {"full_finetune": True, "lora_rank": 4, "lora_alpha": None, "lora_dropout": 0.0}
    frozen = build_model(tiny_bases["bert"], seed=0, options={**base, "train_embeddings": False}, echo=lambda _: None)
    assert not frozen.get_input_embeddings().weight.requires_grad
    assert all(p.requires_grad for n, p in frozen.named_parameters() if "word_embeddings" not in n)
    trained = build_model(tiny_bases["bert"], seed=0, options={**base, "train_embeddings": True}, echo=lambda _: None)
    assert all(p.requires_grad for p in trained.parameters())


def test_head_lr_gives_the_head_its_own_rate(tiny_bases) -> None:
    from kp_torch.xlmr_ner.recipe import XlmrNerRecipe, build_model
    from kp_torch_runtime.state import adamw

    options = {"full_finetune": True, "train_embeddings": True}
    model = build_model(tiny_bases["bert"], seed=0, options=options, echo=lambda _: None)
    recipe = XlmrNerRecipe.__new__(XlmrNerRecipe)  # only its options matter here
    recipe.opts = {**options, "head_lr": 2e-3}
    optimizer = adamw(model, lr=1e-4, weight_decay=0.0, device="cpu", lr_overrides=recipe.lr_overrides())
    rate = {id(p): group["lr"] for group in optimizer.param_groups for p in group["params"]}
    names = dict(model.named_parameters())
    assert {rate[id(p)] for n, p in names.items() if n.startswith("classifier")} == {2e-3}
    assert {rate[id(p)] for n, p in names.items() if not n.startswith("classifier")} == {1e-4}
    recipe.opts = {**options, "head_lr": None}
    assert recipe.lr_overrides() == ()
