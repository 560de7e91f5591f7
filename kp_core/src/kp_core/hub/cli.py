"""``kp publish RUN_DIR --repo ORG/NAME`` and ``kp data push FILE --repo ORG/NAME``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kp_core.cli.options import json_option, progress_option

ANY_NAME_HELP = "Allow a repository name outside kp's rule kp-{task}-{base}-{size}[-variant] (third-party names)."


def _echo_err(line: str) -> None:
    click.echo(line, err=True)


@click.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--repo", required=True, metavar="ORG/NAME", help="The Hub model repository to create or update.")
@click.option("--revision", metavar="BRANCH", help="Push to this branch (created when missing) [default: main].")
@click.option("--private", is_flag=True, help="Create the repository private.")
@click.option("--dry-run", is_flag=True, help="Print the model card and the file list; send nothing.")
@click.option(
    "--results",
    "results_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Evaluation results for the card (kp evaluate --out file, result rows, or a kp main scorecard.json); "
    "repeatable [default: the run's own scorecard.json when there is one].",
)
@click.option(
    "--card-template", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Your model card template."
)
@click.option("--license", "license_", metavar="ID", help="License of the model [default: the base's, when known].")
@click.option("--keep-checkpoints", is_flag=True, help="Keep resumable checkpoints a training run pushed.")
@click.option("--any-name", is_flag=True, help=ANY_NAME_HELP)
@json_option
def publish(
    run_dir: Path,
    repo: str,
    revision: str | None,
    private: bool,
    dry_run: bool,
    results_files: tuple[Path, ...],
    card_template: Path | None,
    license_: str | None,
    keep_checkpoints: bool,
    any_name: bool,
    as_json: bool,
) -> None:
    """Publish a trained run (a kp train --out or kp main --out folder) to the Hugging Face Hub,
    with a model card generated from the run."""
    from kp_core.hub.cards import read_results
    from kp_core.hub.publish import plan_publish
    from kp_core.hub.publish import publish as send

    results = [row for path in results_files for row in read_results(path)] if results_files else None
    plan = plan_publish(
        run_dir, repo, revision=revision, any_name=any_name, results=results, template=card_template, license=license_
    )
    if dry_run:
        if as_json:
            files = [{"path": u.path_in_repo, "bytes": u.size} for u in plan.uploads]
            click.echo(
                json.dumps(
                    {"repo": plan.ref.repo_id, "revision": revision, "files": files, "card": plan.card}, indent=2
                )
            )
        else:
            click.echo(plan.dry_run_text())
        return
    oid = send(plan, private=private, keep_checkpoints=keep_checkpoints, echo=_echo_err)
    if as_json:
        click.echo(json.dumps({"repo": plan.ref.repo_id, "revision": revision, "commit": oid}, indent=2))
    else:
        click.echo(f"published {plan.model_dir} to {plan.ref.repo_id} (commit {oid})")


@click.command("push")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--repo", required=True, metavar="ORG/NAME", help="The Hub dataset repository to create or update.")
@click.option("--path-in-repo", metavar="PATH", help="Where the file goes [default: data/<its name>].")
@click.option("--revision", metavar="BRANCH", help="Push to this branch (created when missing) [default: main].")
@click.option("--private", is_flag=True, help="Create the repository private.")
@click.option("--dry-run", is_flag=True, help="Print the dataset card and the file list; send nothing.")
@click.option(
    "--card-template", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Your dataset card template."
)
@progress_option
@json_option
def data_push(
    file: Path,
    repo: str,
    path_in_repo: str | None,
    revision: str | None,
    private: bool,
    dry_run: bool,
    card_template: Path | None,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Push a dataset file (kp rows, JSONL or JSON list) with a dataset card to the Hub."""
    from kp_core.hub.cards import dataset_card
    from kp_core.hub.naming import check_repo_id
    from kp_core.hub.push import CARD, Upload, commit, describe
    from kp_core.hub.refs import HubRef

    ref = HubRef(check_repo_id(repo, any_name=True), revision=revision, repo_type="dataset")
    card = dataset_card(file, repo_id=ref.repo_id, template=card_template)
    target = path_in_repo or f"data/{file.name}"
    uploads = [Upload(target, file), Upload(CARD, card.encode("utf-8"))]
    if dry_run:
        if as_json:
            files = [{"path": u.path_in_repo, "bytes": u.size} for u in uploads]
            click.echo(json.dumps({"repo": ref.repo_id, "files": files, "card": card}, indent=2))
        else:
            click.echo(
                "\n".join([f"would push to dataset {ref.repo_id}:", *describe(uploads), "", f"--- {CARD} ---", card])
            )
        return
    # Other files of the repository stay: a dataset repository holds several splits.
    oid = commit(
        ref, uploads, message=f"kp data push {file.name}", private=private, replace=lambda p: False, echo=_echo_err
    )
    if as_json:
        click.echo(json.dumps({"repo": ref.repo_id, "path": target, "commit": oid}, indent=2))
    else:
        click.echo(
            f"pushed {file} to dataset {ref.repo_id} as {target} (commit {oid}); pull it with --data {ref.repo_id}:{target}"
        )
