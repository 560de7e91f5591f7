"""docs/cli.md, enforced on every command kp has in this environment (built-ins and plugins):
one spelling per concept, the old spellings hidden, --json on every command, -h/--help."""

from __future__ import annotations

from collections.abc import Iterator

import click
import pytest

from kp_core.cli import build_cli

# Old spellings: still accepted for one release, never shown in --help.
HIDDEN_OLD = {
    "--dataset",
    "--max-train",
    "--label-scheme",
    "--budget",
    "--dev-dir",
    "--output",
    "--out-dir",
    "--in",
    "--n",
    "--crosswalk",
}
# Spellings the guide replaced: no command may show them under another meaning.
ONE_SPELLING = {"--model": "-m", "--input": "-i"}


def _leaves(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, click.Command]]:
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from _leaves(command, (*path, name))
        elif command is not None:
            yield " ".join((*path, name)), command


COMMANDS = sorted(_leaves(build_cli()), key=lambda item: item[0])


def _shown(command: click.Command) -> set[str]:
    return {
        opt
        for p in command.params
        if isinstance(p, click.Option) and not p.hidden
        for opt in (*p.opts, *p.secondary_opts)
    }


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_follows_the_guide(name: str, command: click.Command) -> None:
    shown = _shown(command)
    assert "--json" in shown, f"kp {name} has no --json"
    assert not shown & HIDDEN_OLD, f"kp {name} shows old spellings {sorted(shown & HIDDEN_OLD)}"
    for long, short in ONE_SPELLING.items():
        if long in shown:
            assert short in shown, f"kp {name}: {long} without {short}"
    progress = [p for p in command.params if isinstance(p, click.Option) and "--progress" in p.opts]
    assert not progress or "--no-progress" in progress[0].secondary_opts, f"kp {name}: --progress without --no-progress"
    assert "--no-progress" not in {o for p in command.params if isinstance(p, click.Option) for o in p.opts}, (
        f"kp {name}: a lone --no-progress flag instead of --progress/--no-progress"
    )


def test_the_commands_are_there() -> None:
    names = {name for name, _ in COMMANDS}
    assert {
        "predict",
        "deidentify",
        "evaluate",
        "leaderboard",
        "calibrate",
        "main",
        "data generate",
        "version",
    } <= names
