"""The ``kp`` command line. Sub-commands are registered by plugins (the built-ins too) and imported
only when run, so ``kp --help`` stays fast."""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING, NoReturn

import click

from kp_core.cli.lazy import LazyGroup
from kp_core.errors import DEBUG_ENV, EXIT_INTERNAL, KpError, debug_enabled

if TYPE_CHECKING:
    from pluggy import HookImpl

    from kp_core.plugins.manager import PluginHost


class KpGroup(LazyGroup):
    """The top ``kp`` group: what a command refuses (a :class:`~kp_core.errors.KpError`, or a file
    it cannot read or write) becomes one ``Error: ...`` line and the error's exit status."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KpError as exc:
            raise _CommandError(str(exc), exc.exit_code, exc) from None
        except OSError as exc:
            if exc.filename is None:
                raise
            from kp_core.data.paths import PATH_EXIT_CODE, describe_os_error

            raise _CommandError(describe_os_error(exc), PATH_EXIT_CODE, exc) from None


    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple:
        """A first-party command whose distribution is not installed says what to install."""
        from kp_core.plugins.catalog import FIRST_PARTY_COMMANDS

        name = args[0] if args else None
        if name in FIRST_PARTY_COMMANDS and self.get_command(ctx, name) is None:
            provider = FIRST_PARTY_COMMANDS[name]
            ctx.fail(f"kp {name} comes with {provider}: pip install {provider}")
        return super().resolve_command(ctx, args)


class _CommandError(click.ClickException):
    def __init__(self, message: str, exit_code: int, cause: BaseException) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.cause = cause

    def show(self, file: object = None) -> None:
        super().show(file)  # type: ignore[arg-type]
        if debug_enabled():
            traceback.print_exception(self.cause, file=sys.stderr)


@click.group(cls=KpGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kp-core", prog_name="kp")
def cli() -> None:
    """kp: train, evaluate and ship PII detection and de-identification models."""


def build_cli() -> click.Group:
    """The ``kp`` group with every plugin's commands. Each plugin adds its commands to a group of
    its own first: a hook that raises adds nothing, a thing that is not a click command is refused,
    and a command name already taken stays with the plugin that took it first (built-ins first, so
    no plugin replaces ``kp evaluate``). Failures are recorded on the plugin host (``kp plugins``)
    and each is one warning line on stderr when kp runs."""
    from kp_core.plugins import get_host
    from kp_core.plugins.manager import impls_in_load_order

    host = get_host()
    already_failed = list(host.failed)
    cli.reset_commands()
    owners: dict[str, str] = {}
    for impl in impls_in_load_order(host.pm, "kp_register_commands"):
        staged = _stage_commands(host, impl)
        for name, command in staged.items():
            _install_command(host, impl.plugin_name, name, command, owners)
    host.warn_failures(only=[f for f in host.failed if f not in already_failed])
    return cli


def _stage_commands(host: PluginHost, impl: HookImpl) -> dict[str, click.Command | tuple[str, str]]:
    """Run one plugin's ``kp_register_commands`` on a group of its own; name -> a click command or a
    lazy ``(target, short help)``. A hook that raises, or that changes the ``kp`` group itself
    instead of the group it is given, gives nothing (the change is undone)."""
    from kp_core.plugins.manager import PluginFailure, plugin_code

    plugin = impl.plugin_name
    staging = LazyGroup(name=cli.name)
    before = (dict(cli.commands), dict(cli._lazy))
    try:
        with plugin_code():
            impl.function(cli=staging)
    except PluginFailure as failure:
        host.report(plugin, "kp_register_commands", failure.error, failure.traceback)
        return {}
    finally:
        touched = (cli.commands, cli._lazy) != before
        cli.commands.clear()
        cli.commands.update(before[0])
        cli._lazy.clear()
        cli._lazy.update(before[1])
    if touched:
        host.report(
            plugin,
            "kp_register_commands",
            "the hook changed the kp group itself (add commands to the `cli` argument it is given); nothing it "
            "added is kept",
        )
        return {}
    staged: dict[str, click.Command | tuple[str, str]] = dict(staging._lazy)
    for name, command in staging.commands.items():
        if not isinstance(command, click.Command):
            host.report(
                plugin,
                "kp_register_commands",
                f"command {name!r} is a {type(command).__name__}, not a click command; it is left out",
            )
            continue
        staged[name] = command
    return staged


def _install_command(
    host: PluginHost, plugin: str, name: str, command: click.Command | tuple[str, str], owners: dict[str, str]
) -> None:
    from kp_core.plugins.manager import DUPLICATE_STAGE

    if name in cli.commands or name in cli._lazy:
        host.report(
            plugin,
            DUPLICATE_STAGE,
            f"command {name!r} is registered twice: first by plugin {owners.get(name, '?')!r}, "
            f"then by plugin {plugin!r}; the first is kept",
        )
        return
    owners[name] = plugin
    if isinstance(command, click.Command):
        cli.add_command(command, name)
    else:
        cli.add_lazy_command(name, *command)


def main(argv: list[str] | None = None) -> None:
    """The ``kp`` entry point. A refusal is one ``Error:`` line (see :class:`KpGroup`); anything
    else that escapes a command is a bug, said in one line with exit status 70, and its traceback
    is printed under ``KP_DEBUG=1``."""
    group = build_cli()
    try:
        group.main(args=argv if argv is not None else sys.argv[1:], prog_name="kp")
    except Exception as exc:  # noqa: BLE001 - the last net: a bug is one line, not a traceback
        if debug_enabled():
            raise
        _exit_on_internal_error(exc)


def _exit_on_internal_error(exc: Exception) -> NoReturn:
    where = exc.__traceback__
    while where is not None and where.tb_next is not None:
        where = where.tb_next
    origin = f" in {where.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{where.tb_lineno}" if where else ""
    click.echo(
        f"Error: internal error ({type(exc).__name__}{origin}); this is a bug in kp or a plugin. "
        f"Run again with {DEBUG_ENV}=1 for the traceback, and report it.",
        err=True,
    )
    sys.exit(EXIT_INTERNAL)
