"""``kp.json``: what kp records next to a saved checkpoint, and how it is read back.

Every family writes the same file: ``{"format": 1, ...}`` followed by its own fields in the order
it gives them (family, base, taxonomy version, training record, data, run, metrics, ...).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

KP_JSON = "kp.json"
FORMAT_VERSION = 1


def read_kp_json(folder: str | Path) -> dict[str, Any] | None:
    """The folder's kp.json, or None when the folder has none (a plain upstream checkpoint).

    A file that is not a JSON object is a ``ValueError`` naming the file (and the line).
    """
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


def kp_json_text(payload: dict[str, Any]) -> str:
    """The text of a kp.json: the format version first, then ``payload`` in its own order."""
    return json.dumps({"format": FORMAT_VERSION, **payload}, indent=2, ensure_ascii=False) + "\n"


def write_kp_json(folder: str | Path, payload: dict[str, Any]) -> Path:
    """Write ``folder/kp.json`` (UTF-8) and return its path."""
    path = Path(folder) / KP_JSON
    path.write_text(kp_json_text(payload), encoding="utf-8")
    return path
