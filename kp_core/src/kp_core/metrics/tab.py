"""``tab_reid_leakage``: DIRECT/QUASI re-identification leak on TAB-style gold (spans carrying
``entity_id`` and ``identifier_type``). Coreference chains collapse: the subject key is
``(doc, str(entity_id), identifier_type)`` and a subject leaks iff any mention goes undetected.
This is not TAB's own evaluation (single annotator, binary per-subject leak)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kp_core.metrics.intervals import leak_rate_bundle
from kp_core.metrics.rows import subject_outcomes

IDENTIFIER_TYPES = ("DIRECT", "QUASI")


def _span_field(span: Any, key: str) -> Any:
    value = span.get(key)
    if value is None and isinstance(span.get("extra"), dict):
        value = span["extra"].get(key)
    return value


def _tab_key(row: Mapping[str, Any], span: Mapping[str, Any]) -> tuple[str, str] | None:
    entity_id = _span_field(span, "entity_id")
    id_type = _span_field(span, "identifier_type")
    if entity_id is None or id_type is None or str(id_type).upper() not in IDENTIFIER_TYPES:
        return None
    return str(entity_id), str(id_type).upper()


def tab_subjects(rows: Sequence[Any], pred_tags: Sequence[Sequence[str]]) -> dict[tuple[int, str, str], bool]:
    """(doc, entity_id, DIRECT|QUASI) → detected, in key order."""
    return dict(sorted(subject_outcomes(rows, pred_tags, _tab_key).items()))  # type: ignore[arg-type]


def tab_reid_leakage(rows: Sequence[Any], pred_tags: Sequence[Sequence[str]]) -> dict[str, float]:
    """``{all,direct,quasi}_subjects_total/_subjects_leaked/_leak_rate/_leak_rate_ci_low/_high``."""
    subjects = tab_subjects(rows, pred_tags)
    out: dict[str, float] = {}
    for group, wanted in (("all", IDENTIFIER_TYPES), ("direct", ("DIRECT",)), ("quasi", ("QUASI",))):
        outcomes = [detected for (_, _, kind), detected in subjects.items() if kind in wanted]
        total = len(outcomes)
        leaked = total - sum(outcomes)
        out[f"{group}_subjects_total"] = float(total)
        out[f"{group}_subjects_leaked"] = float(leaked)
        out.update(leak_rate_bundle(leaked, total, prefix=f"{group}_"))
    return out


def tab_reid_subject_detection(rows: Sequence[Any], pred_tags: Sequence[Sequence[str]]) -> list[dict[str, Any]]:
    """Per-subject ``{doc, entity_id, identifier_type, detected}`` for paired tests."""
    return [
        {"doc": doc, "entity_id": entity_id, "identifier_type": kind, "detected": detected}
        for (doc, entity_id, kind), detected in tab_subjects(rows, pred_tags).items()
    ]
