"""Tiny GLiNER models for the gliner tests: a BERT encoder built from a config with random weights
and a WordPiece tokenizer trained here, plus templated PII rows in the kp row format."""

from __future__ import annotations

import json
import random
import warnings
from pathlib import Path

import pytest

from kp_core.training import train_family
from tests.templated import fill_template

FIRST = ["Mario", "Anna", "Jonas", "Eva", "Lars", "Petra", "Karel", "Giulia", "Sven", "Ida"]
LAST = ["Rossi", "Novak", "Berg", "Hansen", "Bianchi", "Svoboda", "Lind", "Jensen"]
CITIES = ["Milano", "Praha", "Malmo", "Aarhus", "Torino", "Brno"]
# (template id, text); {P} person, {E} email.
TEMPLATES = [
    ("t1", "Gentile {P}, scriva a {E} per domande."),
    ("t2", "Il referente {P} risponde a {E} entro lunedi."),
    ("t3", "Kontaktni osoba {P}, e-mail {E}."),
    ("t4", "Dopis pro {P} byl odeslan."),
    ("t5", "Per informazioni scrivere a {E} oggi."),
    ("t6", "Pan {P} napsal na {E} dnes."),
    ("t7", "La signora {P} abita a Milano."),
    ("t8", "Zprava od {P} prisla z {E} vcera."),
]
FILLER = (
    "the committee met again in the morning and reviewed the annual report before lunch while the "
    "weather stayed calm and nobody raised any further question about the budget or the schedule"
).split()


def _values(rng: random.Random, first: str, last: str) -> dict[str, tuple[str, str]]:
    return {"P": (f"{first} {last}", "PERSON"), "E": (f"{first.lower()}.{last.lower()}@example.com", "EMAIL")}


def fill(rng: random.Random, template: str) -> dict:
    return fill_template(rng, template, FIRST, LAST, _values)


def make_rows(n: int, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        template_id, template = TEMPLATES[i % len(TEMPLATES)]
        rows.append({**fill(rng, template), "template_id": template_id, "doc_id": f"d{seed}-{i}"})
    return rows


def _wordpiece_vocab(corpus: list[str], specials: list[str], *, size: int) -> dict[str, int]:
    """Specials, every character (alone and as a ``##`` continuation), then the most frequent
    words (ties by the word itself) up to ``size`` pieces: a deterministic WordPiece vocabulary."""
    from collections import Counter

    from tokenizers import pre_tokenizers

    split = pre_tokenizers.BertPreTokenizer()
    words = Counter(w for text in corpus for w, _ in split.pre_tokenize_str(text))
    chars = sorted({c for w in words for c in w})
    pieces = [*specials, *chars, *(f"##{c}" for c in chars)]
    for word, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(pieces) >= size:
            break
        if word not in pieces:
            pieces.append(word)
    return {piece: i for i, piece in enumerate(pieces)}


def build_tiny_encoder(folder: Path) -> Path:
    """A 2-layer, 32-wide BERT with 512 positions and a WordPiece tokenizer trained on our rows."""
    import torch
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertModel, BertTokenizerFast

    folder.mkdir(parents=True, exist_ok=True)
    corpus = [row["text"] for row in make_rows(200, seed=99)] + [" ".join(FILLER)] * 5
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    # The vocabulary is built here rather than by tokenizers' WordPiece trainer, which breaks ties
    # between equally frequent pieces differently in every process: the tiny model (and what it
    # learns in a few hundred steps) must be the same in every run.
    tok = Tokenizer(models.WordPiece(vocab=_wordpiece_vocab(corpus, specials, size=500), unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
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
        model_max_length=512,
    )
    fast.save_pretrained(str(folder))
    config = BertConfig(
        vocab_size=len(fast),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
        pad_token_id=fast.pad_token_id,
    )
    torch.manual_seed(0)
    BertModel(config).save_pretrained(str(folder))
    return folder


TINY_OPTIONS = {"hidden_size": 32, "max_width": 8, "dropout": 0.1, "labels": '{"PERSON": "person", "EMAIL": "email"}'}


@pytest.fixture(scope="session")
def tiny_encoder(tmp_path_factory) -> Path:
    return build_tiny_encoder(tmp_path_factory.mktemp("encoder") / "bert")


@pytest.fixture(scope="session")
def train_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("data") / "train.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in make_rows(160)), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def trained(tmp_path_factory, train_file: Path) -> dict:
    """A GLiNER on a tiny encoder, trained 300 steps (about 15 s on one thread) through the registered family. The
    encoder folder is deleted afterwards, so every later load proves the checkpoint is offline."""
    import shutil

    from kp_core.plugins.registry import get_registry
    from kp_core.training.config import TrainConfig

    encoder = build_tiny_encoder(tmp_path_factory.mktemp("encoder-for-training") / "bert")
    out = tmp_path_factory.mktemp("run") / "gliner-tiny"
    config = TrainConfig(
        family="gliner",
        base=str(encoder),
        dataset=str(train_file),
        out=out,
        lr=3e-3,
        batch_size=8,
        epochs=20.0,  # 15 batches an epoch: 300 steps
        max_steps=300,
        eval_fraction=0.25,
        seed=0,
        device="cpu",
        progress=False,
        # threads 1: tiny tensors, one thread is many times faster than two contending ones
        options={**TINY_OPTIONS, "encoder_lr": 1e-3, "threads": 1},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = train_family(get_registry().family("gliner"), config)
    shutil.rmtree(encoder)
    return {"out": out, "result": result, "kp": json.loads((out / "kp.json").read_text(encoding="utf-8"))}
