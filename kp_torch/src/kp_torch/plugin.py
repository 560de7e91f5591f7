"""kp-torch's entry point: registers the torch backends and families through kp's hooks."""

from __future__ import annotations

from kp_core.plugins.hookspecs import hookimpl


@hookimpl
def kp_register_backends(register):
    from kp_torch.backends import BACKENDS

    for backend in BACKENDS:
        register(backend)
