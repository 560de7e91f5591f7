"""kp-mlx's entry point: registers the mlx backend, MLX family implementations and ``kp export``.

Nothing here imports mlx; the modules named below import it when they run.
"""

from __future__ import annotations

from kp_core.plugins.hookspecs import hookimpl

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("export", "kp_mlx.cli_export:export", "Export a checkpoint to another runtime (mlx)."),
)


@hookimpl
def kp_register_backends(register):
    from kp_mlx.backend import BACKEND

    register(BACKEND)


@hookimpl
def kp_register_families(register):
    from kp_mlx.families import FAMILIES

    for family in FAMILIES:
        register(family)


@hookimpl
def kp_register_commands(cli):
    for name, target, short_help in COMMANDS:
        cli.add_lazy_command(name, target, short_help)
