"""Conformance as a test: kp's builtin scorer equals the EuroPriv-Bench harness (0.2.0, installed
from its wheel in this env) on the same predictions, for every metric both implement.

Metrics compared (the intersection of kp_core.metrics.ALL_METRICS and the harness's
europriv_bench.metrics.ALL_METRICS, plus Track C's detection_recall), 12 keys:
entity_f1, entity_f2, national_id_leakage, cnp_leakage, name_in_context_leakage,
k_anonymity_violation, tab_reid_leakage (a detection spec) and redaction_leakage,
information_retention, structural_disruption, pseudonymization_consistency, detection_recall
(an anonymization spec).

Pairs: the four dev slices (it, se, cz, dk) × seven prediction sets = 28 (slice, prediction set)
pairs: gold (perfect), empty, perturbed gold, the rules model, the rules model perturbed, a tiny
example-tagger trained a few steps here, and that tagger perturbed. Perturbation is seeded: shifted
boundaries, wrong types, dropped and spurious spans.

Equal means: every number within 1e-12, every non-number identical, the same row fields
(eval_labels, n, contamination, config_status, ...), and the tables kp prints (3 decimals)
identical character for character. A difference fails.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from typing import Any

import pytest

from kp_core.evaluation.data import StaticDetector
from kp_core.evaluation.europriv import harness_spec, make_adapter
from kp_core.evaluation.leaderboard import build_leaderboard, format_leaderboard
from kp_core.evaluation.runner import score_spec
from kp_core.evaluation.spec import DatasetRef, EvalSpec, Task
from kp_core.metrics import ALL_METRICS as KP_METRICS
from kp_core.types import Span

SLICES = ("it", "se", "cz", "dk")
PREDICTION_SETS = ("gold", "empty", "gold-perturbed", "rules", "rules-perturbed", "tagger", "tagger-perturbed")
DETECTION_METRICS = (
    "entity_f1",
    "entity_f2",
    "national_id_leakage",
    "cnp_leakage",
    "name_in_context_leakage",
    "k_anonymity_violation",
    "tab_reid_leakage",
)
TRACK_C_METRICS = (
    "redaction_leakage",
    "information_retention",
    "structural_disruption",
    "pseudonymization_consistency",
)
COMPARED = (*DETECTION_METRICS, *TRACK_C_METRICS, "detection_recall")
TOLERANCE = 1e-12
# Prose, not results: kp words its k-anonymity explanations its own way (kp_core/metrics/kanon.py).
# Only these exact fields may differ in text; every number beside them must still match.
PROSE_FIELDS = frozenset({"k_anonymity_violation.reason", "k_anonymity_violation.label"})


def test_the_compared_metrics_are_every_metric_both_implement():
    from europriv_bench.metrics import ALL_METRICS as HARNESS_METRICS

    both = set(KP_METRICS) & set(HARNESS_METRICS)
    assert both == set(DETECTION_METRICS) | set(TRACK_C_METRICS)
    assert len(COMPARED) == 12 and len(SLICES) * len(PREDICTION_SETS) == 28


# --- prediction sets --------------------------------------------------------------------------------


def _gold_spans(row: Mapping[str, Any]) -> list[Span]:
    return [Span(int(s["start"]), int(s["end"]), str(s["label"])) for s in row["spans"]]


def _perturbed(text: str, spans: list[Span], rng: random.Random) -> list[Span]:
    """Seeded noise: about a fifth each shifted, retyped or dropped, and one spurious span in three rows."""
    from europriv_bench.taxonomy import ENTITY_NAMES

    out = []
    for span in spans:
        roll = rng.random()
        if roll < 0.2:  # dropped
            continue
        start, end, label = span.start, span.end, span.label
        if roll < 0.4:  # a boundary shifted by a few characters (possibly onto another token)
            start = min(max(0, start + rng.randint(-6, 6)), len(text) - 1)
            end = min(max(start + 1, end + rng.randint(-6, 6)), len(text))
        elif roll < 0.6:  # a wrong type
            label = rng.choice([t for t in ENTITY_NAMES if t != label])
        out.append(Span(start, end, label))
    if text and rng.random() < 0.34:  # spurious
        start = rng.randrange(len(text))
        out.append(Span(start, min(len(text), start + rng.randint(1, 20)), rng.choice(ENTITY_NAMES)))
    rng.shuffle(out)  # list order decides overlaps on the tolerant path
    return out


@pytest.fixture(scope="module")
def predictions(dev_rows, tagger_ref) -> dict[tuple[str, str], list[list[Span]]]:
    from kp_core.plugins.models import load_detector

    models = {"rules": load_detector("rules"), "tagger": load_detector(tagger_ref)}
    out: dict[tuple[str, str], list[list[Span]]] = {}
    for index, name in enumerate(SLICES):
        rows = dev_rows[name]
        texts = [r["text"] for r in rows]
        out[name, "gold"] = [_gold_spans(r) for r in rows]
        out[name, "empty"] = [[] for _ in rows]
        for model, detector in models.items():
            out[name, model] = [list(s) for s in detector.predict_spans(texts)]
        for source in ("gold", "rules", "tagger"):
            rng = random.Random(1000 * index + len(source))
            out[name, f"{source}-perturbed"] = [
                _perturbed(t, s, rng) for t, s in zip(texts, out[name, source], strict=True)
            ]
    return out


# --- the comparison ------------------------------------------------------------------------------------


def _spec(slice_name: str, task: Task, metrics: tuple[str, ...]) -> EvalSpec:
    return EvalSpec(
        name=f"conformance-{task.value}-{slice_name}",
        task=task,
        dataset=DatasetRef(hf_id="klusai/europriv-bench", config=f"{slice_name}-realskeleton-v1", split="test"),
        metrics=metrics,
        languages=(slice_name,),
        domain="legal",
    )


def _differences(kp: Any, harness: Any, where: str) -> list[str]:
    if isinstance(kp, Mapping) and isinstance(harness, Mapping):
        if set(kp) != set(harness):
            return [f"{where}: keys {sorted(set(kp) ^ set(harness))} on one side only"]
        return [d for key in kp for d in _differences(kp[key], harness[key], f"{where}.{key}")]
    if isinstance(kp, (int, float)) and isinstance(harness, (int, float)) and not isinstance(kp, bool):
        same_nan = isinstance(kp, float) and isinstance(harness, float) and math.isnan(kp) and math.isnan(harness)
        if not same_nan and (abs(kp - harness) > TOLERANCE or f"{kp:.3f}" != f"{harness:.3f}"):
            return [f"{where}: kp {kp!r} != harness {harness!r}"]
        return []
    if where.split(" scores.", 1)[-1] in PROSE_FIELDS and isinstance(kp, str) and isinstance(harness, str):
        return []
    return [] if kp == harness else [f"{where}: kp {kp!r} != harness {harness!r}"]


def _scored_both_ways(
    spec: EvalSpec, rows: list[dict[str, Any]], spans: list[list[Span]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    from europriv_bench.runner import run_spec as harness_run_spec

    texts = [r["text"] for r in rows]
    kp_row = score_spec(
        spec,
        rows,
        spans,
        adapter="conformance",
        model_id="set",
        system=StaticDetector(texts, spans, name="c", model_id="s"),
    )
    adapter = make_adapter(StaticDetector(texts, spans, name="conformance", model_id="set"))
    harness_row = dict(harness_run_spec(harness_spec(spec), adapter, rows=[dict(r) for r in rows]))
    return kp_row, harness_row


ROW_FIELDS = ("spec", "task", "adapter", "model_id", "n", "limit", "eval_labels", "contamination", "config_status")


@pytest.mark.parametrize("prediction_set", PREDICTION_SETS)
@pytest.mark.parametrize("slice_name", SLICES)
def test_builtin_scorer_equals_the_harness(dev_rows, predictions, slice_name: str, prediction_set: str):
    rows = dev_rows[slice_name]
    spans = predictions[slice_name, prediction_set]
    problems: list[str] = []
    for task, metrics in ((Task.DETECTION, DETECTION_METRICS), (Task.ANONYMIZATION, TRACK_C_METRICS)):
        kp_row, harness_row = _scored_both_ways(_spec(slice_name, task, metrics), rows, spans)
        assert set(kp_row["scores"]) == set(harness_row["scores"]) >= set(metrics)
        problems += _differences(kp_row["scores"], harness_row["scores"], f"{task.value} scores")
        problems += [
            f"{task.value} row field {field}: kp {kp_row.get(field)!r} != harness {harness_row.get(field)!r}"
            for field in ROW_FIELDS
            if kp_row.get(field) != harness_row.get(field)
        ]
        # What a reader sees: the tables kp prints, to the last digit (scorer column aside).
        tables = [format_leaderboard(build_leaderboard([{**r, "scorer": "x"}])) for r in (kp_row, harness_row)]
        if tables[0] != tables[1]:
            problems.append(f"{task.value}: printed tables differ:\n{tables[0]}\n---\n{tables[1]}")
    assert not problems, f"{slice_name} × {prediction_set}:\n" + "\n".join(problems)


def test_a_difference_fails(dev_rows, predictions):
    """The comparison can fail: one changed digit in a harness score is reported."""
    rows, spans = dev_rows["it"][:40], predictions["it", "rules-perturbed"][:40]
    kp_row, harness_row = _scored_both_ways(_spec("it", Task.DETECTION, ("entity_f1",)), rows, spans)
    assert _differences(kp_row["scores"], harness_row["scores"], "s") == []
    harness_row["scores"]["entity_f1"]["f1"] += 1e-9
    assert _differences(kp_row["scores"], harness_row["scores"], "s") == [
        f"s.entity_f1.f1: kp {kp_row['scores']['entity_f1']['f1']!r} != harness {harness_row['scores']['entity_f1']['f1']!r}"
    ]


def test_prediction_sets_are_not_trivial(predictions):
    """Perturbed sets differ from their source; the tagger finds something (else 'tagger' = 'empty')."""
    for name in SLICES:
        for source in ("gold", "rules", "tagger"):
            assert predictions[name, f"{source}-perturbed"] != predictions[name, source]
    assert any(any(s) for name in SLICES for s in predictions[name, "tagger"])
