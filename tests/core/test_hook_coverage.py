"""Datasette-style: every hookspec is typed, documented and exercised by at least one test, and
every ``kp`` command (the built-ins and those of the plugins installed here) is documented."""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Iterator
from pathlib import Path

import click

from kp_core.cli import build_cli
from kp_core.cli import lazy as cli_lazy
from kp_core.plugins import hookspecs
from kp_core.plugins import registry as plugin_registry

ROOT = Path(__file__).resolve().parents[2]
# Groups whose sub-commands are generated, one per item of a registry: documented once, generically.
GENERATED = {"kp train": "kp train FAMILY"}


def hook_names() -> list[str]:
    return [name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("kp_")]


def test_every_hookspec_has_a_docstring() -> None:
    for name in hook_names():
        assert (getattr(hookspecs, name).__doc__ or "").strip(), f"hookspec {name} has no docstring"


def test_every_hookspec_is_typed() -> None:
    # The names the specs import for type checkers only, so that the annotations can be resolved.
    names = vars(plugin_registry) | vars(cli_lazy)
    for name in hook_names():
        spec = getattr(hookspecs, name)
        parameters = inspect.signature(spec).parameters.values()
        untyped = [p.name for p in parameters if p.annotation is inspect.Parameter.empty]
        assert not untyped, f"hookspec {name}: parameters without a type: {untyped}"
        hints = typing.get_type_hints(spec, localns=names)
        assert set(hints) == {p.name for p in parameters} | {"return"}, f"hookspec {name}: missing a type: {hints}"


def test_every_hookspec_is_documented() -> None:
    docs = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    missing = [name for name in hook_names() if f"`{name}" not in docs]
    assert not missing, f"hookspecs missing from docs/plugins.md: {missing}"


def test_every_hookspec_is_exercised_by_a_test() -> None:
    # A test function named test_<hookname>... must exist somewhere in the suite.
    test_functions = set()
    for path in (ROOT / "tests").rglob("test_*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("def test_"):
                test_functions.add(line.split("def ", 1)[1].split("(", 1)[0])
    missing = [name for name in hook_names() if not any(fn.startswith(f"test_{name}") for fn in test_functions)]
    assert not missing, f"hookspecs with no test_<hook> test: {missing}"


def command_paths(group: click.Group, prefix: str = "kp") -> Iterator[str]:
    """``kp NAME`` for every visible command, then the sub-commands of each group."""
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        path = f"{prefix} {name}"
        yield path
        if isinstance(command, click.Group) and path not in GENERATED:
            yield from command_paths(command, path)


def documented(path: str, docs: str) -> bool:
    return re.search(re.escape(path) + r"(?![\w-])", docs) is not None


def test_command_paths_walks_groups() -> None:
    paths = list(command_paths(build_cli()))
    assert "kp predict" in paths and "kp data" in paths
    assert any(p.startswith("kp data ") for p in paths), paths
    assert not documented("kp data", "kp data-tools") and documented("kp data", "`kp data split`")


def test_every_command_is_documented() -> None:
    docs = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))
    missing = [path for path in command_paths(build_cli()) if not documented(path, docs)]
    missing += [generic for generic in GENERATED.values() if not documented(generic, docs)]
    assert not missing, f"kp commands not documented in docs/*.md: {missing}"
