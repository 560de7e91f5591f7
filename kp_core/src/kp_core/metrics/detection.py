"""Detection metrics: strict entity-level P/R/F1 and F2 (the harness's ``entity_f1``/``entity_f2``),
plus kp's own extras (``kp_entity_per_type``, ``kp_partial_overlap_f1``).

Harness semantics (seqeval 1.2 strict IOBES, micro average, zero_division 0): an entity is
``(document, type, first token, last token)``; TP is the size of the intersection of the gold and
predicted entity sets; P = TP/#pred, R = TP/#gold, each 0 when its denominator is 0, and
F1 = 2PR/(P+R), F2 = 5PR/(4P+R), 0 when the denominator is 0.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np

from kp_core.metrics.tags import (
    MAX_TYPES,
    TAGS,
    Chunks,
    EncodedTags,
    check_same_shape,
    doc_index,
    encode,
    strict_chunks,
)


@attrs.frozen(slots=True)
class EntityCounts:
    """Micro counts: true positives, predicted entities, gold entities."""

    tp: int
    pred: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f_beta(self.precision, self.recall, 1.0)

    @property
    def f2(self) -> float:
        return f_beta(self.precision, self.recall, 2.0)


def f_beta(precision: float, recall: float, beta: float) -> float:
    """(1+β²)PR/(β²P+R), 0 when the denominator is 0; evaluated in seqeval's operation order."""
    beta2 = beta * beta
    denom = beta2 * precision + recall
    if denom == 0:
        return 0.0
    return float((1 + beta2) * precision * recall / denom)


@attrs.frozen(slots=True, eq=False)
class Matched:
    """Gold and predicted strict chunks of one corpus, with the gold/pred match flags."""

    gold: Chunks
    pred: Chunks
    gold_hit: np.ndarray
    pred_hit: np.ndarray
    encoded_gold: EncodedTags


def match_entities(gold_tags: Sequence[Sequence[str]], pred_tags: Sequence[Sequence[str]]) -> Matched:
    gold_enc, pred_enc = encode(gold_tags), encode(pred_tags)
    check_same_shape(gold_enc, pred_enc)
    gold, pred = strict_chunks(gold_enc), strict_chunks(pred_enc)
    longest = int(gold_enc.lengths.max()) if gold_enc.n_docs else 0
    gold_keys, pred_keys = gold.keys(longest), pred.keys(longest)
    return Matched(
        gold=gold,
        pred=pred,
        gold_hit=np.isin(gold_keys, pred_keys, assume_unique=True),
        pred_hit=np.isin(pred_keys, gold_keys, assume_unique=True),
        encoded_gold=gold_enc,
    )


def entity_counts(gold_tags: Sequence[Sequence[str]], pred_tags: Sequence[Sequence[str]]) -> EntityCounts:
    m = match_entities(gold_tags, pred_tags)
    return EntityCounts(tp=int(m.gold_hit.sum()), pred=len(m.pred), gold=len(m.gold))


def entity_f1(gold_tags: Sequence[Sequence[str]], pred_tags: Sequence[Sequence[str]]) -> dict[str, float]:
    """Harness ``entity_f1``: ``{precision, recall, f1}``."""
    c = entity_counts(gold_tags, pred_tags)
    return {"precision": float(c.precision), "recall": float(c.recall), "f1": c.f1}


def entity_f2(gold_tags: Sequence[Sequence[str]], pred_tags: Sequence[Sequence[str]]) -> dict[str, float]:
    """Harness ``entity_f2``: ``{precision, recall, f2}`` with F2 = 5PR/(4P+R)."""
    c = entity_counts(gold_tags, pred_tags)
    return {"precision": float(c.precision), "recall": float(c.recall), "f2": c.f2}


def document_counts(gold_tags: Sequence[Sequence[str]], pred_tags: Sequence[Sequence[str]]) -> np.ndarray:
    """Per-document (TP, #pred, #gold) as an (n_docs, 3) int array, for the document bootstrap."""
    m = match_entities(gold_tags, pred_tags)
    n = m.encoded_gold.n_docs
    out = np.zeros((n, 3), dtype=np.int64)
    if n:
        out[:, 0] = np.bincount(doc_index(m.encoded_gold, m.gold.starts[m.gold_hit]), minlength=n)
        out[:, 1] = np.bincount(doc_index(m.encoded_gold, m.pred.starts), minlength=n)
        out[:, 2] = np.bincount(doc_index(m.encoded_gold, m.gold.starts), minlength=n)
    return out


def kp_entity_per_type(gold_tags: Sequence[Sequence[str]], pred_tags: Sequence[Sequence[str]]) -> dict[str, dict]:
    """kp's own per-type strict breakdown (the harness stores none): for every type present in
    gold or predictions, ``{precision, recall, f1, f2, support, predicted, true_positives}``."""
    m = match_entities(gold_tags, pred_tags)
    tp = np.bincount(m.gold.types[m.gold_hit], minlength=MAX_TYPES)
    pred = np.bincount(m.pred.types, minlength=MAX_TYPES)
    gold = np.bincount(m.gold.types, minlength=MAX_TYPES)
    out: dict[str, dict] = {}
    for tid in sorted(np.flatnonzero((pred + gold) > 0), key=lambda t: TAGS.type_names[t]):
        c = EntityCounts(tp=int(tp[tid]), pred=int(pred[tid]), gold=int(gold[tid]))
        out[TAGS.type_names[tid]] = {
            "precision": float(c.precision),
            "recall": float(c.recall),
            "f1": c.f1,
            "f2": c.f2,
            "support": float(c.gold),
            "predicted": float(c.pred),
            "true_positives": float(c.tp),
        }
    return out


def _overlapping(a: Chunks, b: Chunks) -> np.ndarray:
    """For each chunk of ``a``: does some chunk of ``b`` of the same type share a token with it?
    Chunks of one sequence never overlap, so per type b's ends grow with its starts, and the last
    b-chunk starting before a's end is the only candidate."""
    if len(a) == 0 or len(b) == 0:
        return np.zeros(len(a), dtype=bool)
    span = int(max(a.ends.max(), b.ends.max())) + 1
    b_order = np.lexsort((b.starts, b.types))
    b_start = b.types[b_order] * span + b.starts[b_order]
    b_end = b.types[b_order] * span + b.ends[b_order]
    a_start = a.types * span + a.starts
    a_end = a.types * span + a.ends
    idx = np.searchsorted(b_start, a_end, side="left") - 1
    ok = idx >= 0
    hit = np.zeros(len(a), dtype=bool)
    hit[ok] = b_end[idx[ok]] > a_start[ok]
    return hit


def kp_partial_overlap_f1(gold_tags: Sequence[Sequence[str]], pred_tags: Sequence[Sequence[str]]) -> dict[str, float]:
    """kp's own lenient score: a predicted entity is correct if it shares a token with a gold
    entity of the same type, and a gold entity is found if some predicted entity of its type
    shares a token with it. ``{precision, recall, f1}`` over strict chunks, micro-averaged."""
    m = match_entities(gold_tags, pred_tags)
    pred_ok = int(_overlapping(m.pred, m.gold).sum())
    gold_ok = int(_overlapping(m.gold, m.pred).sum())
    precision = pred_ok / len(m.pred) if len(m.pred) else 0.0
    recall = gold_ok / len(m.gold) if len(m.gold) else 0.0
    return {"precision": float(precision), "recall": float(recall), "f1": f_beta(precision, recall, 1.0)}
