"""The torch backends (kp-torch-runtime's), through the conformance kit and the plugin host."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

from kp_core.plugins.devices import resolve_device
from kp_core.plugins.registry import get_registry
from kp_core.testing import BackendConformance, PluginConformance


class TestTorchPlugin(PluginConformance):
    plugin_name = "torch"


class TestTorchRuntimePlugin(PluginConformance):
    plugin_name = "torch-runtime"


def test_torch_devices_are_registered_once_by_kp_torch_runtime() -> None:
    backends = [b for b in get_registry().backends if b.framework == "torch"]
    assert sorted(b.name for b in backends) == ["cpu", "cuda", "mps"]
    assert {b.provider for b in backends} == {"torch-runtime"}
    with pytest.raises(ImportError):
        importlib.import_module("kp_torch.backends")
    with pytest.raises(ImportError):
        importlib.import_module("kp_torch.runtime")


class TestCpuBackend(BackendConformance):
    backend_name = "cpu"

    def test_cpu_is_available(self, backend) -> None:
        assert backend.availability().available


class TestCudaBackend(BackendConformance):
    backend_name = "cuda"


class TestMpsBackend(BackendConformance):
    backend_name = "mps"


def test_auto_picks_an_available_torch_device() -> None:
    choice = resolve_device("auto", get_registry(), framework="torch")
    assert choice.backend.availability().available
    assert choice.backend.framework == "torch"


def test_missing_device_falls_back_with_a_message() -> None:
    import torch

    if torch.cuda.is_available():
        return  # on a GPU machine there is no fallback to show for cuda
    choice = resolve_device("cuda", get_registry(), framework="torch")
    assert choice.name in {"cpu", "mps"}
    assert choice.message.startswith("device 'cuda' is unavailable (")


def test_cli_start_does_not_import_torch() -> None:
    code = (
        "import sys; from kp_core.cli import build_cli; build_cli(); "
        "print(json.dumps(sorted(m for m in ('torch','transformers','peft') if m in sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_kp_backends_json_lists_torch_devices() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kp_core", "backends", "--json"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert rows["cpu"]["available"] is True and rows["cpu"]["framework"] == "torch"
    for name in ("cuda", "mps"):
        assert name in rows
        if not rows[name]["available"]:
            assert rows[name]["reason"]
