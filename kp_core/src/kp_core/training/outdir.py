"""The overwrite policy of a training run's ``--out`` folder (docs/cli.md).

A missing or empty folder is always fine. A folder that holds a previous run (its ``kp.json`` or
its resumable ``checkpoints/``) is refused unless ``--resume`` continues it or ``--overwrite``
starts again; any other non-empty folder is refused unless ``--overwrite`` is given.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from kp_core.training.data import TrainingError
from kp_core.training.state import checkpoint_root, latest_checkpoint

KP_JSON = "kp.json"  # the manifest every finished run writes (kp_core.plugins.manifest.KP_JSON)


def holds_previous_run(out: Path) -> bool:
    """Whether ``out`` holds a finished run (``kp.json``) or an unfinished one (``checkpoints/``)."""
    return (out / KP_JSON).is_file() or checkpoint_root(out).is_dir()


def check_run_folder(out: str | os.PathLike[str], *, resume: bool, overwrite: bool, flag: str = "--out") -> None:
    """Refuse ``out`` when training into it would silently replace what it holds."""
    folder = Path(out)
    if resume and overwrite:
        raise TrainingError("--resume continues the run in --out and --overwrite starts it again: give one")
    if not os.path.lexists(folder):
        return
    if not folder.is_dir():
        raise TrainingError(f"{flag} {folder}: not a folder")
    if not any(folder.iterdir()) or overwrite:
        return
    if resume:
        if latest_checkpoint(folder) is not None:
            return
        what = "a finished run and no checkpoint" if (folder / KP_JSON).is_file() else "no checkpoint"
        raise TrainingError(f"{flag} {folder} holds {what} to resume; give --overwrite to start again")
    if holds_previous_run(folder):
        raise TrainingError(
            f"{flag} {folder} holds a previous run; give --resume to continue it or --overwrite to start again"
        )
    raise TrainingError(f"{flag} {folder} is not empty; give --overwrite to train into it anyway")


def clear_previous_run(out: str | os.PathLike[str]) -> None:
    """Before a run started again with ``--overwrite``: remove the old ``kp.json`` (so the folder
    never describes the new weights with the old run's record) and the old checkpoints. The new
    model's files replace the old ones as they are saved; nothing else in the folder is touched."""
    folder = Path(out)
    (folder / KP_JSON).unlink(missing_ok=True)
    shutil.rmtree(checkpoint_root(folder), ignore_errors=True)
