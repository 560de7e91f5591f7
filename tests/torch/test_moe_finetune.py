"""moe-finetune on a tiny privacy-filter config (2 blocks, d 32, 8 experts top-2, full o200k
vocabulary): head extension keeps the base's spans, LoRA training lowers the loss, the checkpoint
reloads with transformers alone, resume lands on the same weights, the router report is there."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("quicktok")

import torch  # noqa: E402

from kp_core.decoding import OperatingPoint  # noqa: E402
from kp_core.training import TrainConfig  # noqa: E402
from kp_torch.moe.detector import PrivacyFilterDetector  # noqa: E402
from kp_torch.moe.head import extend_head  # noqa: E402
from kp_torch.moe.labels import DEFAULT_MARGIN, NEAREST_OPENAI, head_plan, kp_to_openai  # noqa: E402
from kp_torch.moe.model import load_model, privacy_filter_config  # noqa: E402

TINY = dict(
    num_hidden_layers=2,
    hidden_size=32,
    intermediate_size=32,
    head_dim=8,
    num_attention_heads=4,
    num_key_value_heads=2,
    num_local_experts=8,
    num_experts_per_tok=2,
    sliding_window=16,
)

TEXTS = [
    "Il paziente Mario Rossi abita in Via Roma 12, Milano; telefono +39 333 1234567.",
    "Pan Jiří Dvořák, e-mail jiri.dvorak@example.cz, narozen 3. 4. 1977.",
    "Frau Jürgen-Müller wohnt in der Bahnhofstraße 7, 80335 München. IBAN DE89 3704 0044 0532 0130 00",
    "Ο Γιώργος Παπαδόπουλος μένει στην οδό Ερμού 10, Αθήνα.",
    "https://example.org/u/anna?id=42 password: hunter2!",
    "Domnul Ștefan Țepeș, CNP 1800101221144, str. Mihai Eminescu nr. 3, București.",
    "short",
    "a " * 300 + "long text with Karel Novak at the end",
]


def build_tiny_base(folder, seed: int = 0, sharpen: float = 40.0):
    """A random privacy-filter in openai's 33-label space, with the o200k tokenizer beside it.
    ``sharpen`` scales the head so the random logits are decisive (varied, non-empty spans)."""
    from transformers import OpenAIPrivacyFilterForTokenClassification

    from kp_torch.tokenizers import o200k_tokenizer

    torch.manual_seed(seed)
    model = OpenAIPrivacyFilterForTokenClassification(privacy_filter_config(**TINY))
    with torch.no_grad():
        model.score.weight.mul_(sharpen)
        model.score.bias.normal_(0.0, 1.0)
        model.score.bias[model.config.label2id["O"]] += 3.0  # mostly O, like a real detector
    model.save_pretrained(str(folder))
    o200k_tokenizer().save_pretrained(str(folder))
    return folder


@pytest.fixture(scope="module")
def tiny_base(tmp_path_factory):
    return build_tiny_base(tmp_path_factory.mktemp("pf-base"))


def _triples(spans):
    return [(s.start, s.end, s.label) for s in spans]


def test_plan_copies_mapped_rows_and_offsets_the_rest():
    from transformers import OpenAIPrivacyFilterConfig

    base_labels = [OpenAIPrivacyFilterConfig().id2label[i] for i in range(33)]
    plan = head_plan(base_labels)
    from kp_core.decoding import kp_space

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


def test_extended_head_rows(tiny_base):
    base = load_model(tiny_base)
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


@pytest.mark.parametrize("point", [None, OperatingPoint(background_to_start=1.5, end_to_start=-0.5)])
def test_extension_preserves_the_bases_decoded_spans(tiny_base, point):
    base = PrivacyFilterDetector.from_pretrained(tiny_base, device="cpu", operating_point=point)
    assert base.crosswalk == "openai"
    extended_model = load_model(tiny_base)
    extend_head(extended_model)
    extended = PrivacyFilterDetector(extended_model, base.tokenizer, model_id="ext", operating_point=point)
    assert extended.crosswalk is None
    got_base, got_ext = base.predict_spans(TEXTS), extended.predict_spans(TEXTS)
    assert sum(len(s) for s in got_base) >= 10
    assert len({s.label for doc in got_base for s in doc}) >= 4  # varied types, not one
    for a, b in zip(got_base, got_ext, strict=True):
        assert _triples(a) == _triples(b)
    # small windows with overlap take the other path through merging: still equal
    base.window, base.overlap, extended.window, extended.overlap = 24, 6, 24, 6
    for a, b in zip(base.predict_spans(TEXTS), extended.predict_spans(TEXTS), strict=True):
        assert _triples(a) == _triples(b)


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
        lora_rank=4,
        max_steps=10,
        max_length=64,
        eval_fraction=0.1,
        max_eval=12,
        seed=3,
        device="cpu",
        save_every=100,
        warmup_ratio=0.0,
        options={"progress": "false", "head_lr": "0.05", "eval_batch_size": "8", **options},
    )
    values.update(overrides)
    return TrainConfig(**values)


@pytest.fixture(scope="module")
def trained(tiny_base, tiny_dataset, tmp_path_factory):
    from kp_torch.moe.train import train

    out = tmp_path_factory.mktemp("moe-run")
    run = train(_config(tiny_base, tiny_dataset, out), echo=lambda _: None)
    return run, out


def test_lora_training_lowers_the_loss(trained):
    run, _ = trained
    assert run.steps == 10
    assert run.metrics["train_loss_final_mean"] < run.metrics["train_loss_first"]
    assert 0.0 <= run.metrics["eval_f1"] <= 1.0


def test_checkpoint_reloads_with_transformers_alone_and_same_logits(trained, tiny_base):
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    _, out = trained
    meta = json.loads((out / "kp.json").read_text())
    assert meta["family"] == "moe-finetune" and len(meta["labels"]) == 73
    assert meta["head"]["extended"] and meta["head"]["rows"]["B-PERSON"] == ["B-private_person", 0.0]
    assert meta["adapters"]["attention"] and not meta["adapters"]["experts"]
    routing = meta["router_load"]
    assert len(routing["blocks"]) == 2 and all(len(b["tokens_per_expert"]) == 8 for b in routing["blocks"])
    assert all(sum(b["tokens_per_expert"]) == b["assignments"] > 0 for b in routing["blocks"])
    assert not (out / "checkpoints").exists()
    plain = AutoModelForTokenClassification.from_pretrained(str(out))
    tokenizer = AutoTokenizer.from_pretrained(str(out))
    ours = PrivacyFilterDetector.from_pretrained(out, device="cpu")
    ids = tokenizer(TEXTS[:3], padding=True, return_tensors="pt")
    with torch.no_grad():
        a = plain(**ids).logits
        b = ours.model(**ids).logits
    assert plain.config.id2label[1] == "B-PERSON"
    assert torch.allclose(a, b, atol=1e-5)
    # and the trained model differs from the freshly extended base (training changed it)
    start = load_model(tiny_base)
    extend_head(start)
    with torch.no_grad():
        assert not torch.allclose(start(**ids).logits, a, atol=1e-3)


def test_expert_lora_trains_merges_and_reloads(tiny_base, tiny_dataset, tmp_path):
    from transformers import AutoModelForTokenClassification

    from kp_torch.moe.train import train

    run = train(
        _config(tiny_base, tiny_dataset, tmp_path, max_steps=3, options={"expert_lora": "true", "head": "frozen"}),
        echo=lambda _: None,
    )
    assert run.steps == 3
    base = load_model(tiny_base)
    extend_head(base)
    tuned = AutoModelForTokenClassification.from_pretrained(str(tmp_path))
    layer0 = tuned.model.layers[0].mlp.experts
    assert not torch.equal(layer0.gate_up_proj, base.model.layers[0].mlp.experts.gate_up_proj)
    assert torch.equal(tuned.score.weight, base.score.weight)  # frozen head stayed as extended


def test_resume_lands_on_the_same_weights(tiny_base, tiny_dataset, tmp_path):
    from safetensors.torch import load_file

    from kp_torch.moe.train import train

    class Killed(RuntimeError):
        pass

    def kill_at_3(state):
        if state.step == 3:
            raise Killed

    full = tmp_path / "full"
    train(_config(tiny_base, tiny_dataset, full, max_steps=6, save_every=3), echo=lambda _: None)
    cut = tmp_path / "cut"
    with pytest.raises(Killed):
        train(_config(tiny_base, tiny_dataset, cut, max_steps=6, save_every=3), echo=lambda _: None, on_step=kill_at_3)
    assert (cut / "checkpoints").is_dir()
    resumed = train(_config(tiny_base, tiny_dataset, cut, max_steps=6, save_every=3, resume=True), echo=lambda _: None)
    assert resumed.steps == 6
    a, b = load_file(str(full / "model.safetensors")), load_file(str(cut / "model.safetensors"))
    assert a.keys() == b.keys()
    for key in a:
        assert torch.allclose(a[key], b[key], atol=1e-6), key


def test_bad_options_are_errors(tiny_base, tiny_dataset, tmp_path):
    from kp_torch.moe.train import TrainingError, train

    with pytest.raises(TrainingError, match="unknown --option"):
        train(_config(tiny_base, tiny_dataset, tmp_path, options={"experts": "1"}), echo=lambda _: None)
    with pytest.raises(TrainingError, match="nothing to train"):
        train(
            _config(tiny_base, tiny_dataset, tmp_path, options={"attention_lora": "false", "head": "frozen"}),
            echo=lambda _: None,
        )
