"""``kp evaluate`` and ``kp leaderboard``."""

from __future__ import annotations

import datetime
import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from kp_core.cli.detector_options import identifier_typing_option
from kp_core.evaluation.spec import EvalSpec


def _fail(message: str) -> click.ClickException:
    return click.ClickException(message)


def _path_error(problem: OSError | str) -> click.ClickException:
    """A file problem: one line, what, which path and why, with click's own path-check status."""
    from kp_core.data.paths import PATH_EXIT_CODE, describe_os_error

    error = click.ClickException(problem if isinstance(problem, str) else describe_os_error(problem))
    error.exit_code = PATH_EXIT_CODE
    return error


def _check_files(
    out: Path | None, dump: Path | None, compare: Path | None, data: Path | None, predictions: Path | None
) -> None:
    from kp_core.data.paths import PathProblem, check_output_file, refuse_same_file

    try:
        for what, path in (("--out", out), ("--dump-predictions", dump)):
            if path is not None:
                check_output_file(path, what)
        refuse_same_file(
            {"--out": out, "--dump-predictions": dump},
            {"--data": data, "--predictions": predictions, "--compare": compare},
        )
    except PathProblem as exc:
        raise _path_error(str(exc)) from None


def _dump_key_and_other(
    key_file: Path | None, dump: Path | None, raw_values: bool, compare: Path | None
) -> tuple[bytes | None, list[dict[str, Any]] | None]:
    """The dump key (when a dump is hashed or the compared dump is keyed) and the compared dump."""
    from kp_core.anonymize.keys import KEY_ENV, MissingKeyError, read_key_file, resolve_key
    from kp_core.evaluation.compare import HASH_PREFIX, SCHEME_HMAC, dump_scheme, read_dumps

    try:
        keyed_compare = compare is not None and dump_scheme(compare)[0] == SCHEME_HMAC
        key = None
        if key_file is not None:
            key = read_key_file(key_file)
        elif (dump is not None and not raw_values) or keyed_compare:
            try:
                key = resolve_key(None)
            except MissingKeyError as exc:
                if os.environ.get(KEY_ENV):  # a key too short
                    raise _fail(f"{KEY_ENV}: {exc}") from None
                if keyed_compare:
                    raise _fail(
                        f"--compare {compare} holds keyed values: give the key it was written with "
                        f"(--key-file or {KEY_ENV})"
                    ) from None
                raise _fail(
                    f"--dump-predictions hashes values: give the key with --key-file or {KEY_ENV} (the same key "
                    "for dumps that are compared), or write raw values with --dump-raw-values"
                ) from None
        other = read_dumps(compare, key=key) if compare is not None else None
    except OSError as exc:
        raise _path_error(exc) from None
    except ValueError as exc:
        raise _fail(str(exc)) from None
    if other is not None and any(
        str(s.get("value", "")).startswith(HASH_PREFIX) for d in other for s in d.get("subjects", ())
    ):
        click.echo(
            f"note: {compare} is an older dump whose unkeyed sha256 values can be reversed by brute force; "
            "compared as is, but rewrite it with a key",
            err=True,
        )
    return key, other


def _collect_specs(spec_files: tuple[Path, ...], suite: Path | None) -> list[EvalSpec]:
    from kp_core.evaluation.spec import load_suite

    specs = [EvalSpec.from_yaml(p) for p in spec_files]
    if suite is not None:
        specs.extend(load_suite(suite))
    return specs


def _rows_for(
    spec: EvalSpec, data: Path | None, data_dir: Path | None, cache: dict[Path, list]
) -> tuple[Path | None, list | None]:
    from kp_core.evaluation.data import find_rows_file, load_rows

    path = data if data is not None else find_rows_file(data_dir, spec.dataset.config) if data_dir is not None else None
    if path is None:
        return None, None
    if path not in cache:
        cache[path] = load_rows(path)
    return path, cache[path]


@click.command()
@click.option(
    "--model", "model_ref", metavar="REF", help="Model to score: checkpoint folder, family name, family:ref, Hub id."
)
@click.option(
    "--predictions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score another system's output: rows in the core format whose spans are its predictions.",
)
@click.option(
    "--data", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Gold rows (JSONL or JSON list)."
)
@click.option(
    "--data-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of gold files named after each spec's dataset config (<config>.jsonl, it_realskeleton_rows.json, ...).",
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
@click.option("--only", help="Run only specs whose name or file name contains this text.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N rows of each dataset.")
@click.option(
    "--evaluator",
    "evaluator_name",
    default="builtin",
    show_default=True,
    help="builtin, europriv, or a plugin's evaluator.",
)
@click.option("--device", default="auto", show_default=True, help="Device for --model.")
@click.option("--bf16", is_flag=True, help="bfloat16 weights for --model (torch families).")
@identifier_typing_option
@click.option("--name", "adapter_name", help="Adapter name recorded for --predictions (default: predictions).")
@click.option("--model-id", help="Model id recorded for --predictions (default: the file name).")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the schema-3 leaderboard JSON here."
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
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print the result rows as JSON instead of tables.")
def evaluate(
    model_ref: str | None,
    predictions: Path | None,
    data: Path | None,
    data_dir: Path | None,
    suite: Path | None,
    spec_files: tuple[Path, ...],
    metrics: str | None,
    only: str | None,
    limit: int | None,
    evaluator_name: str,
    device: str,
    bf16: bool,
    identifier_typing: bool,
    adapter_name: str | None,
    model_id: str | None,
    out: Path | None,
    dump_predictions: Path | None,
    dump_raw_values: bool,
    key_file: Path | None,
    compare: Path | None,
    no_progress: bool,
    as_json: bool,
) -> None:
    """Score a model, or another system's predictions, in EuroPriv-Bench 0.2.0 terms.

    Without a spec file, ``--data FILE`` runs a default detection spec (entity_f1, entity_f2,
    national_id_leakage) named after the file.
    """
    from tqdm import tqdm

    from kp_core.data import DataError
    from kp_core.evaluation.compare import compare_dumps, format_comparison, write_dumps
    from kp_core.evaluation.data import PredictionsMismatchError, StaticDetector, load_predictions, load_rows
    from kp_core.evaluation.leaderboard import build_leaderboard, format_leaderboard, write_leaderboard
    from kp_core.evaluation.runner import UnsupportedTaskError, check_spec
    from kp_core.evaluation.spec import SpecError, default_spec
    from kp_core.plugins.registry import UnknownNameError, get_registry

    if (model_ref is None) == (predictions is None):
        raise click.UsageError("give exactly one of --model or --predictions")
    if data is not None and data_dir is not None:
        raise click.UsageError("give --data or --data-dir, not both")
    if data is None and data_dir is None:
        raise click.UsageError("give the gold rows with --data FILE or --data-dir DIR")
    # Files are checked, and the comparison dump read, before any model loads or row is scored.
    _check_files(out, dump_predictions, compare, data, predictions)
    dump_key, other = _dump_key_and_other(key_file, dump_predictions, dump_raw_values, compare)

    try:
        specs = _collect_specs(spec_files, suite)
        rows_cache: dict[Path, list] = {}
        if not specs:
            if data is None:
                raise click.UsageError("--data-dir needs spec files (--spec or --suite) to know which files to read")
            rows_cache[data] = load_rows(data)
            specs = [default_spec(data, rows_cache[data])]
        if only:
            specs = [s for s in specs if only in s.name or (s.path is not None and only in s.path.name)]
            if not specs:
                raise _fail(f"--only {only!r} matches no spec")
        if metrics:
            keys = tuple(k.strip() for k in metrics.split(",") if k.strip())
            specs = [s.with_metrics(keys) for s in specs]
        for spec in specs:  # every spec is checked before any model loads or any row is read
            check_spec(spec)
        try:
            evaluator = get_registry().evaluator(evaluator_name)
        except UnknownNameError as exc:
            raise _fail(str(exc)) from None
        availability = evaluator.availability()
        if not availability.available:
            raise _fail(f"evaluator {evaluator_name!r} is not available: {availability.reason}")

        detector = None
        if model_ref is not None:
            from kp_core.plugins.models import ModelResolutionError, load_detector

            try:
                detector = load_detector(
                    model_ref, device=device, identifier_typing=identifier_typing, **({"bf16": True} if bf16 else {})
                )
            except ModelResolutionError as exc:
                raise _fail(str(exc)) from None

        timestamp = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        dumps: list[dict[str, Any]] | None = [] if (dump_predictions or compare) else None
        results = []
        skipped = []
        for spec in specs:
            path, rows = _rows_for(spec, data, data_dir, rows_cache)
            if rows is None:
                skipped.append(spec)
                click.echo(
                    f"skipped {spec.name!r}: no rows for dataset config {spec.dataset.config!r} in {data_dir}", err=True
                )
                continue
            system = detector
            if predictions is not None:
                system = StaticDetector(
                    [r["text"] for r in rows],
                    load_predictions(predictions, rows),
                    name=adapter_name or "predictions",
                    model_id=model_id or predictions.name,
                )
            n = len(rows) if limit is None else min(limit, len(rows))
            with tqdm(
                total=n, desc=spec.name[:48], unit="doc", disable=no_progress, file=sys.stderr, leave=False
            ) as bar:
                results.append(
                    evaluator.run(
                        spec, system, rows, limit=limit, timestamp=timestamp, dumps=dumps, progress=bar.update
                    )
                )
        if not results:
            raise _fail("no spec could be run (no matching data)")
    except (SpecError, DataError, PredictionsMismatchError, UnsupportedTaskError, FileNotFoundError) as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _path_error(exc) from None
    except KeyError as exc:
        raise _fail(str(exc.args[0]) if exc.args else str(exc)) from None

    try:
        board = write_leaderboard(results, out) if out else build_leaderboard(results)
    except OSError as exc:
        raise _path_error(exc) from None
    if as_json:
        click.echo(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        click.echo(format_leaderboard(board))
    if out:
        click.echo(f"leaderboard written to {out}", err=True)
    if dump_predictions and dumps is not None:
        try:
            write_dumps(dump_predictions, dumps, timestamp=timestamp, raw_values=dump_raw_values, key=dump_key)
        except OSError as exc:
            raise _path_error(exc) from None
        click.echo(f"per-subject dump written to {dump_predictions}", err=True)
    if other is not None and dumps is not None:
        try:
            comparison = compare_dumps(dumps, other, key=dump_key)
        except ValueError as exc:
            raise _fail(f"{compare}: {exc}") from None
        click.echo("")
        click.echo(format_comparison(comparison))
    if skipped:
        click.echo(f"{len(skipped)} spec(s) skipped for lack of data", err=True)


@click.command()
@click.option(
    "--in",
    "in_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Leaderboard JSON.",
)
def leaderboard(in_path: Path) -> None:
    """Print a schema-3 leaderboard: F1/F2 per spec and entry, then national-ID leak rate, missed, leaked QIs."""
    from kp_core.evaluation.leaderboard import format_leaderboard, read_leaderboard

    try:
        board = read_leaderboard(in_path)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    click.echo(format_leaderboard(board))
