"""Head-to-head statistics of systems on one slice: each system's strict scores through kp's one
scoring path, its per-unit detection outcomes, and for a pair the exact McNemar test and the
paired document bootstrap of the strict-F1 difference.

The McNemar unit is the contract's *subject* (EuroPriv-Bench §3.2, §3.10), generalised from
national IDs to every gold type: a distinct ``(document, KP type, value with whitespace
collapsed)``, detected iff every occurrence has a non-O token over it after the fairness mask,
whatever its type (the harness's leak rule). ``entity`` is the alternative: each strict gold
entity, found iff a predicted entity has its type and token boundaries (F1's own unit).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import attrs
import numpy as np

from kp_core.evaluation.runner import score_spec, tags_for_scoring
from kp_core.evaluation.spec import EvalSpec
from kp_core.metrics.significance import (
    McNemar,
    PairedF1Bootstrap,
    mcnemar_from_outcomes,
    paired_bootstrap_f1,
)
from kp_core.types import Span

Unit = Literal["subject", "entity"]
UNITS: tuple[Unit, ...] = ("subject", "entity")


@attrs.frozen(eq=False)
class SystemScore:
    """One system on one slice: its result row and what the paired statistics read."""

    name: str
    result: dict[str, Any]  # the result row of score_spec, as kp evaluate writes it
    doc_counts: np.ndarray  # (n_docs, 3): TP, #pred, #gold per document
    outcomes: dict[Unit, list[bool]]  # per unit, in one order shared by every system of the slice

    @property
    def f1(self) -> float:
        return float(self.result["scores"]["entity_f1"]["f1"])


def _subject_key(row: Mapping[str, Any], span: Mapping[str, Any]) -> tuple[str, str]:
    return str(span["label"]), " ".join(row["text"][span["start"] : span["end"]].split())


def masked_tags(rows: Sequence[Mapping[str, Any]], spans: Sequence[Sequence[Span]]) -> tuple[list, list]:
    """Gold tags and fairness-masked predicted tags, exactly as :func:`score_spec` scores them."""
    tags = tags_for_scoring(rows, spans)
    return tags.gold, tags.masked


def score_system(
    spec: EvalSpec, rows: Sequence[Mapping[str, Any]], spans: Sequence[Sequence[Span]], *, name: str, model_id: str
) -> SystemScore:
    """Score one system's spans (one list per row) on a slice."""
    from kp_core.metrics.detection import document_counts, match_entities
    from kp_core.metrics.rows import subject_outcomes

    result = score_spec(spec, rows, spans, adapter=name, model_id=model_id)
    gold, masked = masked_tags(rows, spans)
    subjects = subject_outcomes(rows, masked, _subject_key)
    outcomes: dict[Unit, list[bool]] = {
        "subject": list(subjects.values()),  # gold order: the same keys, in the same order, for every system
        "entity": [bool(x) for x in match_entities(gold, masked).gold_hit],
    }
    return SystemScore(name=name, result=result, doc_counts=document_counts(gold, masked), outcomes=outcomes)


@attrs.frozen(eq=False)
class PairStats:
    """A against B on one slice."""

    a: str
    b: str
    f1_a: float
    f1_b: float
    unit: Unit
    units: int
    mcnemar: McNemar
    bootstrap: PairedF1Bootstrap


def compare_systems(a: SystemScore, b: SystemScore, *, unit: Unit, indices: np.ndarray, seed: int) -> PairStats:
    """McNemar on the paired outcomes (b = A detected, B missed) and the paired bootstrap of
    F1(A) − F1(B) over the slice's shared document resamples ``indices``."""
    a_out, b_out = a.outcomes[unit], b.outcomes[unit]
    return PairStats(
        a=a.name,
        b=b.name,
        f1_a=a.f1,
        f1_b=b.f1,
        unit=unit,
        units=len(a_out),
        mcnemar=mcnemar_from_outcomes(a_out, b_out),
        bootstrap=paired_bootstrap_f1(a.doc_counts, b.doc_counts, indices=indices, seed=seed),
    )
