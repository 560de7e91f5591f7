"""kp-mlx's entry point: registers the mlx backend and MLX family implementations. ``kp export mlx``
is a target of kp-core's ``kp export`` group (kp_core.cli.export), which imports
``kp_mlx.cli_export`` when it runs.

Nothing here imports mlx; the modules named below import it when they run.
"""

from __future__ import annotations

from kp_core.plugins.hookspecs import hookimpl


@hookimpl
def kp_register_backends(register):
    from kp_mlx.backend import BACKEND

    register(BACKEND)


@hookimpl
def kp_register_families(register):
    from kp_mlx.families import FAMILIES

    for family in FAMILIES:
        register(family)
