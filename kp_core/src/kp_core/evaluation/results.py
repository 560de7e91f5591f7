"""Result rows in the EuroPriv-Bench shape (§4.6), with the contamination and config-status rules."""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from typing import Any

from kp_core.evaluation.spec import EvalSpec

EUROPRIV_BENCH_VERSION = "0.2.0"
# Every result row names what scored it (``scorer``): kp's own scorer says so and which harness
# release it conforms to; the harness evaluator writes ``europriv-bench <version>``.
BUILTIN_SCORER = f"kp builtin (conforms to europriv-bench {EUROPRIV_BENCH_VERSION})"

CLEAN_CONFIGS = frozenset(
    {"ro-realskeleton-v1", "pl-realskeleton-v1", "it-realskeleton-v1", "legal-realskeleton-v1", "tab-echr-legal-en-v1"}
)
CLEAN_ADAPTERS = frozenset({"presidio", "spacy", "gliner2"})
GENERAL_CONFIGS = frozenset({"en", "de", "fr", "it", "es", "nl"})
IN_DISTRIBUTION_ON_GENERAL = frozenset({"openmed", "tabularisai"})
_OPENPII = re.compile(r"^ai4privacy-openpii-(?P<lang>[a-z]+)-v\d+$")
REAL_EXTERNAL_GOLD = frozenset({"tab-echr-legal-en-v1"})


def classify_contamination(adapter: str, config: str | None) -> str:
    """``in_distribution`` | ``clean_held_out`` | ``unknown``, by the harness's ordered rules."""
    if config in CLEAN_CONFIGS:
        return "clean_held_out"
    if adapter in CLEAN_ADAPTERS:
        return "clean_held_out"
    match = _OPENPII.match(config or "")
    if match:
        if adapter in IN_DISTRIBUTION_ON_GENERAL:
            return "in_distribution"
        if adapter == "kp-model":
            return "unknown" if match["lang"] in ("ro", "en") else "clean_held_out"
        return "unknown"
    if adapter in IN_DISTRIBUTION_ON_GENERAL and config in GENERAL_CONFIGS:
        return "in_distribution"
    if adapter == "kp-model":
        if config == "ro-synthetic-v1":
            return "in_distribution"
        if config in ("fr", "es", "de", "it", "nl"):
            return "clean_held_out"
    return "unknown"


def config_status_for(config: str | None) -> str:
    """``real-external-gold`` for TAB ECHR, ``dev`` otherwise (nothing is ``citable-validated`` yet)."""
    return "real-external-gold" if config in REAL_EXTERNAL_GOLD else "dev"


def annotate_row(row: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """Fill ``contamination`` and ``config_status`` when missing; never overwrite them."""
    config = (row.get("dataset") or {}).get("config")
    if row.get("contamination") is None:
        row["contamination"] = classify_contamination(str(row.get("adapter", "")), config)
    if row.get("config_status") is None:
        row["config_status"] = config_status_for(config)
    return row


def result_row(
    spec: EvalSpec,
    *,
    adapter: str,
    model_id: str,
    n: int,
    limit: int | None,
    eval_labels: list[str],
    scores: Mapping[str, Any],
    timestamp: str | None,
    scorer: str = BUILTIN_SCORER,
) -> dict[str, Any]:
    from kp_core import __version__
    from kp_core.taxonomy import TAXONOMY_VERSION

    row: dict[str, Any] = {
        "spec": spec.name,
        "task": spec.task.value,
        "languages": list(spec.languages),
        "domain": spec.domain,
        "adapter": adapter,
        "model_id": model_id,
        "n": n,
        "limit": limit,
        "eval_labels": sorted(eval_labels),
        "scores": dict(scores),
        "contamination": None,
        "config_status": None,
        "europriv_bench_version": EUROPRIV_BENCH_VERSION,
        "taxonomy_version": TAXONOMY_VERSION,
        "dataset": spec.dataset.to_json(),
        "timestamp": timestamp,
        "kp_version": __version__,
        "scorer": scorer,
    }
    annotate_row(row)
    return row


def entry_key(row: Mapping[str, Any]) -> str:
    return f"{row['adapter']}::{row['model_id']}"
