"""The gliner environment: gliner with its own transformers pin, and no kp-torch beside it."""

from __future__ import annotations

import importlib
import importlib.util
from importlib.metadata import PackageNotFoundError, version

import pytest


def _release(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("+")[0].split(".")[:3] if part.isdigit())


def test_gliner_is_installed_with_a_transformers_below_5_17() -> None:
    assert importlib.util.find_spec("gliner") is not None
    assert _release(version("transformers")) < (5, 17)


def test_kp_torch_is_not_installed_here() -> None:
    with pytest.raises(PackageNotFoundError):
        version("kp-torch")
    # The source folder may sit on sys.path as a namespace; the package itself must not import.
    with pytest.raises(ImportError):
        importlib.import_module("kp_torch.plugin")
    from kp_core.plugins.registry import get_registry

    assert "xlmr-ner" not in get_registry().families
