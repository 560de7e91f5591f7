"""``kp export hf-bio``: a BIOES checkpoint relabelled to BIO for the transformers pipeline; the
pipeline's spans measured against kp's detector; the kp export group's refusals."""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_torch.export.hf_bio import bio_labels, export_hf_bio
from kp_torch.export.source import ExportError
from tests.torch.conftest import make_rows


@pytest.fixture(scope="module")
def bio_model(learned_model, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exports") / "bio"
    export_hf_bio(learned_model, out)
    return out


def _pipeline(folder: Path, strategy: str = "simple"):
    from transformers import pipeline

    return pipeline("token-classification", model=str(folder), aggregation_strategy=strategy, device="cpu")


def _keys(entities: list[dict], text: str) -> set[tuple[int, int, str]]:
    """Pipeline entities as (start, end, type), whitespace at the edges trimmed (a SentencePiece
    or WordPiece token may carry the space before it; kp's spans do not)."""
    keys = set()
    for e in entities:
        start, end = e["start"], e["end"]
        while start < end and text[start].isspace():
            start += 1
        keys.add((start, end, e["entity_group"]))
    return keys


def test_labels_rename_s_and_e_only() -> None:
    source = {0: "O", 1: "B-PERSON", 2: "I-PERSON", 3: "E-PERSON", 4: "S-PERSON", 5: "S-EMAIL"}
    assert bio_labels(source) == {0: "O", 1: "B-PERSON", 2: "I-PERSON", 3: "I-PERSON", 4: "B-PERSON", 5: "B-EMAIL"}


def test_the_export_keeps_the_weights_and_records_what_it_did(learned_model, bio_model) -> None:
    assert (bio_model / "model.safetensors").read_bytes() == (learned_model / "model.safetensors").read_bytes()
    config = json.loads((bio_model / "config.json").read_text())
    labels = set(config["id2label"].values())
    assert labels == {"O"} | {label for label in labels if label[:2] in ("B-", "I-")}
    assert len(config["id2label"]) == len(json.loads((learned_model / "config.json").read_text())["id2label"])
    meta = json.loads((bio_model / "kp.json").read_text())
    assert meta["family"] == "hf-token-classification"
    export = meta["export"]
    assert export["kind"] == "hf-bio" and export["label_map"] == {"S-": "B-", "E-": "I-"}
    assert export["source"] == {"folder": learned_model.name, "family": "xlmr-ner", "labels": "BIOES"}
    assert export["pipeline"]["aggregation_strategy"] == "simple"  # the tiny model labels every subword
    tokenizer = json.loads((bio_model / "tokenizer_config.json").read_text())
    assert tokenizer["model_max_length"] == meta["max_length"] == 64


def test_pipeline_groups_bioes_runs_as_kp_reads_them(bio_model) -> None:
    """The pipeline's own grouping on tag sequences a BIOES head can emit, read through the rename:
    a B..E run is one span, adjacent S S / E B runs are two."""
    pipe = _pipeline(bio_model)
    rename = {"B": "B-PERSON", "I": "I-PERSON", "E": "I-PERSON", "S": "B-PERSON", "O": "O"}

    def groups(tags: str) -> list[tuple[int, int]]:
        entities = [
            {"entity": rename[t], "score": 0.9, "word": "a", "start": 2 * i, "end": 2 * i + 1, "index": i + 1}
            for i, t in enumerate(tags)
        ]
        return [(g["start"], g["end"]) for g in pipe.group_entities(entities) if g["entity_group"] != "O"]

    assert groups("BIE") == [(0, 5)]
    assert groups("SS") == [(0, 1), (2, 3)]
    assert groups("BEBE") == [(0, 3), (4, 7)]
    assert groups("BESOS") == [(0, 3), (4, 5), (8, 9)]


# A word-level model whose every word has one tag (its logits a one-hot over the label space), so
# the per-token argmax is a valid BIOES path and kp's Viterbi finds the same path: the pipeline on
# the BIO export must then give kp's spans exactly, adjacent spans included.
WORD_TAGS = {
    "anna": "B-PERSON",
    "maria": "I-PERSON",
    "rossi": "E-PERSON",
    "bob": "S-PERSON",
    "praha": "S-ADDRESS",
    "via": "B-ADDRESS",
    "roma": "E-ADDRESS",
    "lives": "O",
    "in": "O",
    "and": "O",
    "met": "O",
}
TEXTS = [
    "anna maria rossi lives in praha",
    "bob bob met anna rossi",  # S S: two spans, then B E
    "anna rossi bob",  # B E S: two spans
    "anna rossi anna maria rossi and via roma praha",  # E B and E S boundaries
    "lives in via roma and met bob",
]


def _word_model(folder: Path) -> Path:
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import BertConfig, BertForTokenClassification, PreTrainedTokenizerFast

    from kp_core.decoding.space import kp_space
    from kp_core.plugins.manifest import write_kp_json

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
    vocab = {token: i for i, token in enumerate([*specials, *WORD_TAGS])}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])]
    )
    PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]"
    ).save_pretrained(str(folder))
    labels = list(kp_space().labels)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=len(labels),
        num_hidden_layers=0,
        num_attention_heads=1,
        intermediate_size=4,
        max_position_embeddings=64,
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
        architectures=["BertForTokenClassification"],
    )
    model = BertForTokenClassification(config).eval()
    with torch.no_grad():
        for module in (model.bert.embeddings.position_embeddings, model.bert.embeddings.token_type_embeddings):
            module.weight.zero_()
        words = model.bert.embeddings.word_embeddings.weight
        words.zero_()
        for token, index in vocab.items():
            words[index, labels.index(WORD_TAGS.get(token, "O"))] = 10.0
        model.classifier.weight.copy_(torch.eye(len(labels)))
        model.classifier.bias.zero_()
    model.save_pretrained(str(folder))
    write_kp_json(folder, {"family": "xlmr-ner", "framework": "torch", "label_scheme": "all", "max_length": 32})
    return folder


def test_pipeline_spans_equal_kp_spans_when_the_argmax_is_a_valid_path(tmp_path) -> None:
    from kp_torch.engine import EncoderDetector

    source = _word_model(tmp_path / "words")
    out, _ = export_hf_bio(source, tmp_path / "words-bio")
    kp = [
        {(s.start, s.end, s.label) for s in spans}
        for spans in EncoderDetector.from_pretrained(source, device="cpu").predict_spans(TEXTS)
    ]
    pipe = _pipeline(out)
    assert [_keys(pipe(text), text) for text in TEXTS] == kp
    assert [len(spans) for spans in kp] == [2, 3, 2, 4, 2]
    # The BIOES checkpoint itself groups wrongly: E- opens a span of its own, S S merges into one.
    raw = _pipeline(source)
    assert _keys(raw(TEXTS[0]), TEXTS[0]) == {(0, 10, "PERSON"), (11, 16, "PERSON"), (26, 31, "ADDRESS")}
    assert (0, 7, "PERSON") in _keys(raw(TEXTS[1]), TEXTS[1])


def test_pipeline_spans_on_a_trained_model(learned_model, bio_model) -> None:
    """A tiny model trained for seconds: its per-token argmax is noisy where kp's Viterbi is not, so
    this only checks that the export finds the spans kp finds (recall), not the same spans."""
    from kp_torch.engine import EncoderDetector

    texts = [row["text"] for row in make_rows(24, seed=7)]
    kp = {
        (i, s.start, s.end, s.label)
        for i, spans in enumerate(EncoderDetector.from_pretrained(learned_model, device="cpu").predict_spans(texts))
        for s in spans
    }
    pipe = _pipeline(bio_model)
    ours = {(i, *key) for i, text in enumerate(texts) for key in _keys(pipe(text), text)}
    assert len(kp) >= 24  # the tiny model finds PII
    assert len({key[:2] for key in kp} & {key[:2] for key in ours}) / len(kp) >= 0.8  # same starts


def test_refusals(tiny_bases, learned_model, tmp_path) -> None:
    with pytest.raises(ExportError, match="not a token-classification checkpoint"):
        export_hf_bio(tiny_bases["bert"], tmp_path / "a")
    runner = CliRunner()
    base = runner.invoke(build_cli(), ["export", "hf-bio", str(tiny_bases["bert"]), "--out", str(tmp_path / "b")])
    assert base.exit_code == 2 and base.output.count("Error:") == 1 and str(tiny_bases["bert"]) in base.output
    missing = runner.invoke(build_cli(), ["export", "hf-bio", str(tmp_path / "nowhere"), "--out", str(tmp_path / "c")])
    assert missing.exit_code == 2 and "no such checkpoint folder" in missing.output
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "keep.txt").write_text("x")
    refused = runner.invoke(build_cli(), ["export", "hf-bio", str(learned_model), "--out", str(taken)])
    assert refused.exit_code == 2 and "--overwrite" in refused.output and (taken / "keep.txt").exists()
    done = runner.invoke(
        build_cli(), ["export", "hf-bio", str(learned_model), "--out", str(taken), "--overwrite", "--json"]
    )
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["kind"] == "hf-bio" and not (taken / "keep.txt").exists()
    assert not list(tmp_path.glob(".*.partial"))


def _installed(distribution: str) -> bool:
    try:
        importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def test_export_group_names_what_to_install() -> None:
    from kp_core.cli.export import TARGETS

    runner = CliRunner()
    listing = runner.invoke(build_cli(), ["export", "--help"])
    assert listing.exit_code == 0
    commands = listing.output.split("Not installed:")[0]
    assert "hf-bio" in commands and "onnx" in commands
    missing = [t for t in TARGETS if not _installed(t.distribution)]
    for target in missing:
        assert f"{target.name}  pip install {target.distribution}" in listing.output.split("Not installed:")[1]
        refused = runner.invoke(build_cli(), ["export", target.name, "x"])
        assert refused.exit_code == 2
        assert (
            refused.output.strip()
            == f"Error: kp export {target.name} comes with {target.distribution}: pip install {target.distribution}"
        )
    if not missing:
        assert "Not installed" not in listing.output
