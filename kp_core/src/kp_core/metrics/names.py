"""``name_in_context_leakage``: the PERSON-name channel beside the national-ID anchor.

Subjects are gold PERSON spans keyed ``(doc, country, name with whitespace collapsed)``; a subject
leaks iff any occurrence goes undetected. The per-document 2×2 cross-tab counts only documents with
at least one decode-bearing ID subject and at least one PERSON subject. Not a re-identification
rate: it says whether names survive, not whether anyone is re-identified.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kp_core.metrics.intervals import leak_rate_bundle
from kp_core.metrics.national_ids import national_id_subjects
from kp_core.metrics.rows import span_country, span_text, subject_outcomes


def _name_key(row: Mapping[str, Any], span: Mapping[str, Any]) -> tuple[str, str] | None:
    if span["label"] != "PERSON":
        return None
    return span_country(row, span), " ".join(span_text(row, span).split())


def name_subjects(rows: Sequence[Any], pred_tags: Sequence[Sequence[str]]) -> dict[tuple[int, str, str], bool]:
    """(doc, country, name with whitespace collapsed) → detected."""
    return subject_outcomes(rows, pred_tags, _name_key)  # type: ignore[return-value]


def name_in_context_leakage(rows: Sequence[Any], pred_tags: Sequence[Sequence[str]]) -> dict[str, float]:
    names = name_subjects(rows, pred_tags)
    total = len(names)
    leaked = sum(not d for d in names.values())
    bundle = leak_rate_bundle(leaked, total, prefix="name_")
    out: dict[str, float] = {"name_subjects_total": float(total), "name_subjects_leaked": float(leaked), **bundle}

    id_leak_by_doc: dict[int, bool] = {}
    for s in national_id_subjects(rows, pred_tags):
        if s.decode_bearing:
            id_leak_by_doc[s.doc] = id_leak_by_doc.get(s.doc, False) or s.leaked
    name_leak_by_doc: dict[int, bool] = {}
    for (doc, _, _), detected in names.items():
        name_leak_by_doc[doc] = name_leak_by_doc.get(doc, False) or not detected
    both = id_only = name_only = neither = 0
    docs = sorted(set(id_leak_by_doc) & set(name_leak_by_doc))
    for doc in docs:
        id_leaked, name_leaked = id_leak_by_doc[doc], name_leak_by_doc[doc]
        if id_leaked and name_leaked:
            both += 1
        elif id_leaked:
            id_only += 1
        elif name_leaked:
            name_only += 1
        else:
            neither += 1
    out.update(
        {
            "xtab_docs": float(len(docs)),
            "xtab_both_leaked": float(both),
            "xtab_id_only_leaked": float(id_only),
            "xtab_name_only_leaked": float(name_only),
            "xtab_neither_leaked": float(neither),
        }
    )
    return out
