"""BIOES tag sequences as integer arrays, strict IOBES chunking and the fairness mask.

Tags are packed as ``type_id * 8 + prefix`` (prefix O=0, B=1, I=2, E=3, S=4; ``O`` is 0), so
chunking over a whole corpus is a handful of numpy operations instead of a Python loop per tag.
Documents are concatenated with one ``O`` after each, which both separates them and plays the
role of the trailing outside token the strict scheme appends to every sequence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain

import attrs
import numpy as np

from kp_core.taxonomy import OUTSIDE, entity_names

PREFIX_O, PREFIX_B, PREFIX_I, PREFIX_E, PREFIX_S = 0, 1, 2, 3, 4
_PREFIX_CODES = {"B": PREFIX_B, "I": PREFIX_I, "E": PREFIX_E, "S": PREFIX_S}
MAX_TYPES = 1024


class _TagTable(dict):
    """tag string → packed code; unseen well-formed tags get a fresh type id (any type name
    scores, as in seqeval), malformed ones raise."""

    def __init__(self) -> None:
        super().__init__({OUTSIDE: 0})
        self.type_ids: dict[str, int] = {}
        self.type_names: list[str] = [OUTSIDE]
        for name in entity_names():  # KP types get stable ids in taxonomy order
            self.type_id(name)

    def type_id(self, name: str) -> int:
        tid = self.type_ids.get(name)
        if tid is None:
            tid = len(self.type_names)
            if tid >= MAX_TYPES:
                raise ValueError(f"more than {MAX_TYPES - 1} entity types in the tag sequences")
            self.type_ids[name] = tid
            self.type_names.append(name)
        return tid

    def __missing__(self, tag: str) -> int:
        if not isinstance(tag, str):
            raise ValueError(f"tag {tag!r} is not a string")
        prefix, sep, name = tag.partition("-")
        if not sep or prefix not in _PREFIX_CODES or not name:
            raise ValueError(f"malformed BIOES tag {tag!r} (expected O or B-/I-/E-/S-<TYPE>)")
        code = self.type_id(name) * 8 + _PREFIX_CODES[prefix]
        self[tag] = code
        return code


TAGS = _TagTable()


@attrs.frozen(slots=True, eq=False)
class EncodedTags:
    """A corpus of tag sequences as one packed array. ``offsets[d]`` is where document d starts;
    position ``offsets[d] + len(doc d)`` holds the separator ``O``."""

    codes: np.ndarray
    offsets: np.ndarray
    lengths: np.ndarray

    @property
    def n_docs(self) -> int:
        return len(self.lengths)


def encode(sequences: Sequence[Sequence[str]]) -> EncodedTags:
    lengths = np.fromiter((len(s) for s in sequences), dtype=np.int64, count=len(sequences))
    offsets = np.zeros(len(sequences), dtype=np.int64)
    if len(sequences) > 1:
        np.cumsum(lengths[:-1] + 1, out=offsets[1:])
    total = int(lengths.sum()) + len(sequences)
    flat = chain.from_iterable(chain(seq, (OUTSIDE,)) for seq in sequences)
    codes = np.fromiter(map(TAGS.__getitem__, flat), dtype=np.int32, count=total)
    return EncodedTags(codes=codes, offsets=offsets, lengths=lengths)


def check_same_shape(gold: EncodedTags, pred: EncodedTags) -> None:
    if gold.n_docs != pred.n_docs:
        raise ValueError(f"{gold.n_docs} gold sequences but {pred.n_docs} predicted sequences")
    bad = np.flatnonzero(gold.lengths != pred.lengths)
    if len(bad):
        d = int(bad[0])
        raise ValueError(
            f"document {d}: {int(gold.lengths[d])} gold tags but {int(pred.lengths[d])} predicted tags "
            f"({len(bad)} document(s) differ in length)"
        )


@attrs.frozen(slots=True, eq=False)
class Chunks:
    """Strict entities of a corpus: global start (inclusive), end (exclusive), type id."""

    starts: np.ndarray
    ends: np.ndarray
    types: np.ndarray

    def __len__(self) -> int:
        return len(self.starts)

    def keys(self, max_length: int) -> np.ndarray:
        """One int64 per entity identity (global start, length, type); the global start already
        encodes the document. ``max_length`` bounds every entity's length (the longest document)."""
        return (self.starts * (max_length + 1) + (self.ends - self.starts)) * MAX_TYPES + self.types


def strict_chunks(encoded: EncodedTags) -> Chunks:
    """seqeval strict IOBES chunks: a chunk starts at B or S, continues through I/E of the same
    type (an I or E is a continuation only after a B or I), and counts only if its last tag is E or
    S. Open B's, orphan I/E and type changes are dropped."""
    codes = encoded.codes
    prefix = codes & 7
    types = codes >> 3
    inside = np.zeros(len(codes), dtype=bool)
    if len(codes) > 1:
        cur, prev = prefix[1:], prefix[:-1]
        inside[1:] = (
            ((cur == PREFIX_I) | (cur == PREFIX_E))
            & ((prev == PREFIX_B) | (prev == PREFIX_I))
            & (types[1:] == types[:-1])
        )
    starts = np.flatnonzero((prefix == PREFIX_B) | (prefix == PREFIX_S))
    breaks = np.flatnonzero(~inside)  # the trailing separator O is always a break
    ends = breaks[np.searchsorted(breaks, starts, side="right")]
    last = prefix[ends - 1]
    valid = (last == PREFIX_E) | (last == PREFIX_S)
    starts, ends = starts[valid], ends[valid]
    return Chunks(starts=starts.astype(np.int64), ends=ends.astype(np.int64), types=types[starts].astype(np.int64))


def doc_index(encoded: EncodedTags, positions: np.ndarray) -> np.ndarray:
    """Document of each global position."""
    return np.searchsorted(encoded.offsets, positions, side="right") - 1


def tag_types(sequences: Iterable[Sequence[str]]) -> set[str]:
    """KP types present in tag sequences (the harness's ``eval_labels`` when given gold)."""
    seen: set[str] = set()
    for seq in sequences:
        seen.update(seq)
    seen.discard(OUTSIDE)
    return {tag.partition("-")[2] for tag in seen}


def fairness_mask(pred_tags: Sequence[Sequence[str]], eval_labels: Iterable[str]) -> list[list[str]]:
    """Every predicted tag whose type is not in ``eval_labels`` becomes ``O`` (harness §3.0)."""
    allowed = set(eval_labels)
    keep: dict[str, str] = {}

    def masked(tag: str) -> str:
        out = keep.get(tag)
        if out is None:
            out = tag if tag == OUTSIDE or tag.partition("-")[2] in allowed else OUTSIDE
            keep[tag] = out
        return out

    return [[masked(t) for t in seq] for seq in pred_tags]
