"""kp-gliner's entry point."""

from __future__ import annotations

from kp_core.plugins.hookspecs import hookimpl


@hookimpl
def kp_register_commands(cli):
    """kp-gliner adds no commands of its own; training goes through ``kp train gliner``."""
