"""Texts to check an export or a model on: a JSONL file (``text`` field) or a plain file (one
text per non-empty line). Errors name the file and the line."""

from __future__ import annotations

import json
from pathlib import Path

from kp_core.errors import KpError


class TextsFileError(KpError, ValueError):
    """A texts file that cannot be read as texts."""


def read_texts(path: str | Path) -> list[str]:
    """The texts of ``path`` (``.jsonl``: each row's ``text``; otherwise each non-empty line)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TextsFileError(
            f"{path}: cannot read the texts ({type(exc).__name__}); give a UTF-8 text or JSONL file"
        ) from None
    if path.suffix != ".jsonl":
        texts = [line for line in lines if line.strip()]
    else:
        texts = []
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise TextsFileError(f"{path}:{number}: no 'text' field ({type(exc).__name__})") from None
            if not isinstance(value, str):
                raise TextsFileError(f"{path}:{number}: 'text' is not a string")
            texts.append(value)
    if not texts:
        raise TextsFileError(f"{path}: no texts; give one text per line or JSONL rows with a 'text' field")
    return texts
