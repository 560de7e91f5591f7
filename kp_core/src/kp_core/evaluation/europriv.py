"""The ``europriv`` evaluator and the ``kp`` adapter: EuroPriv-Bench's own code scores kp models.

The harness (``europriv_bench``, Python >= 3.13, installed from its wheel) is imported lazily:
without it this module still imports, :func:`probe` says why it is unavailable, and ``kp
evaluate`` falls back to the builtin scorer.

* :func:`run` (``kp evaluate --evaluator europriv``): kp runs the detector once (batched, with
  progress), then hands the harness's ``run_spec`` an adapter that serves those spans. Gold
  alignment, the tolerant prediction path (``crosswalk.kp_entities_to_bioes``), the fairness mask
  and every metric are the harness's. Metrics only kp defines (``kp_entity_per_type``,
  ``kp_partial_overlap_f1``) are added by kp's scorer on the same spans, and the row's ``scorer``
  says so.
* :func:`register` adds a ``kp`` builder to ``europriv_bench.adapters.BUILDERS`` (the harness's
  own registry): a zero-argument adapter loading the kp model named by ``$KP_EUROPRIV_MODEL``
  (any reference ``kp evaluate --model`` takes). ``python -m kp_core.evaluation.europriv``
  registers it, then runs the harness's CLI (``europriv_bench.main:cli``).
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kp_core.detector import Detector
from kp_core.evaluation.results import EUROPRIV_BENCH_VERSION
from kp_core.evaluation.spec import EvalSpec
from kp_core.plugins.registry import Availability
from kp_core.types import Span

HARNESS_MODULE = "europriv_bench"
KP_ADAPTER = "kp"
MODEL_ENV = "KP_EUROPRIV_MODEL"


def probe() -> Availability:
    try:
        module = importlib.import_module(HARNESS_MODULE)
    except ImportError as exc:
        return Availability(
            False,
            f"{HARNESS_MODULE} is not importable ({exc}); it needs Python >= 3.13 and its wheel "
            "(tox -e harness has both)",
        )
    version = getattr(module, "__version__", "unknown")
    note = "" if version == EUROPRIV_BENCH_VERSION else f" (kp conforms to {EUROPRIV_BENCH_VERSION})"
    return Availability(True, f"{HARNESS_MODULE} {version}{note}")


def harness_scorer() -> str:
    """The ``scorer`` a harness-scored row records, e.g. ``europriv-bench 0.2.0``."""
    version = getattr(importlib.import_module(HARNESS_MODULE), "__version__", "unknown")
    return f"europriv-bench {version}"


# --- adapters (subclasses of the harness's BaseAdapter, built once the harness is importable) ----


def _spans_to_tags(text: str, spans: Sequence[Span]) -> list[str]:
    """The harness's own tolerant prediction path, for spans that already carry KP types."""
    from europriv_bench.crosswalk import kp_entities_to_bioes

    return kp_entities_to_bioes(text, [{"start": s.start, "end": s.end, "label": s.label} for s in spans])


@functools.cache
def _adapter_classes() -> tuple[type, type]:
    from europriv_bench.adapters import BaseAdapter

    from kp_core.evaluation.redaction import redacted_texts

    class KpDetectorAdapter(BaseAdapter):
        """A kp Detector as a harness adapter; ``spans_of`` gives the detector's spans for texts."""

        def __init__(self, detector: Detector, spans_of: Callable[[list[str]], list[list[Span]]]) -> None:
            self.detector = detector
            self.name = detector.name
            self.model_id = detector.model_id
            self.spans_of = spans_of

        def predict_tags(self, texts: Sequence[str]) -> list[list[str]]:
            items = list(texts)
            return [_spans_to_tags(t, s) for t, s in zip(items, self.spans_of(items), strict=True)]

        def anonymize(self, texts: Sequence[str]) -> list[str]:
            # What kp's builtin scorer redacts with: the detector's own anonymize, else the SDK's.
            items = list(texts)
            return redacted_texts(self.detector, items, self.spans_of(items))

        def pseudonymize(self, texts: Sequence[str]) -> list[dict[str, str]]:
            own = getattr(self.detector, "pseudonymize", None)
            return [dict(m) for m in own(list(texts))] if callable(own) else super().pseudonymize(texts)

    class KpModelReferenceAdapter(KpDetectorAdapter):
        """The ``kp`` builder: zero arguments (the harness CLI's contract); the model reference is
        ``$KP_EUROPRIV_MODEL`` (default: kp's default model), loaded on first use."""

        def __init__(self) -> None:
            from kp_core.plugins.models import default_model_ref, load_detector

            ref = os.environ.get(MODEL_ENV) or default_model_ref()
            detector = load_detector(ref)
            super().__init__(detector, _predicting(detector))
            self.name = KP_ADAPTER

    return KpDetectorAdapter, KpModelReferenceAdapter


def _predicting(detector: Detector, progress: Callable[[int], None] | None = None) -> Callable[..., Any]:
    """``texts -> spans`` running ``detector`` in batches; the last call's answer is kept, since
    the harness asks for tags, redactions and maps of the same texts in turn."""
    from kp_core.evaluation.runner import predict

    last: dict[tuple[str, ...], list[list[Span]]] = {}

    def spans_of(texts: list[str]) -> list[list[Span]]:
        key = tuple(texts)
        if key not in last:
            last.clear()
            last[key] = predict(detector, texts, progress=progress)
        return last[key]

    return spans_of


def make_adapter(detector: Detector, progress: Callable[[int], None] | None = None) -> Any:
    """A harness ``BaseAdapter`` around ``detector`` (its name and model id are the row's)."""
    detector_adapter, _ = _adapter_classes()
    return detector_adapter(detector, _predicting(detector, progress))


def kp_adapter_class() -> type:
    """The class :func:`register` adds to the harness's ``BUILDERS`` under ``kp``."""
    return _adapter_classes()[1]


def register() -> None:
    """Add the ``kp`` builder to ``europriv_bench.adapters.BUILDERS`` (idempotent). Call it
    before ``europriv_bench.main`` is imported: its ``--adapter`` choices are read from BUILDERS then."""
    from europriv_bench.adapters import BUILDERS

    BUILDERS[KP_ADAPTER] = kp_adapter_class()


# --- the evaluator ---------------------------------------------------------------------------------


def harness_spec(spec: EvalSpec) -> Any:
    """The harness's EvalSpec: read from the spec's own file when it is unchanged, else built from
    kp's copy (a ``--metrics`` override, or the default spec of a gold file, which has no Hub id)."""
    from europriv_bench.spec import EvalSpec as HarnessSpec

    own = [m for m in spec.metrics if m in _harness_metrics()]
    if spec.path is not None and own == list(spec.metrics) and EvalSpec.from_yaml(spec.path) == spec:
        return HarnessSpec.from_yaml(spec.path)
    mapping = spec.to_mapping()
    mapping["dataset"] = {**mapping["dataset"], "hf_id": spec.dataset.hf_id or ""}  # the harness needs a str
    mapping["metrics"] = own  # kp's extras are scored by kp (see run)
    return HarnessSpec.model_validate(mapping)


def _harness_metrics() -> frozenset[str]:
    from europriv_bench.metrics import ALL_METRICS

    return frozenset(ALL_METRICS)


def run(
    spec: EvalSpec,
    detector: Detector,
    rows: Sequence[Mapping[str, Any]],
    *,
    limit: int | None = None,
    timestamp: str | None = None,
    dumps: list | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Score ``detector`` on ``rows`` with the harness's ``run_spec``; a result row in kp's shape."""
    from europriv_bench.runner import run_spec as harness_run_spec

    from kp_core import __version__
    from kp_core.evaluation.runner import check_spec, gold_tags_of

    check_spec(spec)  # kp's refusals (unknown keys, unscored tasks) come first, as with builtin
    rows = [dict(r) for r in (list(rows)[:limit] if limit is not None else rows)]
    gold_tags_of(rows)  # malformed gold is a KpError naming the row, before the model runs
    own = [m for m in spec.metrics if m in _harness_metrics()]
    extras = [m for m in spec.metrics if m not in own]
    adapter = make_adapter(detector, progress)
    harness_dumps: list[dict[str, Any]] | None = [] if dumps is not None else None
    row = dict(
        harness_run_spec(
            harness_spec(spec),
            adapter,
            rows=rows,
            timestamp=timestamp,
            limit=limit,
            dumps=harness_dumps,
        )
    )
    row["spec"] = spec.name
    row["dataset"] = spec.dataset.to_json()  # a local gold file's default spec has no Hub id: None, as builtin says
    row["kp_version"] = __version__
    row["scorer"] = harness_scorer()
    spans = adapter.spans_of([r["text"] for r in rows])  # cached: the detector does not run again
    if extras or (dumps is not None and "tab_reid_leakage" in spec.metrics):
        _add_kp_only(row, spec, rows, spans, extras, detector, limit, timestamp, dumps)
    if harness_dumps:
        dumps.extend({**d, "spec": spec.name, "dataset": spec.dataset.to_json()} for d in harness_dumps)
    return row


def _add_kp_only(
    row: dict[str, Any],
    spec: EvalSpec,
    rows: list[dict[str, Any]],
    spans: list[list[Span]],
    extras: list[str],
    detector: Detector,
    limit: int | None,
    timestamp: str | None,
    dumps: list | None,
) -> None:
    """Scores the harness has no key for (kp's extras) and the TAB per-subject dump, from kp's
    scorer on the same spans; the row's scorer names them."""
    from kp_core.evaluation.runner import score_spec

    kp_dumps: list[dict[str, Any]] | None = [] if dumps is not None else None
    kp_row = score_spec(
        spec.with_metrics(tuple(extras) or ("tab_reid_leakage",)),
        rows,
        spans,
        adapter=row["adapter"],
        model_id=row["model_id"],
        limit=limit,
        timestamp=timestamp,
        dumps=kp_dumps,
        system=detector,
    )
    if extras:
        row["scores"].update({k: kp_row["scores"][k] for k in extras})
        row["scorer"] += f"; {', '.join(extras)} by {kp_row['scorer']}"
    if dumps is not None and kp_dumps:
        dumps.extend(d for d in kp_dumps if "tab_subjects" in d)


# --- the harness's CLI with the kp adapter --------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m kp_core.evaluation.europriv [--kp-model REF] <europriv arguments>``: the harness's
    own CLI with ``--adapter kp`` available (REF, or $KP_EUROPRIV_MODEL, names the kp model)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--kp-model"]:
        if len(args) < 2:
            raise SystemExit("--kp-model needs a model reference (e.g. rules, or a checkpoint folder)")
        os.environ[MODEL_ENV] = args[1]
        args = args[2:]
    availability = probe()
    if not availability.available:
        raise SystemExit(f"Error: {availability.reason}")
    register()
    import europriv_bench.main

    adapters = next(p for p in europriv_bench.main.run.params if p.name == "adapters")
    if KP_ADAPTER not in adapters.type.choices:  # imported before register(): its choices are fixed
        importlib.reload(europriv_bench.main)
    europriv_bench.main.cli.main(args=args, prog_name="python -m kp_core.evaluation.europriv")


if __name__ == "__main__":
    main()
