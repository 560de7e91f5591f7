"""``--device`` for gliner models goes through kp-core's resolution: in this environment (no
kp-torch) kp-gliner registers torch's cpu/cuda/mps itself; a missing device falls back with kp's
one-line message, an unknown one is an error."""

from __future__ import annotations

import pytest

from kp_core.plugins.devices import DeviceUnavailableError
from kp_core.plugins.registry import get_registry
from kp_gliner.backends import kp_torch_installed
from kp_gliner.runtime import resolve_device


def test_torch_backends_come_from_kp_gliner_without_kp_torch() -> None:
    assert not kp_torch_installed()
    backends = {b.name: b for b in get_registry().backends if b.framework == "torch"}
    assert set(backends) == {"cpu", "cuda", "mps"}
    assert {b.provider for b in backends.values()} == {"gliner"}
    assert backends["cpu"].availability().available


def test_auto_and_cpu() -> None:
    import torch

    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert resolve_device("auto", echo=None) == expected
    assert resolve_device("cpu", echo=None) == "cpu"


def test_missing_device_falls_back_with_one_line() -> None:
    missing = next((b for b in get_registry().backends if not b.availability().available), None)
    if missing is None:
        pytest.skip("every torch device is available on this machine")
    lines: list[str] = []
    chosen = resolve_device(missing.name, echo=lines.append)
    assert chosen != missing.name
    [line] = lines
    assert line.startswith(f"kp: device {missing.name!r} is unavailable (")
    assert line.endswith(f"falling back to {chosen!r}")


def test_unknown_device_is_an_error() -> None:
    with pytest.raises(DeviceUnavailableError, match="unknown backend 'tpu'"):
        resolve_device("tpu", echo=None)
