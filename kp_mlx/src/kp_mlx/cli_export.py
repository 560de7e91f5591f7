"""``kp export mlx`` (a target of kp-core's ``kp export`` group): re-save a checkpoint for MLX
(optionally quantized) with a parity report, and optionally publish the export to the Hugging Face
Hub (``--push ORG/NAME-mlx``)."""

from __future__ import annotations

from pathlib import Path

import click

MLX_VARIANT = "mlx"  # the name suffix an MLX export's repository must end in


@click.command("mlx")
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
@click.option(
    "--push",
    metavar="ORG/NAME",
    default=None,
    help="Publish the export with a model card to this Hub repository; the name ends in -mlx "
    "(kp-{task}-{base}-{size}-mlx), checked before exporting.",
)
@click.option("--private", is_flag=True, help="With --push: create the repository private.")
@click.option(
    "--any-name",
    is_flag=True,
    help="With --push: allow a name outside kp-{task}-{base}-{size}-mlx (third-party names).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the parity report as JSON.")
def export_mlx(
    model_dir: Path,
    out: Path | None,
    bits: str | None,
    group_size: str,
    texts: Path | None,
    overwrite: bool,
    push: str | None,
    private: bool,
    any_name: bool,
    as_json: bool,
) -> None:
    """Write an MLX checkpoint folder and a parity report against the source."""
    import json

    from kp_core.data.texts_file import read_texts
    from kp_mlx.checkpoint import CheckpointError
    from kp_mlx.export import ExportError
    from kp_mlx.export import export_mlx as write_export

    if (private or any_name) and push is None:
        raise click.UsageError("--private and --any-name go with --push ORG/NAME")
    if push is not None:
        from kp_core.hub.publish import repo_ref

        repo_ref(push, any_name=any_name, variant=MLX_VARIANT)  # a bad name fails before the export, not after
    try:
        sample = read_texts(texts) if texts is not None else None
        folder, report = write_export(
            model_dir,
            out,
            bits=int(bits) if bits else None,
            group_size=int(group_size),
            texts=sample,
            overwrite=overwrite,
        )
    except (ExportError, CheckpointError) as exc:
        raise click.ClickException(str(exc)) from None
    pushed = _publish(folder, push, private=private, any_name=any_name) if push is not None else None
    if as_json:
        click.echo(json.dumps({"out": str(folder), **report.to_json(), **(pushed or {})}, indent=2))
    else:
        click.echo(f"wrote {folder}")
        click.echo(report.summary())
        if pushed is not None:
            click.echo(f"published {folder} to {pushed['repo']} (commit {pushed['commit']})")


def _publish(folder: Path, repo: str, *, private: bool, any_name: bool) -> dict[str, str]:
    """The export folder and its model card in one commit to ``repo``; its id and the commit."""
    from kp_core.hub.publish import plan_publish, publish

    plan = plan_publish(folder, repo, any_name=any_name, variant=MLX_VARIANT)
    commit = publish(plan, private=private, message=f"kp export mlx {folder.name}", echo=_echo_err)
    return {"repo": plan.ref.repo_id, "commit": commit}


def _echo_err(line: str) -> None:
    click.echo(line, err=True)
