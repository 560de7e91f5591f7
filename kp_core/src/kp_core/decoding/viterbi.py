"""Constrained BIOES Viterbi over log-probabilities, vectorised over labels (and sequences).

Each step exploits the BIOES structure instead of a dense (L, L) max over predecessors: every
label has at most two candidate predecessors once the closed states are reduced to their best.
O and B/S follow either O or the best closed state (E/S of any type); I/E of a type follow B or I
of that type. A step is therefore one gather of (N, 2L) candidates, a compare and a max, and
batching N sequences amortises numpy's per-call overhead (see ``benchmarks/bench_decode.py``).
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
    """The scores with disallowed labels at -inf (a copy only when masking); rejects NaN/+inf and
    masks that forbid O."""
    scores = np.asarray(logprobs)
    if scores.dtype.kind not in "fiu":
        raise ValueError(f"log-probabilities must be numeric, got dtype {scores.dtype}")
    if scores.size and not scores.max() < np.inf:  # one pass: max is NaN or +inf if any is
        raise ValueError("log-probabilities contain NaN or +inf")
    if allowed is None:
        return scores
    mask = np.asarray(allowed, dtype=bool)
    try:
        mask = np.broadcast_to(mask, scores.shape)
    except ValueError as exc:
        raise ValueError(f"allowed mask of shape {np.shape(allowed)} does not fit scores {scores.shape}") from exc
    if not mask[..., space.outside].all():
        raise ValueError("the allowed mask must keep O allowed at every position")
    return np.where(mask, scores.astype(np.float64, copy=False), NEG_INF)


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
        picked = scores if rows.size == n else scores[rows]
        states = _viterbi_dp(picked, lens[rows], op, space)
        out[rows] = np.where(np.arange(t_max)[None, :] < lens[rows, None], states, space.outside)
    return out


def _predecessors(space: BioesSpace, op: OperatingPoint) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For each label: candidate predecessors A and B (index L = "best closed state"), the bias of
    the transition from A, and the bias difference B minus A."""
    n_labels = len(space)
    closed = n_labels
    b, s, e, i = space.class_columns
    o = space.outside
    pred_a = np.empty(n_labels, dtype=np.intp)
    pred_b = np.empty(n_labels, dtype=np.intp)
    bias_a = np.zeros(n_labels)
    delta = np.zeros(n_labels)
    pred_a[o], pred_b[o] = o, closed
    bias_a[o], delta[o] = op.background_stay, op.end_to_background - op.background_stay
    for cols in (b, s):
        pred_a[cols], pred_b[cols] = o, closed
        bias_a[cols], delta[cols] = op.background_to_start, op.end_to_start - op.background_to_start
    pred_a[i], pred_b[i], bias_a[i] = b, i, op.inside_to_continue
    pred_a[e], pred_b[e], bias_a[e] = b, i, op.inside_to_end
    return pred_a, pred_b, bias_a, delta


def _viterbi_dp(scores: np.ndarray, lens: np.ndarray, op: OperatingPoint, space: BioesSpace) -> np.ndarray:
    """Viterbi over (N, T, L) scores with per-row lengths -> (N, T) label ids."""
    n, t_max, n_labels = scores.shape
    b, s, e, i = space.class_columns
    pred_a, pred_b, bias_a, delta = _predecessors(space, op)
    pred_ab = np.concatenate([pred_a, pred_b])
    closed_cols = np.concatenate([e, s])
    with_delta, with_bias = bool(delta.any()), bool(bias_a.any())

    took_b = np.zeros((t_max, n, n_labels), dtype=bool)  # backpointer: True = came from candidate B
    best_closed = np.zeros((t_max, n), dtype=np.intp)  # which closed state was "the best closed"
    # ext = scores of the previous step plus one column for the best closed state.
    ext = np.empty((n, n_labels + 1))
    ext_next = np.empty_like(ext)
    cand = np.empty((n, 2 * n_labels))
    cand_a, cand_b = cand[:, :n_labels], cand[:, n_labels:]
    closed = np.empty((n, len(closed_cols)))
    final = np.empty((n, n_labels))
    ends_at = {int(t): np.flatnonzero(lens - 1 == t) for t in np.unique(lens - 1)}

    ext[:, :n_labels] = scores[:, 0]
    ext[:, i] = ext[:, e] = NEG_INF  # a sequence starts with O, B or S
    for t in range(1, t_max + 1):
        done = ends_at.get(t - 1)
        if done is not None:
            final[done] = ext[done, :n_labels]
        if t == t_max:
            break
        np.take(ext, closed_cols, axis=1, out=closed)
        closed.argmax(axis=1, out=best_closed[t])
        closed.max(axis=1, out=ext[:, n_labels])
        np.take(ext, pred_ab, axis=1, out=cand)
        if with_delta:
            cand_b += delta
        np.greater(cand_b, cand_a, out=took_b[t])
        np.maximum(cand_a, cand_b, out=cand_a)
        if with_bias:
            cand_a += bias_a
        np.add(cand_a, scores[:, t], out=ext_next[:, :n_labels])
        ext, ext_next = ext_next, ext

    final[:, b] = final[:, i] = NEG_INF  # a sequence ends with O, E or S
    best_end = final.argmax(axis=1)
    path = np.zeros((n, t_max), dtype=np.intp)
    state = np.zeros(n, dtype=np.intp)
    rows = np.arange(n)
    for t in range(t_max - 1, -1, -1):
        ending = ends_at.get(t)
        if ending is not None:
            state[ending] = best_end[ending]
        path[:, t] = state
        if t:
            pred = np.where(took_b[t, rows, state], pred_b[state], pred_a[state])
            state = np.where(pred == n_labels, closed_cols[best_closed[t]], pred)
    return path
