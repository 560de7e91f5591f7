"""Evaluation in EuroPriv-Bench terms: spec files, the runner, result rows, the schema-3
leaderboard, paired comparisons and the ``kp evaluate`` / ``kp leaderboard`` commands."""

from __future__ import annotations

from kp_core.evaluation.leaderboard import (
    LeaderboardError,
    add_to_leaderboard,
    build_leaderboard,
    format_leaderboard,
    merge_leaderboard,
    read_leaderboard,
    write_leaderboard,
)
from kp_core.evaluation.results import annotate_row, classify_contamination, config_status_for
from kp_core.evaluation.runner import check_spec, run_spec, score_spec
from kp_core.evaluation.spec import DatasetRef, EvalSpec, SpecError, Task, load_suite

__all__ = [
    "DatasetRef",
    "EvalSpec",
    "LeaderboardError",
    "SpecError",
    "Task",
    "add_to_leaderboard",
    "annotate_row",
    "build_leaderboard",
    "check_spec",
    "classify_contamination",
    "config_status_for",
    "format_leaderboard",
    "load_suite",
    "merge_leaderboard",
    "read_leaderboard",
    "run_spec",
    "score_spec",
    "write_leaderboard",
]
