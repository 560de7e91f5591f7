"""``national_id_leakage`` (and its ``cnp_leakage`` alias): re-identification leak through missed
national IDs, per distinct subject, with the per-subject dump used for McNemar.

Subjects: every gold span, whatever its label, whose text validates for its country
(``span.country`` → ``row.country`` → RO). Key ``(doc, country, span text stripped)``, so repeats
inside a document are one subject. A subject leaks iff any occurrence has no non-O token over it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import attrs

from kp_core.metrics.intervals import leak_rate_bundle
from kp_core.metrics.rows import span_country, span_text, subject_outcomes

log = logging.getLogger(__name__)


@attrs.frozen(slots=True)
class IdSubject:
    doc: int
    country: str
    value: str
    decode_bearing: bool
    quasi_identifiers: tuple[str, ...]
    detected: bool
    parsed: Any = attrs.field(eq=False, repr=False)

    @property
    def leaked(self) -> bool:
        return not self.detected


@lru_cache(maxsize=65536)
def _parse(raw: str, country: str) -> Any:
    from kp_core.identifiers.national_id import parse_national_id

    return parse_national_id(raw, country)


@lru_cache(maxsize=1)
def _supported() -> frozenset[str]:
    from kp_core.identifiers.national_id import supported_countries

    return frozenset(c.upper() for c in supported_countries())


def national_id_subjects(
    rows: Sequence[Any],
    pred_tags: Sequence[Sequence[str]] | None,
    *,
    forced_country: str | None = None,
    labels: frozenset[str] | None = None,
) -> list[IdSubject]:
    """Distinct valid national-ID subjects with their detection outcome, sorted by (doc, country,
    value). ``labels`` restricts which gold spans are tried (None = every span, the harness rule).
    With ``pred_tags=None`` only the gold subjects are collected (``detected`` is then False)."""
    supported = _supported()
    unsupported: dict[str, int] = {}

    def key(row: Mapping[str, Any], span: Mapping[str, Any]) -> tuple[str, str] | None:
        if labels is not None and span["label"] not in labels:
            return None
        country = span_country(row, span, forced_country)
        if country not in supported:
            unsupported[country] = unsupported.get(country, 0) + 1
            return None
        raw = span_text(row, span)
        return None if _parse(raw, country) is None else (country, raw.strip())

    found = subject_outcomes(rows, pred_tags, key)
    if unsupported:
        # Not an error: the harness has no validator for these countries either, so no span of
        # theirs can be a subject. Said once, with counts only.
        log.warning(
            "national-ID leakage: no validator for %s; their spans cannot be subjects",
            ", ".join(f"{c} ({n} spans)" for c, n in sorted(unsupported.items())),
        )
    subjects = []
    for (doc, country, value), detected in sorted(found.items()):  # type: ignore[misc]
        parsed = _parse(value, country)  # the validators ignore surrounding whitespace
        subjects.append(
            IdSubject(
                doc=doc,
                country=country,
                value=value,
                decode_bearing=bool(parsed.decode_bearing),
                quasi_identifiers=tuple(parsed.quasi_identifiers),
                detected=detected,
                parsed=parsed,
            )
        )
    return subjects


def summarize_id_subjects(subjects: Sequence[IdSubject]) -> dict[str, float]:
    """The §3.4 output keys from a list of subjects."""
    decode = [s for s in subjects if s.decode_bearing]
    coverage = [s for s in subjects if not s.decode_bearing]
    total = len(decode)
    detected = sum(s.detected for s in decode)
    missed = total - detected
    cov_total = len(coverage)
    cov_detected = sum(s.detected for s in coverage)
    out: dict[str, float] = {
        "decode_bearing_total": float(total),
        "decode_bearing_detected": float(detected),
        "decode_bearing_missed": float(missed),
        **leak_rate_bundle(missed, total),
        "detection_rate": float(detected / total) if total else 0.0,
        "leaked_quasi_identifiers": float(sum(len(s.quasi_identifiers) for s in decode if s.leaked)),
        "coverage_only_total": float(cov_total),
        "coverage_only_detected": float(cov_detected),
        "coverage_only_detection_rate": float(cov_detected / cov_total) if cov_total else 0.0,
    }
    per_country: dict[str, list[int]] = {}
    for s in subjects:
        counts = per_country.setdefault(s.country, [0, 0])
        counts[0] += 1
        counts[1] += s.detected
    for country in sorted(per_country):
        out[f"{country.lower()}_total"] = float(per_country[country][0])
        out[f"{country.lower()}_detected"] = float(per_country[country][1])
    return out


def national_id_leakage(rows: Sequence[Any], pred_tags: Sequence[Sequence[str]]) -> dict[str, float]:
    """Harness ``national_id_leakage`` (§3.4)."""
    return summarize_id_subjects(national_id_subjects(rows, pred_tags))


def cnp_leakage(rows: Sequence[Any], pred_tags: Sequence[Sequence[str]]) -> dict[str, float]:
    """Harness ``cnp_leakage``: every row and span forced to RO, keys renamed to the CNP names."""
    subjects = [s for s in national_id_subjects(rows, pred_tags, forced_country="RO") if s.decode_bearing]
    total = len(subjects)
    detected = sum(s.detected for s in subjects)
    missed = total - detected
    return {
        "cnp_total": float(total),
        "cnp_detected": float(detected),
        "cnp_missed": float(missed),
        **leak_rate_bundle(missed, total),
        "detection_rate": float(detected / total) if total else 0.0,
        "leaked_quasi_identifiers": float(sum(len(s.quasi_identifiers) for s in subjects if s.leaked)),
    }


def national_id_subject_detection(rows: Sequence[Any], pred_tags: Sequence[Sequence[str]]) -> list[dict[str, Any]]:
    """Per-subject dump ``{doc, country, value, decode_bearing, detected}`` sorted by (doc, country,
    value); ``detected=False`` means leaked. Used for McNemar between two systems."""
    return [
        {
            "doc": s.doc,
            "country": s.country,
            "value": s.value,
            "decode_bearing": s.decode_bearing,
            "detected": s.detected,
        }
        for s in national_id_subjects(rows, pred_tags)
    ]
