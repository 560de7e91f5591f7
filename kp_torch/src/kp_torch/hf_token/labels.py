"""Reading another token classifier's head: its label format, its types, and its tags as BIOES.

A head's ``id2label`` is one of four formats:

* ``bioes``: ``O`` plus B/I/E/S of every type (openai/privacy-filter, kp): decoded as it is, by
  kp's constrained Viterbi, in its own :class:`BioesSpace`.
* ``bio``: ``O``, ``B-X``, ``I-X``; ``io``: ``O`` and ``I-X`` only (Piiranha); ``plain``: ``O`` and
  bare type names. These are read the way the harness reads them (the transformers pipeline's
  ``aggregation_strategy="simple"``): each token takes its most likely label, and a token
  continues the entity of the token before it when both have the same type and it is not a
  ``B-``; any other labelled token starts a new entity. So ``I-X I-X`` and ``X X`` are one entity,
  ``B-X B-X`` two, and ``X O X`` two. The result is written as BIOES tags (one log-probability per
  token, the chosen label's) so the spans come out of kp's one decoding path.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import attrs
import numpy as np

from kp_core.decoding import BioesSpace
from kp_core.decoding.space import CLASS_ORDER
from kp_core.encoding.alignment import content_mask, trim_offsets
from kp_core.errors import KpError
from kp_core.taxonomy import BIOES_PREFIXES, OUTSIDE

FORMATS = ("bioes", "bio", "io", "plain")
# Score of the tags a converted row did not choose: far below any log-probability, still finite.
_FLOOR = -1.0e4


class HeadLabelsError(KpError, ValueError):
    """A head whose labels kp cannot read (no ``O``, prefixed and bare labels mixed, ...)."""


def ordered_labels(id2label: Mapping[Any, str]) -> tuple[str, ...]:
    """The labels of ``id2label`` in column order (keys may be ints or digit strings)."""
    try:
        return tuple(str(id2label[i] if i in id2label else id2label[str(i)]) for i in range(len(id2label)))
    except KeyError:
        raise HeadLabelsError(f"id2label's keys are not the columns 0..{len(id2label) - 1}") from None


def _split(label: str) -> tuple[str, str] | None:
    head, sep, rest = label.partition("-")
    return (head, rest) if sep and rest and head in BIOES_PREFIXES else None


def label_format(labels: tuple[str, ...]) -> str:
    """``bioes``, ``bio``, ``io`` or ``plain`` (see the module docstring)."""
    if labels.count(OUTSIDE) != 1:
        raise HeadLabelsError(f"the head needs exactly one {OUTSIDE!r} label; it has {labels.count(OUTSIDE)}")
    parts = [_split(label) for label in labels if label != OUTSIDE]
    if not parts:
        raise HeadLabelsError("the head has no entity labels, only 'O'")
    prefixed = [p for p in parts if p is not None]
    if prefixed and len(prefixed) != len(parts):
        raise HeadLabelsError("the head mixes prefixed labels (B-/I-/E-/S-) with bare ones")
    if not prefixed:
        return "plain"
    heads = {head for head, _ in prefixed}
    if heads & {"E", "S"}:
        return "bioes"
    return "bio" if "B" in heads else "io"


@attrs.frozen(eq=False)
class HeadLabels:
    """A head's labels and the BIOES space its tags decode in."""

    labels: tuple[str, ...]
    format: str
    types: tuple[str, ...]  # native types, first-seen order
    space: BioesSpace  # bioes: the head's own; else O + B/I/E/S of each type
    column_type: np.ndarray  # (N,) head column -> index into types, -1 for O
    column_begins: np.ndarray  # (N,) head column is a B- label

    @classmethod
    def of(cls, id2label: Mapping[Any, str]) -> HeadLabels:
        labels = ordered_labels(id2label)
        fmt = label_format(labels)
        types: dict[str, None] = {}
        column_type = np.full(len(labels), -1, dtype=np.intp)
        begins = np.zeros(len(labels), dtype=bool)
        for col, label in enumerate(labels):
            if label == OUTSIDE:
                continue
            head, name = _split(label) or ("I", label)
            types.setdefault(name, None)
            column_type[col] = list(types).index(name)
            begins[col] = head == "B"
        try:
            space = BioesSpace(labels) if fmt == "bioes" else BioesSpace.from_types(types)
        except ValueError as exc:
            raise HeadLabelsError(f"the head's BIOES labels are incomplete: {exc}") from None
        return cls(labels, fmt, tuple(types), space, column_type, begins)

    @property
    def converts(self) -> bool:
        """Whether this head's scores are rewritten as BIOES tags before decoding (not bioes)."""
        return self.format != "bioes"

    def columns_of(self, types: Collection[str]) -> np.ndarray:
        """(N,) mask: the ``O`` column and every column of the given native types."""
        wanted = np.array([t in set(types) for t in self.types] + [False], dtype=bool)
        return (self.column_type < 0) | wanted[self.column_type]

    def tag_scores(
        self,
        text: str,
        offsets: np.ndarray,
        logprobs: np.ndarray,
        decode_mask: np.ndarray | None = None,
        *,
        allowed: np.ndarray | None = None,
    ) -> np.ndarray:
        """(T, len(space)) scores whose only finite choice on each decoded token is the BIOES tag
        of the grouping rule (module docstring), scored by the chosen head label's log-probability.

        ``allowed`` (N,) restricts which head columns a token may take (``O`` always may). The
        decoded tokens are those decoding keeps: subwords that carry characters, within
        ``decode_mask``."""
        scores = np.asarray(logprobs, dtype=np.float32)
        out = np.full((len(scores), len(self.space)), _FLOOR, dtype=np.float32)
        out[:, self.space.outside] = 0.0  # tokens decoding skips; any valid value will do
        if not len(scores):
            return out
        keep = content_mask(trim_offsets(text, offsets))
        if decode_mask is not None:
            keep &= np.asarray(decode_mask, dtype=bool)
        decoded = np.flatnonzero(keep)
        if not decoded.size:
            return out
        rows = scores[decoded]
        if allowed is not None:
            rows = np.where(allowed[None, :], rows, -np.inf)
        best = rows.argmax(axis=1)
        out[decoded] = _FLOOR
        out[decoded, self.tag_columns(best)] = rows[np.arange(len(best)), best]
        return out

    def tag_columns(self, best: np.ndarray) -> np.ndarray:
        """Space columns (BIOES tags) of a sequence of head columns, grouped by the rule above."""
        kind = self.column_type[best]
        entity = kind >= 0
        previous = np.concatenate([[-1], kind[:-1]])
        continues = entity & (previous == kind) & ~self.column_begins[best]
        continued = np.concatenate([continues[1:], [False]])
        tags = np.full(len(best), self.space.outside, dtype=np.intp)
        classes = {
            "B": entity & ~continues & continued,
            "S": entity & ~continues & ~continued,
            "I": continues & continued,
            "E": continues & ~continued,
        }
        for row, cls_name in enumerate(CLASS_ORDER):
            where = classes[cls_name]
            tags[where] = self.space.class_columns[row, kind[where]]
        return tags
