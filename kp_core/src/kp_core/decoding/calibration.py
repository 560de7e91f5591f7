"""Operating-point calibration: search the six transition biases on a dev set.

Like openai/privacy-filter's ``viterbi_calibration.json``, an operating point is found by
coordinate descent: one bias at a time moves over a ladder of steps, a move is kept when the
objective strictly improves, and rounds repeat until none does. The model runs once: per-document
log-probabilities are cached and only the (fast, batched) Viterbi decode is repeated per
candidate, so this works for any family that exposes log-probabilities (:class:`LogprobSource`),
with no framework import here.

Objectives (strict entity metrics on the whitespace grid, with the harness's fairness mask):

- ``f1``: maximise F1.
- ``recall@precision``: maximise recall among points whose precision is at least the floor; while
  no point reaches the floor, maximise precision. A point that predicts nothing counts as precise
  (it makes no false positive), so a floor no point can meet keeps the detector quiet.
- ``leak``: minimise the leak rate (gold spans with no predicted tag on any of their tokens, the
  harness's detection rule) among points at or above the precision floor; same fallback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import attrs
import numpy as np

from kp_core.decoding import BioesSpace, OperatingPoint, decode_spans_batch
from kp_core.encoding.grid import GoldAlignmentError, gold_bioes, predicted_bioes
from kp_core.errors import KpError
from kp_core.metrics.detection import entity_counts
from kp_core.metrics.rows import span_detected
from kp_core.metrics.tags import fairness_mask, tag_types
from kp_core.types import Example

OBJECTIVES = ("f1", "recall@precision", "leak")
OPERATING_POINT_JSON = "operating_point.json"  # read back by the detectors when they load a folder
CALIBRATION_JSON = "calibration.json"  # how the point was found (objective, before/after, steps)
DEFAULT_STEPS = (-4.0, -2.0, -1.0, -0.5, -0.25, 0.25, 0.5, 1.0, 2.0, 4.0)
BIASES = tuple(f.name for f in attrs.fields(OperatingPoint))


class CalibrationError(KpError, ValueError):
    """Calibration that cannot run (model without log-probabilities, no scorable dev rows)."""


class DocumentLogprobs(Protocol):
    offsets: np.ndarray  # (T, 2) character offsets over the whole text
    logprobs: np.ndarray  # (T, L) log-probabilities in the source's label space
    decode_mask: np.ndarray | None  # (T,) positions that carry labels, or None for all


@runtime_checkable
class LogprobSource(Protocol):
    """A detector that can hand out what it decodes: per-document log-probabilities.

    ``space`` names the columns; a source whose types are not KP types sets ``crosswalk`` to the
    scheme that maps them (optional attribute, default None). ``operating_point`` (optional) is the
    point it decodes with now, the start of the search.
    """

    space: BioesSpace

    def score_documents(self, texts: Sequence[str]) -> Sequence[DocumentLogprobs]: ...


@attrs.frozen(kw_only=True)
class PointScore:
    precision: float
    recall: float
    f1: float
    leak_rate: float
    predicted: int
    gold: int

    def to_json(self) -> dict[str, float]:
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class CalibrationResult:
    operating_point: OperatingPoint
    objective: str
    precision_floor: float
    before: PointScore
    after: PointScore
    evaluations: int
    rounds: int
    documents: int
    unscorable_documents: int

    def to_json(self) -> dict[str, Any]:
        return {
            "objective": self.objective,
            "precision_floor": self.precision_floor,
            "operating_point": self.operating_point.to_json(),
            "before": self.before.to_json(),
            "after": self.after.to_json(),
            "evaluations": self.evaluations,
            "rounds": self.rounds,
            "documents": self.documents,
            "unscorable_documents": self.unscorable_documents,
        }


class DevSet:
    """Cached log-probabilities and gold tags of the scorable dev documents."""

    def __init__(self, source: LogprobSource, examples: Sequence[Example]) -> None:
        if not isinstance(source, LogprobSource):
            raise CalibrationError(
                f"{type(source).__name__} does not expose log-probabilities (needs .space and .score_documents)"
            )
        self.space = source.space
        self.crosswalk: str | None = getattr(source, "crosswalk", None)
        kept: list[Example] = []
        gold: list[list[str]] = []
        self.unscorable = 0
        for example in examples:
            try:
                gold.append(gold_bioes(example.text, example.spans))
            except GoldAlignmentError:
                self.unscorable += 1  # two gold spans in one whitespace token: the harness cannot score it
                continue
            kept.append(example)
        if not kept:
            raise CalibrationError("no dev document can be scored on the whitespace grid")
        self.examples = kept
        self.gold = gold
        self.eval_types = tag_types(gold)
        self.scores = list(source.score_documents([ex.text for ex in kept]))

    def evaluate(self, point: OperatingPoint) -> PointScore:
        texts = [ex.text for ex in self.examples]
        spans = decode_spans_batch(
            texts,
            [s.offsets for s in self.scores],
            [s.logprobs for s in self.scores],
            decode_masks=[s.decode_mask for s in self.scores],
            operating_point=point,
            space=self.space,
            scheme=self.crosswalk,
        )
        pred = fairness_mask([predicted_bioes(t, doc) for t, doc in zip(texts, spans, strict=True)], self.eval_types)
        counts = entity_counts(self.gold, pred)
        total = missed = 0
        for example, tags in zip(self.examples, pred, strict=True):
            for span in example.spans:
                total += 1
                missed += not span_detected(example.text, span.start, span.end, tags)
        return PointScore(
            precision=counts.precision,
            recall=counts.recall,
            f1=counts.f1,
            leak_rate=missed / total if total else 0.0,
            predicted=counts.pred,
            gold=counts.gold,
        )


def objective_key(objective: str, precision_floor: float) -> Callable[[PointScore], tuple[float, ...]]:
    """Larger is better. Constrained objectives rank every feasible point above every infeasible one."""
    if objective == "f1":
        return lambda s: (s.f1, s.recall)

    def precise(s: PointScore) -> float:
        # Predicting nothing makes no false positive: it meets any floor (recall says the rest).
        return s.precision if s.predicted else 1.0

    def constrained(s: PointScore, gain: float) -> tuple[float, ...]:
        p = precise(s)
        return (1.0, gain, p) if p >= precision_floor else (0.0, p, gain)

    if objective == "recall@precision":
        return lambda s: constrained(s, s.recall)
    if objective == "leak":
        return lambda s: constrained(s, -s.leak_rate)
    raise CalibrationError(f"unknown objective {objective!r}; choose from {', '.join(OBJECTIVES)}")


def coordinate_descent(
    evaluate: Callable[[OperatingPoint], PointScore],
    key: Callable[[PointScore], tuple[float, ...]],
    start: OperatingPoint,
    *,
    steps: Sequence[float] = DEFAULT_STEPS,
    max_rounds: int = 6,
    bound: float = 12.0,
    progress: Callable[[str], None] | None = None,
) -> tuple[OperatingPoint, PointScore, int, int]:
    """(best point, its score, evaluations, rounds) from ``start``; biases stay within ±``bound``."""
    best, best_score = start, evaluate(start)
    evaluations, rounds = 1, 0
    for _ in range(max_rounds):
        rounds += 1
        improved = False
        for name in BIASES:
            current = getattr(best, name)
            for step in steps:
                value = current + step
                if abs(value) > bound:
                    continue
                candidate = attrs.evolve(best, **{name: value})
                score = evaluate(candidate)
                evaluations += 1
                if key(score) > key(best_score):
                    best, best_score, improved = candidate, score, True
            if progress is not None:
                progress(f"round {rounds} {name}={getattr(best, name):+.2f}: {describe(best_score)}")
        if not improved:
            break
    return best, best_score, evaluations, rounds


def calibrate(
    source: LogprobSource,
    examples: Sequence[Example],
    *,
    objective: str = "f1",
    precision_floor: float = 0.9,
    start: OperatingPoint | None = None,
    steps: Sequence[float] = DEFAULT_STEPS,
    max_rounds: int = 6,
    progress: Callable[[str], None] | None = None,
) -> CalibrationResult:
    """Search the operating point of ``source`` on ``examples`` for ``objective``."""
    key = objective_key(objective, precision_floor)
    if not 0.0 <= precision_floor <= 1.0:
        raise CalibrationError(f"precision floor must be in [0, 1], got {precision_floor}")
    dev = DevSet(source, examples)
    first = start if start is not None else (getattr(source, "operating_point", None) or OperatingPoint())
    before = dev.evaluate(first)
    point, after, evaluations, rounds = coordinate_descent(
        dev.evaluate, key, first, steps=steps, max_rounds=max_rounds, progress=progress
    )
    return CalibrationResult(
        operating_point=point,
        objective=objective,
        precision_floor=precision_floor,
        before=before,
        after=after,
        evaluations=evaluations,
        rounds=rounds,
        documents=len(dev.examples),
        unscorable_documents=dev.unscorable,
    )


def save_calibration(result: CalibrationResult, folder: str | Path) -> tuple[Path, Path]:
    """Write ``operating_point.json`` (what detectors load) and ``calibration.json`` (the record),
    each atomically: a failure never leaves a half-written point for a detector to load."""
    from kp_core.data.paths import atomic_write_text

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    point_path = out / OPERATING_POINT_JSON
    result.operating_point.save(point_path)
    record_path = out / CALIBRATION_JSON
    atomic_write_text(record_path, json.dumps(result.to_json(), indent=2) + "\n")
    return point_path, record_path


def describe(score: PointScore) -> str:
    """One line: precision, recall, F1, leak rate."""
    return f"P {score.precision:.4f} R {score.recall:.4f} F1 {score.f1:.4f} leak {score.leak_rate:.4f}"


def operating_point_for(given: OperatingPoint | str | Path | None, folder: Path | None) -> OperatingPoint | None:
    """The point a detector loaded from ``folder`` decodes at: ``given`` (a point, or a file to load),
    else the :data:`OPERATING_POINT_JSON` that ``kp calibrate`` wrote beside the weights, else None
    (the default point). Every framework's loader resolves it the same way."""
    if given is None and folder is not None and (folder / OPERATING_POINT_JSON).is_file():
        given = folder / OPERATING_POINT_JSON
    if isinstance(given, str | Path):
        return OperatingPoint.load(given)
    return given
