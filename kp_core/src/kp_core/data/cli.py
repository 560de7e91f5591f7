"""``kp data validate | stats | split``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from kp_core.cli.options import (
    STDIO,
    check_overwrite,
    hidden_alias,
    json_option,
    note,
    overwrite_option,
    progress_option,
    show_progress,
)
from kp_core.data.io import DataError, Source
from kp_core.errors import EXIT_CHECK_FAILED, KpError


def _label_map(ctx: click.Context, param: click.Parameter, value: str | None) -> dict[str, str | None] | None:
    if value is None:
        return None
    from kp_core.data.labels import parse_label_map

    try:
        return parse_label_map(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


def _scheme(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from kp_core.taxonomy.crosswalk import schemes

    if value not in schemes():
        raise click.BadParameter(f"unknown scheme {value!r}; known: {', '.join(schemes())}", ctx=ctx, param=param)
    return value


def check_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A click callback: a surrogate language kp has a locale for (ISO 639-1, any case), or an
    error listing them; unknown codes would otherwise fall back to English silently."""
    from kp_core.anonymize.locale_choice import LANGUAGE_COUNTRY

    return _locale_code(ctx, param, value, value.lower() if value else value, "language", sorted(LANGUAGE_COUNTRY))


def check_country(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A click callback: a surrogate country kp has a locale for (ISO 3166-1 alpha-2, any case)."""
    from kp_core.anonymize.locale_choice import COUNTRY_LANGUAGE

    return _locale_code(ctx, param, value, value.upper() if value else value, "country", sorted(COUNTRY_LANGUAGE))


def _locale_code(
    ctx: click.Context, param: click.Parameter, value: str | None, code: str | None, what: str, known: list[str]
) -> str | None:
    if value is None:
        return None
    if code not in known:
        # The value is an option the user typed, not data, so it may be shown.
        raise click.BadParameter(
            f"{value!r} is not a {what} kp has surrogates for; accepted: {', '.join(known)}", ctx=ctx, param=param
        )
    return code


def label_options(command: Any) -> Any:
    """--label-map and --scheme, shared by every command that reads rows."""
    command = click.option(
        "--scheme",
        callback=_scheme,
        help="Map labels of this scheme (e.g. tab, mapa, presidio) to KP types through its crosswalk.",
    )(command)
    return click.option(
        "--label-map",
        callback=_label_map,
        metavar="JSON",
        help='Label -> KP type map, inline JSON or a JSON file; null drops a label: {"DEM": null}.',
    )(command)


class _LegacyFileArgument(click.Argument):
    """The positional FILE of earlier releases: still read for one release, left out of the usage
    line (``--input`` is the one spelling)."""

    def get_usage_pieces(self, ctx: click.Context) -> list[str]:
        return []


def input_options(command: Any) -> Any:
    """``--input/-i FILE`` (``-`` = stdin) and the hidden positional FILE it replaces."""
    command = click.argument("legacy_file", cls=_LegacyFileArgument, required=False, metavar="FILE")(command)
    return click.option(
        "--input",
        "-i",
        "input_path",
        metavar="FILE",
        help="Rows: JSONL or a JSON list, gzip or not (- = stdin).",
    )(command)


def resolve_input(input_path: str | None, legacy_file: str | None) -> str:
    """The one input file of a command, ``-`` for stdin; refused when missing or unreadable."""
    from kp_core.data.paths import check_input_file

    if input_path is not None and legacy_file is not None:
        raise click.UsageError("the positional FILE is the old spelling of --input; give only one")
    if legacy_file is not None:
        note("the positional FILE is deprecated and will go in the next release; use --input FILE")
        input_path = legacy_file
    if input_path is None:
        raise click.UsageError("Missing option '--input' / '-i' (the rows to read; - for stdin).")
    if input_path != STDIO:
        check_input_file(input_path, "--input")
    return input_path


def _source(input_path: str) -> Source:
    from kp_core.data.io import RowStream

    return RowStream(sys.stdin.buffer) if input_path == STDIO else Path(input_path)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _bad_rows(exc: DataError, input_path: str) -> DataError:
    """The first bad row, with where to look for the others (one line)."""
    return DataError(f"{exc}; run `kp data validate --input {input_path}` to list every bad row")


def _load(input_path: str, label_map: dict | None, scheme: str | None, progress: bool) -> list:
    from tqdm import tqdm

    from kp_core.data.examples import iter_examples

    rows = iter_examples(_source(input_path), label_map=label_map, scheme=scheme)
    try:
        return list(tqdm(rows, desc="load", unit=" rows", file=sys.stderr, disable=not progress))
    except DataError as exc:
        raise _bad_rows(exc, input_path) from None


@click.command()
@input_options
@label_options
@click.option("--no-grid", is_flag=True, help="Skip the whitespace-grid check (token collisions, spans on no token).")
@progress_option
@json_option
def validate(
    input_path: str | None,
    legacy_file: str | None,
    label_map: dict | None,
    scheme: str | None,
    no_grid: bool,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Check every row of --input (JSONL or a JSON list, optionally gzipped) and report each defect.

    Reports name the file, line (JSONL) or row index (JSON list), offsets and labels, never the
    text of a span. Exits 1 when any row is bad, 0 when the file is clean.
    """
    from kp_core.data.validate import validate as run_validate

    path = resolve_input(input_path, legacy_file)
    report = run_validate(
        _source(path), label_map=label_map, scheme=scheme, strict=not no_grid, progress=show_progress(progress)
    )
    if as_json:
        _echo_json(report.to_json())
    else:
        for problem in report.problems:
            click.echo(f"{problem} [{problem.code}]")
        click.echo(report.summary(), err=not report.ok)
    if not report.ok:
        raise SystemExit(EXIT_CHECK_FAILED)


@click.command()
@input_options
@label_options
@progress_option
@json_option
def stats(
    input_path: str | None,
    legacy_file: str | None,
    label_map: dict | None,
    scheme: str | None,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Documents, spans per type, languages, domains, countries, lengths, templating, and documents
    per sensitivity level and with or without personal data, of --input."""
    from kp_core.data.examples import iter_examples
    from kp_core.data.stats import compute_stats

    path = resolve_input(input_path, legacy_file)
    rows = iter_examples(_source(path), label_map=label_map, scheme=scheme)
    try:
        result = compute_stats(rows, progress=show_progress(progress))
    except DataError as exc:
        raise _bad_rows(exc, path) from None
    if result.docs == 0:  # as validate and evaluate: a file without rows is a mistake, not a dataset
        raise KpError(f"{_shown(path)}: no documents (the file holds no rows)")
    if as_json:
        _echo_json({"source": _shown(path), **result.to_json()})
    else:
        click.echo(result.format())


def _shown(input_path: str) -> str:
    from kp_core.data.io import STDIN_NAME

    return STDIN_NAME if input_path == STDIO else input_path


SPLIT_FILES = {"train": "train.jsonl", "eval": "eval.jsonl"}
SPLIT_MANIFEST = "split.json"


@click.command()
@input_options
@click.option(
    "--eval-fraction", type=click.FloatRange(0, 1, min_open=True, max_open=True), default=0.1, show_default=True
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder that gets train.jsonl, eval.jsonl and split.json.  [required]",
)
@click.option(
    "--group-key",
    type=click.Choice(["skeleton", "template_id"]),
    default="skeleton",
    show_default=True,
    help="What must not cross sides: the text skeleton, or the rows' template_id.",
)
@click.option(
    "--per-language/--merged", default=True, show_default=True, help="Give every language its own eval share."
)
@click.option(
    "--max-group-share",
    type=click.FloatRange(0, 1, min_open=True),
    default=0.7,
    show_default=True,
    help="No single template group may be more than this share of a language's eval (1 turns the guard off).",
)
@click.option("--carve-out", is_flag=True, help="Drop train rows sharing a direct-identifier value with eval.")
@label_options
@overwrite_option
@progress_option
@json_option
@hidden_alias("--out-dir", "out", type=click.Path(file_okay=False, path_type=Path))
def split(
    input_path: str | None,
    legacy_file: str | None,
    eval_fraction: float,
    seed: int,
    out: Path | None,
    group_key: str,
    per_language: bool,
    max_group_share: float,
    carve_out: bool,
    label_map: dict | None,
    scheme: str | None,
    overwrite: bool,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Split --input into template-disjoint train and eval sets, written to the folder --out.

    Existing train.jsonl, eval.jsonl or split.json in --out are refused unless --overwrite is given.
    """
    from kp_core import __version__
    from kp_core.data.io import write_jsonl
    from kp_core.data.paths import atomic_write_text
    from kp_core.data.split import subject_carve_out, template_disjoint_split
    from kp_core.taxonomy import TAXONOMY_VERSION

    path = resolve_input(input_path, legacy_file)
    if out is None:
        raise click.UsageError("Missing option '--out' (the folder that gets train.jsonl and eval.jsonl).")
    _check_split_outputs(out, path, overwrite)
    examples = _load(path, label_map, scheme, show_progress(progress))
    if not examples:
        raise KpError(f"{_shown(path)}: no documents (the file holds no rows)")
    result = template_disjoint_split(
        examples,
        eval_fraction=eval_fraction,
        seed=seed,
        group_key=group_key,  # type: ignore[arg-type]
        per_language=per_language,
        max_group_share=max_group_share,
    )
    train = result.train
    carve = None
    if carve_out:
        carve = subject_carve_out(train, result.eval)
        train = carve.train
    write_jsonl(train, out / SPLIT_FILES["train"])
    write_jsonl(result.eval, out / SPLIT_FILES["eval"])
    manifest = {
        "source": _shown(path),
        "kp_version": __version__,
        "taxonomy_version": TAXONOMY_VERSION,
        "files": dict(SPLIT_FILES),
        "train_rows": len(train),
        "eval_rows": len(result.eval),
        "split": result.info.to_json(),
        "carve_out": carve.info.to_json() if carve is not None else None,
    }
    # Written last: a split.json says the two row files beside it are complete. A report: umask mode.
    atomic_write_text(out / SPLIT_MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    if as_json:
        _echo_json(manifest)
        return
    _echo_split(result.info, len(train), len(result.eval), group_key, carve, out)


def _check_split_outputs(out: Path, input_path: str, overwrite: bool) -> None:
    """Refuse, before reading a row, outputs that cannot be written, exist (without --overwrite) or
    are the input."""
    from kp_core.data.paths import check_output_file, refuse_same_file

    outputs = [out / name for name in (*SPLIT_FILES.values(), SPLIT_MANIFEST)]
    for target in outputs:
        check_output_file(target, "--out")
        check_overwrite(target, overwrite)
        refuse_same_file({"--out": target}, {"--input": input_path})


def _echo_split(info: Any, train_rows: int, eval_rows: int, group_key: str, carve: Any, out: Path) -> None:
    click.echo(
        f"train {train_rows} rows / eval {eval_rows} rows; "
        f"{info.train_groups} / {info.eval_groups} {group_key} groups, disjoint"
    )
    for entry in info.languages:
        click.echo(
            f"  {entry.language}: train {entry.train_rows}, eval {entry.eval_rows} "
            f"({entry.eval_groups} groups, largest {entry.largest_eval_group_share:.0%} of eval)"
        )
    if carve is not None:
        click.echo(f"carve-out: removed {carve.info.removed_rows} train rows sharing an identifier with eval")
    click.echo(f"wrote {out / SPLIT_FILES['train']}, {SPLIT_FILES['eval']}, {SPLIT_MANIFEST}")
