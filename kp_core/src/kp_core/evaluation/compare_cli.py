"""``kp compare``: systems head to head on gold slices, and the seed's verdict.

Every system runs once per slice; its spans go through kp's one scoring path (the result row of
``kp evaluate``), then each pair gets the exact McNemar test and the paired document bootstrap of
the strict-F1 difference (:mod:`kp_core.evaluation.head_to_head`), and the candidate (the first
system) the verdict of :mod:`kp_core.evaluation.compare_verdict`. A verdict is a result: exit 0
whatever it says.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import click

from kp_core.cli.options import json_option, progress_option, show_progress
from kp_core.errors import KpError
from kp_core.evaluation.head_to_head import UNITS, PairStats, SystemScore, compare_systems, score_system
from kp_core.metrics.significance import F1_DIFFERENCE_RESAMPLES, PAIRED_BOOTSTRAP_SEED, document_resamples
from kp_core.types import Span


@attrs.frozen
class _System:
    name: str
    source: str  # "model" or "predictions"
    ref: str  # the model reference, or the predictions file or folder
    # A --baseline runs as it is, without kp's identifier typing: kp's validators would add the
    # identifiers the baseline itself never found and credit it with kp's work.
    identifier_typing: bool = True


@attrs.frozen
class _Slice:
    name: str
    path: Path
    rows: list[dict[str, Any]]


# --- what is compared -------------------------------------------------------------------------------


def _parse_predictions(values: tuple[str, ...]) -> list[_System]:
    systems = []
    for value in values:
        name, sep, path = value.partition("=")
        if not sep or not name.strip() or not path:
            raise click.BadParameter(f"{value!r}: expected NAME=FILE (or NAME=FOLDER)", param_hint="--predictions")
        if not Path(path).exists():
            raise click.BadParameter(f"{name}={path}: no such file or folder", param_hint="--predictions")
        systems.append(_System(name.strip(), "predictions", path))
    return systems


def _systems(models: tuple[str, ...], baselines: tuple[str, ...], predictions: tuple[str, ...]) -> list[_System]:
    """The candidate first (the first --model, else the first --predictions), then the others in order."""
    from_models = [_System(ref, "model", ref) for ref in models]
    from_files = _parse_predictions(predictions)
    from_baselines = [_System(ref, "model", ref, identifier_typing=False) for ref in baselines]
    if from_models:
        systems = [*from_models, *from_baselines, *from_files]
    elif from_files:
        systems = [from_files[0], *from_baselines, *from_files[1:]]
    else:
        raise click.UsageError(
            "give the candidate with --model REF (or --predictions NAME=FILE); --baseline adds others"
        )
    if len(systems) < 2:
        raise click.UsageError("a comparison needs at least two systems (--model, --baseline, --predictions)")
    seen: set[str] = set()
    for system in systems:
        if system.name in seen:
            raise KpError(f"system {system.name!r} is given twice; each system is named once")
        seen.add(system.name)
    return systems


def _slices(data_files: tuple[Path, ...], data_dir: Path | None, limit: int | None) -> list[_Slice]:
    """The EuroPriv-Bench dev slices of --data-dir (it, se, cz, dk), then each --data FILE (named
    after the file); the first ``limit`` rows of each."""
    from kp_core.evaluation.data import load_rows
    from kp_core.evaluation.spec import default_spec

    named: list[tuple[str, Path]] = []
    if data_dir is not None:
        from kp_core.evaluation.scorecard import DevDataMissing, dev_files

        try:
            named.extend(dev_files(data_dir, None).items())
        except DevDataMissing as exc:
            raise DevDataMissing(f"--data-dir {data_dir}: {exc}; give other gold files with --data FILE") from None
    out: list[_Slice] = []
    for path in dict.fromkeys(data_files):
        rows = load_rows(path)
        named.append((default_spec(path, rows).name, path))
    seen: dict[str, Path] = {}
    for name, path in named:
        if name in seen:
            raise KpError(f"{seen[name]} and {path} would both be slice {name!r}; give files of distinct names")
        seen[name] = path
        rows = load_rows(path)
        out.append(_Slice(name, path, rows[:limit] if limit is not None else rows))
    return out


def _predictions_file(system: _System, piece: _Slice, single: bool) -> Path:
    """A predictions FILE serves the one slice of a run; a FOLDER holds a file per slice, named as
    the gold file or ``<slice>.jsonl``/``.json``."""
    path = Path(system.ref)
    if path.is_file():
        if not single:
            raise KpError(
                f"--predictions {system.name}={path}: a file holds predictions for one gold file, and this run "
                "compares several slices; give a folder with one file per slice (named as the gold file)"
            )
        return path
    candidates = [path / piece.path.name, path / f"{piece.name}.jsonl", path / f"{piece.name}.json"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise KpError(
        f"--predictions {system.name}={path}: no predictions for slice {piece.name!r} "
        f"(looked for {', '.join(c.name for c in candidates)})"
    )


def _given_spans(systems: list[_System], slices: list[_Slice]) -> dict[tuple[str, str], list[list[Span]]]:
    """Every predictions file paired with its slice's rows, before any model loads."""
    from kp_core.evaluation.data import load_predictions

    spans = {}
    for system in systems:
        if system.source != "predictions":
            continue
        for piece in slices:
            spans[(system.name, piece.name)] = load_predictions(
                _predictions_file(system, piece, len(slices) == 1), piece.rows
            )
    return spans


# --- running and scoring ------------------------------------------------------------------------------


def _detectors(systems: list[_System], device: str) -> dict[str, Any]:
    from kp_core.cli.detector_options import Detection

    return {
        s.name: Detection(model=s.ref, device=device, identifier_typing=s.identifier_typing).load()
        for s in systems
        if s.source == "model"
    }


def _run(
    systems: list[_System],
    slices: list[_Slice],
    given: dict[tuple[str, str], list[list[Span]]],
    detectors: Mapping[str, Any],
    progress: bool,
) -> dict[str, list[SystemScore]]:
    from tqdm import tqdm

    from kp_core.evaluation.runner import predict
    from kp_core.evaluation.spec import default_spec

    scored: dict[str, list[SystemScore]] = {}
    for piece in slices:
        spec = default_spec(piece.path, piece.rows)
        scored[piece.name] = []
        for system in systems:
            if system.source == "predictions":
                spans = given[(system.name, piece.name)]
                model_id = system.ref
            else:
                detector = detectors[system.name]
                texts = [r["text"] for r in piece.rows]
                desc = f"{system.name[:24]} on {piece.name[:20]}"
                with tqdm(
                    total=len(texts), desc=desc, unit="doc", disable=not progress, file=sys.stderr, leave=False
                ) as bar:
                    spans = predict(detector, texts, progress=bar.update)
                model_id = detector.model_id
            scored[piece.name].append(score_system(spec, piece.rows, spans, name=system.name, model_id=model_id))
    return scored


def _pairs(scores: list[SystemScore], *, unit: str, resamples: int, seed: int) -> list[PairStats]:
    """Every pair, the earlier system as A (the candidate first), on one set of document resamples."""
    indices = document_resamples(len(scores[0].doc_counts), resamples=resamples, seed=seed)
    return [
        compare_systems(a, b, unit=unit, indices=indices, seed=seed)  # type: ignore[arg-type]
        for i, a in enumerate(scores)
        for b in scores[i + 1 :]
    ]


# --- output ----------------------------------------------------------------------------------------


def _described(system: _System) -> dict[str, Any]:
    """A system as --json names it (identifier typing only where kp runs a model)."""
    described = attrs.asdict(system)
    if system.source != "model":
        del described["identifier_typing"]
    return described


def _system_json(score: SystemScore) -> dict[str, Any]:
    scores = score.result["scores"]
    f1, f2 = scores["entity_f1"], scores["entity_f2"]
    leak = scores.get("national_id_leakage") or {}
    return {
        "name": score.name,
        "precision": f1["precision"],
        "recall": f1["recall"],
        "f1": f1["f1"],
        "f2": f2["f2"],
        "national_id_leak_rate": leak.get("leak_rate"),
        # the leak metric's own counts: decode-bearing national IDs plus coverage-only ones
        "national_id_subjects": int(leak.get("decode_bearing_total", 0) + leak.get("coverage_only_total", 0)),
        "result": score.result,
    }


def _pair_json(pair: PairStats) -> dict[str, Any]:
    m = pair.mcnemar
    return {
        "a": pair.a,
        "b": pair.b,
        "f1_a": pair.f1_a,
        "f1_b": pair.f1_b,
        "mcnemar": {
            "unit": pair.unit,
            "units": pair.units,
            "b": m.b,
            "c": m.c,
            "p_value": m.p_value,
            "chi2_cc": m.chi2_cc,
        },
        "bootstrap": pair.bootstrap.to_json(0.95),
    }


def _document(
    systems: list[_System],
    slices: list[_Slice],
    scored: dict[str, list[SystemScore]],
    pairs: dict[str, list[PairStats]],
    verdict: Any,
    settings: dict[str, Any],
) -> dict[str, Any]:
    return {
        "candidate": systems[0].name,
        "systems": [_described(s) for s in systems],
        "settings": settings,
        "slices": [
            {
                "slice": piece.name,
                "file": str(piece.path),
                "documents": len(piece.rows),
                "systems": [_system_json(s) for s in scored[piece.name]],
                "pairs": [_pair_json(p) for p in pairs[piece.name]],
            }
            for piece in slices
        ],
        "verdict": verdict.to_json(),
    }


def _leak(system: Mapping[str, Any]) -> str:
    """The national-ID leak rate, or "-" where the slice has no national-ID subject (ECHR)."""
    if not system["national_id_subjects"]:
        return "-"
    return f"{system['national_id_leak_rate']:.3f}"


def format_document(document: Mapping[str, Any]) -> str:
    """The tables of a ``kp compare`` document: per slice, each system's scores and each pair's tests."""
    unit = document["settings"]["mcnemar_unit"]
    lines = []
    width = max(len(s["name"]) for s in document["systems"])
    for piece in document["slices"]:
        lines.append(f"{piece['slice']} ({piece['documents']} documents)")
        lines.append(f"  {'system':<{width}}  {'P':>6} {'R':>6} {'F1':>6} {'F2':>6}  national-ID leak")
        for s in piece["systems"]:
            lines.append(
                f"  {s['name']:<{width}}  {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['f2']:6.3f}  "
                f"{_leak(s)}"
            )
        for p in piece["pairs"]:
            m, bs = p["mcnemar"], p["bootstrap"]
            lines.append(
                f"  {p['a']} vs {p['b']}: F1 difference {bs['delta']:+.4f}, 95% CI [{bs['ci_low']:+.4f}, "
                f"{bs['ci_high']:+.4f}], bootstrap p={bs['p_value']:.3g}; McNemar over {m['units']} {unit}s "
                f"b={m['b']} c={m['c']}, exact p={m['p_value']:.3g}"
            )
        lines.append("")
    lines.append(document["verdict"]["line"])
    return "\n".join(lines)


# --- the command -----------------------------------------------------------------------------------


@click.command()
@click.option(
    "--model",
    "-m",
    "models",
    multiple=True,
    metavar="REF",
    help="A system kp runs (repeatable): family name, family:ref, checkpoint folder or Hub id. The first is the candidate.",
)
@click.option(
    "--baseline",
    "baselines",
    multiple=True,
    metavar="REF",
    help="A system kp runs that the candidate must beat (repeatable; never the candidate), as it is: "
    "without kp's identifier typing.",
)
@click.option(
    "--predictions",
    multiple=True,
    metavar="NAME=FILE",
    help="A system kp cannot run, by its output (repeatable): rows in the core format (kp predict --json); "
    "a FOLDER with one file per slice, named as the gold file, when there are several slices.",
)
@click.option(
    "--data",
    "data_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A gold slice (JSONL or JSON list; repeatable).",
)
@click.option(
    "--data-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of the EuroPriv-Bench dev slices (<slice>_realskeleton_rows.json: it, se, cz, dk).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Compare on the first N rows of each slice.")
@click.option("--device", default="auto", show_default=True, help="auto or a backend (kp backends), for every model.")
@click.option(
    "--alpha",
    type=click.FloatRange(0.0, 1.0, min_open=True, max_open=True),
    default=0.05,
    show_default=True,
    help="Family-wise significance level of the verdict (Bonferroni over slices x baselines).",
)
@click.option(
    "--resamples",
    type=click.IntRange(min=1),
    default=F1_DIFFERENCE_RESAMPLES,
    show_default=True,
    help="Document resamples of the paired bootstrap.",
)
@click.option(
    "--seed", type=int, default=PAIRED_BOOTSTRAP_SEED, show_default=True, help="Seed of the paired bootstrap."
)
@click.option(
    "--mcnemar-unit",
    type=click.Choice(UNITS),
    default="subject",
    show_default=True,
    help="What McNemar pairs: subjects (distinct type and value per document, the contract's unit) or strict gold entities.",
)
@progress_option
@json_option
def compare(
    models: tuple[str, ...],
    baselines: tuple[str, ...],
    predictions: tuple[str, ...],
    data_files: tuple[Path, ...],
    data_dir: Path | None,
    limit: int | None,
    device: str,
    alpha: float,
    resamples: int,
    seed: int,
    mcnemar_unit: str,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Compare systems head to head on gold slices: strict F1 of each, and per pair the exact
    McNemar test and a paired bootstrap of the F1 difference. The verdict line applies the seed's
    rule: the candidate (the first --model) is best only when it beats every other system
    significantly on every slice. The verdict is a result (exit 0 either way); docs/compare.md.
    """  # fmt: skip
    from kp_core.evaluation.compare_verdict import CORRECTION, verdict

    if not data_files and data_dir is None:
        raise click.UsageError("give the gold slices with --data FILE (repeatable) or --data-dir DIR")
    systems = _systems(models, baselines, predictions)
    slices = _slices(data_files, data_dir, limit)
    given = _given_spans(systems, slices)  # files are paired with the gold before any model loads
    detectors = _detectors(systems, device)
    scored = _run(systems, slices, given, detectors, show_progress(progress))
    pairs = {name: _pairs(scores, unit=mcnemar_unit, resamples=resamples, seed=seed) for name, scores in scored.items()}
    candidate = systems[0].name
    judged = [(name, p) for name, ps in pairs.items() for p in ps if p.a == candidate]
    result = verdict(candidate, judged, alpha=alpha)
    settings = {
        "alpha": alpha,
        "correction": CORRECTION,
        "resamples": resamples,
        "seed": seed,
        "mcnemar_unit": mcnemar_unit,
        "limit": limit,
        "scorer": "builtin",
    }
    document = _document(systems, slices, scored, pairs, result, settings)
    if as_json:
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        click.echo(format_document(document))
