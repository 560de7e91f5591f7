"""The openai/privacy-filter token classifier in MLX.

A bidirectional encoder: RMSNorm pre-norm layers whose attention is banded (each token sees
tokens within ``sliding_window`` positions either side) with a learned per-head sink logit,
grouped-query heads, interleaved rotary embeddings with the config's scaling (YaRN by default),
Q and K each scaled by ``head_dim ** -0.25``; a top-k routed mixture of clamped-SwiGLU experts
whose output is scaled by ``k``; and a ``score`` Linear head. Names mirror transformers'
``OpenAIPrivacyFilterForTokenClassification`` so its safetensors load as they are.
"""

from __future__ import annotations

from typing import Any

import mlx.core as mx
import mlx.nn as nn

from kp_mlx.models.rope import inverse_frequencies

DEFAULT_THETA = 150000.0


def _head_dim(config: dict[str, Any]) -> int:
    return int(config.get("head_dim") or config["hidden_size"] // config["num_attention_heads"])


def apply_rotary(x: mx.array, cos: mx.array, sin: mx.array) -> mx.array:
    """Rotate interleaved pairs (x[2i], x[2i+1]); cos/sin are (B, 1, T, D/2)."""
    first, second = x[..., ::2], x[..., 1::2]
    rotated = mx.stack([first * cos - second * sin, second * cos + first * sin], axis=-1)
    return rotated.reshape(x.shape)


class RMSNorm(nn.Module):
    def __init__(self, dims: int, eps: float) -> None:
        super().__init__()
        self.weight = mx.ones((dims,))
        self.eps = eps

    def __call__(self, x: mx.array) -> mx.array:
        return mx.fast.rms_norm(x, self.weight, self.eps)


class Attention(nn.Module):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        hidden = config["hidden_size"]
        self.head_dim = _head_dim(config)
        self.num_heads = config["num_attention_heads"]
        self.num_kv_heads = config.get("num_key_value_heads") or self.num_heads
        bias = config.get("attention_bias", True)
        self.q_proj = nn.Linear(hidden, self.num_heads * self.head_dim, bias=bias)
        self.k_proj = nn.Linear(hidden, self.num_kv_heads * self.head_dim, bias=bias)
        self.v_proj = nn.Linear(hidden, self.num_kv_heads * self.head_dim, bias=bias)
        self.o_proj = nn.Linear(self.num_heads * self.head_dim, hidden, bias=bias)
        self.sinks = mx.zeros((self.num_heads,))
        self.scaling = self.head_dim**-0.25

    def __call__(self, x: mx.array, cos: mx.array, sin: mx.array, mask: mx.array) -> mx.array:
        b, t, _ = x.shape
        q = self.q_proj(x).reshape(b, t, self.num_heads, self.head_dim).transpose(0, 2, 1, 3)
        k = self.k_proj(x).reshape(b, t, self.num_kv_heads, self.head_dim).transpose(0, 2, 1, 3)
        v = self.v_proj(x).reshape(b, t, self.num_kv_heads, self.head_dim).transpose(0, 2, 1, 3)
        q = apply_rotary(q, cos, sin) * self.scaling
        k = apply_rotary(k, cos, sin) * self.scaling
        out = mx.fast.scaled_dot_product_attention(q, k, v, scale=1.0, mask=mask, sinks=self.sinks.astype(q.dtype))
        return self.o_proj(out.transpose(0, 2, 1, 3).reshape(b, t, -1))


class TopKRouter(nn.Module):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        self.top_k = config["num_experts_per_tok"]
        experts = config["num_local_experts"]
        self.weight = mx.zeros((experts, config["hidden_size"]))
        self.bias = mx.zeros((experts,))

    def __call__(self, x: mx.array) -> tuple[mx.array, mx.array, mx.array]:
        """(router logits, routing weights (N, k), expert indices (N, k))."""
        logits = x.astype(mx.float32) @ self.weight.astype(mx.float32).T + self.bias.astype(mx.float32)
        indices = mx.stop_gradient(mx.argpartition(-logits, kth=self.top_k - 1, axis=-1)[..., : self.top_k])
        top = mx.take_along_axis(logits, indices, axis=-1)
        return logits, mx.softmax(top, axis=-1, precise=True) / self.top_k, indices


class Experts(nn.Module):
    """Per-expert ``x @ gate_up + b`` -> clamped SwiGLU -> ``@ down + b``, gathered by routed index."""

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        e, h, i = config["num_local_experts"], config["hidden_size"], config["intermediate_size"]
        self.gate_up_proj = mx.zeros((e, h, 2 * i))
        self.gate_up_proj_bias = mx.zeros((e, 2 * i))
        self.down_proj = mx.zeros((e, i, h))
        self.down_proj_bias = mx.zeros((e, h))
        self.alpha = float(config.get("swiglu_alpha", 1.702))
        self.limit = float(config.get("swiglu_limit", 7.0))

    def gate(self, gate_up: mx.array) -> mx.array:
        gate, up = mx.split(gate_up, 2, axis=-1)  # concatenated halves, not interleaved
        gate = mx.minimum(gate, self.limit)
        up = mx.clip(up, -self.limit, self.limit)
        return (up + 1) * (gate * mx.sigmoid(gate * self.alpha))

    def project_in(self, x: mx.array, indices: mx.array) -> mx.array:
        return mx.gather_mm(x[:, None, None, :], self.gate_up_proj, rhs_indices=indices).squeeze(-2)

    def project_out(self, h: mx.array, indices: mx.array) -> mx.array:
        return mx.gather_mm(h[:, :, None, :], self.down_proj, rhs_indices=indices).squeeze(-2)

    def __call__(self, x: mx.array, indices: mx.array, weights: mx.array) -> mx.array:
        gate_up = self.project_in(x, indices) + self.gate_up_proj_bias[indices]
        out = self.project_out(self.gate(gate_up), indices) + self.down_proj_bias[indices]
        return (out * weights[..., None]).sum(axis=1)

    def to_quantized(self, group_size: int = 64, bits: int = 8, mode: str = "affine", **_: Any) -> QuantizedExperts:
        return QuantizedExperts.from_experts(self, group_size, bits, mode)


class QuantizedExperts(Experts):
    """Experts with weights quantized along the hidden axis, run with ``gather_qmm``."""

    @classmethod
    def from_experts(cls, experts: Experts, group_size: int, bits: int, mode: str) -> QuantizedExperts:
        out = cls.__new__(cls)
        nn.Module.__init__(out)
        out.alpha, out.limit = experts.alpha, experts.limit
        out.group_size, out.bits, out.mode = group_size, bits, mode
        out.gate_up_proj_bias = experts.gate_up_proj_bias
        out.down_proj_bias = experts.down_proj_bias
        for name in ("gate_up_proj", "down_proj"):
            w = getattr(experts, name).transpose(0, 2, 1)
            q, scales, biases = mx.quantize(w, group_size=group_size, bits=bits, mode=mode)
            setattr(out, name, q)
            setattr(out, f"{name}_scales", scales)
            setattr(out, f"{name}_biases", biases)
        out.freeze()
        return out

    def _qmm(self, x: mx.array, name: str, indices: mx.array) -> mx.array:
        return mx.gather_qmm(
            x,
            getattr(self, name),
            getattr(self, f"{name}_scales"),
            getattr(self, f"{name}_biases"),
            rhs_indices=indices,
            transpose=True,
            group_size=self.group_size,
            bits=self.bits,
            mode=self.mode,
        )

    def project_in(self, x: mx.array, indices: mx.array) -> mx.array:
        return self._qmm(x[:, None, None, :], "gate_up_proj", indices).squeeze(-2)

    def project_out(self, h: mx.array, indices: mx.array) -> mx.array:
        return self._qmm(h[:, :, None, :], "down_proj", indices).squeeze(-2)


class MLP(nn.Module):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        self.router = TopKRouter(config)
        self.experts = Experts(config)
        self.top_k = config["num_experts_per_tok"]

    def __call__(self, x: mx.array) -> mx.array:
        b, t, h = x.shape
        flat = x.reshape(-1, h)
        _, weights, indices = self.router(flat)
        out = self.experts(flat.astype(mx.float32), indices, weights) * self.top_k
        return out.astype(x.dtype).reshape(b, t, h)


class EncoderLayer(nn.Module):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        eps = config.get("rms_norm_eps", 1e-5)
        self.self_attn = Attention(config)
        self.mlp = MLP(config)
        self.input_layernorm = RMSNorm(config["hidden_size"], eps)
        self.post_attention_layernorm = RMSNorm(config["hidden_size"], eps)

    def __call__(self, x: mx.array, cos: mx.array, sin: mx.array, mask: mx.array) -> mx.array:
        x = x + self.self_attn(self.input_layernorm(x), cos, sin, mask)
        return x + self.mlp(self.post_attention_layernorm(x))


class PrivacyFilterModel(nn.Module):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        self.embed_tokens = nn.Embedding(config["vocab_size"], config["hidden_size"])
        self.layers = [EncoderLayer(config) for _ in range(config["num_hidden_layers"])]
        self.norm = RMSNorm(config["hidden_size"], config.get("rms_norm_eps", 1e-5))
        inv_freq, self.rope_scale = inverse_frequencies(config, _head_dim(config), DEFAULT_THETA)
        self._inv_freq = mx.array(inv_freq)
        self.sliding_window = int(config["sliding_window"])

    def band_mask(self, attention_mask: mx.array) -> mx.array:
        """(B, 1, T, T) bool: |i - j| <= sliding_window and j is a real token (or j == i)."""
        t = attention_mask.shape[1]
        pos = mx.arange(t)
        distance = mx.abs(pos[:, None] - pos[None, :])
        band = distance <= self.sliding_window
        keys = attention_mask.astype(mx.bool_)[:, None, None, :]
        return (band[None, None] & keys) | mx.eye(t, dtype=mx.bool_)[None, None]

    def __call__(self, input_ids: mx.array, attention_mask: mx.array) -> mx.array:
        x = self.embed_tokens(input_ids)
        positions = mx.arange(input_ids.shape[1]).astype(mx.float32)
        freqs = positions[:, None] * self._inv_freq[None, :]
        cos = (mx.cos(freqs) * self.rope_scale).astype(x.dtype)[None, None]
        sin = (mx.sin(freqs) * self.rope_scale).astype(x.dtype)[None, None]
        mask = self.band_mask(attention_mask)
        for layer in self.layers:
            x = layer(x, cos, sin, mask)
        return self.norm(x)


class PrivacyFilterForTokenClassification(nn.Module):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        self.model = PrivacyFilterModel(config)
        self.dropout = nn.Dropout(config.get("classifier_dropout") or 0.0)
        self.score = nn.Linear(config["hidden_size"], len(config["id2label"]))
        self.head_name = "score"

    def __call__(self, input_ids: mx.array, attention_mask: mx.array) -> mx.array:
        return self.score(self.dropout(self.model(input_ids, attention_mask)))
