"""kp-mlx's entry point: registers the mlx backend and MLX families through kp's hooks."""

from __future__ import annotations

from kp_core.plugins.hookspecs import hookimpl


@hookimpl
def kp_register_backends(register):
    from kp_mlx.backend import BACKEND

    register(BACKEND)
