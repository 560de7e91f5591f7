"""Track C (anonymization) metrics, scored on a system's redacted or pseudonymized output:
``redaction_leakage``, ``information_retention``, ``structural_disruption`` and
``pseudonymization_consistency`` (``detection_recall`` is ``entity_f2`` and is added by the runner).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from kp_core.metrics.intervals import leak_rate_bundle
from kp_core.metrics.national_ids import national_id_subjects
from kp_core.metrics.rows import as_rows, token_bounds

MIN_LEAK_FRAGMENT = 4
MASK_WORDS = frozenset({"REDACTED", "MASK", "MASKED", "PII", "ANONYMIZED", "HIDDEN", "REMOVED"})
_BRACKETS = "[](){}<>"
_MASK_FILLERS = frozenset("*#_-xX")
MASK_GLYPH = "█"


def _check_lengths(rows: Sequence[Any], outputs: Sequence[Any], what: str) -> None:
    if len(rows) != len(outputs):
        raise ValueError(f"{len(rows)} gold rows but {len(outputs)} {what}")


def _strip_ws(text: str) -> str:
    return "".join(text.split())


def value_survives(redacted: str, value: str) -> bool:
    """Any length-min(4, len) window of the value (whitespace removed) appears in the redacted text
    (whitespace removed). Partial survival, e.g. an unmasked last 4, counts; so does a coincidence."""
    needle = _strip_ws(value)
    if not needle:
        return False
    hay = _strip_ws(redacted)
    k = min(MIN_LEAK_FRAGMENT, len(needle))
    return any(needle[i : i + k] in hay for i in range(len(needle) - k + 1))


def redaction_leakage(rows: Sequence[Any], redacted: Sequence[str]) -> dict[str, float]:
    """Decode-bearing national-ID subjects from gold; a subject leaks iff its value survives in the
    redacted document. The detector is never re-run on the output."""
    rows = as_rows(rows)
    _check_lengths(rows, redacted, "redacted texts")
    subjects = [s for s in national_id_subjects(rows, None) if s.decode_bearing]
    leaked = [s for s in subjects if value_survives(redacted[s.doc], s.value)]
    return {
        "subjects_total": float(len(subjects)),
        "subjects_leaked": float(len(leaked)),
        **leak_rate_bundle(len(leaked), len(subjects)),
        "leaked_quasi_identifiers": float(sum(len(s.quasi_identifiers) for s in leaked)),
    }


def _non_pii_tokens(row: Mapping[str, Any]) -> list[str]:
    text = row["text"]
    starts, ends = token_bounds(text)
    spans = sorted((s["start"], s["end"]) for s in row.get("spans") or ())
    out = []
    for start, end in zip(starts, ends, strict=True):
        if not any(s < end and e > start for s, e in spans):
            out.append(text[start:end])
    return out


def information_retention(rows: Sequence[Any], redacted: Sequence[str]) -> dict[str, float]:
    """Share of gold non-PII whitespace tokens whose exact string is still among the output's
    tokens (each output token used once), pooled over documents; 1.0 when there are none."""
    rows = as_rows(rows)
    _check_lengths(rows, redacted, "redacted texts")
    total = retained = 0
    for row, out in zip(rows, redacted, strict=True):
        available = Counter(out.split())
        for token in _non_pii_tokens(row):
            total += 1
            if available[token] > 0:
                available[token] -= 1
                retained += 1
    return {
        "information_retention": float(retained / total) if total else 1.0,
        "non_pii_tokens": float(total),
        "non_pii_tokens_retained": float(retained),
        "is_proxy": 1.0,
    }


def is_mask_token(token: str) -> bool:
    core = token.strip(_BRACKETS)
    if not core:
        return False
    if core.upper() in MASK_WORDS:
        return True
    if set(core) == {MASK_GLYPH}:
        return True
    return len(core) >= 2 and set(core) <= _MASK_FILLERS


def structural_disruption(rows: Sequence[Any], redacted: Sequence[str]) -> dict[str, float]:
    """Mask-token ratio (pooled) and mean relative token-count change per document. A mask glued
    to punctuation ("█,") is not a mask token."""
    rows = as_rows(rows)
    _check_lengths(rows, redacted, "redacted texts")
    mask_tokens = output_tokens = 0
    deltas = []
    for row, out in zip(rows, redacted, strict=True):
        tokens = out.split()
        n_in = len(token_bounds(row["text"])[0])
        output_tokens += len(tokens)
        mask_tokens += sum(is_mask_token(t) for t in tokens)
        deltas.append(abs(len(tokens) - n_in) / max(n_in, 1))
    return {
        "mask_token_ratio": float(mask_tokens / output_tokens) if output_tokens else 0.0,
        "length_delta_ratio": float(sum(deltas) / len(deltas)) if deltas else 0.0,
        "mask_tokens": float(mask_tokens),
        "output_tokens": float(output_tokens),
        "is_proxy": 1.0,
    }


def _good_entities(maps: Sequence[Mapping[str, str]]) -> tuple[int, int]:
    forward: dict[str, set[str]] = {}
    backward: dict[str, set[str]] = {}
    for mapping in maps:
        for source, surrogate in mapping.items():
            entity = _strip_ws(source)
            forward.setdefault(entity, set()).add(surrogate)
            backward.setdefault(surrogate, set()).add(entity)
    good = sum(
        1
        for entity, surrogates in forward.items()
        if len(surrogates) == 1 and len(backward[next(iter(surrogates))]) == 1
    )
    return good, len(forward)


def pseudonymization_consistency(rows: Sequence[Any], maps: Sequence[Mapping[str, str]]) -> dict[str, float]:
    """Bijection rates of {source value → surrogate} maps: in-document (pooled over documents) and
    across the corpus. 1.0 when there are no entities."""
    _check_lengths(rows, maps, "surrogate maps")
    in_good = in_total = 0
    for mapping in maps:
        good, total = _good_entities([mapping])
        in_good += good
        in_total += total
    cross_good, cross_total = _good_entities(maps)
    return {
        "in_doc_bijection_rate": float(in_good / in_total) if in_total else 1.0,
        "in_doc_entities": float(in_total),
        "cross_doc_bijection_rate": float(cross_good / cross_total) if cross_total else 1.0,
        "cross_doc_entities": float(cross_total),
    }
