"""``k_anonymity_violation``: in-sample distinctiveness of quasi-identifier tuples (exploratory).

Two sources of tuples, as in the harness:
1. Pre-tagged gold: a row-level dict ``qi_tuple`` or ``quasi_identifiers`` (one subject per row),
   else span-level dicts ``qi`` (one subject per span).
2. Residual tuples derived from the predictions, for RO only: per distinct valid CNP in a
   ``NATIONAL_ID`` span of a document, the CNP-borne QIs (``dob_band``, ``sex``, ``nuts2``) count
   only if some occurrence of that CNP survived untagged; ``rare_condition`` is added when some
   ``HEALTH_CONDITION`` span of the document survived.
Otherwise the metric reports ``available: false`` with a reason; it never invents values.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from kp_core.metrics.ro_nuts2 import nuts2_for_county_code
from kp_core.metrics.rows import DEFAULT_COUNTRY, as_rows, check_tag_count, span_detected

LABEL = "sample distinctiveness (in-sample k-anonymity), not population re-identification"


def _hashable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _pretagged_tuples(rows: Sequence[Mapping[str, Any]]) -> list[dict] | None:
    def row_tuple(row: Mapping[str, Any]) -> dict | None:
        for key in ("qi_tuple", "quasi_identifiers"):
            if isinstance(row.get(key), dict):
                return row[key]
        return None

    tagged = any(
        row_tuple(r) is not None or any(isinstance(s.get("qi"), dict) for s in r.get("spans") or ()) for r in rows
    )
    if not tagged:
        return None
    tuples: list[dict] = []
    for row in rows:
        t = row_tuple(row)
        if t is not None:
            tuples.append(dict(t))
        else:
            tuples.extend(dict(s["qi"]) for s in row.get("spans") or () if isinstance(s.get("qi"), dict))
    return tuples


def dob_band(year: int) -> str:
    """Five-year band anchored on multiples of 5, inclusive: 1987 → "1985-1989"."""
    start = year - year % 5
    return f"{start}-{start + 4}"


def residual_qi_tuples_ro(rows: Sequence[Mapping[str, Any]], pred_tags: Sequence[Sequence[str]]) -> list[dict]:
    """Per-CNP residual tuples after redaction (harness case 2)."""
    from kp_core.identifiers.national_id import parse_national_id

    tuples: list[dict] = []
    for doc, (row, tags) in enumerate(zip(rows, pred_tags, strict=True)):
        text = row["text"]
        check_tag_count(doc, text, tags)
        cnps: dict[str, list] = {}
        condition_survived = False
        for span in row.get("spans") or ():
            survived = not span_detected(text, span["start"], span["end"], tags)
            if span["label"] == "HEALTH_CONDITION":
                condition_survived = condition_survived or survived
            elif span["label"] == "NATIONAL_ID":
                raw = text[span["start"] : span["end"]]
                parsed = parse_national_id(raw, "RO")
                if parsed is None:
                    continue
                entry = cnps.setdefault(raw.strip(), [parsed, False])
                entry[1] = entry[1] or survived
        for _, (parsed, survived) in sorted(cnps.items()):
            qi: dict[str, Any] = {}
            if survived:
                if parsed.birth_date is not None and not getattr(parsed, "century_inferred", False):
                    qi["dob_band"] = dob_band(parsed.birth_date.year)
                if parsed.sex:
                    qi["sex"] = parsed.sex
                region = nuts2_for_county_code(parsed.place) if getattr(parsed, "place", None) else None
                if region:
                    qi["nuts2"] = region
            if condition_survived:
                qi["rare_condition"] = True
            if qi:
                tuples.append(qi)
    return tuples


def k_anonymity_from_tuples(tuples: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    classes = Counter(tuple(sorted((k, _hashable(v)) for k, v in t.items())) for t in tuples if t)
    n = sum(classes.values())
    if n == 0:
        return {"available": False, "reason": "no quasi-identifier tuple could be formed", "label": LABEL}
    histogram = Counter(classes.values())
    return {
        "available": True,
        "label": LABEL,
        "equivalence_class_size_histogram": {str(size): float(histogram[size]) for size in sorted(histogram)},
        "n_subjects": float(n),
        "n_equivalence_classes": float(len(classes)),
        "k1_violation_rate": float(sum(size for size in classes.values() if size == 1) / n),
        "klt5_violation_rate": float(sum(size for size in classes.values() if size < 5) / n),
    }


def k_anonymity_violation(rows: Sequence[Any], pred_tags: Sequence[Sequence[str]] | None = None) -> dict[str, Any]:
    rows = as_rows(rows)
    tuples = _pretagged_tuples(rows)
    if tuples is None:
        if pred_tags is None:
            return {
                "available": False,
                "reason": "rows carry no pre-tagged quasi-identifier tuples and no predictions were given",
                "label": LABEL,
            }
        if len(rows) != len(pred_tags):
            raise ValueError(f"{len(rows)} gold rows but {len(pred_tags)} predicted tag sequences")
        country = str((rows[0].get("country") if rows else None) or DEFAULT_COUNTRY).upper()
        if country != "RO":
            return {
                "available": False,
                "reason": f"residual quasi-identifier tuples are derived only for RO CNPs; rows are {country}",
                "label": LABEL,
            }
        tuples = residual_qi_tuples_ro(rows, pred_tags)
    return k_anonymity_from_tuples(tuples)
