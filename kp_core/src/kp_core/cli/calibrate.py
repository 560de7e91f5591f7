"""``kp calibrate``: search a model's operating point (transition biases) on a dev set and save it
next to the checkpoint, where the model's loader picks it up."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("calibrate")
@click.option(
    "--model", "-m", required=True, help="Checkpoint folder (or family:folder) of a model with log-probabilities."
)
@click.option("--data", "data_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--objective",
    type=click.Choice(["f1", "recall@precision", "leak"]),
    default="f1",
    show_default=True,
    help="What to optimise (recall@precision and leak hold precision at --precision-floor).",
)
@click.option("--precision-floor", default=0.9, show_default=True, type=click.FloatRange(0.0, 1.0))
@click.option("--max-rounds", default=6, show_default=True, type=click.IntRange(min=1))
@click.option(
    "--out",
    "out_dir",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write (default: the model folder).",
)
@click.option("--device", default="auto", show_default=True)
def calibrate(model, data_path, objective, precision_floor, max_rounds, out_dir, device) -> None:
    """Coordinate descent over the six transition biases, scored with strict entity metrics."""
    from kp_core.data import load_examples
    from kp_core.decoding.calibration import CalibrationError, describe, save_calibration
    from kp_core.decoding.calibration import calibrate as run
    from kp_core.plugins.models import ModelResolutionError, clear_detector_cache, load_detector, resolve_model_ref

    try:
        _, model_ref = resolve_model_ref(model)
        target = out_dir or Path(model_ref)
        if out_dir is None and not target.is_dir():
            raise click.UsageError(f"{model} is not a local folder; pass --out to say where the operating point goes")
        examples = load_examples(data_path)
        detector = load_detector(model, device=device)
        result = run(
            detector,
            examples,
            objective=objective,
            precision_floor=precision_floor,
            max_rounds=max_rounds,
            progress=lambda line: click.echo(line, err=True),
        )
    except (ModelResolutionError, CalibrationError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    point_path, record_path = save_calibration(result, target)
    clear_detector_cache()  # the next load of this folder must see the new operating point
    click.echo(f"documents {result.documents} (unscorable {result.unscorable_documents}), {result.evaluations} decodes")
    click.echo(f"before  {describe(result.before)}")
    click.echo(f"after   {describe(result.after)}")
    click.echo(f"wrote {point_path} and {record_path}")
