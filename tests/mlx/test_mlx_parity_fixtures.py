"""MLX modules against torch's outputs stored as fixtures (tiny checkpoints written by transformers)."""

from __future__ import annotations

import numpy as np
import pytest
from safetensors.numpy import load_file

from kp_core.decoding import plan_windows
from kp_mlx.engine import MLXTokenClassifier
from tests.mlx.conftest import ALL_MODELS, fixture_folder, reference_spans

TOLERANCE = 1e-4


@pytest.fixture(scope="module", params=ALL_MODELS)
def loaded(request):
    folder = fixture_folder(request.param)
    return request.param, folder, MLXTokenClassifier.from_folder(folder)


def test_logits_match_torch_within_tolerance(loaded):
    name, folder, detector = loaded
    ref = load_file(str(folder / "reference.safetensors"))
    logits = detector.forward_logits(ref["input_ids"], ref["attention_mask"])
    assert logits.shape == ref["logits"].shape
    real = ref["attention_mask"].astype(bool)
    diff = np.abs(logits - ref["logits"])[real]
    assert diff.max() <= TOLERANCE, f"{name}: max |logit difference| {diff.max():.2e}"
    assert (logits.argmax(-1) == ref["logits"].argmax(-1))[real].all()


def test_windows_are_the_ones_torch_ran(loaded):
    """The tokenizers-only path builds the very rows kp-torch's tokenizer built."""
    name, folder, detector = loaded
    ref = load_file(str(folder / "reference.safetensors"))
    texts, _ = reference_spans(name)
    rows = []
    for doc in detector.tokenizer.documents(texts):
        plan = plan_windows(len(doc), detector.window, detector.overlap)
        if plan:
            rows.append(detector.layout.wrap(doc.ids[plan[-1][0] : plan[-1][1]]))
    for i, expected in enumerate(ref["input_ids"]):
        length = int(ref["attention_mask"][i].sum())
        assert rows[i] == expected[:length].tolist()


def test_decoded_spans_identical_on_multilingual_texts(loaded):
    name, _, detector = loaded
    texts, expected = reference_spans(name)
    got = detector.predict_spans(texts)
    assert sum(len(s) for s in expected) > 0, "the reference must contain spans for the check to mean anything"
    assert any(len(detector.tokenizer.documents([t])[0]) > detector.window for t in texts), "no multi-window text"
    for text_spans, want in zip(got, expected, strict=True):
        assert [(s.start, s.end, s.label) for s in text_spans] == [tuple(w[:3]) for w in want]
        for span, w in zip(text_spans, want, strict=True):
            assert span.score == pytest.approx(w[3], abs=TOLERANCE)
