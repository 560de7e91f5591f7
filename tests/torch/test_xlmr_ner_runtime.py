"""Device selection for training and inference: priorities, --threads, fallbacks, no side effects."""

from __future__ import annotations

import platform

import pytest
import torch

from kp_core.plugins.devices import DeviceUnavailableError
from kp_core.plugins.registry import get_registry
from kp_torch.runtime import cpu_contention, select_runtime


def test_probing_every_torch_backend_leaves_cuda_uninitialised() -> None:
    for backend in get_registry().backends:
        if backend.framework == "torch":
            backend.availability()
    assert not torch.cuda.is_initialized()


def test_auto_takes_the_best_available_backend() -> None:
    runtime = select_runtime("auto", None)
    expected = "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
    assert runtime.device == expected
    assert runtime.fallback_message == ""


def test_threads_apply_on_cpu() -> None:
    before = torch.get_num_threads()
    try:
        runtime = select_runtime("cpu", 1)
        assert runtime.threads == 1 and torch.get_num_threads() == 1
        assert "1 threads" in runtime.describe()
    finally:
        torch.set_num_threads(before)


def test_missing_device_falls_back_with_one_line_or_raises_when_strict() -> None:
    missing = "cuda" if platform.system() == "Darwin" else "mps"
    if get_registry().backend(missing).availability().available:
        pytest.skip(f"{missing} is available here")
    lines: list[str] = []
    runtime = select_runtime(missing, None, echo=lines.append)
    assert runtime.device != missing and runtime.requested == missing
    assert len([line for line in lines if "falling back" in line]) == 1
    with pytest.raises(DeviceUnavailableError, match=f"device '{missing}' is unavailable"):
        select_runtime(missing, None, strict=True)


def test_bad_thread_count_is_an_error() -> None:
    with pytest.raises(ValueError, match="--threads"):
        select_runtime("cpu", 0)


def test_contention_warning_only_when_the_load_exceeds_the_cores(monkeypatch) -> None:
    import os

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.0, 1.0, 1.0))
    assert cpu_contention(2) == ""
    monkeypatch.setattr(os, "getloadavg", lambda: (7.5, 7.0, 6.0))
    assert "load average 7.5 on 2 cores" in cpu_contention(2)
