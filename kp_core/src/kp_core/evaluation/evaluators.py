"""The evaluators kp registers: ``builtin`` (kp's EuroPriv-Bench-conformant scorer) and
``europriv`` (the harness itself, when installed). Both take (spec, detector, rows, ...) and
return a result row whose ``scorer`` field names which one scored it."""

from __future__ import annotations

from kp_core.evaluation import europriv
from kp_core.evaluation.runner import run_spec
from kp_core.plugins.registry import Evaluator

BUILTIN = "builtin"
HARNESS = "europriv"

EVALUATORS: tuple[Evaluator, ...] = (
    Evaluator(
        name=BUILTIN,
        description="kp's own scorer, conformant with EuroPriv-Bench 0.2.0 (no harness needed)",
        run=run_spec,
    ),
    Evaluator(
        name=HARNESS,
        description="the EuroPriv-Bench harness's own runner and metrics (europriv_bench, Python >= 3.13)",
        run=europriv.run,
        probe=europriv.probe,
    ),
)


def default_evaluator() -> str:
    """``europriv`` where the harness is importable (it is the reference), else ``builtin``."""
    return HARNESS if europriv.probe().available else BUILTIN
