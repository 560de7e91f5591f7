"""``kp data generate``: write a synthetic multilingual PII dataset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kp_core.cli.options import (
    STDIO,
    check_overwrite,
    hidden_alias,
    json_option,
    overwrite_option,
    progress_option,
    show_progress,
)
from kp_core.errors import KpError

CONVENTIONS = ("kp", "europriv")


def _csv(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
    """A comma-separated list, in lower case: codes and domain names are matched in any case."""
    if value is None:
        return None
    return tuple(part.strip().lower() for part in value.split(",") if part.strip())


@click.command()
@click.option("--languages", callback=_csv, help="Comma-separated ISO 639-1 codes, any case (default: all 22).")
@click.option(
    "--domains", callback=_csv, help="Comma-separated: clinical, legal, administrative, general (default: all)."
)
@click.option("--docs", "-n", "docs", type=click.IntRange(min=0), default=1000, show_default=True, help="Documents.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same bytes.")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Output JSONL file (.gz: gzip); with --split, the training rows.",
)
@click.option(
    "--split", is_flag=True, help="Hold out a template-disjoint eval share: --out gets train, --eval-out eval."
)
@click.option(
    "--eval-out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="With --split: the eval rows [default: beside --out, <stem>.eval.jsonl].",
)
@click.option(
    "--eval-fraction",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    default=0.1,
    show_default=True,
    help="Eval share with --split.",
)
@click.option(
    "--conventions",
    type=click.Choice(CONVENTIONS, case_sensitive=False),
    default="kp",
    show_default=True,
    help="kp: all 18 KP types; europriv: EuroPriv-Bench gold conventions (facility/court as ORG_PARTY, "
    "clinician as PERSON, statutes unlabelled).",
)
@click.option(
    "--clean-share",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Share of documents with no personal data at all (lines without spans, cut from generated documents).",
)
@click.option(
    "--hard-negative-share",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Share of hard negatives: only organisation, court, facility, statute and date spans (level quasi).",
)
@overwrite_option
@progress_option
@json_option
@hidden_alias("--n", "docs", type=click.IntRange(min=0))
@hidden_alias("--label-scheme", "conventions", type=click.Choice(CONVENTIONS, case_sensitive=False))
def generate(
    languages: tuple[str, ...] | None,
    domains: tuple[str, ...] | None,
    docs: int,
    seed: int,
    out: Path,
    split: bool,
    eval_out: Path | None,
    eval_fraction: float,
    conventions: str,
    clean_share: float,
    hard_negative_share: float,
    overwrite: bool,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Generate --docs synthetic documents with gold PII spans in the kp row format.

    --clean-share and --hard-negative-share turn a share of them into documents without personal
    data and hard negatives (each row's "kind" says which: document, clean, hard_negative).

    Prints a short summary (--json: one JSON document). Existing outputs are refused unless
    --overwrite is given.
    """
    from kp_core.generate.engine import default_eval_path, write_dataset

    if eval_out is not None and not split:
        raise click.UsageError("--eval-out needs --split")
    if clean_share + hard_negative_share > 1:
        raise click.UsageError("--clean-share and --hard-negative-share add up to more than 1")
    held_out = (eval_out or default_eval_path(out)) if split else None
    _check_outputs(out, held_out, overwrite)
    try:
        summary = write_dataset(
            out,
            languages,
            domains,
            docs,
            seed,
            conventions=conventions.lower(),
            split=split,
            eval_fraction=eval_fraction,
            eval_path=held_out,
            progress=show_progress(progress),
            clean_share=clean_share,
            hard_negative_share=hard_negative_share,
        )
    except (ValueError, KeyError) as exc:
        if isinstance(exc, KpError):
            raise
        raise KpError(str(exc).strip("'\"")) from None
    summary.update(languages=list(languages or ()), domains=list(domains or ()), seed=seed, conventions=conventions)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
    else:
        click.echo(_summary_text(summary))


def _check_outputs(out: Path, eval_out: Path | None, overwrite: bool) -> None:
    """Refuse unusable or existing outputs before a document is generated."""
    from kp_core.data.paths import check_output_file, refuse_same_file

    for what, path in (("--out", out), ("--eval-out", eval_out)):
        if path is None:
            continue
        if str(path) == STDIO:
            raise KpError(f"{what} -: kp data generate writes a file, not stdout (a file named - is ./-)")
        check_output_file(path, what)
        check_overwrite(path, overwrite, what)
    refuse_same_file({"--out": out, "--eval-out": eval_out})


def _summary_text(summary: dict[str, Any]) -> str:
    """Two or three lines for a person: what was written where."""
    languages = ", ".join(summary["languages"]) or "all languages"
    domains = ", ".join(summary["domains"]) or "all domains"
    head = (
        f"generated {summary['docs']} documents ({languages}; {domains}; seed {summary['seed']}, "
        f"{summary['conventions']} conventions)"
    )
    kinds = summary.get("kinds", {})
    if kinds.get("clean") or kinds.get("hard_negative"):
        head += f": {kinds.get('clean', 0)} clean, {kinds.get('hard_negative', 0)} hard negatives"
    if "eval_path" not in summary:
        return f"{head}\nwrote {summary['rows']} rows to {summary['path']}"
    info = summary["split"]
    return (
        f"{head}\n"
        f"wrote {summary['rows']} training rows to {summary['path']}\n"
        f"wrote {summary['eval_rows']} eval rows to {summary['eval_path']} "
        f"(template-disjoint: {info['train_groups']} / {info['eval_groups']} groups)"
    )
