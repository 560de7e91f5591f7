"""Plugin loading: built-ins, broken plugins, allow/deny lists, duplicates, import weight."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.manager import PluginHost
from kp_core.plugins.registry import DuplicateRegistrationError, Family, Registry


def make_distribution(root: Path, dist: str, module: str, body: str, entry_name: str) -> None:
    """Write an installed-looking distribution (dist-info + module) into ``root``."""
    info = root / f"{dist.replace('-', '_')}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[kp]\n{entry_name} = {module}\n", encoding="utf-8")
    (root / f"{module}.py").write_text(textwrap.dedent(body), encoding="utf-8")


def run_kp(
    args: list[str], extra_path: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("KP_")}
    if extra_path is not None:
        full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), full_env.get("PYTHONPATH", "")]))
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kp_core", *args], capture_output=True, text=True, env=full_env, timeout=60
    )


GOOD_PLUGIN = """
    from kp_core.plugins.hookspecs import hookimpl
    from kp_core.plugins.registry import Family

    @hookimpl
    def kp_register_families(register):
        register(Family(name="dummy-good", description="test family", frameworks=(), load=lambda ref, **kw: None))
"""


@pytest.fixture
def plugin_dir(tmp_path: Path) -> Path:
    make_distribution(tmp_path, "kp-broken", "kp_broken_plugin", "raise RuntimeError('boom at import')\n", "broken")
    make_distribution(tmp_path, "kp-good", "kp_good_plugin", GOOD_PLUGIN, "good")
    return tmp_path


def test_builtins_listed(tmp_path: Path) -> None:
    result = run_kp(["plugins", "--json"])
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    builtin = [p for p in payload["loaded"] if p["name"] == "builtin"]
    assert builtin and builtin[0]["distribution"] == "kp-core"
    assert "kp_register_commands" in builtin[0]["hooks"]


def test_broken_plugin_is_reported_and_kp_keeps_working(plugin_dir: Path) -> None:
    result = run_kp(["plugins", "--json"], extra_path=plugin_dir)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    failed = {p["name"]: p for p in payload["failed"]}
    assert failed["broken"]["distribution"] == "kp-broken"
    assert failed["broken"]["entry_point"] == "kp_broken_plugin"
    assert "RuntimeError: boom at import" in failed["broken"]["error"]
    assert "good" in {p["name"] for p in payload["loaded"]}

    families = run_kp(["families", "--json"], extra_path=plugin_dir)
    assert families.returncode == 0, families.stderr
    assert "dummy-good" in {f["name"] for f in json.loads(families.stdout)}


def test_load_plugins_empty_loads_no_external_plugin(plugin_dir: Path) -> None:
    payload = json.loads(run_kp(["plugins", "--json"], extra_path=plugin_dir, env={"KP_LOAD_PLUGINS": ""}).stdout)
    assert [p["name"] for p in payload["loaded"]] == ["builtin"]
    assert payload["failed"] == []
    assert {"good", "broken"} <= set(payload["skipped"])


def test_load_plugins_allow_list(plugin_dir: Path) -> None:
    payload = json.loads(run_kp(["plugins", "--json"], extra_path=plugin_dir, env={"KP_LOAD_PLUGINS": "good"}).stdout)
    assert {p["name"] for p in payload["loaded"]} == {"builtin", "good"}
    assert payload["failed"] == []


def test_disable_plugins_skips_one(plugin_dir: Path) -> None:
    payload = json.loads(
        run_kp(["plugins", "--json"], extra_path=plugin_dir, env={"KP_DISABLE_PLUGINS": "broken"}).stdout
    )
    assert "broken" not in {p["name"] for p in payload["failed"]}
    assert "broken" in payload["skipped"]
    assert "good" in {p["name"] for p in payload["loaded"]}


class _FamilyA:
    @hookimpl
    def kp_register_families(self, register):
        register(Family(name="same-name", description="a", frameworks=(), load=lambda ref, **kw: None))


class _FamilyB:
    @hookimpl
    def kp_register_families(self, register):
        register(Family(name="same-name", description="b", frameworks=(), load=lambda ref, **kw: None))


def test_duplicate_family_name_first_wins_and_names_both_providers() -> None:
    host = PluginHost()
    host.register(_FamilyA(), name="plugin-a")
    host.register(_FamilyB(), name="plugin-b")
    registry = Registry.collect(host.pm, report=host.report)
    assert registry.family("same-name").description == "a"
    [failure] = host.failed
    assert (failure.name, failure.stage) == ("plugin-b", "duplicate")
    assert "plugin-a" in failure.error and "plugin-b" in failure.error and "same-name" in failure.error
    with pytest.raises(DuplicateRegistrationError):  # the table itself still refuses
        registry.families.add(Family(name="same-name", description="c", frameworks=(), load=lambda ref, **kw: None))


def test_import_kp_core_stays_light() -> None:
    code = (
        "import kp_core, kp_core.cli, kp_core.plugins.registry, sys; "
        "from kp_core.plugins import get_host; get_host(); "
        "print(sorted(m for m in ('torch','transformers','mlx','gliner') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_help_lists_plugin_commands() -> None:
    result = run_kp(["--help"])
    assert result.returncode == 0
    for command in ("plugins", "families", "backends", "taxonomy", "version", "data"):
        assert command in result.stdout


def backend_plugin(name: str) -> str:
    return f"""
    from kp_core.plugins.hookspecs import hookimpl
    from kp_core.plugins.registry import Availability, Backend

    @hookimpl
    def kp_register_backends(register):
        register(Backend(name="{name}", framework="fake", description="x", priority=1, probe=lambda: Availability(True)))
"""


def test_duplicate_backend_keeps_the_first_and_warns_naming_both_plugins(tmp_path: Path) -> None:
    make_distribution(tmp_path, "kp-clash-a", "kp_clash_a", backend_plugin("clash-dev"), "clash-a")
    make_distribution(tmp_path, "kp-clash-b", "kp_clash_b", backend_plugin("clash-dev"), "clash-b")
    result = run_kp(["backends", "--json"], extra_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [b["provider"] for b in json.loads(result.stdout) if b["name"] == "clash-dev"] == ["clash-a"]
    assert "Traceback" not in result.stderr
    assert "backend 'clash-dev' is registered twice" in result.stderr
    assert "'clash-a'" in result.stderr and "'clash-b'" in result.stderr
    # Skipping one of them resolves the clash.
    ok = run_kp(["backends", "--json"], extra_path=tmp_path, env={"KP_DISABLE_PLUGINS": "clash-b"})
    assert ok.returncode == 0, ok.stderr
    assert [b["provider"] for b in json.loads(ok.stdout) if b["name"] == "clash-dev"] == ["clash-a"]


def test_same_entry_point_name_in_two_distributions_is_reported_not_hidden(tmp_path: Path) -> None:
    make_distribution(tmp_path, "kp-twin-a", "kp_twin_a", backend_plugin("twin-a-dev"), "twin")
    make_distribution(tmp_path, "kp-twin-b", "kp_twin_b", backend_plugin("twin-b-dev"), "twin")
    payload = json.loads(run_kp(["plugins", "--json"], extra_path=tmp_path).stdout)
    loaded = [p["distribution"] for p in payload["loaded"] if p["name"] == "twin"]
    failed = [p for p in payload["failed"] if p["name"] == "twin"]
    assert len(loaded) == 1 and len(failed) == 1
    assert {loaded[0], failed[0]["distribution"]} == {"kp-twin-a", "kp-twin-b"}
    assert "already registered" in failed[0]["error"]
