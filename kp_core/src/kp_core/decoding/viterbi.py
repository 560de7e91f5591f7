"""Constrained BIOES Viterbi over log-probabilities, vectorised over labels (and sequences).

Each step exploits the BIOES structure instead of a dense (L, L) max: a new entity (B/S) can only
follow O or a closed entity (E/S), so its best predecessor is one scalar per sequence; I/E of a
type can only follow B/I of the same type, an elementwise max over K types. A step is therefore a
handful of slice operations on (N, L) arrays, and batching N sequences amortises numpy's per-call
overhead (see ``benchmarks/bench_decode.py``).
"""

from __future__ import annotations

import numpy as np

from kp_core.decoding.operating_point import DEFAULT, OperatingPoint
from kp_core.decoding.space import BioesSpace, kp_space

NEG_INF = -np.inf


def _resolve_space(space: BioesSpace | None, width: int) -> BioesSpace:
    space = space if space is not None else kp_space()
    if width != len(space):
        raise ValueError(f"log-probabilities have {width} columns but the label space has {len(space)} labels")
    return space


def _masked(logprobs: np.ndarray, allowed: np.ndarray | None, space: BioesSpace) -> np.ndarray:
    """float64 copy with disallowed labels at -inf; rejects NaN/+inf and masks that forbid O."""
    scores = np.array(logprobs, dtype=np.float64, copy=True)
    if np.isnan(scores).any() or np.isposinf(scores).any():
        raise ValueError("log-probabilities contain NaN or +inf")
    if allowed is not None:
        mask = np.asarray(allowed, dtype=bool)
        try:
            mask = np.broadcast_to(mask, scores.shape)
        except ValueError as exc:
            raise ValueError(f"allowed mask of shape {np.shape(allowed)} does not fit scores {scores.shape}") from exc
        if not mask[..., space.outside].all():
            raise ValueError("the allowed mask must keep O allowed at every position")
        scores[~mask] = NEG_INF
    return scores


def argmax_decode(
    logprobs: np.ndarray, *, allowed: np.ndarray | None = None, space: BioesSpace | None = None
) -> np.ndarray:
    """Per-position best label, unconstrained (may be an invalid BIOES sequence)."""
    arr = np.asarray(logprobs)
    if arr.ndim < 2:
        raise ValueError(f"expected (..., T, L) log-probabilities, got shape {arr.shape}")
    if allowed is None:
        return np.argmax(arr, axis=-1)
    space = _resolve_space(space, arr.shape[-1])
    return np.argmax(_masked(arr, allowed, space), axis=-1)


def viterbi(
    logprobs: np.ndarray,
    operating_point: OperatingPoint | None = None,
    *,
    allowed: np.ndarray | None = None,
    space: BioesSpace | None = None,
) -> np.ndarray:
    """Best valid BIOES label sequence for one (T, L) array of log-probabilities.

    Only legal transitions are used; the sequence starts with O/B/S and ends with O/E/S.
    ``allowed`` ((L,) or (T, L) booleans) removes labels; O must stay allowed. Returns (T,) ids.
    """
    arr = np.asarray(logprobs)
    if arr.ndim != 2:
        raise ValueError(f"expected (T, L) log-probabilities, got shape {arr.shape}")
    return viterbi_batch(arr[None], operating_point, allowed=None if allowed is None else allowed, space=space)[0]


def viterbi_batch(
    logprobs: np.ndarray,
    operating_point: OperatingPoint | None = None,
    *,
    lengths: np.ndarray | list[int] | None = None,
    allowed: np.ndarray | None = None,
    space: BioesSpace | None = None,
) -> np.ndarray:
    """:func:`viterbi` for N padded sequences at once: (N, T, L) -> (N, T) ids.

    ``lengths`` (N,) gives each sequence's true length (default: all T); positions past a
    sequence's length come back as O.
    """
    arr = np.asarray(logprobs)
    if arr.ndim != 3:
        raise ValueError(f"expected (N, T, L) log-probabilities, got shape {arr.shape}")
    n, t_max, width = arr.shape
    space = _resolve_space(space, width)
    if allowed is not None and np.ndim(allowed) == 2 and np.shape(allowed)[0] == t_max:
        allowed = np.asarray(allowed)[None]  # (T, L) mask shared by every sequence
    scores = _masked(arr, allowed, space)
    lens = np.full(n, t_max, dtype=np.intp) if lengths is None else np.asarray(lengths, dtype=np.intp)
    if lens.shape != (n,) or (lens < 0).any() or (lens > t_max).any():
        raise ValueError(f"lengths must be {n} values in [0, {t_max}]")
    out = np.full((n, t_max), space.outside, dtype=np.intp)
    if n == 0 or t_max == 0:
        return out
    op = operating_point if operating_point is not None else DEFAULT

    todo = np.ones(n, dtype=bool)
    if op.is_neutral:
        # Without biases the path score is a plain sum of emissions, so when the per-position
        # argmax is already a valid BIOES sequence it is the Viterbi optimum: skip the DP.
        best = np.argmax(scores, axis=-1)
        for row in range(n):
            seq = best[row, : lens[row]]
            if space.is_valid(seq):
                out[row, : lens[row]] = seq
                todo[row] = False
    rows = np.flatnonzero(todo & (lens > 0))
    if rows.size:
        perm = np.concatenate([[space.outside], space.class_columns.ravel()])
        states = _viterbi_internal(scores[rows][:, :, perm], lens[rows], op, len(space.types))
        out[rows] = np.where(np.arange(t_max)[None, :] < lens[rows, None], perm[states], space.outside)
    return out


def _viterbi_internal(emit: np.ndarray, lens: np.ndarray, op: OperatingPoint, k: int) -> np.ndarray:
    """Viterbi in the internal layout O | B(K) | S(K) | E(K) | I(K): (N, T, 1+4K) -> (N, T) state ids."""
    n, t_max, n_states = emit.shape
    b0, s0, e0, i0 = 1, 1 + k, 1 + 2 * k, 1 + 3 * k
    # Biases on transitions into I/E depend only on the target class: fold them into emissions.
    emit = np.ascontiguousarray(emit.transpose(1, 0, 2))  # (T, N, S): one contiguous block per step
    emit[:, :, e0:i0] += op.inside_to_end
    emit[:, :, i0:] += op.inside_to_continue
    bs, b2s, e2b, e2s = op.background_stay, op.background_to_start, op.end_to_background, op.end_to_start

    bp_dtype = np.int8 if n_states <= 127 else np.int16
    backptr = np.zeros((t_max, n, n_states), dtype=bp_dtype)
    b_idx = np.arange(b0, s0, dtype=bp_dtype)
    i_idx = np.arange(i0, n_states, dtype=bp_dtype)
    final = np.empty((n, n_states))
    ends_at = {int(t): np.flatnonzero(lens - 1 == t) for t in np.unique(lens - 1)}

    cur = emit[0].copy()
    cur[:, e0:] = NEG_INF  # a sequence starts with O, B or S
    nxt = np.empty_like(cur)
    nxt_ie = nxt[:, e0:].reshape(n, 2, k)
    for t in range(1, t_max + 1):
        done = ends_at.get(t - 1)
        if done is not None and done.size:
            final[done] = cur[done]
        if t == t_max:
            break
        closed = cur[:, s0:i0]  # S and E: the states a new entity or O may follow
        c_arg = closed.argmax(axis=1)
        c_max = closed[np.arange(n), c_arg]
        c_state = (c_arg + s0).astype(bp_dtype)
        o = cur[:, 0]
        stay, leave = o + bs, c_max + e2b
        o_from_closed = leave > stay
        opened, reopened = o + b2s, c_max + e2s
        start_from_closed = reopened > opened
        b, i = cur[:, b0:s0], cur[:, i0:]
        from_i = i > b
        step = emit[t]
        nxt[:, 0] = np.maximum(stay, leave) + step[:, 0]
        np.add(step[:, b0:e0], np.maximum(opened, reopened)[:, None], out=nxt[:, b0:e0])
        np.add(step[:, e0:].reshape(n, 2, k), np.maximum(b, i)[:, None, :], out=nxt_ie)
        bpt = backptr[t]
        bpt[:, 0] = np.where(o_from_closed, c_state, 0)
        bpt[:, b0:e0] = np.where(start_from_closed, c_state, 0)[:, None]
        bpt[:, e0:i0] = bpt[:, i0:] = np.where(from_i, i_idx, b_idx)
        cur, nxt = nxt, cur
        nxt_ie = nxt[:, e0:].reshape(n, 2, k)

    final[:, b0:s0] = NEG_INF  # a sequence ends with O, S or E: no open B/I
    final[:, i0:] = NEG_INF
    best_end = final.argmax(axis=1)
    path = np.zeros((n, t_max), dtype=np.intp)
    state = np.zeros(n, dtype=np.intp)
    rows = np.arange(n)
    for t in range(t_max - 1, -1, -1):
        ending = ends_at.get(t)
        if ending is not None and ending.size:
            state[ending] = best_end[ending]
        path[:, t] = state
        if t:
            state = backptr[t, rows, state].astype(np.intp)
    return path
