"""The mlx environment holds kp-core and kp-mlx with mlx, and no torch stack at all (what
``pip list`` shows): kp-mlx must work where torch cannot even be installed."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

import pytest


def test_mlx_and_kp_mlx_are_installed() -> None:
    assert version("mlx")
    assert version("kp-mlx") and version("kp-core")


@pytest.mark.parametrize(
    "distribution", ["torch", "transformers", "kp-torch", "kp-torch-runtime", "gliner", "kp-gliner"]
)
def test_no_torch_stack_is_installed(distribution: str) -> None:
    with pytest.raises(PackageNotFoundError):
        version(distribution)
