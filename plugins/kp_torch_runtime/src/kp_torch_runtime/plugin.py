"""kp-torch-runtime's entry point: registers the torch device backends (cpu, cuda, mps).

One registration for every environment that has torch-based kp distributions (kp-torch's, the
gliner one), so no distribution needs its own copy. Nothing here imports torch.
"""

from __future__ import annotations

from collections.abc import Callable

from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.registry import Backend


@hookimpl
def kp_register_backends(register: Callable[[Backend], None]) -> None:
    from kp_torch_runtime.backends import BACKENDS

    for backend in BACKENDS:
        register(backend)
