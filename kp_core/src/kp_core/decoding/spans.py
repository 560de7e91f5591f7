"""Decoded tags -> character spans over the whole document."""

from __future__ import annotations

from collections.abc import Collection

import numpy as np

from kp_core.alignment import content_mask, trim_offsets
from kp_core.decoding.operating_point import OperatingPoint
from kp_core.decoding.space import BioesSpace, kp_space
from kp_core.decoding.viterbi import argmax_decode, viterbi
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
    from kp_core.crosswalk import to_kp

    return [to_kp(scheme, t) for t in space.types]


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
    if method not in METHODS:
        raise ValueError(f"unknown decoding method {method!r}; choose from {', '.join(METHODS)}")
    scores = np.asarray(logprobs)
    space = space if space is not None else kp_space()
    if scores.ndim != 2 or scores.shape[1] != len(space):
        raise ValueError(f"expected ({len(space)}-column) (T, L) log-probabilities, got shape {scores.shape}")
    spans_off = trim_offsets(text, offsets)
    if len(spans_off) != len(scores):
        raise ValueError(f"{len(spans_off)} offsets for {len(scores)} rows of log-probabilities")
    carries = content_mask(spans_off)
    if decode_mask is not None:
        mask = np.asarray(decode_mask, dtype=bool)
        if mask.shape != carries.shape:
            raise ValueError(f"decode_mask has shape {mask.shape}, expected {carries.shape}")
        decoded = np.flatnonzero(mask & carries)
    else:
        decoded = np.flatnonzero(carries)
    if decoded.size == 0:
        return []
    kp_names = _kp_names(space, scheme)
    allowed = None if labels is None else space.allowed_for_types(labels)
    sub = scores[decoded]
    if method == "viterbi":
        ids = viterbi(sub, operating_point, allowed=allowed, space=space)
    else:
        ids = argmax_decode(sub, allowed=allowed, space=space)
    # A decoded position reaches up to (not including) the next decoded one: continuation pieces.
    ends = np.where(carries, spans_off[:, 1], -1)
    reach = np.maximum.reduceat(ends, decoded)
    chosen = np.exp(np.asarray(sub, dtype=np.float64)[np.arange(len(ids)), ids])
    out: list[Span] = []
    for first, last, type_index in tags_to_segments(ids, space):
        label = kp_names[type_index]
        if label is None:
            continue
        start = int(spans_off[decoded[first], 0])
        end = int(reach[first : last + 1].max())
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        score = float(chosen[first : last + 1].mean())
        out.append(Span(start, end, label, score=score, text=text[start:end]))
    return out
