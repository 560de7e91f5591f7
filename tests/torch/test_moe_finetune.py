"""moe-finetune on a tiny privacy-filter config (2 blocks, d 32, 8 experts top-2, full o200k
vocabulary): head extension keeps the base's spans, LoRA training lowers the loss and teaches the
KP types openai lacks, the checkpoint reloads with transformers alone, resume lands on the same
weights, the head trains at its own learning rate, the router report is there."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest

pytest.importorskip("quicktok")

import torch  # noqa: E402

from kp_core.decoding import OperatingPoint  # noqa: E402
from kp_core.training import (  # noqa: E402
    TrainConfig,
    TrainingError,
    train_family,  # noqa: E402
)
from kp_torch.moe import FAMILY  # noqa: E402
from kp_torch.moe.detector import PrivacyFilterDetector  # noqa: E402
from kp_torch.moe.head import extend_head  # noqa: E402
from kp_torch.moe.labels import DEFAULT_MARGIN, NEAREST_OPENAI, head_plan, kp_to_openai  # noqa: E402
from kp_torch.moe.model import BaseModelError, load_model  # noqa: E402
from tests.torch.moe_tiny import (  # noqa: E402
    CROSSWALKED_TYPES,
    NEW_TYPES,
    new_type_rows,
    shared_tiny_base,
    write_rows,
)

TEXTS = [
    "Il paziente Mario Rossi abita in Via Roma 12, Milano; telefono +39 333 1234567.",
    "Pan Jiří Dvořák, e-mail jiri.dvorak@example.cz, narozen 3. 4. 1977.",
    "Frau Jürgen-Müller wohnt in der Bahnhofstraße 7, 80335 München. IBAN DE89 3704 0044 0532 0130 00",
    "Ο Γιώργος Παπαδόπουλος μένει στην οδό Ερμού 10, Αθήνα.",
    "https://example.org/u/anna?id=42 password: hunter2!",
    "Domnul Ștefan Țepeș, CNP 1800101221144, str. Mihai Eminescu nr. 3, București.",
    "short",
    "",
    "a " * 300 + "long text with Karel Novak at the end",
]
WORDS = (
    "Anna Rossi Via Roma 12 Milano Jiří Dvořák Praha e-mail anna@example.it +39 333 1234567 nato il "
    "3.4.1977 IBAN DE89370400440532013000 Straße München Παπαδόπουλος Αθήνα ul. Łódź PESEL 44051401458 "
    "https://example.org/x?id=1 password: s3cr3t! contratto firmato da presso la sede di"
).split()


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 120))]
        out.append("".join(w + rng.choice([" ", " ", " ", ", ", "\n", ".  "]) for w in words).strip())
    return out


@pytest.fixture(scope="module")
def tiny_base(tmp_path_factory):
    return shared_tiny_base(tmp_path_factory)


@pytest.fixture(scope="module")
def base_detector(tiny_base):
    return PrivacyFilterDetector.from_pretrained(tiny_base, device="cpu")


@pytest.fixture(scope="module")
def extended_detector(tiny_base, base_detector):
    """The base with its head extended to the KP labels, before any training."""
    model = load_model(tiny_base)
    extend_head(model)
    return PrivacyFilterDetector(model, base_detector.tokenizer, model_id="extended", device="cpu")


def _triples(spans):
    return [(s.start, s.end, s.label) for s in spans]


def test_plan_copies_mapped_rows_and_offsets_the_rest():
    from transformers import OpenAIPrivacyFilterConfig

    from kp_core.decoding import kp_space

    base_labels = [OpenAIPrivacyFilterConfig().id2label[i] for i in range(33)]
    plan = head_plan(base_labels)
    direct = kp_to_openai()
    for label, src in zip(kp_space().labels, plan, strict=True):
        source = base_labels[src.base_row]
        if label == "O":
            assert source == "O" and src.bias_offset == 0.0
            continue
        prefix, _, kp_type = label.partition("-")
        if kp_type in direct:
            assert source == f"{prefix}-{direct[kp_type]}" and src.bias_offset == 0.0
        else:
            assert source == f"{prefix}-{NEAREST_OPENAI[kp_type]}" and src.bias_offset == -DEFAULT_MARGIN
    with pytest.raises(ValueError, match="margin must be positive"):
        head_plan(base_labels, margin=0.0)
    with pytest.raises(ValueError, match="lacks openai types"):
        head_plan(["O", "B-x", "I-x", "E-x", "S-x"])


def test_extended_head_rows(tiny_base, base_detector):
    base = base_detector.model
    extended = load_model(tiny_base)
    record = extend_head(extended)
    assert record["extended"] and extended.config.num_labels == 73
    hidden = torch.randn(5, 32)
    with torch.no_grad():
        old, new = base.score(hidden), extended.score(hidden)
    b2i, k2i = base.config.label2id, extended.config.label2id
    assert torch.equal(new[:, k2i["B-PERSON"]], old[:, b2i["B-private_person"]])
    assert torch.equal(new[:, k2i["O"]], old[:, b2i["O"]])
    gap = old[:, b2i["S-account_number"]] - new[:, k2i["S-NATIONAL_ID"]]
    assert torch.allclose(gap, torch.full_like(gap, DEFAULT_MARGIN), atol=1e-5)
    assert extend_head(extended)["extended"] is False  # already KP: left alone


POINTS = [
    None,
    OperatingPoint(background_to_start=1.5, end_to_start=-0.5),
    OperatingPoint(background_to_start=4.0, inside_to_continue=2.0, end_to_background=-1.0),
    OperatingPoint(background_stay=3.0, inside_to_end=1.0),
]


@pytest.mark.parametrize("point", POINTS)
def test_extension_preserves_the_bases_decoded_spans(base_detector, extended_detector, point):
    base, extended = base_detector, extended_detector
    assert base.crosswalk == "openai" and extended.crosswalk is None
    base.operating_point = extended.operating_point = point
    texts = TEXTS + _random_texts(24, seed=len(POINTS) + POINTS.index(point))
    try:
        got_base = base.predict_spans(texts)
        assert sum(len(s) for s in got_base) >= 10
        assert len({s.label for doc in got_base for s in doc}) >= 4  # varied types, not one
        for a, b in zip(got_base, extended.predict_spans(texts), strict=True):
            assert _triples(a) == _triples(b)
        # a label filter maps through the crosswalk on the base and applies directly on the extension
        wanted = ["PERSON", "PHONE", "DATE"]
        filtered = base.predict_spans(texts, labels=wanted)
        assert {s.label for doc in filtered for s in doc} <= set(wanted)
        for a, b in zip(filtered, extended.predict_spans(texts, labels=wanted), strict=True):
            assert _triples(a) == _triples(b)
        # many small windows with overlap (every long text spans several): still equal
        base.window, base.overlap, extended.window, extended.overlap = 24, 6, 24, 6
        for a, b in zip(base.predict_spans(texts), extended.predict_spans(texts), strict=True):
            assert _triples(a) == _triples(b)
    finally:
        for detector in (base, extended):
            detector.operating_point, detector.window, detector.overlap = None, 4096, 512


def _config(base, dataset, out, **overrides):
    options = overrides.pop("options", {})
    values = dict(
        family="moe-finetune",
        base=str(base),
        dataset=str(dataset),
        out=out,
        epochs=1.0,
        lr=5e-3,
        batch_size=8,
        max_steps=10,
        eval_fraction=0.1,
        max_eval=12,
        seed=3,
        device="cpu",
        save_every=100,
        warmup_ratio=0.0,
        progress=False,
        options={"lora_rank": 4, "max_length": 64, "head_lr": "0.05", "eval_batch_size": "8", **options},
    )
    values.update(overrides)
    return TrainConfig(**values)


def train(config, **hooks):
    """The family's train: kp's driver with the moe-finetune recipe."""
    return train_family(FAMILY, config, **hooks)


LEARN_STEPS = 150


@pytest.fixture(scope="module")
def trained(tiny_base, tmp_path_factory):
    """Attention LoRA + the KP head (the defaults) on data with three KP types openai lacks."""
    root = tmp_path_factory.mktemp("moe-run")
    dataset = write_rows(root / "train.jsonl", new_type_rows(96, seed=0))
    out = root / "out"
    config = _config(tiny_base, dataset, out, epochs=100.0, lr=1e-2, max_steps=LEARN_STEPS, options={"lora_rank": 8})
    run = train(config, echo=lambda _: None)
    return run, out, config


def test_lora_training_lowers_the_loss(trained):
    run, _, _ = trained
    assert run.steps == LEARN_STEPS
    assert run.metrics["train_loss_final_mean"] < 0.5 * run.metrics["train_loss_first"]
    assert 0.0 <= run.metrics["eval_f1"] <= 1.0


def _recall_by_type(detector, rows):
    """Per gold type: (exact-span recall, overlapping same-type recall); plus predicted counts."""
    predicted = detector.predict_spans([r["text"] for r in rows])
    exact, overlap, gold, made = Counter(), Counter(), Counter(), Counter()
    for row, spans in zip(rows, predicted, strict=True):
        made.update(s.label for s in spans)
        for g in row["spans"]:
            gold[g["label"]] += 1
            same = [s for s in spans if s.label == g["label"]]
            exact[g["label"]] += any(s.start == g["start"] and s.end == g["end"] for s in same)
            overlap[g["label"]] += any(s.start < g["end"] and g["start"] < s.end for s in same)
    return {t: (exact[t] / gold[t], overlap[t] / gold[t]) for t in gold}, made


def test_new_kp_types_are_learned_and_crosswalked_types_still_work(trained, extended_detector):
    _, out, _ = trained
    rows = new_type_rows(60, seed=1)  # training-like: same templates, fresh fillers
    _, made_before = _recall_by_type(extended_detector, rows)
    assert not any(made_before[t] for t in NEW_TYPES)  # the extension alone never predicts them

    tuned = PrivacyFilterDetector.from_pretrained(out, device="cpu")
    recall, made = _recall_by_type(tuned, rows)
    for kp_type in NEW_TYPES + CROSSWALKED_TYPES:
        exact, overlapping = recall[kp_type]
        assert exact >= 0.5 and overlapping >= 0.8, (kp_type, recall[kp_type])
        assert made[kp_type] <= 1.5 * sum(1 for r in rows for s in r["spans"] if s["label"] == kp_type)
    assert set(made) <= set(NEW_TYPES + CROSSWALKED_TYPES), made  # no stray types


def test_checkpoint_reloads_with_transformers_alone_and_same_logits(trained, extended_detector):
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    from kp_core.training.data import prepare_data
    from kp_torch.training.features import encode_examples
    from kp_torch.training.scoring import eval_loss

    run, out, config = trained
    meta = json.loads((out / "kp.json").read_text())
    assert meta["family"] == "moe-finetune" and len(meta["labels"]) == 73
    assert meta["head"]["extended"] and meta["head"]["rows"]["B-PERSON"] == ["B-private_person", 0.0]
    assert meta["head"]["rows"]["S-CASE_NUMBER"] == ["S-account_number", -DEFAULT_MARGIN]
    assert meta["adapters"]["attention"] and not meta["adapters"]["experts"]
    assert meta["experts_implementation"] == "grouped_mm"
    assert not (out / "checkpoints").exists()
    plain = AutoModelForTokenClassification.from_pretrained(str(out))
    tokenizer = AutoTokenizer.from_pretrained(str(out))
    assert plain.config.id2label[1] == "B-PERSON" and plain.config.num_labels == 73
    # the eval loss of the in-memory model before saving, recomputed from the reloaded weights
    data = prepare_data(config)
    features = encode_examples(tokenizer, data.eval, max_length=config.options["max_length"], scheme="all").features
    assert eval_loss(plain, features, device="cpu", batch_size=8) == pytest.approx(run.metrics["eval_loss"], rel=1e-5)
    ours = PrivacyFilterDetector.from_pretrained(out, device="cpu")
    assert ours.model.config._experts_implementation == "grouped_mm"  # kp's defaults on load
    assert ours.model.config._attn_implementation == "eager"
    ids = tokenizer(TEXTS[:3], padding=True, return_tensors="pt")
    with torch.no_grad():
        a = plain(**ids).logits
        b = ours.model(**ids).logits
    assert torch.allclose(a, b, atol=1e-5)
    # and the trained model differs from the freshly extended base (training changed it)
    with torch.no_grad():
        assert not torch.allclose(extended_detector.model(**ids).logits, a, atol=1e-3)


def test_router_load_report_at_eval(trained):
    run, out, _ = trained
    routing = json.loads((out / "kp.json").read_text())["router_load"]
    blocks = routing["blocks"]
    assert [b["block"] for b in blocks] == ["model.layers.0", "model.layers.1"]
    for b in blocks:
        counts = b["tokens_per_expert"]
        assert len(counts) == 8 and sum(counts) == b["assignments"] > 0
        assert b["max_share"] == pytest.approx(max(counts) / sum(counts))
        assert b["idle_experts"] == counts.count(0)
        assert 0.0 <= b["normalized_entropy"] <= 1.0
    # top-2 routing: every non-padding eval token is counted twice per block
    assert len({b["assignments"] for b in blocks}) == 1 and blocks[0]["assignments"] % 2 == 0
    assert run.metrics["router_max_share"] == max(b["max_share"] for b in blocks)
    assert run.metrics["router_min_normalized_entropy"] == min(b["normalized_entropy"] for b in blocks)


def test_head_and_adapters_get_their_own_learning_rates(tiny_base):
    from kp_torch.moe.adapters import AdapterPlan, apply_adapters, head_parameter_fragment
    from kp_torch_runtime.state import adamw

    for plan in (AdapterPlan(rank=4, alpha=8, dropout=0.0), AdapterPlan(rank=4, alpha=8, dropout=0.0, experts=True)):
        model = apply_adapters(load_model(tiny_base), plan)
        fragment = head_parameter_fragment(model)
        optimizer = adamw(model, lr=1e-4, weight_decay=0.01, device="cpu", lr_overrides=((fragment, 3e-2),))
        rate = {id(p): g["lr"] for g in optimizer.param_groups for p in g["params"]}
        names = {n: rate[id(p)] for n, p in model.named_parameters() if p.requires_grad}
        head = {n: r for n, r in names.items() if ".score." in n}
        lora = {n: r for n, r in names.items() if "lora_" in n}
        assert len(head) == 2 and set(head.values()) == {3e-2}
        assert lora and set(lora.values()) == {1e-4}
        assert len(head) + len(lora) == len(names)
        assert any("mlp.experts" in n for n in lora) == plan.experts


def test_expert_lora_with_gradient_accumulation(tiny_base, extended_detector, tmp_path):
    from transformers import AutoModelForTokenClassification

    dataset = write_rows(tmp_path / "train.jsonl", new_type_rows(40, seed=2))
    seen = []
    run = train(
        _config(
            tiny_base,
            dataset,
            tmp_path / "out",
            max_steps=3,
            batch_size=4,
            grad_accum=2,
            options={"expert_lora": "true", "head": "frozen"},
        ),
        echo=lambda _: None,
        on_step=lambda state: seen.append((state.step, state.micro_batches, state.samples)),
    )
    assert run.steps == 3
    assert seen == [(1, 2, 8), (2, 4, 16), (3, 6, 24)]  # two micro-batches of 4 per optimizer step
    meta = json.loads((tmp_path / "out" / "kp.json").read_text())
    assert meta["adapters"]["experts"] and meta["adapters"]["head"] == "frozen"
    base = extended_detector.model
    tuned = AutoModelForTokenClassification.from_pretrained(str(tmp_path / "out"))
    layer0 = tuned.model.layers[0].mlp.experts
    assert not torch.equal(layer0.gate_up_proj, base.model.layers[0].mlp.experts.gate_up_proj)
    assert torch.equal(tuned.score.weight, base.score.weight)  # frozen head stayed as extended


@pytest.mark.parametrize("options", [{}, {"expert_lora": "true", "lora_dropout": "0.1"}])
def test_resume_after_a_kill_at_a_random_step_lands_on_the_same_weights(tiny_base, tiny_dataset, tmp_path, options):
    from safetensors.torch import load_file

    from kp_core.training.state import latest_checkpoint

    class Killed(RuntimeError):
        pass

    steps = 6
    kill = random.Random(f"moe-finetune resume {sorted(options)}").randint(1, steps - 1)

    def kill_at(state):
        if state.step == kill:
            raise Killed

    def config(out, **extra):
        return _config(tiny_base, tiny_dataset, out, max_steps=steps, save_every=1, options=options, **extra)

    full = tmp_path / "full"
    train(config(full), echo=lambda _: None)
    cut = tmp_path / "cut"
    with pytest.raises(Killed):
        train(config(cut), echo=lambda _: None, on_step=kill_at)
    assert latest_checkpoint(cut).name == f"step-{kill:08d}"
    resumed = train(config(cut, resume=True), echo=lambda _: None)
    assert resumed.steps == steps
    assert json.loads((cut / "kp.json").read_text())["run"]["resumed_from"] == kill
    a, b = load_file(str(full / "model.safetensors")), load_file(str(cut / "model.safetensors"))
    assert a.keys() == b.keys()
    for key in a:
        assert torch.equal(a[key], b[key]), key


def test_loading_defaults_and_refusals(tiny_base, tmp_path):
    from transformers import BertConfig, OpenAIPrivacyFilterForTokenClassification

    half = tmp_path / "bf16"
    OpenAIPrivacyFilterForTokenClassification.from_pretrained(str(tiny_base), dtype=torch.bfloat16).save_pretrained(
        str(half)
    )
    model = load_model(half)  # a bf16 checkpoint (as published) still trains in float32
    assert model.dtype == torch.float32
    assert model.config._experts_implementation == "grouped_mm" and model.config._attn_implementation == "eager"
    assert load_model(half, experts="eager").config._experts_implementation == "eager"
    with pytest.raises(BaseModelError, match="experts implementation"):
        load_model(half, experts="loop")
    other = tmp_path / "bert"
    BertConfig(vocab_size=10, hidden_size=8, num_hidden_layers=1, num_attention_heads=1).save_pretrained(str(other))
    with pytest.raises(BaseModelError, match="model_type 'bert'"):
        load_model(other)


def test_bad_options_are_errors(tiny_base, tiny_dataset, tmp_path):
    with pytest.raises(TrainingError, match="moe-finetune on torch does not take --experts .*--expert-lora"):
        train(_config(tiny_base, tiny_dataset, tmp_path, options={"experts": "1"}), echo=lambda _: None)
    with pytest.raises(TrainingError, match="--head='partial'"):
        train(_config(tiny_base, tiny_dataset, tmp_path, options={"head": "partial"}), echo=lambda _: None)
    with pytest.raises(TrainingError, match="nothing to train"):
        train(
            _config(tiny_base, tiny_dataset, tmp_path, options={"attention_lora": "false", "head": "frozen"}),
            echo=lambda _: None,
        )
