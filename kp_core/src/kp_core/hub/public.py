"""What a published ``kp.json`` may say about the machine it was trained on: nothing.

A run records its base, data and output as given (``/home/me/runs/x``); the published copy keeps
only their last component, so a push never discloses a user name or a folder layout. Hub
references and built-in names stay as they are.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def public_value(value: str) -> str:
    """``value`` with a path of this machine reduced to its last component."""
    text = value.strip()
    if not text or "\n" in text:
        return value
    written_as_path = Path(text).is_absolute() or text.startswith(("./", "../", "~")) or "\\" in text
    if written_as_path or (os.sep in text and Path(text).exists()):
        return Path(text.rstrip("/\\")).expanduser().name or value
    return value


def public_manifest(manifest: Any) -> Any:
    """``manifest`` (a kp.json document) with every local path reduced by :func:`public_value`."""
    if isinstance(manifest, str):
        return public_value(manifest)
    if isinstance(manifest, Mapping):
        return {key: public_manifest(item) for key, item in manifest.items()}
    if isinstance(manifest, list):
        return [public_manifest(item) for item in manifest]
    return manifest
