"""Fixtures of the mlx tests: the tiny checkpoints written by transformers (see tests/parity)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mlx"
ENCODERS = ("tiny-bert", "tiny-xlmr")
PRIVACY_FILTER = "tiny-privacy-filter"
ALL_MODELS = (*ENCODERS, PRIVACY_FILTER)


def fixture_folder(name: str) -> Path:
    folder = FIXTURES / name
    if not (folder / "model.safetensors").is_file():
        pytest.fail(f"fixture {folder} is missing; run `python -m tests.parity.make_fixtures` in the parity env")
    return folder


def reference_spans(name: str) -> tuple[list[str], list[list[list]]]:
    payload = json.loads((fixture_folder(name) / "reference_spans.json").read_text(encoding="utf-8"))
    return payload["texts"], payload["spans"]
