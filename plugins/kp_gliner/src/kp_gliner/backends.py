"""Torch's devices for an environment without kp-torch.

kp-gliner runs in its own environment (gliner pins transformers below kp-torch's floor), so the
torch backends kp-torch normally registers are missing there. kp-gliner registers the same three
names (cpu, cuda, mps) only when kp-torch is not installed, so ``--device`` resolves through
:func:`kp_core.plugins.devices.resolve_device` with kp's usual fallback message either way, and the two
plugins never register a name twice.
"""

from __future__ import annotations

import importlib.util
import os
import platform
from importlib import metadata

from kp_core.plugins.registry import Availability, Backend


def kp_torch_installed() -> bool:
    # The distribution, not the import name: a source checkout's kp_torch/ folder on sys.path
    # would import as an empty namespace package.
    try:
        metadata.distribution("kp-torch")
    except metadata.PackageNotFoundError:
        return False
    return True


def _torch_missing() -> Availability | None:
    if importlib.util.find_spec("torch") is None:
        return Availability(False, "torch is not installed")
    return None


def probe_cpu() -> Availability:
    return _torch_missing() or Availability(True, hardware=f"{platform.machine() or 'cpu'}, {os.cpu_count()} cores")


def probe_cuda() -> Availability:
    if missing := _torch_missing():
        return missing
    import torch

    if not torch.backends.cuda.is_built():
        return Availability(False, f"this torch build ({torch.__version__}) has no CUDA support")
    if not torch.cuda.is_available():
        return Availability(False, "no CUDA device is visible")
    return Availability(True, hardware=f"{torch.cuda.device_count()} x {torch.cuda.get_device_name(0)}")


def probe_mps() -> Availability:
    if missing := _torch_missing():
        return missing
    import torch

    if platform.system() != "Darwin":
        return Availability(False, f"MPS needs macOS on Apple silicon (this is {platform.system()})")
    if not torch.backends.mps.is_available():
        return Availability(False, "MPS is not available on this machine")
    return Availability(True, hardware=f"Apple {platform.machine()} GPU")


BACKENDS = (
    Backend(name="cpu", framework="torch", description="PyTorch on the CPU", priority=10, probe=probe_cpu),
    Backend(name="cuda", framework="torch", description="PyTorch on an NVIDIA GPU", priority=100, probe=probe_cuda),
    Backend(name="mps", framework="torch", description="PyTorch on Apple silicon", priority=90, probe=probe_mps),
)
