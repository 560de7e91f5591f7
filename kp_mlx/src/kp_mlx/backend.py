"""The ``mlx`` backend: the Apple GPU on Apple silicon, the CPU elsewhere (``mlx[cpu]``)."""

from __future__ import annotations

import importlib.util

from kp_core.plugins.registry import Availability, Backend


def probe_mlx() -> Availability:
    if importlib.util.find_spec("mlx") is None:
        return Availability(False, "mlx is not installed (pip install kp-mlx)")
    try:
        import mlx.core as mx
    except Exception as exc:  # e.g. a Linux wheel without the cpu extra
        return Availability(False, f"mlx failed to import: {exc}")
    device = mx.default_device()
    kind = "gpu" if device.type == mx.DeviceType.gpu else "cpu"
    return Availability(True, hardware=f"mlx {kind}")


BACKEND = Backend(
    name="mlx",
    framework="mlx",
    description="Apple MLX (GPU on Apple silicon, CPU elsewhere)",
    priority=95,
    probe=probe_mlx,
)
