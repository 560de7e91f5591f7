"""Gold spans -> subword labels -> decode_spans -> whitespace BIOES, with real subword tokenizers.

Two tokenizers are trained here on synthetic text (never on dev rows): a SentencePiece-style
Unigram whose "▁" pieces carry the preceding space in their offsets (as XLM-R's does), and a
BERT-style WordPiece that splits punctuation off words.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from kp_core.decoding import decode_spans, kp_space
from kp_core.encoding.alignment import align_spans, label_positions
from kp_core.encoding.grid import gold_bioes, predicted_bioes, snap_spans
from kp_core.types import Span

if os.environ.get("CI", "").lower() == "true":
    import tokenizers  # CI installs it in every environment: a missing one is a failure
else:
    tokenizers = pytest.importorskip("tokenizers", reason="the tokenizers package is needed to train test tokenizers")

LETTERS = list("abcdefghijklmnopqrstuvwxyzåäöæøéěščřžýáíúůàèìòù")


def _synthetic_corpus(seed: int = 0, n_lines: int = 1500) -> list[str]:
    rng = np.random.default_rng(seed)
    lines = []
    for _ in range(n_lines):
        words = []
        for _ in range(rng.integers(3, 14)):
            kind = rng.random()
            if kind < 0.6:
                word = "".join(rng.choice(LETTERS, size=rng.integers(1, 10)))
                word = word.capitalize() if rng.random() < 0.3 else word
            elif kind < 0.85:
                word = "".join(rng.choice(list("0123456789"), size=rng.integers(1, 12)))
            else:
                word = str(rng.choice(["/", "-", "+", "@", ".", ",", ":", "(", ")", "—"]))
            words.append(word)
        lines.append(" ".join(words))
    return lines


@pytest.fixture(scope="module")
def trained_tokenizers() -> dict[str, object]:
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

    corpus = _synthetic_corpus()
    unigram = Tokenizer(models.Unigram())
    unigram.normalizer = normalizers.NFKC()
    unigram.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    unigram.train_from_iterator(
        corpus, trainers.UnigramTrainer(vocab_size=1000, unk_token="<unk>", special_tokens=["<unk>"]), len(corpus)
    )
    wordpiece = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    wordpiece.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    wordpiece.train_from_iterator(
        corpus, trainers.WordPieceTrainer(vocab_size=1000, special_tokens=["[UNK]"]), len(corpus)
    )
    return {"unigram": unigram, "wordpiece": wordpiece}


def _with_specials(offsets: list[tuple[int, int]]) -> np.ndarray:
    return np.array([(0, 0), *offsets, (0, 0)]).reshape(-1, 2)


@pytest.mark.parametrize("scheme", ["first", "all"])
@pytest.mark.parametrize("name", ["unigram", "wordpiece"])
def test_dev_rows_round_trip_through_subword_labels(dev_rows, trained_tokenizers, name, scheme):
    tokenizer = trained_tokenizers[name]
    space_start = 0
    char_exact = total = 0
    for slice_name, rows in dev_rows.items():
        for r, row in enumerate(rows):
            text = row["text"]
            gold = [Span(s["start"], s["end"], s["label"]) for s in row["spans"]]
            offsets = _with_specials(tokenizer.encode(text).offsets)
            if name == "unigram":
                space_start += sum(text[s].isspace() for s, e in offsets.tolist() if e > s)
            aligned = align_spans(text, offsets, gold, scheme=scheme)
            assert aligned.ok, f"{slice_name} row {r}: {[i.describe() for i in aligned.issues]}"
            ids = np.array(aligned.label_ids)
            one_hot = np.full((len(ids), len(kp_space())), -20.0)
            one_hot[np.arange(len(ids)), np.where(ids >= 0, ids, 0)] = 0.0
            mask = label_positions(text, offsets, scheme=scheme)
            assert mask.tolist() == (ids >= 0).tolist()
            spans = decode_spans(text, offsets, one_hot, decode_mask=mask)
            assert predicted_bioes(text, spans) == gold_bioes(text, gold), f"{slice_name} row {r}"
            assert [(s.start, s.end, s.label) for s in snap_spans(text, spans)] == [
                (s.start, s.end, s.label) for s in snap_spans(text, gold)
            ]
            want = {(s.start, s.end, s.label) for s in gold}
            char_exact += len(want & {(s.start, s.end, s.label) for s in spans})
            total += len(want)
    if name == "unigram":
        assert space_start > 1000  # the leading-space offsets really were exercised
    # Gold spans in these rows end on whitespace-token boundaries, so both schemes recover them
    # to the character.
    assert char_exact == total
