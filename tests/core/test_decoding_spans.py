"""decode_spans: offsets, continuation pieces, scores, restrictions, other label spaces."""

from __future__ import annotations

import numpy as np
import pytest

from kp_core.decoding import BioesSpace, decode_spans, decode_spans_batch, kp_space, tags_to_segments
from kp_core.encoding.grid import bioes_to_spans, gold_bioes, snap_spans, whitespace_tokens
from kp_core.taxonomy import label2id
from kp_core.types import Span

TEXT = "Paziente: Chiara Russo, tel. 3952577"
# XLM-R style pieces: "▁" pieces whose offsets start on the preceding space; specials (0, 0).
PIECES = [(0, 0), (0, 2), (2, 9), (9, 16), (16, 17), (17, 22), (22, 23), (23, 27), (27, 28), (28, 29), (29, 36), (0, 0)]


def _one_hot(tags: list[str | None], space: BioesSpace | None = None, low: float = -20.0) -> np.ndarray:
    space = space or kp_space()
    lp = np.full((len(tags), len(space)), low)
    for i, tag in enumerate(tags):
        lp[i, space.labels.index(tag or "O")] = 0.0
    return lp


def test_first_subword_tags_extend_over_continuation_pieces():
    tags = [None, "O", None, "B-PERSON", None, "E-PERSON", None, "O", None, None, "S-PHONE", None]
    mask = np.array([t is not None for t in tags])
    spans = decode_spans(TEXT, np.array(PIECES), _one_hot(tags), decode_mask=mask)
    assert [(s.start, s.end, s.label, s.text) for s in spans] == [
        (10, 23, "PERSON", "Chiara Russo,"),
        (29, 36, "PHONE", "3952577"),
    ]
    assert all(s.score == pytest.approx(1.0) for s in spans)


def test_all_subword_tags_give_character_precise_spans():
    tags = ["O", "O", "O", "B-PERSON", "I-PERSON", "E-PERSON", "O", "O", "O", "O", "S-PHONE", "O"]
    spans = decode_spans(TEXT, np.array(PIECES), _one_hot(tags))
    assert [(s.start, s.end, s.label) for s in spans] == [(10, 22, "PERSON"), (29, 36, "PHONE")]


def test_score_is_mean_probability_of_the_chosen_tags():
    tags = ["O"] * 3 + ["B-PERSON", "I-PERSON", "E-PERSON"] + ["O"] * 6
    lp = _one_hot(tags, low=-5.0)
    lp[3, label2id()["B-PERSON"]] = np.log(0.9)
    lp[4, label2id()["I-PERSON"]] = np.log(0.01)  # a whitespace-only piece: never decoded
    lp[5, label2id()["E-PERSON"]] = np.log(0.6)
    (span,) = decode_spans(TEXT, np.array(PIECES), lp)
    assert span.score == pytest.approx(0.75)


def test_labels_restrict_the_output_types_before_decoding():
    tags = ["O", "O", "O", "B-PERSON", "I-PERSON", "E-PERSON", "O", "O", "O", "O", "S-PHONE", "O"]
    lp = _one_hot(tags)
    assert [s.label for s in decode_spans(TEXT, np.array(PIECES), lp, labels=["PHONE"])] == ["PHONE"]
    assert decode_spans(TEXT, np.array(PIECES), lp, labels=[]) == []


def test_argmax_method_reads_invalid_sequences_like_the_harness():
    # stray I, an unclosed B, a stray E: each becomes a one-piece entity
    tags = ["O", "O", "O", "I-PERSON", None, "B-PERSON", "O", "O", "O", "O", "E-PHONE", "O"]
    spans = decode_spans(TEXT, np.array(PIECES), _one_hot(tags), method="argmax")
    assert [(s.start, s.end, s.label) for s in spans] == [(10, 16, "PERSON"), (17, 22, "PERSON"), (29, 36, "PHONE")]
    viterbi_spans = decode_spans(TEXT, np.array(PIECES), _one_hot(tags))
    assert all(s.end > s.start for s in viterbi_spans)
    with pytest.raises(ValueError, match="unknown decoding method"):
        decode_spans(TEXT, np.array(PIECES), _one_hot(tags), method="greedy")


def test_segments_of_a_tag_sequence():
    space = kp_space()
    ids = [label2id()[t] for t in ["B-DATE", "I-DATE", "E-DATE", "S-DATE", "O", "E-URL", "B-URL", "O"]]
    assert tags_to_segments(np.array(ids), space) == [(0, 2, 5), (3, 3, 5), (5, 5, 4), (6, 6, 4)]


def test_openai_style_head_maps_through_the_crosswalk():
    openai = BioesSpace.from_types(["private_person", "private_phone", "account_number", "secret"])
    tags = ["O", "O", "O", "B-private_person", "I-private_person", "E-private_person", "O", "O", "O", "O"]
    tags += ["S-private_phone", "O"]
    spans = decode_spans(TEXT, np.array(PIECES), _one_hot(tags, openai), space=openai, scheme="openai")
    assert [(s.label, s.text) for s in spans] == [("PERSON", "Chiara Russo"), ("PHONE", "3952577")]
    with pytest.raises(ValueError, match="scheme="):
        decode_spans(TEXT, np.array(PIECES), _one_hot(tags, openai), space=openai)


def test_shape_errors():
    with pytest.raises(ValueError, match="offsets for"):
        decode_spans(TEXT, np.array(PIECES[:-1]), _one_hot(["O"] * len(PIECES)))
    with pytest.raises(ValueError, match="inside the text"):
        decode_spans(TEXT, np.array([(0, 99)]), _one_hot(["O"]))
    with pytest.raises(ValueError, match="decode_mask"):
        decode_spans(TEXT, np.array(PIECES), _one_hot(["O"] * len(PIECES)), decode_mask=np.ones(3, bool))


def test_batch_decoding_equals_one_document_at_a_time(dev_rows):
    rng = np.random.default_rng(0)
    rows = dev_rows["cz"][:40]
    texts, offsets, lps = [], [], []
    for row in rows:
        toks = np.array(whitespace_tokens(row["text"]))
        logits = rng.normal(0, 1.5, size=(len(toks), len(kp_space())))
        logits[:, 0] += 2.0
        texts.append(row["text"])
        offsets.append(toks)
        lps.append(logits - np.logaddexp.reduce(logits, axis=1, keepdims=True))
    batched = decode_spans_batch(texts, offsets, lps, batch_size=7)
    assert batched == [decode_spans(t, o, lp) for t, o, lp in zip(texts, offsets, lps, strict=True)]
    assert sum(map(len, batched)) > 0


def test_dev_rows_decode_back_to_the_snapped_gold_on_the_whitespace_grid(dev_rows):
    # One-hot log-probabilities of the gold whitespace BIOES, decoded through the one decoding
    # path with whitespace tokens as pieces, give back exactly the snapped gold spans.
    for name, rows in dev_rows.items():
        for r, row in enumerate(rows):
            text = row["text"]
            gold = [Span(s["start"], s["end"], s["label"]) for s in row["spans"]]
            tags = gold_bioes(text, gold)
            decoded = decode_spans(text, np.array(whitespace_tokens(text)).reshape(-1, 2), _one_hot(tags))
            expected = snap_spans(text, gold)
            got = [(s.start, s.end, s.label) for s in decoded]
            assert got == [(s.start, s.end, s.label) for s in expected], f"{name} row {r}"
            assert bioes_to_spans(text, tags) == [Span(s.start, s.end, s.label, text=s.text) for s in expected]
