"""Datasette-style: every hookspec is documented and exercised by at least one test."""

from __future__ import annotations

import inspect
from pathlib import Path

from kp_core.plugins import hookspecs

ROOT = Path(__file__).resolve().parents[2]


def hook_names() -> list[str]:
    return [name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("kp_")]


def test_every_hookspec_has_a_docstring() -> None:
    for name in hook_names():
        assert (getattr(hookspecs, name).__doc__ or "").strip(), f"hookspec {name} has no docstring"


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
