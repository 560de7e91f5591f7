"""The ``europriv`` evaluator: defer scoring to the EuroPriv-Bench harness itself when it is
installed (it needs Python >= 3.13 and is not on PyPI, so it is usually absent).

Any kp Detector is wrapped in a harness ``BaseAdapter`` subclass: ``predict_tags`` puts the
detector's spans on the whitespace grid through kp's tolerant prediction path (identical to the
harness's own), and ``anonymize`` is the SDK's redaction. The harness then runs
``run_spec(EvalSpec.from_yaml(path), adapter, rows=rows, limit=...)`` offline on our rows.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any

from kp_core.detector import Detector
from kp_core.evaluation.results import EUROPRIV_BENCH_VERSION
from kp_core.evaluation.spec import EvalSpec
from kp_core.plugins.registry import Availability


def probe() -> Availability:
    try:
        module = importlib.import_module("europriv_bench")
    except ImportError as exc:
        return Availability(
            False, f"europriv_bench is not importable ({exc}); it needs Python >= 3.13 and a source install"
        )
    version = getattr(module, "__version__", "unknown")
    note = "" if version == EUROPRIV_BENCH_VERSION else f" (kp conforms to {EUROPRIV_BENCH_VERSION})"
    return Availability(True, f"europriv_bench {version}{note}")


def make_adapter(detector: Detector) -> Any:
    """A harness ``BaseAdapter`` instance around ``detector``."""
    from europriv_bench.adapters import BaseAdapter

    from kp_core.encoding.grid import predicted_bioes
    from kp_core.evaluation.redaction import redacted_texts

    class KpDetectorAdapter(BaseAdapter):
        name = detector.name
        model_id = detector.model_id

        def predict_tags(self, texts: Sequence[str]) -> list[list[str]]:
            items = list(texts)
            found = detector.predict_spans(items)
            return [predicted_bioes(text, spans) for text, spans in zip(items, found, strict=True)]

        def anonymize(self, texts: Sequence[str]) -> list[str]:
            items = list(texts)
            return redacted_texts(detector, items, detector.predict_spans(items))

    return KpDetectorAdapter()


def harness_spec(spec: EvalSpec) -> Any:
    """The harness's EvalSpec: read from the spec's own file when it is unchanged, else built from
    kp's copy (a ``--metrics`` override or the default spec)."""
    from europriv_bench.spec import EvalSpec as HarnessSpec

    if spec.path is not None:
        on_disk = EvalSpec.from_yaml(spec.path)
        if on_disk == spec:
            return HarnessSpec.from_yaml(spec.path)
    return HarnessSpec.model_validate(spec.to_mapping())


def run(
    spec: EvalSpec,
    detector: Detector,
    rows: Sequence[Mapping[str, Any]],
    *,
    limit: int | None = None,
    timestamp: str | None = None,
    dumps: list | None = None,
    progress: Any = None,
) -> dict[str, Any]:
    from europriv_bench.runner import run_spec

    from kp_core import __version__

    row = run_spec(
        harness_spec(spec),
        make_adapter(detector),
        rows=[dict(r) for r in rows],
        timestamp=timestamp,
        limit=limit,
        dumps=dumps,
    )
    row = dict(row)
    row.setdefault("kp_version", __version__)
    if progress is not None:
        progress(len(rows) if limit is None else min(limit, len(rows)))
    return row
