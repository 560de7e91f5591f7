"""``kp evaluate`` and ``kp leaderboard``."""

from __future__ import annotations

import datetime
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import click

from kp_core.cli.detector_options import Detection, detection_options
from kp_core.cli.options import hidden_alias, json_option, note, progress_option, show_progress
from kp_core.errors import KpError
from kp_core.evaluation.spec import EvalSpec

PER_TYPE_METRIC = "kp_entity_per_type"


class _Job(NamedTuple):
    """One spec scored on one gold file: one result row."""

    spec: EvalSpec
    path: Path


@attrs.frozen
class _Plan:
    jobs: list[_Job]
    not_scored: list[dict[str, str]]  # {"spec", "reason"}: specs reported, not silently skipped
    rows: dict[Path, list[dict[str, Any]]]


# --- before any model loads: files, keys, the leaderboard to add to ------------------------------


def _check_files(
    out: Path | None,
    dump: Path | None,
    compare: Path | None,
    data_files: tuple[Path, ...],
    predictions: Path | None,
    overwrite: bool,
) -> None:
    from kp_core.cli.options import check_overwrite
    from kp_core.data.paths import check_output_file, refuse_same_file

    for what, path in (("--out", out), ("--dump-predictions", dump)):
        if path is not None:
            check_output_file(path, what)
    written = {"--out": out, "--dump-predictions": dump}
    for data in data_files or (None,):
        refuse_same_file(written, {"--data": data, "--predictions": predictions, "--compare": compare})
    check_overwrite(dump, overwrite, "--dump-predictions")  # --out is added to, not replaced


def _check_leaderboard(out: Path | None, overwrite: bool) -> None:
    """An existing --out must be a leaderboard: this run's rows are added to it."""
    from kp_core.evaluation.leaderboard import LeaderboardError, read_leaderboard

    if out is None or overwrite or not os.path.lexists(out):
        return
    try:
        read_leaderboard(out)
    except LeaderboardError as exc:
        raise LeaderboardError(
            f"--out {exc}; --out adds this run's rows to a leaderboard file: give another path, "
            "or --overwrite to start a new leaderboard there"
        ) from None


def _missing_key_error(problem: Exception, compare: Path | None, keyed_compare: bool) -> KpError:
    from kp_core.anonymize.keys import KEY_ENV

    if os.environ.get(KEY_ENV):  # a key given, but too short
        return KpError(f"{KEY_ENV}: {problem}")
    if keyed_compare:
        return KpError(
            f"--compare {compare} holds keyed values: give the key it was written with (--key-file or {KEY_ENV})"
        )
    return KpError(
        f"--dump-predictions hashes values: give the key with --key-file or {KEY_ENV} (the same key "
        "for dumps that are compared), or write raw values with --dump-raw-values"
    )


def _dump_key_and_other(
    key_file: Path | None, dump: Path | None, raw_values: bool, compare: Path | None
) -> tuple[bytes | None, list[dict[str, Any]] | None]:
    """The dump key (when a dump is hashed or the compared dump is keyed) and the compared dump."""
    from kp_core.anonymize.keys import MissingKeyError, read_key_file, resolve_key
    from kp_core.evaluation.compare import HASH_PREFIX, SCHEME_HMAC, dump_scheme, read_dumps

    keyed_compare = compare is not None and dump_scheme(compare)[0] == SCHEME_HMAC
    key = None
    if key_file is not None:
        key = read_key_file(key_file)
    elif (dump is not None and not raw_values) or keyed_compare:
        try:
            key = resolve_key(None)
        except MissingKeyError as exc:
            raise _missing_key_error(exc, compare, keyed_compare) from None
    other = read_dumps(compare, key=key) if compare is not None else None
    if other is not None and any(
        str(s.get("value", "")).startswith(HASH_PREFIX) for d in other for s in d.get("subjects", ())
    ):
        note(
            f"{compare} is an older dump whose unkeyed sha256 values can be reversed by brute force; "
            "compared as is, but rewrite it with a key"
        )
    return key, other


# --- what is scored: specs and gold files --------------------------------------------------------


def _collect_specs(spec_files: tuple[Path, ...], suite: Path | None) -> list[EvalSpec]:
    from kp_core.evaluation.spec import load_suite

    specs = [EvalSpec.from_yaml(p) for p in spec_files]
    if suite is not None:
        specs.extend(load_suite(suite))
    return specs


def _rows(path: Path, cache: dict[Path, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    from kp_core.evaluation.data import load_rows

    if path not in cache:
        cache[path] = load_rows(path)
    return cache[path]


def _dev_slice_files(data_dir: Path) -> list[Path]:
    """The gold files --data-dir alone scores: the EuroPriv-Bench dev slices, found as ``kp main``
    finds them (a missing slice is an error naming it)."""
    from kp_core.evaluation.scorecard import EUROPRIV_SLICES, DevDataMissing, dev_files

    try:
        return list(dev_files(data_dir, None).values())
    except DevDataMissing as exc:
        raise DevDataMissing(
            f"--data-dir {data_dir}: {exc}. Without --spec/--suite, --data-dir scores the EuroPriv-Bench dev "
            f"slices ({', '.join(EUROPRIV_SLICES)}: <slice>_realskeleton_rows.json); give other gold files "
            "with --data FILE (repeatable)"
        ) from None


def _default_jobs(files: list[Path], cache: dict[Path, list[dict[str, Any]]]) -> list[_Job]:
    """The default detection spec on each file, named after it (one result row per file)."""
    from kp_core.evaluation.spec import default_spec

    return [_Job(default_spec(path, _rows(path, cache)), path) for path in files]


def _spec_jobs(
    specs: list[EvalSpec], data_files: tuple[Path, ...], data_dir: Path | None
) -> tuple[list[_Job], list[dict[str, str]]]:
    """Each spec on --data, or on its dataset config's file in --data-dir; a spec without one is
    reported with the reason (never silently skipped)."""
    from kp_core.evaluation.data import find_rows_file, rows_file_candidates

    if len(data_files) > 1:
        raise KpError("with --spec/--suite give one --data FILE (every spec reads it) or --data-dir DIR")
    if data_files:
        return [_Job(spec, data_files[0]) for spec in specs], []
    assert data_dir is not None
    jobs, not_scored = [], []
    for spec in specs:
        config = spec.dataset.config
        path = find_rows_file(data_dir, config)
        if path is not None:
            jobs.append(_Job(spec, path))
            continue
        if not config:
            reason = "the spec names no dataset config to look up"
        else:
            looked_for = ", ".join(p.name for p in rows_file_candidates(data_dir, config))
            reason = f"no file for dataset config {config!r} in {data_dir} (looked for {looked_for})"
        not_scored.append({"spec": spec.name, "file": str(spec.path or ""), "reason": reason})
    return jobs, not_scored


def _adjust_specs(jobs: list[_Job], only: str | None, metrics: str | None, per_type: bool) -> list[_Job]:
    """--only keeps matching specs; --metrics replaces each metric list; --per-type adds per-type scores."""
    from kp_core.evaluation.runner import check_spec

    if only:
        jobs = [j for j in jobs if only in j.spec.name or (j.spec.path is not None and only in j.spec.path.name)]
    if metrics:
        keys = tuple(k.strip() for k in metrics.split(",") if k.strip())
        jobs = [j._replace(spec=j.spec.with_metrics(keys)) for j in jobs]
    if per_type:
        jobs = [
            j
            if PER_TYPE_METRIC in j.spec.metrics
            else j._replace(spec=j.spec.with_metrics((*j.spec.metrics, PER_TYPE_METRIC)))
            for j in jobs
        ]
    for job in jobs:  # every spec is checked before any model loads or any row is scored
        check_spec(job.spec)
    return jobs


def _refuse_clashes(jobs: list[_Job]) -> None:
    """Rows are keyed by spec name in a leaderboard entry: two jobs of one name would overwrite each other."""
    seen: dict[str, Path] = {}
    for job in jobs:
        if job.spec.name in seen:
            raise KpError(
                f"{seen[job.spec.name]} and {job.path} would both be scored as spec {job.spec.name!r} "
                "(a result is named after its file or spec); give files of distinct names"
            )
        seen[job.spec.name] = job.path


def _plan(
    data_files: tuple[Path, ...],
    data_dir: Path | None,
    specs: list[EvalSpec],
    only: str | None,
    metrics: str | None,
    per_type: bool,
) -> _Plan:
    cache: dict[Path, list[dict[str, Any]]] = {}
    not_scored: list[dict[str, str]] = []
    if specs:
        jobs, not_scored = _spec_jobs(specs, data_files, data_dir)
    else:
        files = list(dict.fromkeys(data_files)) if data_files else _dev_slice_files(data_dir)  # type: ignore[arg-type]
        jobs = _default_jobs(files, cache)
    jobs = _adjust_specs(jobs, only, metrics, per_type)
    not_scored = [n for n in not_scored if not only or only in n["spec"] or only in Path(n["file"]).name]
    if not jobs:
        if only:
            raise KpError(f"--only {only!r} matches no spec that has gold rows")
        reasons = "; ".join(f"{n['spec']}: {n['reason']}" for n in not_scored)
        raise KpError(f"no spec could be run: {reasons}")
    _refuse_clashes(jobs)
    return _Plan(jobs, not_scored, cache)


# --- the system scored ----------------------------------------------------------------------------


def _detection_flags_given(detection: Detection) -> list[str]:
    """The detection flags set to something else than their default."""
    flags = []
    for field in attrs.fields(Detection):
        if getattr(detection, field.name) != field.default:
            flag = field.name.replace("_", "-")
            flags.append(f"--no-{flag}" if field.default is True else f"--{flag}")
    return flags


def _check_predictions(detection: Detection, predictions: Path | None, jobs: list[_Job]) -> None:
    if predictions is None:
        return
    given = _detection_flags_given(detection)
    if given:
        raise click.UsageError(
            f"{', '.join(given)} set(s) up a model; --predictions scores given spans: give one or the other"
        )
    files = list(dict.fromkeys(job.path for job in jobs))
    if len(files) > 1:
        raise KpError(
            f"--predictions holds one system's output for one gold file, but this run reads {len(files)} "
            f"({', '.join(p.name for p in files)}): give one --data FILE, or select one spec with --only"
        )


def _evaluator(name: str | None) -> Any:
    from kp_core.evaluation.evaluators import default_evaluator
    from kp_core.plugins.registry import get_registry

    name = name or default_evaluator()

    evaluator = get_registry().evaluator(name)
    availability = evaluator.availability()
    if not availability.available:
        raise KpError(f"--evaluator {name}: not available: {availability.reason}")
    return evaluator


class _System:
    """What each job is scored for: the model's detector, or a StaticDetector over --predictions."""

    def __init__(self, detection: Detection, predictions: Path | None, adapter: str | None, model_id: str | None):
        self.predictions, self.adapter, self.model_id = predictions, adapter, model_id
        self.detector = detection.load() if predictions is None else None

    def for_rows(self, rows: list[dict[str, Any]]) -> Any:
        if self.predictions is None:
            return self.detector
        from kp_core.evaluation.data import StaticDetector, load_predictions

        return StaticDetector(
            [r["text"] for r in rows],
            load_predictions(self.predictions, rows),
            name=self.adapter or "predictions",
            model_id=self.model_id or self.predictions.name,
        )


def _score(
    plan: _Plan,
    system: _System,
    evaluator: Any,
    *,
    limit: int | None,
    timestamp: str,
    dumps: list[dict[str, Any]] | None,
    progress: bool,
) -> list[dict[str, Any]]:
    from tqdm import tqdm

    results = []
    for job in plan.jobs:
        rows = _rows(job.path, plan.rows)
        scored = system.for_rows(rows)
        n = len(rows) if limit is None else min(limit, len(rows))
        with tqdm(
            total=n, desc=job.spec.name[:48], unit="doc", disable=not progress, file=sys.stderr, leave=False
        ) as bar:
            results.append(
                evaluator.run(
                    job.spec, scored, rows, limit=limit, timestamp=timestamp, dumps=dumps, progress=bar.update
                )
            )
    return results


# --- the command -----------------------------------------------------------------------------------


@click.command()
@detection_options
@click.option(
    "--predictions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score another system's output instead of a model: rows in the core format whose spans are its predictions.",
)
@click.option(
    "--data",
    "data_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold rows (JSONL or JSON list). Repeatable: each file is scored, one result row each.",
)
@click.option(
    "--data-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of gold files. Alone: its EuroPriv-Bench dev slices (<slice>_realskeleton_rows.json), "
    "one result row each. With --spec/--suite: each spec's dataset config file (<config>.jsonl, "
    "it_realskeleton_rows.json, ...).",
)
@click.option(
    "--suite", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder of spec files (*.yaml)."
)
@click.option(
    "--spec",
    "spec_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A spec file (repeatable).",
)
@click.option("--metrics", help="Comma-separated metric keys, replacing each spec's list.")
@click.option("--only", help="Run only specs (or files) whose name contains this text.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N rows of each dataset.")
@click.option(
    "--evaluator",
    "evaluator_name",
    help="europriv (the EuroPriv-Bench harness itself), builtin (kp's conformant scorer), or a plugin's "
    "evaluator. Default: europriv where the harness is importable, else builtin; each row names its scorer.",
)
@click.option("--per-type", is_flag=True, help="Also score and show strict P/R/F1 per KP type and spec.")
@click.option("--name", "adapter_name", help="Adapter name recorded for --predictions (default: predictions).")
@click.option("--model-id", help="Model id recorded for --predictions (default: the file name).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Add this run's rows to the schema-3 leaderboard JSON here (created when missing; a row of the "
    "same model and spec is replaced).",
)
@click.option(
    "--overwrite",
    is_flag=True,
    help="Start a new leaderboard at --out instead of adding to it; replace an existing --dump-predictions.",
)
@click.option(
    "--dump-predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write per-subject detection outcomes (for McNemar) here.",
)
@click.option(
    "--dump-raw-values",
    is_flag=True,
    help="Write national-ID values in clear in the dump (default: HMAC-SHA256 under the key).",
)
@click.option(
    "--key-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="File holding the key that hashes dump values (default: $KP_PSEUDONYM_KEY); --compare needs the same key.",
)
@click.option(
    "--compare",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Another dump file: paired McNemar and paired bootstrap of this run against it.",
)
@click.option(
    "--task",
    type=click.Choice(["auto", "detection", "classification"]),
    default="auto",
    show_default=True,
    help="What the model does: auto reads it from the model's family; a classifier is scored on document "
    "labels (per-label P/R/F1, micro/macro F1, PERSONAL_DATA AUROC and ECE, level accuracy, bootstrap CIs).",
)
@progress_option
@json_option
def evaluate(
    detection: Detection,
    predictions: Path | None,
    data_files: tuple[Path, ...],
    data_dir: Path | None,
    suite: Path | None,
    spec_files: tuple[Path, ...],
    metrics: str | None,
    only: str | None,
    limit: int | None,
    evaluator_name: str | None,
    per_type: bool,
    adapter_name: str | None,
    model_id: str | None,
    out: Path | None,
    overwrite: bool,
    dump_predictions: Path | None,
    dump_raw_values: bool,
    key_file: Path | None,
    compare: Path | None,
    task: str,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Score a model (--model, default rules), or another system's --predictions, in EuroPriv-Bench
    0.2.0 terms.

    Without spec files, each --data FILE, or each EuroPriv-Bench dev slice in --data-dir DIR, is
    scored with a default detection spec (entity_f1, entity_f2, national_id_leakage) named after
    the file. --out adds the rows to a leaderboard file; --overwrite starts a new one.
    """
    if data_files and data_dir is not None:
        raise click.UsageError("give --data or --data-dir, not both")
    if not data_files and data_dir is None:
        raise click.UsageError("give the gold rows with --data FILE or --data-dir DIR")
    if _is_classifier(task, detection):
        _evaluate_classifier(locals(), detection, data_files, data_dir, limit, progress, as_json)
        return
    # Files, keys and the leaderboard are checked, and the compared dump read, before any model loads.
    _check_files(out, dump_predictions, compare, data_files, predictions, overwrite)
    _check_leaderboard(out, overwrite)
    dump_key, other = _dump_key_and_other(key_file, dump_predictions, dump_raw_values, compare)
    plan = _plan(data_files, data_dir, _collect_specs(spec_files, suite), only, metrics, per_type)
    _check_predictions(detection, predictions, plan.jobs)
    for missing in plan.not_scored:
        note(f"spec {missing['spec']!r} not scored: {missing['reason']}")
    evaluator = _evaluator(evaluator_name)
    system = _System(detection, predictions, adapter_name, model_id)

    timestamp = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    dumps: list[dict[str, Any]] | None = [] if (dump_predictions or compare) else None
    results = _score(
        plan, system, evaluator, limit=limit, timestamp=timestamp, dumps=dumps, progress=show_progress(progress)
    )
    comparison = _compare(dumps, other, dump_key, compare)
    _write_outputs(out, overwrite, results, dump_predictions, dumps, timestamp, dump_raw_values, dump_key)
    _show(results, plan.not_scored, comparison, as_json=as_json, per_type=per_type)
    if plan.not_scored:
        note(f"{len(plan.not_scored)} of {len(plan.not_scored) + len(plan.jobs)} spec(s) not scored (reasons above)")


def _is_classifier(task: str, detection: Detection) -> bool:
    """Whether the model is scored as a document classifier: --task says so, or (auto) its family's task."""
    from kp_core.classification.api import CLASSIFICATION, WrongTaskError, model_task

    if task == "auto":
        if detection.model is None:
            return False
        try:
            return model_task(detection.model)[2] == CLASSIFICATION
        except KpError:
            return False  # not resolvable: the detection path refuses it, in its own order of checks
    if task == "classification":
        if detection.model is None:
            raise click.UsageError("--task classification needs the classifier: -m REF")
        family, _, found = model_task(detection.model)
        if found != CLASSIFICATION:
            raise WrongTaskError(f"--task classification: model {detection.model} is a span-detection model ({family})")
    return task == "classification"


def _evaluate_classifier(
    given: dict[str, Any],
    detection: Detection,
    data_files: tuple[Path, ...],
    data_dir: Path | None,
    limit: int | None,
    progress: bool | None,
    as_json: bool,
) -> None:
    """A classifier on each --data file (or dev slice of --data-dir): document-label scores. The
    span-scoring machinery (specs, evaluators, leaderboards, dumps) does not apply and is refused."""
    from kp_core.classification.cli import evaluate_classifier_files, refuse_span_options, show_classifier_report

    refuse_span_options(given, _detection_flags_given(detection))
    files = list(dict.fromkeys(data_files)) if data_files else _dev_slice_files(data_dir)  # type: ignore[arg-type]
    document = evaluate_classifier_files(
        detection.model, files, device=detection.device, limit=limit, progress=show_progress(progress)
    )
    show_classifier_report(document, as_json)


def _compare(
    dumps: list[dict[str, Any]] | None, other: list[dict[str, Any]] | None, key: bytes | None, compare: Path | None
) -> list[dict[str, Any]] | None:
    from kp_core.evaluation.compare import DumpError, compare_dumps

    if other is None or dumps is None:
        return None
    try:
        return compare_dumps(dumps, other, key=key)
    except DumpError as exc:
        raise DumpError(f"--compare {compare}: {exc}") from None


def _write_outputs(
    out: Path | None,
    overwrite: bool,
    results: list[dict[str, Any]],
    dump_path: Path | None,
    dumps: list[dict[str, Any]] | None,
    timestamp: str,
    raw_values: bool,
    key: bytes | None,
) -> None:
    from kp_core.evaluation.compare import write_dumps
    from kp_core.evaluation.leaderboard import add_to_leaderboard

    if out is not None:
        board = add_to_leaderboard(results, out, overwrite=overwrite)
        note(f"{len(results)} row(s) written to leaderboard {out} ({len(board['entries'])} model(s) in it)")
    if dump_path is not None and dumps is not None:
        write_dumps(dump_path, dumps, timestamp=timestamp, raw_values=raw_values, key=key)
        note(f"per-subject dump written to {dump_path}")


def _show(
    results: list[dict[str, Any]],
    not_scored: list[dict[str, str]],
    comparison: list[dict[str, Any]] | None,
    *,
    as_json: bool,
    per_type: bool,
) -> None:
    from kp_core.evaluation.compare import format_comparison
    from kp_core.evaluation.leaderboard import build_leaderboard, format_leaderboard

    if as_json:
        document = {"results": results, "not_scored": not_scored, "comparison": comparison}
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    click.echo(format_leaderboard(build_leaderboard(results), per_type=per_type))
    if comparison is not None:
        click.echo("")
        click.echo(format_comparison(comparison))


# --- kp leaderboard --------------------------------------------------------------------------------


def _read_board(path: Path) -> Mapping[str, Any]:
    from kp_core.evaluation.leaderboard import read_leaderboard, read_leaderboard_text

    if os.fspath(path) == "-":
        return read_leaderboard_text(sys.stdin.read(), "<stdin>")
    return read_leaderboard(path)


_LEADERBOARD_FILE = click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path)


@click.command()
@hidden_alias("--in", "input", type=_LEADERBOARD_FILE)
@click.option("--input", "-i", "input", type=_LEADERBOARD_FILE, help="Leaderboard JSON (kp evaluate --out); - = stdin.")
@click.option("--per-type", is_flag=True, help="Also show strict P/R/F1 per KP type (rows scored with --per-type).")
@json_option
def leaderboard(input: Path | None, per_type: bool, as_json: bool) -> None:
    """Print a schema-3 leaderboard: strict P/R/F1/F2 per spec and entry, then national-ID leak
    rate, missed, leaked QIs (and TAB, Track C and per-type tables where the rows have them)."""
    from kp_core.evaluation.leaderboard import format_leaderboard, has_per_type

    if input is None:
        raise click.UsageError("give the leaderboard file with --input FILE")
    board = _read_board(input)
    if as_json:
        click.echo(json.dumps(board, indent=2, ensure_ascii=False))
        return
    click.echo(format_leaderboard(board, per_type=per_type))
    if per_type and not has_per_type(board):
        note(f"{input} holds no per-type scores: evaluate with --per-type to add them")
