"""The ``kp`` command line. Sub-commands are registered by plugins (the built-ins too) and imported
only when run, so ``kp --help`` stays fast."""

from __future__ import annotations

import sys

import click

from kp_core.cli.lazy import LazyGroup


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kp-core", prog_name="kp")
def cli() -> None:
    """kp: train, evaluate and ship PII detection and de-identification models."""


def build_cli() -> click.Group:
    from kp_core.plugins import get_host

    host = get_host()
    cli.reset_commands()
    for impl in host.pm.hook.kp_register_commands.get_hookimpls():
        try:
            impl.function(cli=cli)
        except Exception as exc:  # a plugin's command hook must not take the CLI down
            click.echo(f"kp: plugin {impl.plugin_name!r} failed to add its commands: {exc}", err=True)
    return cli


def main(argv: list[str] | None = None) -> None:
    from kp_core.registry import DuplicateRegistrationError

    group = build_cli()
    try:
        group.main(args=argv if argv is not None else sys.argv[1:], prog_name="kp")
    except DuplicateRegistrationError as exc:  # two installed plugins clash: say which, no traceback
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
