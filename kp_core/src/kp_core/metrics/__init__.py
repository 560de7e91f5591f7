"""EuroPriv-Bench-conformant metrics (harness 0.2.0) and kp's own, clearly named extras.

Four registries, by what a metric reads (the harness's call signatures):

* ``TAG_METRICS``: ``fn(gold_tags, pred_tags)`` — ``entity_f1``, ``entity_f2``; kp extras
  ``kp_entity_per_type`` and ``kp_partial_overlap_f1``.
* ``ROW_METRICS``: ``fn(gold_rows, pred_tags)`` — ``national_id_leakage``, ``cnp_leakage``,
  ``name_in_context_leakage``, ``k_anonymity_violation``, ``tab_reid_leakage``.
* ``ANON_METRICS``: ``fn(gold_rows, redacted_texts)`` — ``redaction_leakage``,
  ``information_retention``, ``structural_disruption``.
* ``ANON_MAP_METRICS``: ``fn(gold_rows, surrogate_maps)`` — ``pseudonymization_consistency``.

``pred_tags`` are whitespace-token BIOES sequences after the fairness mask. Every number returned
is a Python float.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from kp_core.metrics.detection import (
    entity_f1,
    entity_f2,
    kp_entity_per_type,
    kp_partial_overlap_f1,
)
from kp_core.metrics.intervals import leak_rate_bundle, newcombe_diff_ci, wilson_interval
from kp_core.metrics.kanon import k_anonymity_violation
from kp_core.metrics.names import name_in_context_leakage
from kp_core.metrics.national_ids import cnp_leakage, national_id_leakage, national_id_subject_detection
from kp_core.metrics.significance import document_bootstrap_f1, mcnemar_exact, paired_bootstrap
from kp_core.metrics.tab import tab_reid_leakage, tab_reid_subject_detection
from kp_core.metrics.tags import fairness_mask, tag_types
from kp_core.metrics.track_c import (
    information_retention,
    pseudonymization_consistency,
    redaction_leakage,
    structural_disruption,
)

MetricFn = Callable[..., dict[str, Any]]

TAG_METRICS: MappingProxyType[str, MetricFn] = MappingProxyType(
    {
        "entity_f1": entity_f1,
        "entity_f2": entity_f2,
        "kp_entity_per_type": kp_entity_per_type,
        "kp_partial_overlap_f1": kp_partial_overlap_f1,
    }
)
ROW_METRICS: MappingProxyType[str, MetricFn] = MappingProxyType(
    {
        "national_id_leakage": national_id_leakage,
        "cnp_leakage": cnp_leakage,
        "name_in_context_leakage": name_in_context_leakage,
        "k_anonymity_violation": k_anonymity_violation,
        "tab_reid_leakage": tab_reid_leakage,
    }
)
ANON_METRICS: MappingProxyType[str, MetricFn] = MappingProxyType(
    {
        "redaction_leakage": redaction_leakage,
        "information_retention": information_retention,
        "structural_disruption": structural_disruption,
    }
)
ANON_MAP_METRICS: MappingProxyType[str, MetricFn] = MappingProxyType(
    {"pseudonymization_consistency": pseudonymization_consistency}
)
# Keys the harness defines but cannot compute (it raises when asked): refused up front here.
UNIMPLEMENTED_IN_HARNESS = frozenset({"membership_inference"})
ALL_METRICS = frozenset(TAG_METRICS) | frozenset(ROW_METRICS) | frozenset(ANON_METRICS) | frozenset(ANON_MAP_METRICS)
HARNESS_METRICS = (ALL_METRICS - {"kp_entity_per_type", "kp_partial_overlap_f1"}) | UNIMPLEMENTED_IN_HARNESS
ID_LEAK_METRICS = frozenset({"national_id_leakage", "cnp_leakage"})

__all__ = [
    "ALL_METRICS",
    "ANON_MAP_METRICS",
    "ANON_METRICS",
    "HARNESS_METRICS",
    "ID_LEAK_METRICS",
    "ROW_METRICS",
    "TAG_METRICS",
    "UNIMPLEMENTED_IN_HARNESS",
    "cnp_leakage",
    "document_bootstrap_f1",
    "entity_f1",
    "entity_f2",
    "fairness_mask",
    "information_retention",
    "k_anonymity_violation",
    "kp_entity_per_type",
    "kp_partial_overlap_f1",
    "leak_rate_bundle",
    "mcnemar_exact",
    "name_in_context_leakage",
    "national_id_leakage",
    "national_id_subject_detection",
    "newcombe_diff_ci",
    "paired_bootstrap",
    "pseudonymization_consistency",
    "redaction_leakage",
    "structural_disruption",
    "tab_reid_leakage",
    "tab_reid_subject_detection",
    "tag_types",
    "wilson_interval",
]
