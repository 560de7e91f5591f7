"""Tiny reference checkpoints built with transformers from configs, and their reference outputs.

Used twice: ``make_fixtures.py`` writes them (with torch's logits and kp-torch's decoded spans)
under ``tests/fixtures/mlx/`` for the torch-free ``mlx`` tests, and the ``parity`` tests rebuild
them in a temporary folder and compare kp-torch and kp-mlx directly. Everything is offline: the
tokenizers are trained here on the texts below, the weights are seeded random.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

# Invented multilingual sentences with PII-shaped content (no real people or data).
TEXTS: tuple[str, ...] = (
    "Contact Maria Ionescu at maria.ionescu@example.ro or +40 721 555 019 before Friday.",
    "Herr Jonas Albrecht wohnt in der Lindenstraße 14, 10115 Berlin, Telefon 030 5550 1234.",
    "La facture de Camille Durand (IBAN FR76 3000 6000 0112 3456 7890 189) est due le 3 mars 2024.",
    "Il signor Luca Bianchi, nato a Torino il 12/05/1981, codice fiscale BNCLCU81E12L219X.",
    "Pan Piotr Kowalski, PESEL 81051212345, mieszka przy ul. Długiej 7 w Gdańsku.",
    "Paní Jana Nováková z Brna zaslala e-mail na jana.novakova@example.cz dne 4. 6. 2023.",
    "Anna Lindqvist, personnummer 850709-9805, bor på Storgatan 3 i Uppsala.",
    "Kontakt Søren Mikkelsen på +45 20 55 51 23; kontoen er DK50 0040 0440 1162 43.",
    "Doamna Elena Popa a depus cererea nr. 5521/2022 la Tribunalul Cluj, strada Avram Iancu 2.",
    "Ok.",
    "",
    "Der Vertrag zwischen der Acme GmbH und Frau Dr. Petra Weiß wurde am 01.02.2020 in München unterzeichnet; "
    "Rückfragen bitte an petra.weiss@example.de oder unter 089 555 0100, Durchwahl 12.",
)

# Further invented lines, only to give the tokenizers a vocabulary.
_EXTRA = (
    "The applicant lives at 12 Station Road and was born on 4 July 1975.",
    "Numéro de téléphone : 06 12 34 56 78, adresse e-mail contact@example.fr.",
    "Il numero di conto è IT60 X054 2811 1010 0000 0123 456.",
    "Rodné číslo 785120/1234, datum narození 20. 1. 1978.",
)

MAX_LENGTH = {"bert": 24, "xlm-roberta": 24, "openai_privacy_filter": 20}
SCHEME = {"bert": "first", "xlm-roberta": "all", "openai_privacy_filter": "first"}
FAMILY = {"bert": "xlmr-ner", "xlm-roberta": "xlmr-ner", "openai_privacy_filter": "moe-finetune"}
FOLDER = {"bert": "tiny-bert", "xlm-roberta": "tiny-xlmr", "openai_privacy_filter": "tiny-privacy-filter"}
REFERENCE_ROWS = 4


def corpus() -> list[str]:
    return [t for t in TEXTS if t] + list(_EXTRA)


def _bert_tokenizer() -> Any:
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok.train_from_iterator(corpus(), trainers.WordPieceTrainer(vocab_size=300, special_tokens=specials))
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        special_tokens=[("[CLS]", tok.token_to_id("[CLS]")), ("[SEP]", tok.token_to_id("[SEP]"))],
    )
    tok.decoder = decoders.WordPiece()
    return tok, {
        "pad_token": "[PAD]",
        "unk_token": "[UNK]",
        "cls_token": "[CLS]",
        "sep_token": "[SEP]",
        "mask_token": "[MASK]",
    }


def _xlmr_tokenizer() -> Any:
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers

    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.NFKC()
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    specials = ["<s>", "<pad>", "</s>", "<unk>"]
    tok.train_from_iterator(
        corpus(), trainers.UnigramTrainer(vocab_size=300, special_tokens=specials, unk_token="<unk>")
    )
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", tok.token_to_id("<s>")), ("</s>", tok.token_to_id("</s>"))]
    )
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    return tok, {
        "bos_token": "<s>",
        "eos_token": "</s>",
        "pad_token": "<pad>",
        "unk_token": "<unk>",
        "cls_token": "<s>",
        "sep_token": "</s>",
    }


def _byte_bpe_tokenizer() -> Any:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=400, special_tokens=["<|endoftext|>"], initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(corpus(), trainer)
    return tok, {"pad_token": "<|endoftext|>", "eos_token": "<|endoftext|>"}


def _labels() -> dict[int, str]:
    from kp_core.taxonomy import bioes_labels

    return dict(enumerate(bioes_labels()))


def build_checkpoint(kind: str, out: Path) -> Path:
    """Write a tiny ``kind`` checkpoint folder (save_pretrained + tokenizer + kp.json) into ``out``."""
    import torch
    from transformers import (
        BertConfig,
        BertForTokenClassification,
        OpenAIPrivacyFilterConfig,
        OpenAIPrivacyFilterForTokenClassification,
        PreTrainedTokenizerFast,
        XLMRobertaConfig,
        XLMRobertaForTokenClassification,
    )

    folder = Path(out) / FOLDER[kind]
    folder.mkdir(parents=True, exist_ok=True)
    labels = _labels()
    label2id = {v: k for k, v in labels.items()}
    torch.manual_seed(0)
    if kind == "bert":
        raw, specials = _bert_tokenizer()
        config = BertConfig(
            vocab_size=raw.get_vocab_size(),
            hidden_size=32,
            num_hidden_layers=2,
            num_attention_heads=4,
            intermediate_size=64,
            max_position_embeddings=64,
            initializer_range=0.3,
            pad_token_id=raw.token_to_id("[PAD]"),
            id2label=labels,
            label2id=label2id,
        )
        model = BertForTokenClassification(config)
    elif kind == "xlm-roberta":
        raw, specials = _xlmr_tokenizer()
        config = XLMRobertaConfig(
            vocab_size=raw.get_vocab_size(),
            hidden_size=32,
            num_hidden_layers=2,
            num_attention_heads=4,
            intermediate_size=64,
            max_position_embeddings=66,
            type_vocab_size=1,
            initializer_range=0.3,
            pad_token_id=raw.token_to_id("<pad>"),
            bos_token_id=raw.token_to_id("<s>"),
            eos_token_id=raw.token_to_id("</s>"),
            id2label=labels,
            label2id=label2id,
        )
        model = XLMRobertaForTokenClassification(config)
    elif kind == "openai_privacy_filter":
        raw, specials = _byte_bpe_tokenizer()
        pad = raw.token_to_id("<|endoftext|>")
        config = OpenAIPrivacyFilterConfig(
            vocab_size=raw.get_vocab_size(),
            hidden_size=32,
            intermediate_size=32,
            head_dim=8,
            num_attention_heads=4,
            num_key_value_heads=2,
            num_hidden_layers=2,
            num_local_experts=4,
            num_experts_per_tok=2,
            sliding_window=3,
            initializer_range=0.3,
            pad_token_id=pad,
            eos_token_id=pad,
            id2label=labels,
            label2id=label2id,
        )
        model = OpenAIPrivacyFilterForTokenClassification(config)
    else:
        raise ValueError(f"unknown tiny model kind {kind!r}")
    model.eval()
    model.save_pretrained(str(folder), safe_serialization=True)
    PreTrainedTokenizerFast(tokenizer_object=raw, **specials).save_pretrained(str(folder))
    meta = {
        "format": 1,
        "family": FAMILY[kind],
        "base": f"tiny-{kind}",
        "base_model_type": kind,
        "label_scheme": SCHEME[kind],
        "max_length": MAX_LENGTH[kind],
    }
    (folder / "kp.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return folder


def torch_detector(folder: Path) -> Any:
    from kp_torch.engine import EncoderDetector

    return EncoderDetector.from_pretrained(folder, device="cpu", threads=1)


def reference_batch(detector: Any, texts: tuple[str, ...] = TEXTS) -> tuple[np.ndarray, np.ndarray]:
    """A padded batch of real windows (the last window of each non-empty text, mixed lengths)."""
    from kp_core.decoding import plan_windows
    from kp_core.decoding.window_scorer import pad_rows
    from kp_torch.tokens import tokenize_documents

    docs = tokenize_documents(detector.tokenizer, list(texts))
    rows = []
    for doc in docs:
        plan = plan_windows(len(doc), detector.window, detector.overlap)
        if plan:
            start, end = plan[-1]
            rows.append(detector.layout.wrap(doc.ids[start:end]))
        if len(rows) == REFERENCE_ROWS:
            break
    return pad_rows(rows, detector.pad_id, np.int32)


def torch_logits(detector: Any, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    import torch

    with torch.inference_mode():
        out = detector.model(
            input_ids=torch.as_tensor(ids, dtype=torch.long), attention_mask=torch.as_tensor(mask, dtype=torch.long)
        )
    return out.logits.float().numpy()


def spans_json(spans_per_text: list[list[Any]]) -> list[list[list[Any]]]:
    """Spans as compact ``[start, end, label, score]`` rows, one list per text."""
    return [[[s.start, s.end, s.label, s.score] for s in spans] for spans in spans_per_text]
