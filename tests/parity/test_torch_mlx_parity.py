"""kp-torch and kp-mlx side by side on freshly built tiny checkpoints (the ``parity`` env)."""

from __future__ import annotations

import numpy as np
import pytest

from kp_mlx.engine import MLXTokenClassifier
from kp_mlx.tokens import DocumentTokenizer
from tests.parity.tiny_models import FOLDER, TEXTS, build_checkpoint, reference_batch, torch_detector, torch_logits

TOLERANCE = 1e-4


@pytest.fixture(scope="module", params=list(FOLDER))
def pair(request, tmp_path_factory):
    folder = build_checkpoint(request.param, tmp_path_factory.mktemp(request.param))
    return request.param, folder, torch_detector(folder), MLXTokenClassifier.from_folder(folder)


def test_tokenization_identical(pair):
    from kp_torch.tokens import SpecialLayout, tokenize_documents

    _, folder, torch_det, _ = pair
    ours = DocumentTokenizer.from_folder(folder)
    theirs = tokenize_documents(torch_det.tokenizer, list(TEXTS))
    assert SpecialLayout.of(torch_det.tokenizer).prefix == ours.layout.prefix
    assert SpecialLayout.of(torch_det.tokenizer).suffix == ours.layout.suffix
    for a, b in zip(ours.documents(list(TEXTS)), theirs, strict=True):
        assert a.ids.tolist() == b.ids.tolist()
        assert a.offsets.tolist() == b.offsets.tolist()


def test_logits_within_tolerance(pair):
    kind, _, torch_det, mlx_det = pair
    ids, mask = reference_batch(torch_det)
    expected = torch_logits(torch_det, ids, mask)
    got = mlx_det.forward_logits(ids, mask)
    diff = np.abs(got - expected)[mask.astype(bool)]
    assert diff.max() <= TOLERANCE, f"{kind}: max |logit difference| {diff.max():.2e}"


def test_document_logprobs_and_spans_identical(pair):
    _, _, torch_det, mlx_det = pair
    texts = list(TEXTS)
    for a, b in zip(torch_det.score_documents(texts), mlx_det.score_documents(texts), strict=True):
        assert np.array_equal(a.offsets, b.offsets)
        if len(a.offsets):
            assert np.abs(a.logprobs - b.logprobs).max() <= TOLERANCE
    want = torch_det.predict_spans(texts)
    got = mlx_det.predict_spans(texts)
    assert sum(map(len, want)) > 0
    assert [[(s.start, s.end, s.label) for s in spans] for spans in got] == [
        [(s.start, s.end, s.label) for s in spans] for spans in want
    ]
