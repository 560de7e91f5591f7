"""A click group whose commands are imported on first use."""

from __future__ import annotations

import importlib

import click


class LazyGroup(click.Group):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._lazy: dict[str, tuple[str, str]] = {}

    def reset_commands(self) -> None:
        self._lazy.clear()
        self.commands.clear()

    def add_lazy_command(self, name: str, target: str, short_help: str) -> None:
        """Register ``module:attribute`` as command ``name``, imported only when invoked."""
        if name in self._lazy or name in self.commands:
            raise click.UsageError(f"kp command {name!r} is registered twice")
        self._lazy[name] = (target, short_help)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(self._lazy))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.commands:
            return self.commands[name]
        if name not in self._lazy:
            return None
        module_name, _, attr = self._lazy[name][0].partition(":")
        command = getattr(importlib.import_module(module_name), attr)
        self.commands[name] = command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in self.commands:
                rows.append((name, _short_help(self.commands[name])))
            else:
                rows.append((name, self._lazy[name][1]))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _short_help(command: click.Command) -> str:
    """A command's one-line help; a plugin command whose help cannot be read must not take
    ``kp --help`` down with it."""
    try:
        return command.get_short_help_str(limit=70)
    except Exception as exc:  # noqa: BLE001 - whatever a plugin's help raises
        return f"(its help failed: {type(exc).__name__}; see kp plugins)"
