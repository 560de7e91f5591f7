"""``kp data``: dataset tools. Each sub-command lives with the code it drives."""

from __future__ import annotations

import click

from kp_core.cli.lazy import LazyGroup


@click.group(cls=LazyGroup)
def data() -> None:
    """Validate, inspect, split and generate datasets in the kp row format."""


SUBCOMMANDS: tuple[tuple[str, str, str], ...] = ()

for _name, _target, _help in SUBCOMMANDS:
    data.add_lazy_command(_name, _target, _help)
