"""``kp export hf-bio`` and ``kp export onnx``: targets of kp-core's ``kp export`` group."""

from __future__ import annotations

import json
from pathlib import Path

import click

MODEL = click.argument("model", type=click.Path(file_okay=False, path_type=Path))
OUT = click.option(
    "--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write the export to."
)
OVERWRITE = click.option("--overwrite", is_flag=True, help="Replace an existing --out folder.")
JSON = click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON.")


@click.command("hf-bio")
@MODEL
@OUT
@OVERWRITE
@JSON
def export_hf_bio(model: Path, out: Path, overwrite: bool, as_json: bool) -> None:
    """Write a copy of MODEL whose labels read BIO (S- as B-, E- as I-; weights unchanged), for the
    transformers token-classification pipeline with aggregation_strategy="simple"."""
    from kp_torch.export.hf_bio import export_hf_bio as write_export

    folder, record = write_export(model, out, overwrite=overwrite)
    if as_json:
        click.echo(json.dumps({"out": str(folder), **record}, indent=2))
        return
    pipeline = record["pipeline"]
    click.echo(f"wrote {folder}")
    click.echo(
        f'use: pipeline("token-classification", model=..., aggregation_strategy="{pipeline["aggregation_strategy"]}")'
        + (f"; texts over {pipeline['model_max_length']} tokens: stride=..." if pipeline["model_max_length"] else "")
    )


@click.command("onnx")
@MODEL
@OUT
@click.option("--opset", type=click.IntRange(14, 23), default=18, show_default=True, help="ONNX opset version.")
@click.option(
    "--check",
    "check_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Texts for the parity check: JSONL with a text field, or one text per line "
    "[default: a built-in multilingual sample].",
)
@click.option(
    "--tolerance",
    type=click.FloatRange(min=0, min_open=True),
    default=1e-3,
    show_default=True,
    help="Largest |logit diff| against torch the export may show.",
)
@OVERWRITE
@JSON
def export_onnx(
    model: Path, out: Path, opset: int, check_file: Path | None, tolerance: float, overwrite: bool, as_json: bool
) -> None:
    """Write MODEL as an ONNX graph (dynamic batch and sequence axes) with its tokenizer, after
    checking ONNX Runtime's logits and kp's decoded spans against torch's."""
    from kp_torch.export.onnx import export_onnx as write_export
    from kp_torch.export.texts import read_texts

    texts = read_texts(check_file) if check_file is not None else None
    folder, report = write_export(model, out, opset=opset, texts=texts, tolerance=tolerance, overwrite=overwrite)
    if as_json:
        click.echo(json.dumps({"out": str(folder), "opset": opset, **report.to_json()}, indent=2))
        return
    click.echo(f"wrote {folder}")
    click.echo(report.summary())
