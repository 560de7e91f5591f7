"""The torch environment: transformers >= 5 for kp-torch, and no gliner (which pins it lower)."""

from __future__ import annotations

import importlib
import importlib.util
from importlib.metadata import PackageNotFoundError, version

import pytest


def test_transformers_is_5_or_newer() -> None:
    major = int(version("transformers").split(".")[0])
    assert major >= 5


def test_gliner_is_not_installed_here() -> None:
    assert importlib.util.find_spec("gliner") is None
    with pytest.raises(PackageNotFoundError):
        version("gliner")
    with pytest.raises(PackageNotFoundError):
        version("kp-gliner")
