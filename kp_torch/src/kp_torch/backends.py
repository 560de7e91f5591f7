"""Torch device backends: cpu, cuda, mps. Probing imports torch, but only when asked."""

from __future__ import annotations

import importlib.util
import os
import platform

from kp_core.plugins.registry import Availability, Backend


def _torch_missing() -> Availability | None:
    if importlib.util.find_spec("torch") is None:
        return Availability(False, "torch is not installed")
    return None


def probe_cpu() -> Availability:
    missing = _torch_missing()
    if missing:
        return missing
    return Availability(True, hardware=f"{platform.machine() or 'cpu'}, {os.cpu_count()} logical cores")


def probe_cuda() -> Availability:
    missing = _torch_missing()
    if missing:
        return missing
    import torch

    if not torch.backends.cuda.is_built():
        return Availability(False, f"this torch build ({torch.__version__}) has no CUDA support")
    if not torch.cuda.is_available():
        return Availability(False, "no CUDA device is visible")
    count = torch.cuda.device_count()
    # Asking for the device name initialises CUDA in this process (a side effect that breaks a
    # later fork); only name it when something else has initialised CUDA already.
    if torch.cuda.is_initialized():
        return Availability(True, hardware=f"{count} x {torch.cuda.get_device_name(0)}")
    return Availability(True, hardware=f"{count} CUDA device{'s' if count != 1 else ''}")


def probe_mps() -> Availability:
    missing = _torch_missing()
    if missing:
        return missing
    import torch

    if platform.system() != "Darwin":
        return Availability(False, f"MPS needs macOS on Apple silicon (this is {platform.system()})")
    if not torch.backends.mps.is_built():
        return Availability(False, "this torch build has no MPS support")
    if not torch.backends.mps.is_available():
        return Availability(False, "MPS is built but not available on this machine")
    return Availability(True, hardware=f"Apple {platform.machine()} GPU")


BACKENDS = (
    Backend(name="cpu", framework="torch", description="PyTorch on the CPU", priority=10, probe=probe_cpu),
    Backend(name="cuda", framework="torch", description="PyTorch on an NVIDIA GPU", priority=100, probe=probe_cuda),
    Backend(
        name="mps", framework="torch", description="PyTorch on Apple silicon (Metal)", priority=90, probe=probe_mps
    ),
)
