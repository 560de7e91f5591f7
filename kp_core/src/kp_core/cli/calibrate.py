"""``kp calibrate``: search a model's operating point (transition biases) on a dev set and save it
next to the checkpoint, where the model's loader picks it up.

``--out`` defaults to the model folder itself (that is where loaders look for
``operating_point.json``); a folder that already holds a calibration is replaced only with
``--overwrite``, as every kp output is (docs/cli.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kp_core.cli.options import json_option, model_option, progress_option, show_progress
from kp_core.errors import KpError


@click.command("calibrate")
@model_option(required=True, help="Checkpoint folder (or family:folder) of a model with log-probabilities.")
@click.option("--data", "data_path", required=True, metavar="FILE", help="Gold rows (JSONL or JSON list) to score on.")
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
    metavar="DIR",
    type=click.Path(path_type=Path),
    help="Folder for operating_point.json and calibration.json [default: the model folder, where its loader "
    "reads the point].",
)
@click.option(
    "--overwrite", is_flag=True, help="Replace a calibration the --out folder already holds (default: refuse)."
)
@click.option("--device", default="auto", show_default=True, help="auto or a backend (kp backends).")
@progress_option
@json_option
def calibrate(
    model: str,
    data_path: str,
    objective: str,
    precision_floor: float,
    max_rounds: int,
    out_dir: Path | None,
    overwrite: bool,
    device: str,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Coordinate descent over the six transition biases, scored with strict entity metrics.

    Writes operating_point.json (what the model's loader applies) and calibration.json (how it was
    found) into the model folder, or into --out. A model that was calibrated before starts the
    search from its saved point; replacing that calibration needs --overwrite.
    """
    from kp_core.data import load_examples
    from kp_core.data.paths import check_input_file
    from kp_core.decoding.calibration import calibrate as run
    from kp_core.plugins.models import clear_detector_cache, load_detector

    check_input_file(data_path, "--data")
    target = _target_folder(model, out_dir)
    _check_target(target, overwrite)
    examples = load_examples(data_path)
    detector = load_detector(model, device=device)
    result = run(
        detector,
        examples,
        objective=objective,
        precision_floor=precision_floor,
        max_rounds=max_rounds,
        progress=_progress_lines(show_progress(progress)),
    )
    point_path, record_path = _save(result, target)
    clear_detector_cache()  # the next load of this folder must see the new operating point
    _report(result, model, point_path, record_path, as_json)


def _target_folder(model: str, out_dir: Path | None) -> Path:
    """--out, else the model's own folder (a Hub id or family default has none to write into)."""
    from kp_core.plugins.models import resolve_model_ref

    _, model_ref = resolve_model_ref(model)
    if out_dir is not None:
        return out_dir
    folder = Path(model_ref)
    if not folder.is_dir():
        raise KpError(f"--model {model} is not a local folder; give --out DIR to say where the operating point goes")
    return folder


def _check_target(target: Path, overwrite: bool) -> None:
    """Refuse, before the model loads, a target that cannot be written or already holds a
    calibration (unless --overwrite)."""
    from kp_core.data.paths import PathProblem, check_output_file
    from kp_core.decoding.calibration import CALIBRATION_JSON, OPERATING_POINT_JSON

    if os.path.lexists(target) and not target.is_dir():
        raise PathProblem(f"--out {target}: is a file, not a folder")
    for name in (OPERATING_POINT_JSON, CALIBRATION_JSON):
        check_output_file(target / name, "--out")
    held = [name for name in (OPERATING_POINT_JSON, CALIBRATION_JSON) if os.path.lexists(target / name)]
    if held and not overwrite:
        raise KpError(f"--out {target} already holds a calibration ({', '.join(held)}); give --overwrite to replace it")


def _progress_lines(enabled: bool) -> Callable[[str], None] | None:
    """Each round's line on stderr (stdout keeps the result only), or nothing."""
    if not enabled:
        return None
    return lambda line: click.echo(line, err=True)


def _save(result: Any, target: Path) -> tuple[Path, Path]:
    """Write both files into a temporary folder inside ``target``, then rename each into place,
    so a failure never leaves a half-written operating point for the loader to read."""
    from kp_core.decoding.calibration import save_calibration

    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target, prefix=".calibration."))
    try:
        written = save_calibration(result, staging)
        placed = tuple(target / path.name for path in written)
        for source, destination in zip(written, placed, strict=True):
            os.replace(source, destination)
    finally:
        for leftover in staging.iterdir():
            with contextlib.suppress(OSError):
                leftover.unlink()
        with contextlib.suppress(OSError):
            staging.rmdir()
    return placed[0], placed[1]


def _report(result: Any, model: str, point_path: Path, record_path: Path, as_json: bool) -> None:
    from kp_core.decoding.calibration import describe

    if as_json:
        payload = {
            "model": model,
            **result.to_json(),
            "operating_point_file": str(point_path),
            "calibration_file": str(record_path),
        }
        click.echo(json.dumps(payload, indent=2))
        return
    click.echo(f"documents {result.documents} (unscorable {result.unscorable_documents}), {result.evaluations} decodes")
    click.echo(f"before  {describe(result.before)}")
    click.echo(f"after   {describe(result.after)}")
    click.echo(f"wrote {point_path} and {record_path}")
