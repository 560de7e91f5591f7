"""Tiny encoders for the torch tests: BERT (WordPiece), XLM-R and DeBERTa-v2 (Unigram,
SentencePiece-style), each built from a config with random weights and a tokenizer trained here on
generated text, plus a small templated PII dataset in the kp row format."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from kp_core.training import train_family
from tests.templated import fill_template

FIRST = ["Mario", "Anna", "Jonas", "Eva", "Lars", "Petra", "Karel", "Giulia", "Sven", "Ida"]
LAST = ["Rossi", "Novak", "Berg", "Hansen", "Bianchi", "Svoboda", "Lind", "Jensen"]
CITIES = ["Milano", "Praha", "Malmo", "Aarhus", "Torino", "Brno"]
STREETS = ["Via Roma", "Hlavni", "Storgatan", "Norrebrogade"]

# (language, template); {P} person, {E} email, {T} phone, {A} address, {D} date.
TEMPLATES = [
    ("it", "Il paziente {P} abita in {A} e si puo contattare al {T}."),
    ("it", "Gentile {P}, la sua visita del {D} e confermata. Scriva a {E} per domande."),
    ("it", "Contratto firmato da {P} il {D} presso la sede di {A}."),
    ("cs", "Pan {P} bydli na adrese {A}, telefon {T}."),
    ("cs", "Dne {D} podepsal {P} smlouvu; kontakt {E}."),
    ("cs", "Zadost od {P} ze dne {D} byla prijata."),
    ("it", "Per informazioni chiamare {P} al numero {T}."),
    ("it", "Nato il {D}, {P} risiede a {A}."),
    ("it", "Il referente {P} risponde a {E} entro il {D}."),
    ("cs", "Kontaktni osoba {P}, e-mail {E}, telefon {T}."),
    ("cs", "Narozen {D}, trvale bytem {A}."),
    ("cs", "Dopis pro {P} byl odeslan na {A} dne {D}."),
]


def _values(rng: random.Random, first: str, last: str) -> dict[str, tuple[str, str]]:
    return {
        "P": (f"{first} {last}", "PERSON"),
        "E": (f"{first.lower()}.{last.lower()}@example.com", "EMAIL"),
        "T": (f"+39 {rng.randint(300, 399)} {rng.randint(1000000, 9999999)}", "PHONE"),
        "A": (f"{rng.choice(STREETS)} {rng.randint(1, 99)}, {rng.choice(CITIES)}", "ADDRESS"),
        "D": (f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.{rng.randint(1950, 2020)}", "DATE"),
    }


def _fill(rng: random.Random, template: str) -> dict:
    return fill_template(rng, template, FIRST, LAST, _values)


def make_rows(n: int, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        language, template = TEMPLATES[i % len(TEMPLATES)]
        rows.append({**_fill(rng, template), "language": language, "doc_id": f"d{seed}-{i}"})
    return rows


def _corpus() -> list[str]:
    return [row["text"] for row in make_rows(300, seed=99)]


def _wordpiece_tokenizer(folder: Path):
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import AutoTokenizer, BertTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    tok.train_from_iterator(_corpus(), trainers.WordPieceTrainer(vocab_size=400, special_tokens=specials))
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]", special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)]
    )
    fast = BertTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        do_lower_case=False,
    )
    fast.save_pretrained(str(folder))
    return AutoTokenizer.from_pretrained(str(folder))


def _unigram_tokenizer(folder: Path, cls_name: str):
    import transformers
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import AutoTokenizer

    specials = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.NFKC()
    tok.pre_tokenizer = pre_tokenizers.Metaspace()
    tok.decoder = decoders.Metaspace()
    tok.train_from_iterator(
        _corpus(), trainers.UnigramTrainer(vocab_size=300, special_tokens=specials, unk_token="<unk>")
    )
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>", special_tokens=[("<s>", 0), ("</s>", 2)]
    )
    fast = getattr(transformers, cls_name)(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        cls_token="<s>",
        sep_token="</s>",
        mask_token="<mask>",
    )
    fast.save_pretrained(str(folder))
    return AutoTokenizer.from_pretrained(str(folder))


def build_tiny_base(kind: str, folder: Path) -> Path:
    """Save a tiny random encoder of ``kind`` (bert, xlmr, deberta) with its tokenizer to ``folder``."""
    import torch
    from transformers import (
        AutoModel,
        BertConfig,
        DebertaV2Config,
        XLMRobertaConfig,
    )

    folder.mkdir(parents=True, exist_ok=True)
    if kind == "bert":
        tokenizer = _wordpiece_tokenizer(folder)
    else:
        cls_name = "XLMRobertaTokenizerFast" if kind == "xlmr" else "DebertaV2TokenizerFast"
        tokenizer = _unigram_tokenizer(folder, cls_name)
    common = dict(
        vocab_size=len(tokenizer),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        pad_token_id=tokenizer.pad_token_id,
        hidden_dropout_prob=0.1,
        attention_probs_dropout_prob=0.1,
    )
    if kind == "bert":
        config = BertConfig(max_position_embeddings=128, **common)
    elif kind == "xlmr":
        config = XLMRobertaConfig(max_position_embeddings=130, **common)
    elif kind == "deberta":
        config = DebertaV2Config(
            max_position_embeddings=128,
            relative_attention=True,
            position_buckets=32,
            pos_att_type=["p2c", "c2p"],
            share_att_key=True,
            position_biased_input=False,
            **common,
        )
    else:
        raise ValueError(kind)
    torch.manual_seed(0)
    AutoModel.from_config(config).save_pretrained(str(folder))
    return folder


KINDS = ("bert", "xlmr", "deberta")


@pytest.fixture(scope="session", autouse=True)
def _one_torch_thread():
    """Tiny models gain nothing from more threads, and shared CI cores lose a lot to spinning."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def tiny_bases(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bases")
    return {kind: build_tiny_base(kind, root / kind) for kind in KINDS}


@pytest.fixture(scope="session")
def tiny_dataset(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("data") / "train.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in make_rows(120)), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def learned_model(tiny_bases, tiny_dataset, tmp_path_factory) -> Path:
    """A tiny BERT fully fine-tuned long enough to find the PII of unseen templates (its word
    embeddings too: the tiny base's are random, not pretrained)."""
    from kp_core.training.config import TrainConfig
    from kp_torch.xlmr_ner import FAMILY

    out = tmp_path_factory.mktemp("learned")
    config = TrainConfig(
        family="xlmr-ner",
        base=str(tiny_bases["bert"]),
        dataset=str(tiny_dataset),
        out=out,
        epochs=10,
        lr=3e-3,
        batch_size=8,
        eval_fraction=0.3,
        progress=False,
        options={"max_length": 64, "full_finetune": True, "train_embeddings": True},
    )
    run = train_family(FAMILY, config, echo=lambda _: None)
    assert run.metrics["eval_f1"] > 0.5, run.metrics  # the loop really learns
    return out
