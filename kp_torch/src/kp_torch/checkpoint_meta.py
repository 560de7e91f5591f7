"""``kp.json``: what kp records next to a saved checkpoint, and how it is read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

KP_JSON = "kp.json"
OPERATING_POINT_JSON = "operating_point.json"
FORMAT_VERSION = 1


def read_kp_json(folder: str | Path) -> dict[str, Any] | None:
    """The folder's kp.json, or None when the folder is a plain transformers checkpoint."""
    path = Path(folder) / KP_JSON
    if not path.is_file():
        return None
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})") from exc
    if not isinstance(payload, dict):
        raise ValueError(f"{path}: expected a JSON object")
    return payload


def write_kp_json(folder: str | Path, payload: dict[str, Any]) -> Path:
    path = Path(folder) / KP_JSON
    path.write_text(json.dumps({"format": FORMAT_VERSION, **payload}, indent=2, ensure_ascii=False) + "\n")
    return path
