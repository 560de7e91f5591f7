"""Tokenized documents + gold spans -> training windows, the one encoder of the torch and MLX stacks."""

from __future__ import annotations

from kp_core.encoding.alignment import IGNORE_INDEX
from kp_core.encoding.tokens import SpecialLayout, tokenize_documents
from kp_core.encoding.training_windows import training_windows
from kp_core.taxonomy import bioes_labels
from kp_core.types import Example, Span
from tests.core.test_training_shared import WordTokenizer


def _example(words: int, name_at: int) -> Example:
    tokens = [f"w{i}" for i in range(words)]
    tokens[name_at] = "Ana"
    text = " ".join(tokens)
    start = text.index(" Ana ") + 1 if name_at else 0
    return Example(text, [Span(start, start + 3, "PERSON")], doc_id="doc-1")


def test_a_long_document_becomes_overlapping_windows_with_specials_and_labels() -> None:
    tokenizer = WordTokenizer()
    example = _example(words=40, name_at=30)
    docs = tokenize_documents(tokenizer, [example.text])
    out = training_windows(docs, [example], SpecialLayout.of(tokenizer), max_length=18, scheme="all")
    # 16 content tokens per window, a quarter shared: every token is in some window, none dropped.
    assert out.windows_per_doc == (len(out.input_ids),) and len(out.input_ids) > 2
    assert all(ids[0] == WordTokenizer.CLS and ids[-1] == WordTokenizer.SEP for ids in out.input_ids)
    assert all(len(ids) == len(labels) for ids, labels in zip(out.input_ids, out.labels, strict=True))
    assert all(labels[0] == IGNORE_INDEX and labels[-1] == IGNORE_INDEX for labels in out.labels)
    single = bioes_labels().index("S-PERSON")
    assert sum(labels.count(single) for labels in out.labels) >= 1  # the name, in every window that holds it
    assert out.issues == {} and out.issue_examples == ()


def test_spans_that_do_not_align_are_counted_by_offsets_never_text() -> None:
    tokenizer = WordTokenizer()
    text = "AnaPop lives here"
    # Two spans inside one token cannot both be labelled on it.
    example = Example(text, [Span(0, 3, "PERSON"), Span(3, 6, "ORG_PARTY")], doc_id="doc-7")
    docs = tokenize_documents(tokenizer, [text])
    out = training_windows(docs, [example], SpecialLayout.of(tokenizer), max_length=18, scheme="all")
    assert sum(out.issues.values()) == 1
    assert out.issue_examples and out.issue_examples[0].startswith("document doc-7:")
    assert "Ana" not in out.issue_examples[0] and "Pop" not in out.issue_examples[0]
