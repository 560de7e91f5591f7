"""Scoring one spec: gold rows + a system's spans → a EuroPriv-Bench result row.

The flow is the harness's: the first ``limit`` rows; gold through the strict grid path (and
validated); predictions through the tolerant path; ``eval_labels`` from the gold; the fairness
mask; then every metric of the spec, in its order (plus ``detection_recall`` for Track C).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from kp_core.detector import Detector
from kp_core.encoding.grid import GoldAlignmentError, gold_bioes, predicted_bioes, validate_bioes
from kp_core.errors import KpError
from kp_core.evaluation.redaction import redacted_texts, surrogate_maps
from kp_core.evaluation.results import result_row
from kp_core.evaluation.spec import SCORED_TASKS, EvalSpec, Task
from kp_core.metrics import (
    ALL_METRICS,
    ANON_MAP_METRICS,
    ANON_METRICS,
    ID_LEAK_METRICS,
    ROW_METRICS,
    TAG_METRICS,
    UNIMPLEMENTED_IN_HARNESS,
    entity_f2,
    fairness_mask,
    national_id_subject_detection,
    tab_reid_subject_detection,
    tag_types,
)
from kp_core.metrics.rows import grid_tokens
from kp_core.types import Span

BATCH_SIZE = 32


class UnsupportedTaskError(KpError, ValueError):
    """A spec task EuroPriv-Bench 0.2.0 defines but does not score (classification, leakage)."""


class UnknownMetricError(KpError, KeyError):
    """A metric key no scorer knows."""

    def __str__(self) -> str:  # KeyError quotes its message; we want plain text
        return str(self.args[0])


class GoldRowError(KpError, ValueError):
    """A gold row the strict grid path refuses; the message names the row, offsets and types."""


def check_spec(spec: EvalSpec) -> None:
    """Refuse a spec before any work: unknown metric keys (UnknownMetricError, a KeyError), unscored tasks, metrics the
    harness cannot compute, and Track C metrics on a detection spec."""
    unknown = [m for m in spec.metrics if m not in ALL_METRICS and m not in UNIMPLEMENTED_IN_HARNESS]
    if unknown:
        raise UnknownMetricError(
            f"spec {spec.name!r}: unknown metric key(s) {', '.join(unknown)}; known: {', '.join(sorted(ALL_METRICS))}"
        )
    if spec.task not in SCORED_TASKS:
        raise UnsupportedTaskError(
            f"spec {spec.name!r}: task {spec.task.value!r} is not scored by EuroPriv-Bench 0.2.0 (only detection and anonymization)"
        )
    refused = [m for m in spec.metrics if m in UNIMPLEMENTED_IN_HARNESS]
    if refused:
        raise UnsupportedTaskError(
            f"spec {spec.name!r}: metric(s) {', '.join(refused)} are defined by EuroPriv-Bench 0.2.0 but not implemented there"
        )
    anon = [m for m in spec.metrics if m in ANON_METRICS or m in ANON_MAP_METRICS]
    if anon and spec.task is not Task.ANONYMIZATION:
        raise UnsupportedTaskError(f"spec {spec.name!r}: {', '.join(anon)} need task 'anonymization' (redacted output)")


class _GoldSpan(NamedTuple):
    # What gold_bioes reads; unknown labels are caught by validate_bioes right after.
    start: int
    end: int
    label: str


def gold_tags_of(rows: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """Strict gold path for every row; errors name the row, offsets and types, never text."""
    out = []
    for i, row in enumerate(rows):
        try:
            spans = [_GoldSpan(int(s["start"]), int(s["end"]), str(s["label"])) for s in row.get("spans") or ()]
            for span in spans:
                if span.start < 0 or span.end <= span.start or span.end > len(row["text"]):
                    raise ValueError(f"span {span.start}:{span.end} ({span.label}) is not inside the text")
            tags = gold_bioes(row["text"], spans)
            validate_bioes(tags)
        except (GoldAlignmentError, ValueError, KeyError, TypeError) as exc:
            raise GoldRowError(f"gold row {i}: {exc}") from None
        out.append(tags)
    return out


def predict(
    detector: Detector,
    texts: Sequence[str],
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> list[list[Span]]:
    out: list[list[Span]] = []
    for start in range(0, len(texts), batch_size):
        batch = list(texts[start : start + batch_size])
        found = detector.predict_spans(batch)
        if len(found) != len(batch):
            raise ValueError(f"detector {detector.name!r} returned {len(found)} span lists for {len(batch)} texts")
        out.extend(list(s) for s in found)
        if progress is not None:
            progress(len(batch))
    return out


@attrs.frozen
class SlicedTags:
    """The tags every metric reads: gold (strict), predictions on the same whitespace grid
    (tolerant), those fairness-masked to the types the gold annotates, and those types."""

    gold: list[list[str]]
    pred: list[list[str]]
    masked: list[list[str]]
    eval_labels: list[str]


def tags_for_scoring(rows: Sequence[Mapping[str, Any]], pred_spans: Sequence[Sequence[Span]]) -> SlicedTags:
    gold = gold_tags_of(rows)
    pred = [
        predicted_bioes(row["text"], spans, tokens=grid_tokens(row["text"]))
        for row, spans in zip(rows, pred_spans, strict=True)
    ]
    eval_labels = sorted(tag_types(gold))
    return SlicedTags(gold, pred, fairness_mask(pred, eval_labels), eval_labels)


def score_spec(
    spec: EvalSpec,
    rows: Sequence[Mapping[str, Any]],
    pred_spans: Sequence[Sequence[Span]],
    *,
    adapter: str,
    model_id: str,
    limit: int | None = None,
    timestamp: str | None = None,
    dumps: list | None = None,
    system: Any = None,
) -> dict[str, Any]:
    """Score predicted spans (one list per row, already limited) against gold rows."""
    check_spec(spec)
    rows = list(rows)
    if len(pred_spans) != len(rows):
        raise ValueError(f"{len(pred_spans)} predicted span lists for {len(rows)} gold rows")
    texts = [r["text"] for r in rows]
    tags = tags_for_scoring(rows, pred_spans)
    gold, pred, masked, eval_labels = tags.gold, tags.pred, tags.masked, tags.eval_labels

    scores: dict[str, Any] = {}
    redacted = maps = None
    for key in spec.metrics:
        if key in TAG_METRICS:
            scores[key] = TAG_METRICS[key](gold, masked)
        elif key in ROW_METRICS:
            scores[key] = ROW_METRICS[key](rows, masked)
        elif key in ANON_METRICS:
            if redacted is None:
                redacted = redacted_texts(system, texts, pred_spans)
            scores[key] = ANON_METRICS[key](rows, redacted)
        else:
            if maps is None:
                maps = surrogate_maps(system, texts, pred)
            scores[key] = ANON_MAP_METRICS[key](rows, maps)
    if spec.task is Task.ANONYMIZATION:
        scores["detection_recall"] = entity_f2(gold, masked)

    if dumps is not None:
        entry = {
            "adapter": adapter,
            "model_id": model_id,
            "spec": spec.name,
            "dataset": spec.dataset.to_json(),
            "n": len(rows),
            "limit": limit,
        }
        if ID_LEAK_METRICS & set(spec.metrics):
            dumps.append({**entry, "subjects": national_id_subject_detection(rows, masked)})
        if "tab_reid_leakage" in spec.metrics:
            dumps.append({**entry, "tab_subjects": tab_reid_subject_detection(rows, masked)})

    return result_row(
        spec,
        adapter=adapter,
        model_id=model_id,
        n=len(rows),
        limit=limit,
        eval_labels=eval_labels,
        scores=scores,
        timestamp=timestamp,
    )


def run_spec(
    spec: EvalSpec,
    detector: Detector,
    rows: Sequence[Mapping[str, Any]],
    *,
    limit: int | None = None,
    timestamp: str | None = None,
    dumps: list | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Run ``detector`` on the first ``limit`` rows and score it (the built-in evaluator)."""
    check_spec(spec)
    rows = list(rows)[:limit] if limit is not None else list(rows)
    gold_tags_of(rows)  # malformed gold fails before the (possibly slow) model runs
    spans = predict(detector, [r["text"] for r in rows], progress=progress)
    return score_spec(
        spec,
        rows,
        spans,
        adapter=detector.name,
        model_id=detector.model_id,
        limit=limit,
        timestamp=timestamp,
        dumps=dumps,
        system=detector,
    )
