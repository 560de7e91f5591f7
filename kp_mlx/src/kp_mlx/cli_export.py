"""``kp export mlx``: re-save a checkpoint for MLX (optionally quantized) with a parity report."""

from __future__ import annotations

from pathlib import Path

import click


@click.group("export")
def export() -> None:
    """Export a checkpoint for another runtime."""


@export.command("mlx")
@click.option(
    "--model",
    "model_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Checkpoint folder (kp-torch's or any HF token classifier).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Export folder, named with the -mlx suffix [default: MODEL-mlx].",
)
@click.option(
    "--quantize", "bits", type=click.Choice(["8", "4"]), default=None, help="Quantize weights to 8 or 4 bits."
)
@click.option(
    "--group-size",
    type=click.Choice(["32", "64", "128"]),
    default="64",
    show_default=True,
    help="Quantization group size.",
)
@click.option(
    "--texts",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Texts for the parity report: JSONL with a text field, or one text per line [default: a built-in multilingual sample].",
)
@click.option("--overwrite", is_flag=True, help="Replace an existing --out folder.")
@click.option("--json", "as_json", is_flag=True, help="Print the parity report as JSON.")
def export_mlx_command(
    model_dir: Path,
    out: Path | None,
    bits: str | None,
    group_size: str,
    texts: Path | None,
    overwrite: bool,
    as_json: bool,
) -> None:
    """Write an MLX checkpoint folder and a parity report against the source."""
    import json

    from kp_mlx.checkpoint import CheckpointError
    from kp_mlx.export import ExportError, export_mlx, read_texts

    try:
        sample = read_texts(texts) if texts is not None else None
        folder, report = export_mlx(
            model_dir,
            out,
            bits=int(bits) if bits else None,
            group_size=int(group_size),
            texts=sample,
            overwrite=overwrite,
        )
    except (ExportError, CheckpointError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps({"out": str(folder), **report.to_json()}, indent=2))
    else:
        click.echo(f"wrote {folder}")
        click.echo(report.summary())
