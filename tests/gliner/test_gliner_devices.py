"""``--device`` for gliner models goes through kp-core's resolution over the torch backends that
kp-torch-runtime registers, the same ones kp-torch uses (kp-torch itself is absent here): a
missing device falls back with kp's one-line message, an unknown one is an error."""

from __future__ import annotations

import importlib

import pytest

from kp_core.plugins.devices import DeviceUnavailableError
from kp_core.plugins.registry import get_registry
from kp_torch_runtime.runtime import select_runtime


def test_torch_backends_come_from_kp_torch_runtime() -> None:
    backends = {b.name: b for b in get_registry().backends if b.framework == "torch"}
    assert set(backends) == {"cpu", "cuda", "mps"}
    assert {b.provider for b in backends.values()} == {"torch-runtime"}
    assert backends["cpu"].availability().available


@pytest.mark.parametrize("module", ["kp_gliner.backends", "kp_gliner.runtime"])
def test_kp_gliner_keeps_no_copy_of_the_torch_runtime(module: str) -> None:
    with pytest.raises(ImportError):
        importlib.import_module(module)


def test_auto_and_cpu() -> None:
    import torch

    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert select_runtime("auto").device == expected
    assert select_runtime("cpu").device == "cpu"


def test_missing_device_falls_back_with_one_line() -> None:
    missing = next((b for b in get_registry().backends if not b.availability().available), None)
    if missing is None:
        pytest.skip("every torch device is available on this machine")
    lines: list[str] = []
    chosen = select_runtime(missing.name, echo=lines.append).device
    assert chosen != missing.name
    [line] = [line for line in lines if "unavailable" in line]
    assert line.startswith(f"kp: device {missing.name!r} is unavailable (")
    assert line.endswith(f"falling back to {chosen!r}")


def test_unknown_device_is_an_error() -> None:
    with pytest.raises(DeviceUnavailableError, match="unknown backend 'tpu'"):
        select_runtime("tpu")


def test_loading_resolves_the_device_through_the_shared_runtime(monkeypatch) -> None:
    from kp_gliner import loading

    seen: list[tuple[str, int | None]] = []

    def fake_select(requested: str, threads: int | None = None, **kwargs):
        seen.append((requested, threads))
        raise RuntimeError("stop after device resolution")

    import torch

    monkeypatch.setattr(loading, "select_runtime", fake_select)
    before = torch.get_num_threads()
    try:
        with pytest.raises(RuntimeError, match="stop after device resolution"):
            loading.load("unused", device="cpu", threads=1)
    finally:
        torch.set_num_threads(before)
    assert seen == [("cpu", 1)]
