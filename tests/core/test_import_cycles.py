"""kp_core's modules import each other without cycles: every ``import kp_core...`` counts, at module
level or inside a function (a lazy import is still a run-time edge); only ``if TYPE_CHECKING:``
blocks are left out, since they never run."""

from __future__ import annotations

import ast
from pathlib import Path

import kp_core

PACKAGE = "kp_core"
SOURCE = Path(kp_core.__file__).resolve().parent

# Edges left out of the check, each with its reason. Family.train (the registry) calls the training
# driver, and the driver asks the registry for the device's backend: the driver should take the
# backends from its caller instead (then this entry goes).
ALLOWED_EDGES: frozenset[tuple[str, str]] = frozenset()


def module_files() -> dict[str, Path]:
    """Dotted module name -> file, packages by their ``__init__.py``."""
    files: dict[str, Path] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = path.relative_to(SOURCE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        files[".".join(parts)] = path
    return files


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Import statements anywhere in the tree except under ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        pending.extend(ast.iter_child_nodes(node))
    return found


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The most specific kp_core module a dotted name refers to."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = name.split(".")
                    anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                if target.split(".")[0] != PACKAGE:
                    continue
                resolved = _resolve(target, modules)
                if resolved is not None and resolved != name:
                    graph[name].add(resolved)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path ``[a, b, ..., a]``, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start)
            if cycle:
                return cycle
    return None


def test_the_graph_sees_module_level_and_lazy_imports() -> None:
    graph = import_graph()
    assert "kp_core.plugins.manager" in graph["kp_core.plugins"]  # a package's __init__
    assert "kp_core.rules" in graph["kp_core.plugins.builtin"]  # imported inside a hook function


def test_find_cycle_reports_the_path() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_every_allowed_edge_still_exists() -> None:
    graph = import_graph()
    stale = sorted(edge for edge in ALLOWED_EDGES if edge[1] not in graph.get(edge[0], ()))
    assert not stale, f"allowed import edges that no longer exist (remove them from ALLOWED_EDGES): {stale}"


def test_kp_core_has_no_import_cycle() -> None:
    graph = {name: {t for t in targets if (name, t) not in ALLOWED_EDGES} for name, targets in import_graph().items()}
    cycle = find_cycle(graph)
    assert cycle is None, "kp_core import cycle: " + " -> ".join(cycle or [])
