"""The inference engine: batching, ordering, sliding windows, inference mode, one decoding path."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from kp_core.decoding import OperatingPoint, decode_spans
from kp_core.types import Span
from kp_torch.engine import EncoderDetector

from .conftest import make_rows


@pytest.fixture(scope="module")
def detector(learned_model) -> EncoderDetector:
    return EncoderDetector.from_pretrained(learned_model, device="cpu", batch_size=4)


def _key(spans: list[Span]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in spans]


def test_finds_pii_in_unseen_text(detector) -> None:
    rows = make_rows(12, seed=7)
    predicted = detector.predict_spans([row["text"] for row in rows])
    gold = {(i, s["start"], s["end"], s["label"]) for i, row in enumerate(rows) for s in row["spans"]}
    found = {(i, s.start, s.end, s.label) for i, spans in enumerate(predicted) for s in spans}
    assert len(gold & found) >= 0.5 * len(gold)
    for spans in predicted:
        assert all(0.0 <= s.score <= 1.0 for s in spans)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_order_and_batch_size_do_not_change_results(learned_model, detector) -> None:
    texts = [row["text"] for row in make_rows(9, seed=3)]
    texts[4] = " ".join(texts)  # a long one among short ones
    batched = detector.predict_spans(texts)
    one_by_one = EncoderDetector.from_pretrained(learned_model, device="cpu", batch_size=1)
    single = [one_by_one.predict_spans([t])[0] for t in texts]
    assert [_key(s) for s in batched] == [_key(s) for s in single]
    for a, b in zip(batched, single, strict=True):
        assert np.allclose([s.score for s in a], [s.score for s in b], atol=1e-4)


def test_long_documents_are_windowed_not_truncated(detector) -> None:
    rows = make_rows(12, seed=11)
    long_text = " ".join(row["text"] for row in rows)
    scored = detector.score_documents([long_text])[0]
    n_tokens = len(detector.tokenizer(long_text, add_special_tokens=False)["input_ids"])
    assert n_tokens > 3 * detector.window  # several windows' worth
    assert scored.logprobs.shape == (n_tokens, 73)
    assert np.isfinite(scored.logprobs).all() and (scored.logprobs <= 0).all()
    spans = detector.predict_spans([long_text])[0]
    first_window_end = int(scored.offsets[detector.window - 1, 1])
    assert any(s.start > 2 * first_window_end for s in spans), "nothing found past the first windows"


def test_output_is_the_core_decoding_of_the_scores(detector) -> None:
    texts = [row["text"] for row in make_rows(5, seed=5)]
    scored = detector.score_documents(texts)
    expected = [
        decode_spans(t, s.offsets, s.logprobs, decode_mask=s.decode_mask, space=detector.space)
        for t, s in zip(texts, scored, strict=True)
    ]
    assert detector.predict_spans(texts) == expected


def test_forward_runs_in_inference_mode(learned_model) -> None:
    det = EncoderDetector.from_pretrained(learned_model, device="cpu")
    seen: list[bool] = []
    forward = det.model.forward

    def spy(*args, **kwargs):
        seen.append(torch.is_inference_mode_enabled())
        return forward(*args, **kwargs)

    det.model.forward = spy
    det.predict_spans(["Pan Karel Novak bydli na adrese Hlavni 3, Brno."])
    assert seen == [True]


def test_empty_and_whitespace_texts(detector) -> None:
    assert detector.predict_spans(["", "   \n"]) == [[], []]
    assert detector.predict_spans([]) == []


def test_operating_point_next_to_checkpoint_is_applied(learned_model, tmp_path) -> None:
    import shutil

    folder = tmp_path / "model"
    shutil.copytree(learned_model, folder)
    texts = [row["text"] for row in make_rows(6, seed=9)]
    plain = EncoderDetector.from_pretrained(folder, device="cpu").predict_spans(texts)
    OperatingPoint(background_stay=50.0).save(folder / "operating_point.json")
    strict = EncoderDetector.from_pretrained(folder, device="cpu").predict_spans(texts)
    assert sum(map(len, plain)) > 0
    assert sum(map(len, strict)) < sum(map(len, plain))


def test_first_subword_models_decode_on_word_heads(learned_model, tmp_path) -> None:
    import shutil

    folder = tmp_path / "model"
    shutil.copytree(learned_model, folder)
    meta = json.loads((folder / "kp.json").read_text())
    meta["label_scheme"] = "first"
    (folder / "kp.json").write_text(json.dumps(meta))
    det = EncoderDetector.from_pretrained(folder, device="cpu")
    scored = det.score_documents(["Gentile Giulia Bianchi, scriva a giulia.bianchi@example.com"])[0]
    assert scored.decode_mask is not None
    assert 0 < scored.decode_mask.sum() < len(scored.decode_mask)  # some pieces are continuations


def test_position_limit_caps_the_window(tiny_bases) -> None:
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    folder = tiny_bases["xlmr"]  # max_position_embeddings 130: RoBERTa-style models reserve two
    model = AutoModelForTokenClassification.from_pretrained(str(folder), num_labels=73)
    from kp_core.taxonomy import bioes_labels

    model.config.id2label = dict(enumerate(bioes_labels()))
    det = EncoderDetector(model, AutoTokenizer.from_pretrained(str(folder)), model_id="x", max_length=512)
    assert det.max_length == 128 and det.window == 126


def test_bf16_loads_bfloat16_weights_and_keeps_the_spans(learned_model, detector) -> None:
    half = EncoderDetector.from_pretrained(learned_model, device="cpu", batch_size=4, bf16=True)
    assert {p.dtype for p in half.model.parameters()} == {torch.bfloat16}
    texts = [row["text"] for row in make_rows(12, seed=13)]
    scored = half.score_documents(texts[:1])[0]
    assert scored.logprobs.dtype in (np.float32, np.float64) and np.isfinite(scored.logprobs).all()
    full = {(i, *k) for i, spans in enumerate(detector.predict_spans(texts)) for k in _key(spans)}
    reduced = {(i, *k) for i, spans in enumerate(half.predict_spans(texts)) for k in _key(spans)}
    assert full, "the fp32 model found nothing to compare against"
    # bfloat16 keeps 8 bits of mantissa: a span may move at a near tie, not more than that.
    assert len(full & reduced) >= 0.9 * len(full | reduced)
