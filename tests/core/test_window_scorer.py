"""The framework-free window scorer: batches longest window first, merges windows back onto subwords."""

from __future__ import annotations

import numpy as np
import pytest

from kp_core.decoding import merge_window_logprobs, plan_windows
from kp_core.decoding.window_scorer import WindowScorer, pad_rows, window_geometry, window_order
from kp_core.encoding.tokens import SpecialLayout, TokenizedDoc, content_window, default_overlap

LAYOUT = SpecialLayout(prefix=(1,), suffix=(2,))
LABELS = 5


def _doc(n: int, first_id: int = 10) -> tuple[str, TokenizedDoc]:
    text = " ".join(f"w{i}" for i in range(n))
    ids = list(range(first_id, first_id + n))
    offsets, at = [], 0
    for i in range(n):
        width = len(f"w{i}")
        offsets.append((at, at + width))
        at += width + 1
    return text, TokenizedDoc.from_lists(ids, offsets)


def _fake_logprobs(token_id: int) -> np.ndarray:
    """Log-probabilities that depend only on the token id, so every window agrees on a token."""
    row = np.arange(LABELS, dtype=np.float64) * ((token_id % 7) + 1)
    return row - np.log(np.exp(row).sum())


class FakeModel:
    """Records the batches it is given and answers per-token log-probabilities, zeros on padding."""

    def __init__(self) -> None:
        self.batches: list[list[list[int]]] = []

    def __call__(self, rows: list[list[int]]) -> np.ndarray:
        self.batches.append([list(r) for r in rows])
        ids, mask = pad_rows(rows, pad_id=0)
        out = np.zeros((*ids.shape, LABELS))
        for i, j in zip(*np.nonzero(mask), strict=True):
            out[i, j] = _fake_logprobs(int(ids[i, j]))
        return out


def _scorer(**kw: object) -> WindowScorer:
    settings = {"layout": LAYOUT, "window": 6, "overlap": 2, "labels": LABELS, "batch_size": 2, "label_scheme": "all"}
    settings.update(kw)
    return WindowScorer(**settings)  # type: ignore[arg-type]


def test_windows_are_wrapped_batched_longest_first_and_merged_back() -> None:
    texts, docs = zip(*[_doc(3), _doc(14, 100), _doc(0), _doc(9, 200)], strict=True)
    model = FakeModel()
    scored = _scorer().score(texts, docs, model)
    sent = [row for batch in model.batches for row in batch]
    assert all(len(batch) <= 2 for batch in model.batches)
    assert all(row[0] == LAYOUT.prefix[0] and row[-1] == LAYOUT.suffix[0] for row in sent)
    lengths = [len(row) for row in sent]
    assert lengths == sorted(lengths, reverse=True)
    plans = [plan_windows(len(d), 6, 2) for d in docs]
    assert len(sent) == sum(len(p) for p in plans)
    for doc, plan, got in zip(docs, plans, scored, strict=True):
        assert got.offsets is doc.offsets and got.decode_mask is None
        expected = np.array([_fake_logprobs(int(i)) for i in doc.ids]).reshape(len(doc), LABELS)
        np.testing.assert_allclose(got.logprobs, expected)
        if plan:
            windows = [expected[s:e] for s, e in plan]
            np.testing.assert_allclose(got.logprobs, merge_window_logprobs(len(doc), plan, windows))


def test_an_empty_document_has_no_rows_but_the_label_width() -> None:
    text, doc = _doc(0)
    model = FakeModel()
    (got,) = _scorer().score([text], [doc], model)
    assert got.logprobs.shape == (0, LABELS) and model.batches == []


def test_first_subword_models_get_a_decode_mask() -> None:
    text, doc = _doc(4)
    (got,) = _scorer(label_scheme="first").score([text], [doc], FakeModel())
    assert got.decode_mask is not None and got.decode_mask.shape == (4,)


def test_ties_keep_document_order() -> None:
    plans = [[(0, 4)], [(0, 6)], [(0, 4)], [(0, 6), (2, 8)]]
    flat = [(d, w) for d, plan in enumerate(plans) for w in range(len(plan))]
    assert [flat[k] for k in window_order(plans, flat)] == [(1, 0), (3, 0), (3, 1), (0, 0), (2, 0)]


def test_pad_rows_pads_at_the_end_with_the_pad_id() -> None:
    ids, mask = pad_rows([[5, 6, 7], [8]], pad_id=3, dtype=np.int32)
    assert ids.dtype == np.int32 and ids.tolist() == [[5, 6, 7], [8, 3, 3]]
    assert mask.tolist() == [[1, 1, 1], [1, 0, 0]]


def test_texts_and_documents_must_match() -> None:
    with pytest.raises(ValueError, match="2 texts but 1 tokenized"):
        _scorer().score(["a", "b"], [_doc(1)[1]], FakeModel())


def test_geometry_caps_max_length_at_the_position_limit() -> None:
    limit = 40
    max_length, window, overlap = window_geometry(limit * 2, LAYOUT, limit=limit, overlap=None)
    assert max_length == limit
    assert window == content_window(limit, LAYOUT) == limit - len(LAYOUT.prefix) - len(LAYOUT.suffix)
    assert overlap == default_overlap(window)
    assert window_geometry(limit // 2, LAYOUT, limit=None, overlap=3) == (limit // 2, limit // 2 - 2, 3)
