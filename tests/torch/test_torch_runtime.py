"""kp-torch-runtime's device selection for training and inference: priorities, --threads, device
indexes, fallbacks, and probes without side effects (CUDA stays uninitialised, so forks still work)."""

from __future__ import annotations

import platform

import pytest
import torch

from kp_core.plugins.devices import DeviceUnavailableError
from kp_core.plugins.registry import get_registry
from kp_torch_runtime.backends import probe_cuda
from kp_torch_runtime.runtime import cpu_contention, select_runtime


def test_probing_every_torch_backend_leaves_cuda_uninitialised() -> None:
    for backend in get_registry().backends:
        if backend.framework == "torch":
            backend.availability()
    assert not torch.cuda.is_initialized()


def test_cuda_probe_does_not_initialise_cuda(monkeypatch) -> None:
    """Naming the GPU initialises CUDA, after which a forked child cannot use it: the probe must
    report a visible device from calls that leave CUDA as it found it."""

    def initialises_cuda(*args, **kwargs):
        raise AssertionError("the cuda probe initialised CUDA")

    monkeypatch.setattr(torch.backends.cuda, "is_built", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_initialized", lambda: False)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 2)
    monkeypatch.setattr(torch.cuda, "get_device_name", initialises_cuda)
    monkeypatch.setattr(torch.cuda, "get_device_properties", initialises_cuda)
    monkeypatch.setattr(torch.cuda, "init", initialises_cuda)
    status = probe_cuda()
    assert status.available
    assert status.hardware == "2 CUDA devices"


def test_cuda_probe_names_the_device_once_cuda_is_initialised(monkeypatch) -> None:
    monkeypatch.setattr(torch.backends.cuda, "is_built", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_initialized", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda index=0: "Test GPU")
    assert probe_cuda().hardware == "1 x Test GPU"


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


def test_a_device_index_is_kept_when_that_backend_is_taken() -> None:
    runtime = select_runtime("cpu:0", None)
    assert runtime.device == "cpu:0" and runtime.backend == "cpu" and runtime.requested == "cpu:0"
    missing = "cuda" if platform.system() == "Darwin" else "mps"
    if get_registry().backend(missing).availability().available:
        pytest.skip(f"{missing} is available here")
    fallback = select_runtime(f"{missing}:1", None, echo=lambda line: None)
    assert fallback.device == fallback.backend != missing  # the index belonged to the missing device


def test_a_device_index_must_be_a_number() -> None:
    with pytest.raises(DeviceUnavailableError, match="'cuda:first'.*device index"):
        select_runtime("cuda:first", None)


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
