"""Decoded tags -> character spans over the whole document."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from kp_core.decoding.operating_point import OperatingPoint
from kp_core.decoding.space import BioesSpace, kp_space
from kp_core.decoding.viterbi import argmax_decode, viterbi_batch
from kp_core.encoding.alignment import content_mask, trim_offsets
from kp_core.taxonomy import entity_names
from kp_core.types import Span

METHODS = ("viterbi", "argmax")


def tags_to_segments(ids: np.ndarray, space: BioesSpace | None = None) -> list[tuple[int, int, int]]:
    """(first, last, type index) of each entity in a tag-id sequence, ``last`` inclusive.

    Tolerant, like the harness: S is one position; B absorbs following I/E of its type and stops
    at E or anything else; a stray I/E is an entity of one position.
    """
    space = space if space is not None else kp_space()
    seq = np.asarray(ids, dtype=np.intp)
    prefix = space.prefix_of[seq]
    types = space.type_of[seq]
    segments: list[tuple[int, int, int]] = []
    n = len(seq)
    k = 0
    positions = np.flatnonzero(seq != space.outside)
    j = 0
    while j < len(positions):
        k = int(positions[j])
        last = k
        if prefix[k] == "B":
            while last + 1 < n and types[last + 1] == types[k] and prefix[last + 1] in ("I", "E"):
                last += 1
                j += 1
                if prefix[last] == "E":
                    break
        segments.append((k, last, int(types[k])))
        j += 1
    return segments


def _kp_names(space: BioesSpace, scheme: str | None) -> list[str | None]:
    """KP type for each type of the space (None: unmapped in ``scheme``, dropped like the harness)."""
    known = set(entity_names())
    if scheme is None:
        foreign = [t for t in space.types if t not in known]
        if foreign:
            raise ValueError(
                f"label space has non-KP types ({', '.join(foreign[:5])}); pass scheme= to map them through a crosswalk"
            )
        return list(space.types)
    from kp_core.taxonomy.crosswalk import to_kp

    return [to_kp(scheme, t) for t in space.types]


def _prepare(
    text: str, offsets: np.ndarray, logprobs: np.ndarray, decode_mask: np.ndarray | None, space: BioesSpace
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(trimmed offsets, content mask, decoded positions, their log-probabilities) of one document."""
    scores = np.asarray(logprobs)
    if scores.ndim != 2 or scores.shape[1] != len(space):
        raise ValueError(f"expected (T, {len(space)}) log-probabilities, got shape {scores.shape}")
    trimmed = trim_offsets(text, offsets)
    if len(trimmed) != len(scores):
        raise ValueError(f"{len(trimmed)} offsets for {len(scores)} rows of log-probabilities")
    carries = content_mask(trimmed)
    if decode_mask is not None:
        mask = np.asarray(decode_mask, dtype=bool)
        if mask.shape != carries.shape:
            raise ValueError(f"decode_mask has shape {mask.shape}, expected {carries.shape}")
        decoded = np.flatnonzero(mask & carries)
    else:
        decoded = np.flatnonzero(carries)
    return trimmed, carries, decoded, scores[decoded]


def _to_spans(
    text: str,
    trimmed: np.ndarray,
    carries: np.ndarray,
    decoded: np.ndarray,
    sub: np.ndarray,
    ids: np.ndarray,
    space: BioesSpace,
    kp_names: list[str | None],
) -> list[Span]:
    if decoded.size == 0:
        return []
    # A decoded position reaches up to (not including) the next decoded one: continuation pieces.
    ends = np.where(carries, trimmed[:, 1], -1)
    reach = np.maximum.reduceat(ends, decoded)
    chosen = np.exp(np.asarray(sub, dtype=np.float64)[np.arange(len(ids)), ids])
    out: list[Span] = []
    for first, last, type_index in tags_to_segments(ids, space):
        label = kp_names[type_index]
        if label is None:
            continue
        start = int(trimmed[decoded[first], 0])  # trimmed: never on whitespace
        end = int(reach[first : last + 1].max())
        while text[end - 1].isspace():
            end -= 1
        score = float(chosen[first : last + 1].mean())
        out.append(Span(start, end, label, score=score, text=text[start:end]))
    return out


def decode_spans(
    text: str,
    offsets: np.ndarray,
    logprobs: np.ndarray,
    *,
    decode_mask: np.ndarray | None = None,
    operating_point: OperatingPoint | None = None,
    method: str = "viterbi",
    labels: Collection[str] | None = None,
    space: BioesSpace | None = None,
    scheme: str | None = None,
) -> list[Span]:
    """Character spans of one document from per-subword log-probabilities.

    ``offsets`` (T, 2) are char offsets of every subword over the whole document ((0, 0) or any
    empty range for specials); pieces that start on whitespace (SentencePiece "▁") are trimmed.
    ``logprobs`` (T, L) are already merged across windows. ``decode_mask`` (T,) marks positions
    that carry labels (first subwords for first-subword models); the others inherit the entity of
    the preceding decoded position, so continuation pieces extend its end. ``labels`` restricts
    the output types (others are disallowed before decoding). Spans are end-exclusive, trimmed of
    surrounding whitespace, and scored by the mean probability of their chosen tags.
    ``space``/``scheme`` decode a head with another label space and map its types to KP through
    the crosswalk of ``scheme`` (unmapped types are dropped, as the harness does).
    """
    return decode_spans_batch(
        [text],
        [offsets],
        [logprobs],
        decode_masks=None if decode_mask is None else [decode_mask],
        operating_point=operating_point,
        method=method,
        labels=labels,
        space=space,
        scheme=scheme,
    )[0]


def decode_spans_batch(
    texts: Sequence[str],
    offsets: Sequence[np.ndarray],
    logprobs: Sequence[np.ndarray],
    *,
    decode_masks: Sequence[np.ndarray | None] | None = None,
    operating_point: OperatingPoint | None = None,
    method: str = "viterbi",
    labels: Collection[str] | None = None,
    space: BioesSpace | None = None,
    scheme: str | None = None,
    batch_size: int = 128,
) -> list[list[Span]]:
    """:func:`decode_spans` for many documents; Viterbi runs over length-sorted batches, which is
    several times faster than one document at a time. Same result as calling it per document."""
    if method not in METHODS:
        raise ValueError(f"unknown decoding method {method!r}; choose from {', '.join(METHODS)}")
    if not len(texts) == len(offsets) == len(logprobs):
        raise ValueError(f"{len(texts)} texts, {len(offsets)} offset arrays, {len(logprobs)} log-probability arrays")
    masks = [None] * len(texts) if decode_masks is None else list(decode_masks)
    if len(masks) != len(texts):
        raise ValueError(f"{len(masks)} decode masks for {len(texts)} texts")
    space = space if space is not None else kp_space()
    kp_names = _kp_names(space, scheme)
    allowed = None if labels is None else space.allowed_for_types(labels)
    prepared = [
        _prepare(text, off, lp, mask, space)
        for text, off, lp, mask in zip(texts, offsets, logprobs, masks, strict=True)
    ]
    ids: list[np.ndarray] = [np.zeros(0, dtype=np.intp)] * len(prepared)
    order = sorted(range(len(prepared)), key=lambda d: len(prepared[d][2]))
    for chunk_start in range(0, len(order), batch_size):
        chunk = order[chunk_start : chunk_start + batch_size]
        lens = np.array([len(prepared[d][2]) for d in chunk], dtype=np.intp)
        if method == "argmax":
            for d in chunk:
                ids[d] = argmax_decode(prepared[d][3], allowed=allowed, space=space)
            continue
        padded = np.zeros((len(chunk), int(lens.max(initial=0)), len(space)))
        for row, d in enumerate(chunk):
            padded[row, : lens[row]] = prepared[d][3]
        decoded_ids = viterbi_batch(padded, operating_point, lengths=lens, allowed=allowed, space=space)
        for row, d in enumerate(chunk):
            ids[d] = decoded_ids[row, : lens[row]]
    return [
        _to_spans(text, *prep, doc_ids, space, kp_names)
        for text, prep, doc_ids in zip(texts, prepared, ids, strict=True)
    ]
