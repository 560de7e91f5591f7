"""``--device`` resolution across every registered backend."""

from __future__ import annotations

import attrs

from kp_core.errors import KpError
from kp_core.plugins.registry import Backend, Registry, UnknownNameError


class DeviceUnavailableError(KpError, RuntimeError):
    pass


@attrs.frozen
class DeviceChoice:
    backend: Backend
    requested: str
    message: str = ""  # set when the request could not be honoured as asked

    @property
    def name(self) -> str:
        return self.backend.name


def resolve_device(
    requested: str, registry: Registry, *, framework: str | None = None, strict: bool = False
) -> DeviceChoice:
    """Pick a backend. ``auto`` takes the available backend with the highest priority.

    A named backend that is unavailable falls back to ``auto`` with a message saying why, unless
    ``strict`` is set, in which case it raises.
    """
    candidates = [b for b in registry.backends if framework is None or b.framework == framework]
    if not candidates:
        scope = f" for framework {framework!r}" if framework else ""
        raise DeviceUnavailableError(f"no device backend is registered{scope}; install kp-torch or kp-mlx")
    if requested != "auto":
        try:
            backend = registry.backend(requested)
        except UnknownNameError as exc:
            raise DeviceUnavailableError(str(exc)) from None
        if framework is not None and backend.framework != framework:
            raise DeviceUnavailableError(
                f"device {requested!r} belongs to framework {backend.framework!r}, this needs {framework!r}"
            )
        status = backend.availability()
        if status.available:
            return DeviceChoice(backend=backend, requested=requested)
        if strict:
            raise DeviceUnavailableError(f"device {requested!r} is unavailable: {status.reason}")
        fallback = _best(candidates)
        return DeviceChoice(
            backend=fallback,
            requested=requested,
            message=f"device {requested!r} is unavailable ({status.reason}); falling back to {fallback.name!r}",
        )
    return DeviceChoice(backend=_best(candidates), requested=requested)


def _best(candidates: list[Backend]) -> Backend:
    available = [b for b in candidates if b.availability().available]
    if not available:
        reasons = "; ".join(f"{b.name}: {b.availability().reason}" for b in candidates)
        raise DeviceUnavailableError(f"no registered device backend is available ({reasons})")
    return max(available, key=lambda b: (b.priority, b.name))
