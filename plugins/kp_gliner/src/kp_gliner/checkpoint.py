"""A kp GLiNER checkpoint: gliner's own folder (``gliner_config.json``, ``model.safetensors``,
tokenizer) plus ``kp.json`` (family, base, taxonomy version, the label phrases it was trained on,
thresholds, training record, metrics), like every other kp family; kp.json is read and written
through :class:`kp_core.plugins.manifest.Manifest`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["GLINER_CONFIG", "is_gliner_folder", "save_model"]
GLINER_CONFIG = "gliner_config.json"


def is_gliner_folder(path: str | Path) -> bool:
    return (Path(path) / GLINER_CONFIG).is_file()


def save_model(model: Any, folder: str | Path) -> Path:
    """gliner's ``save_pretrained`` with safetensors weights (gliner's default is a pickle)."""
    folder = Path(folder)
    model.save_pretrained(str(folder), safe_serialization=True)
    stale = folder / "pytorch_model.bin"
    if stale.exists():  # an older pickle beside the new weights would be ambiguous
        stale.unlink()
    return folder
