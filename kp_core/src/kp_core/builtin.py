"""kp-core's own plugin: registers the built-in commands (and, through the same hooks as any
outside plugin, the built-in families, evaluators and operators)."""

from __future__ import annotations

from kp_core.plugins.hookspecs import hookimpl


@hookimpl
def kp_register_commands(cli):
    for name, target, short_help in (
        ("version", "kp_core.cli.info:version", "Show kp and taxonomy versions."),
        ("plugins", "kp_core.cli.info:plugins", "List loaded and failed plugins."),
        ("families", "kp_core.cli.info:families", "List registered model families."),
        ("backends", "kp_core.cli.info:backends", "List device backends and their availability."),
        ("taxonomy", "kp_core.cli.info:taxonomy", "Show the KP taxonomy (types, tiers, BIOES labels)."),
    ):
        cli.add_lazy_command(name, target, short_help)
