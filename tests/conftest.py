"""Shared fixtures: the EuroPriv-Bench dev slices and the ECHR dev files beside the project."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV_DIR = ROOT.parent / "shared" / "data" / "europriv-dev"
ECHR_DIR = ROOT.parent / "shared" / "data" / "echr-dev"
DEV_SLICES = ("it", "se", "cz", "dk")


def _require(path: Path, what: str) -> Path:
    if path.is_dir():
        return path
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} missing at {path} (CI must have them)")
    pytest.skip(f"{what} not found at {path}")


def _require_dev_dir() -> Path:
    return _require(DEV_DIR, "EuroPriv-Bench dev slices")


@pytest.fixture(scope="session")
def echr_dir() -> Path:
    return _require(ECHR_DIR, "ECHR dev files")


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    return _require_dev_dir()


@pytest.fixture(scope="session")
def dev_rows() -> dict[str, list[dict]]:
    """Raw rows of each dev slice, keyed by slice name (it, se, cz, dk)."""
    base = _require_dev_dir()
    return {
        name: json.loads((base / f"{name}_realskeleton_rows.json").read_text(encoding="utf-8")) for name in DEV_SLICES
    }


@pytest.fixture
def dev_slice_file(tmp_path: Path):
    """Writes some rows of a dev slice as a slice file of its own (same name, same format)."""

    def write(name: str, rows: list[dict]) -> Path:
        path = tmp_path / f"{name}_realskeleton_rows.json"
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        return path

    return write
