"""A kp GLiNER checkpoint: gliner's own folder (``gliner_config.json``, ``model.safetensors``,
tokenizer) plus ``kp.json`` (family, base, taxonomy version, the label phrases it was trained on,
thresholds, training record, metrics), like every other kp family."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

KP_JSON = "kp.json"
GLINER_CONFIG = "gliner_config.json"
FORMAT_VERSION = 1


def is_gliner_folder(path: str | Path) -> bool:
    return (Path(path) / GLINER_CONFIG).is_file()


def read_kp_json(folder: str | Path) -> dict[str, Any] | None:
    """The folder's kp.json, or None for a plain gliner checkpoint (e.g. one from the Hub)."""
    path = Path(folder) / KP_JSON
    if not path.is_file():
        return None
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})") from None
    if not isinstance(payload, dict):
        raise ValueError(f"{path}: expected a JSON object")
    return payload


def write_kp_json(folder: str | Path, payload: dict[str, Any]) -> Path:
    path = Path(folder) / KP_JSON
    path.write_text(json.dumps({"format": FORMAT_VERSION, **payload}, indent=2, ensure_ascii=False) + "\n")
    return path


def save_model(model: Any, folder: str | Path) -> Path:
    """gliner's ``save_pretrained`` with safetensors weights (gliner's default is a pickle)."""
    folder = Path(folder)
    model.save_pretrained(str(folder), safe_serialization=True)
    stale = folder / "pytorch_model.bin"
    if stale.exists():  # an older pickle beside the new weights would be ambiguous
        stale.unlink()
    return folder
