"""docs/environment.md lists every KP_* environment variable kp's sources name."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "kp_core/src", ROOT / "kp_torch/src", ROOT / "kp_mlx/src", *sorted((ROOT / "plugins").glob("*/src"))]
ENV_NAME = re.compile(r"KP_[A-Z][A-Z0-9_]*")


def env_names_in_sources() -> dict[str, str]:
    """KP_* names written as a string (``os.environ.get("KP_X")``, ``X_ENV = "KP_X"``, f-strings)
    or as ``$KP_X`` / ``KP_X=`` in help texts -> a file that names it."""
    found: dict[str, str] = {}
    for root in SOURCES:
        for path in root.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    if ENV_NAME.fullmatch(node.value):
                        found.setdefault(node.value, str(path.relative_to(ROOT)))
                    for name in re.findall(r"\$(KP_[A-Z][A-Z0-9_]*)\b|\b(KP_[A-Z][A-Z0-9_]*)=", node.value):
                        found.setdefault(name[0] or name[1], str(path.relative_to(ROOT)))
    return found


def test_the_sources_name_the_variables_we_know_of() -> None:
    # guards the scan itself: it must see the variables read through constants and f-strings
    assert {"KP_MODEL", "KP_PSEUDONYM_KEY", "KP_DEBUG", "KP_LOAD_PLUGINS", "KP_CACHE_DIR"} <= set(
        env_names_in_sources()
    )


def test_every_kp_variable_is_documented() -> None:
    page = (ROOT / "docs/environment.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`(KP_[A-Z][A-Z0-9_]*)`", page))
    missing = {name: where for name, where in env_names_in_sources().items() if name not in documented}
    assert not missing, f"add to docs/environment.md: {missing}"
