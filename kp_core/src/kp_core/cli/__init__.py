"""The ``kp`` command line. Sub-commands are registered by plugins (the built-ins too) and imported
only when run, so ``kp --help`` stays fast."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from kp_core.cli.lazy import LazyGroup


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kp-core", prog_name="kp")
def cli() -> None:
    """kp: train, evaluate and ship PII detection and de-identification models."""


def build_cli() -> click.Group:
    """The ``kp`` group with every plugin's commands. Each plugin adds its commands to a group of
    its own first: a hook that raises adds nothing, and a command name already taken stays with the
    plugin that took it first (built-ins first). Failures are recorded on the plugin host."""
    from kp_core.plugins import get_host
    from kp_core.plugins.manager import DUPLICATE_STAGE, PluginFailure, impls_in_load_order, plugin_code

    host = get_host()
    cli.reset_commands()
    owners: dict[str, str] = {}
    for impl in impls_in_load_order(host.pm, "kp_register_commands"):
        staging = LazyGroup(name=cli.name)
        try:
            with plugin_code():
                impl.function(cli=staging)
        except PluginFailure as failure:
            host.report(impl.plugin_name, "kp_register_commands", failure.error, failure.traceback)
            continue
        for name in staging.list_commands(click.Context(staging)):
            if name in cli.commands or name in cli._lazy:
                host.report(
                    impl.plugin_name,
                    DUPLICATE_STAGE,
                    f"command {name!r} is registered twice: first by plugin {owners.get(name, '?')!r}, "
                    f"then by plugin {impl.plugin_name!r}; the first is kept",
                )
                continue
            owners[name] = impl.plugin_name
            if name in staging.commands:
                cli.add_command(staging.commands[name], name)
            else:
                cli.add_lazy_command(name, *staging._lazy[name])
    return cli


def main(argv: list[str] | None = None) -> None:
    group = build_cli()
    try:
        group.main(args=argv if argv is not None else sys.argv[1:], prog_name="kp")
    except OSError as exc:
        if exc.filename is None:
            raise
        _exit_on_file_error(exc)


def _exit_on_file_error(exc: OSError) -> NoReturn:
    """A file a command could not read or write: one line (which path, why), no traceback, the
    exit status of click's own path checks. Commands check their paths up front; this is the net."""
    from kp_core.data.paths import PATH_EXIT_CODE, describe_os_error

    click.echo(f"Error: {describe_os_error(exc)}", err=True)
    sys.exit(PATH_EXIT_CODE)
