"""Device and thread choice for the gliner stack (which has no kp-torch backends installed)."""

from __future__ import annotations


class DeviceError(RuntimeError):
    pass


def resolve_device(requested: str = "auto") -> str:
    """``auto`` takes cuda, then mps, then cpu; a named device that is missing is an error."""
    import torch

    available = {
        "cuda": torch.cuda.is_available(),
        "mps": bool(getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()),
        "cpu": True,
    }
    if requested == "auto":
        return next(name for name in ("cuda", "mps", "cpu") if available[name])
    name = requested.split(":", 1)[0]
    if name not in available:
        raise DeviceError(f"unknown device {requested!r}; use auto, cpu, cuda or mps")
    if not available[name]:
        raise DeviceError(f"device {requested!r} is not available to torch on this machine")
    return requested


def set_threads(threads: int | None) -> None:
    if threads is not None:
        import torch

        if threads < 1:
            raise ValueError(f"threads must be >= 1, got {threads}")
        torch.set_num_threads(threads)
