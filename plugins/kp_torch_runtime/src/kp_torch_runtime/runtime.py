"""Turn ``--device`` and ``--threads`` into a torch device, saying plainly when a fallback was taken.

The one place torch-based kp distributions resolve a device: kp-core's resolution over the
registered torch backends, plus what torch itself needs (a device index, the CPU thread count).
"""

from __future__ import annotations

import os
from collections.abc import Callable

import attrs


@attrs.frozen
class TorchRuntime:
    """Where a torch model runs. ``device`` is what ``model.to`` takes (``cpu``, ``cuda``,
    ``cuda:1``, ``mps``); ``backend`` is the registered backend behind it."""

    device: str
    requested: str
    threads: int | None
    hardware: str = ""
    fallback_message: str = ""

    @property
    def backend(self) -> str:
        """The backend name without a device index (``cuda:1`` -> ``cuda``)."""
        return self.device.partition(":")[0]

    def describe(self) -> str:
        """One line for logs: device, hardware and, on the CPU, the thread count."""
        threads = f", {self.threads} threads" if self.backend == "cpu" and self.threads else ""
        hardware = f" ({self.hardware})" if self.hardware else ""
        return f"device {self.device}{hardware}{threads}"


def select_runtime(
    requested: str = "auto",
    threads: int | None = None,
    *,
    strict: bool = False,
    echo: Callable[[str], None] | None = None,
) -> TorchRuntime:
    """Resolve ``requested`` among the registered torch backends and apply ``threads`` on cpu.

    ``auto`` takes the available backend with the highest priority (cuda, then mps, then cpu). An
    index (``cuda:1``) is kept when that backend is taken. A named device that is missing falls
    back with one line saying which device was missing, why, and what was taken instead (or
    raises :class:`kp_core.plugins.devices.DeviceUnavailableError` when ``strict``).
    """
    from kp_core.plugins.devices import DeviceUnavailableError, resolve_device
    from kp_core.plugins.registry import get_registry

    name, colon, index = requested.partition(":")
    if colon and not index.isdigit():
        raise DeviceUnavailableError(f"--device {requested!r}: the part after ':' must be a device index such as 0")
    choice = resolve_device(name, get_registry(), framework="torch", strict=strict)
    if choice.message and echo is not None:
        echo(f"kp: {choice.message}")
    applied_threads = None
    if choice.name == "cpu":
        applied_threads = apply_cpu_threads(threads)
        busy = cpu_contention(applied_threads)
        if busy and echo is not None:
            echo(f"kp: {busy}")
    return TorchRuntime(
        device=f"{choice.name}:{index}" if colon and choice.name == name else choice.name,
        requested=requested,
        threads=applied_threads,
        hardware=choice.backend.availability().hardware,
        fallback_message=choice.message,
    )


def apply_cpu_threads(threads: int | None) -> int:
    """Set torch's intra-op thread count (``None`` keeps torch's default) and return the count in use."""
    import torch

    if threads is not None:
        if threads < 1:
            raise ValueError(f"--threads must be at least 1, got {threads}")
        torch.set_num_threads(threads)
    return torch.get_num_threads()


def cpu_contention(threads: int) -> str:
    """A warning when other processes already keep the CPUs busy: torch's threads then wait on each
    other at every parallel region and a run gets far slower than the core count suggests."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # not every platform has a load average
        return ""
    cores = os.cpu_count() or 1
    if load <= cores:
        return ""
    return (
        f"load average {load:.1f} on {cores} cores: other processes compete for the CPU, so throughput "
        f"will be well below this machine's; with {threads} threads, fewer (--threads 1) may run faster"
    )
