"""BIOES label spaces: which column of a head's output is which tag.

The KP space (``O`` then B/I/E/S per type in taxonomy order) is the default; other heads (for
example openai/privacy-filter's 33 labels) describe their own column order with a
:class:`BioesSpace` and reuse the same decoder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

import attrs
import numpy as np

from kp_core.taxonomy import BIOES_PREFIXES, OUTSIDE, bioes_labels

# Tag classes, in the internal column order the Viterbi uses: O | B | S | E | I.
# S and E are adjacent (the "closed" states a new entity may follow) and so are B and S (both
# entered from a closed state) — that adjacency is what lets each step run as a few slice ops.
CLASS_ORDER = ("B", "S", "E", "I")


def _check_labels(labels: tuple[str, ...]) -> tuple[str, ...]:
    if len(set(labels)) != len(labels):
        dup = sorted({lab for lab in labels if labels.count(lab) > 1})
        raise ValueError(f"BIOES label space has duplicate labels: {', '.join(dup)}")
    if labels.count(OUTSIDE) != 1:
        raise ValueError(f"BIOES label space needs exactly one {OUTSIDE!r} label")
    for lab in labels:
        if lab == OUTSIDE:
            continue
        prefix, sep, name = lab.partition("-")
        if not sep or prefix not in BIOES_PREFIXES or not name:
            raise ValueError(f"label {lab!r} is neither {OUTSIDE!r} nor <B|I|E|S>-<TYPE>")
    return labels


@attrs.frozen(slots=True)
class BioesSpace:
    """An ordered list of BIOES labels: ``O`` plus all four of B/I/E/S for every type."""

    labels: tuple[str, ...] = attrs.field(converter=lambda v: _check_labels(tuple(v)))
    types: tuple[str, ...] = attrs.field(init=False, eq=False)
    outside: int = attrs.field(init=False, eq=False)
    # (4, K) column index of B, S, E, I for each type, and the inverse map column -> type index.
    class_columns: np.ndarray = attrs.field(init=False, eq=False, repr=False)
    type_of: np.ndarray = attrs.field(init=False, eq=False, repr=False)
    prefix_of: np.ndarray = attrs.field(init=False, eq=False, repr=False)
    _transitions: np.ndarray = attrs.field(init=False, eq=False, repr=False)
    _starts: np.ndarray = attrs.field(init=False, eq=False, repr=False)
    _ends: np.ndarray = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        types: list[str] = []
        where: dict[tuple[str, str], int] = {}
        for col, lab in enumerate(self.labels):
            if lab == OUTSIDE:
                continue
            prefix, _, name = lab.partition("-")
            if name not in types:
                types.append(name)
            where[(prefix, name)] = col
        missing = [f"{p}-{t}" for t in types for p in BIOES_PREFIXES if (p, t) not in where]
        if missing:
            raise ValueError(f"BIOES label space is incomplete; missing {', '.join(missing)}")
        columns = np.array([[where[(p, t)] for t in types] for p in CLASS_ORDER], dtype=np.intp)
        type_of = np.full(len(self.labels), -1, dtype=np.intp)
        prefix_of = np.full(len(self.labels), "O", dtype="<U1")
        for ci, p in enumerate(CLASS_ORDER):
            type_of[columns[ci]] = np.arange(len(types))
            prefix_of[columns[ci]] = p
        object.__setattr__(self, "types", tuple(types))
        object.__setattr__(self, "outside", self.labels.index(OUTSIDE))
        object.__setattr__(self, "class_columns", columns)
        object.__setattr__(self, "type_of", type_of)
        object.__setattr__(self, "prefix_of", prefix_of)
        object.__setattr__(self, "_transitions", self._build_transitions())
        object.__setattr__(self, "_starts", self._build_edge((0, 1)))
        object.__setattr__(self, "_ends", self._build_edge((1, 2)))

    @classmethod
    def from_types(cls, types: Iterable[str]) -> BioesSpace:
        """``O`` then B/I/E/S for each type, in the given order (the KP layout)."""
        return cls((OUTSIDE,) + tuple(f"{p}-{t}" for t in types for p in BIOES_PREFIXES))

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def label2id(self) -> dict[str, int]:
        return {lab: i for i, lab in enumerate(self.labels)}

    def allowed_for_types(self, types: Iterable[str]) -> np.ndarray:
        """Boolean (L,) mask: ``O`` and the four tags of each given type."""
        wanted = set(types)
        unknown = wanted.difference(self.types)
        if unknown:
            raise ValueError(f"unknown types for this label space: {', '.join(sorted(unknown))}")
        keep = np.array([t in wanted for t in self.types], dtype=bool)
        mask = np.zeros(len(self.labels), dtype=bool)
        mask[self.outside] = True
        mask[self.class_columns[:, keep].ravel()] = True
        return mask

    def _build_edge(self, classes: tuple[int, int]) -> np.ndarray:
        mask = np.zeros(len(self.labels), dtype=bool)
        mask[self.outside] = True
        for ci in classes:
            mask[self.class_columns[ci]] = True
        return mask

    def _build_transitions(self) -> np.ndarray:
        n = len(self.labels)
        ok = np.zeros((n, n), dtype=bool)
        b, s, e, i = self.class_columns
        closed = np.concatenate([[self.outside], e, s])
        opening = np.concatenate([[self.outside], b, s])
        ok[np.ix_(closed, opening)] = True
        ok[b, i] = ok[b, e] = ok[i, i] = ok[i, e] = True
        return ok

    def is_valid(self, ids: Sequence[int] | np.ndarray) -> bool:
        """Whether a sequence of label ids is a well-formed BIOES sequence (empty counts as valid)."""
        seq = np.asarray(ids, dtype=np.intp)
        if seq.size == 0:
            return True
        if not (self._starts[seq[0]] and self._ends[seq[-1]]):
            return False
        return bool(self._transitions[seq[:-1], seq[1:]].all())


@cache
def kp_space() -> BioesSpace:
    """The 73-label KP space, in ``kp_core.taxonomy.bioes_labels()`` order."""
    return BioesSpace(bioes_labels())
