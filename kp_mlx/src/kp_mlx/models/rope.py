"""Rotary position embeddings: inverse frequencies and the cos/sin scale the config specifies.

``default`` and ``yarn`` (NTK-by-parts with the attention factor) follow transformers'
``modeling_rope_utils`` exactly, computed in float32 like the reference.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def rope_parameters(config: dict[str, Any], default_theta: float) -> dict[str, Any]:
    params = dict(config.get("rope_parameters") or config.get("rope_scaling") or {})
    params.setdefault("rope_type", params.get("type", "default"))
    params.setdefault("rope_theta", config.get("rope_theta", default_theta))
    if params["rope_type"] == "yarn":
        params.setdefault("original_max_position_embeddings", config["max_position_embeddings"])
    return params


def inverse_frequencies(config: dict[str, Any], head_dim: int, default_theta: float) -> tuple[np.ndarray, float]:
    """(inv_freq of shape (head_dim // 2,), attention scaling applied to cos and sin)."""
    params = rope_parameters(config, default_theta)
    kind = params["rope_type"]
    base = float(params["rope_theta"])
    dim = int(head_dim * params.get("partial_rotary_factor", 1.0))
    exponents = np.arange(0, dim, 2).astype(np.float32) / np.float32(dim)
    # The power in float64, rounded once to float32: that matches torch's float32 pow bit for bit
    # where numpy's float32 pow is off by an ulp in several entries (and, times positions in the
    # hundreds, shifts the rotary angles by ~1e-5).
    pos_freqs = np.power(np.float64(base), exponents.astype(np.float64)).astype(np.float32)
    if kind == "default":
        return (np.float32(1.0) / pos_freqs).astype(np.float32), 1.0
    if kind != "yarn":
        raise ValueError(f"rope_type {kind!r} is not supported (default and yarn are)")
    factor = params.get("factor")
    original = params["original_max_position_embeddings"]
    if factor is None:
        factor = config["max_position_embeddings"] / original
    factor = float(factor)
    attention_factor = params.get("attention_factor")
    mscale, mscale_all_dim = params.get("mscale"), params.get("mscale_all_dim")

    def get_mscale(scale: float, m: float = 1.0) -> float:
        return 1.0 if scale <= 1 else 0.1 * m * math.log(scale) + 1.0

    if attention_factor is None:
        if mscale and mscale_all_dim:
            attention_factor = float(get_mscale(factor, mscale) / get_mscale(factor, mscale_all_dim))
        else:
            attention_factor = get_mscale(factor)
    beta_fast = params.get("beta_fast") or 32
    beta_slow = params.get("beta_slow") or 1

    def correction_dim(rotations: float) -> float:
        return (dim * math.log(original / (rotations * 2 * math.pi))) / (2 * math.log(base))

    low, high = correction_dim(beta_fast), correction_dim(beta_slow)
    if params.get("truncate", True):
        low, high = math.floor(low), math.ceil(high)
    low, high = max(low, 0), min(high, dim - 1)
    if low == high:
        high += 0.001  # as the reference: avoid a zero-width ramp
    ramp = np.clip((np.arange(dim // 2, dtype=np.float32) - low) / (high - low), 0, 1).astype(np.float32)
    extrapolation = np.float32(1.0) - ramp
    inv_extra = np.float32(1.0) / pos_freqs
    inv_inter = np.float32(1.0) / (np.float32(factor) * pos_freqs)
    inv_freq = inv_inter * (np.float32(1.0) - extrapolation) + inv_extra * extrapolation
    return inv_freq.astype(np.float32), float(attention_factor)
