"""``kp data generate``: write a synthetic multilingual PII dataset."""

from __future__ import annotations

import json
from pathlib import Path

import click


def _csv(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
    """A comma-separated list, in lower case: codes and domain names are matched in any case."""
    if value is None:
        return None
    return tuple(part.strip().lower() for part in value.split(",") if part.strip())


@click.command()
@click.option("--languages", callback=_csv, help="Comma-separated ISO 639-1 codes (default: all 22).")
@click.option(
    "--domains", callback=_csv, help="Comma-separated: clinical, legal, administrative, general (default: all)."
)
@click.option("--n", "n", type=click.IntRange(min=0), default=1000, show_default=True, help="Number of documents.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same bytes.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Output JSONL file.")
@click.option("--split", is_flag=True, help="Write <stem>.train.jsonl and <stem>.eval.jsonl (template-disjoint).")
@click.option("--eval-fraction", type=float, default=0.1, show_default=True, help="Eval share with --split.")
@click.option(
    "--label-scheme",
    type=click.Choice(["kp", "europriv"]),
    default="kp",
    show_default=True,
    help="kp: all 18 KP types; europriv: EuroPriv-Bench gold conventions (facility/court as ORG_PARTY, "
    "clinician as PERSON, statutes unlabelled).",
)
def generate(
    languages: tuple[str, ...] | None,
    domains: tuple[str, ...] | None,
    n: int,
    seed: int,
    out: Path,
    split: bool,
    eval_fraction: float,
    label_scheme: str,
) -> None:
    """Generate N synthetic documents with gold PII spans in the kp row format."""
    from kp_core.data.validate import progress_enabled
    from kp_core.generate.engine import write_dataset

    try:
        summary = write_dataset(
            out,
            languages,
            domains,
            n,
            seed,
            label_scheme=label_scheme,
            split=split,
            eval_fraction=eval_fraction,
            progress=progress_enabled(),
        )
    except (ValueError, KeyError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(summary, ensure_ascii=False))
