"""``kp data validate | stats | split``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from kp_core.data.io import DataError


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


_FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
_JSON = click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of text.")


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _load(file: Path, label_map: dict | None, scheme: str | None) -> list:
    from tqdm import tqdm

    from kp_core.data.examples import iter_examples
    from kp_core.data.validate import progress_enabled

    rows = iter_examples(file, label_map=label_map, scheme=scheme)
    try:
        return list(tqdm(rows, desc="load", unit=" rows", file=sys.stderr, disable=not progress_enabled()))
    except DataError as exc:
        raise click.ClickException(f"{exc}\n(run `kp data validate {file}` to list every bad row)") from None


@click.command()
@_FILE
@label_options
@click.option("--no-grid", is_flag=True, help="Skip the whitespace-grid check (token collisions, spans on no token).")
@_JSON
def validate(file: Path, label_map: dict | None, scheme: str | None, no_grid: bool, as_json: bool) -> None:
    """Check every row of FILE (JSONL or a JSON list, optionally gzipped) and report each defect.

    Reports name the file, line (JSONL) or row index (JSON list), offsets and labels, never the
    text of a span. Exits 1 when any row is bad, 0 when the file is clean.
    """
    from kp_core.data.validate import validate as run_validate

    report = run_validate(file, label_map=label_map, scheme=scheme, strict=not no_grid)
    if as_json:
        _echo_json(report.to_json())
    else:
        for problem in report.problems:
            click.echo(f"{problem} [{problem.code}]")
        click.echo(report.summary(), err=not report.ok)
    if not report.ok:
        raise SystemExit(1)


@click.command()
@_FILE
@label_options
@_JSON
def stats(file: Path, label_map: dict | None, scheme: str | None, as_json: bool) -> None:
    """Documents, spans per type, languages, domains, countries, lengths and templating of FILE."""
    from kp_core.data.examples import iter_examples
    from kp_core.data.stats import compute_stats
    from kp_core.data.validate import progress_enabled

    try:
        result = compute_stats(iter_examples(file, label_map=label_map, scheme=scheme), progress=progress_enabled())
    except DataError as exc:
        raise click.ClickException(f"{exc}\n(run `kp data validate {file}` to list every bad row)") from None
    if result.docs == 0:  # as validate and evaluate: a file without rows is a mistake, not a dataset
        raise click.ClickException(f"{file}: no documents (the file holds no rows)")
    if as_json:
        _echo_json({"source": str(file), **result.to_json()})
    else:
        click.echo(result.format())


@click.command()
@_FILE
@click.option(
    "--eval-fraction", type=click.FloatRange(0, 1, min_open=True, max_open=True), default=0.1, show_default=True
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--out-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Gets train.jsonl, eval.jsonl and split.json.",
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
@_JSON
def split(
    file: Path,
    eval_fraction: float,
    seed: int,
    out_dir: Path,
    group_key: str,
    per_language: bool,
    max_group_share: float,
    carve_out: bool,
    label_map: dict | None,
    scheme: str | None,
    as_json: bool,
) -> None:
    """Split FILE into template-disjoint train and eval sets."""
    from kp_core import __version__
    from kp_core.data.io import write_jsonl
    from kp_core.data.split import SplitError, subject_carve_out, template_disjoint_split
    from kp_core.taxonomy import TAXONOMY_VERSION

    examples = _load(file, label_map, scheme)
    if not examples:
        raise click.ClickException(f"{file}: no documents (the file holds no rows)")
    try:
        result = template_disjoint_split(
            examples,
            eval_fraction=eval_fraction,
            seed=seed,
            group_key=group_key,  # type: ignore[arg-type]
            per_language=per_language,
            max_group_share=max_group_share,
        )
    except SplitError as exc:
        raise click.ClickException(str(exc)) from None
    train = result.train
    carve = None
    if carve_out:
        carve = subject_carve_out(train, result.eval)
        train = carve.train
    write_jsonl(train, out_dir / "train.jsonl")
    write_jsonl(result.eval, out_dir / "eval.jsonl")
    manifest = {
        "source": str(file),
        "kp_version": __version__,
        "taxonomy_version": TAXONOMY_VERSION,
        "files": {"train": "train.jsonl", "eval": "eval.jsonl"},
        "train_rows": len(train),
        "eval_rows": len(result.eval),
        "split": result.info.to_json(),
        "carve_out": carve.info.to_json() if carve is not None else None,
    }
    (out_dir / "split.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if as_json:
        _echo_json(manifest)
        return
    info = result.info
    click.echo(
        f"train {len(train)} rows / eval {len(result.eval)} rows; "
        f"{info.train_groups} / {info.eval_groups} {group_key} groups, disjoint"
    )
    for entry in info.languages:
        click.echo(
            f"  {entry.language}: train {entry.train_rows}, eval {entry.eval_rows} "
            f"({entry.eval_groups} groups, largest {entry.largest_eval_group_share:.0%} of eval)"
        )
    if carve is not None:
        click.echo(f"carve-out: removed {carve.info.removed_rows} train rows sharing an identifier with eval")
    click.echo(f"wrote {out_dir}/train.jsonl, eval.jsonl, split.json")
