"""The evaluators kp registers: ``builtin`` (kp's EuroPriv-Bench-conformant scorer) and
``europriv`` (the harness itself, when installed). Both take (spec, detector, rows, ...) and
return a result row."""

from __future__ import annotations

from kp_core.evaluation import europriv
from kp_core.evaluation.runner import run_spec
from kp_core.plugins.registry import Evaluator

EVALUATORS: tuple[Evaluator, ...] = (
    Evaluator(
        name="builtin",
        description="kp's own scorer, conformant with EuroPriv-Bench 0.2.0 (no harness needed)",
        run=run_spec,
    ),
    Evaluator(
        name="europriv",
        description="defers to the EuroPriv-Bench harness (europriv_bench) when it is importable",
        run=europriv.run,
        probe=europriv.probe,
    ),
)
