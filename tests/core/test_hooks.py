"""Each hook exercised with a throw-away plugin, registered on a fresh host and dropped after."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.plugins import get_host
from kp_core.plugins.devices import DeviceUnavailableError, resolve_device
from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.manager import PluginHost
from kp_core.plugins.registry import Availability, Backend, Evaluator, Family, Operator, Registry, reset_registry


def registry_with(*plugins: object) -> Registry:
    host = PluginHost()
    for i, plugin in enumerate(plugins):
        host.register(plugin, name=f"throwaway-{i}")
    host.check_pending()
    return Registry.collect(host.pm)


def backend(name: str, priority: int, available: bool, framework: str = "fake") -> Backend:
    reason = "" if available else f"{name} is switched off"
    return Backend(
        name=name,
        framework=framework,
        description=f"{name} test backend",
        priority=priority,
        probe=lambda: Availability(available, reason),
    )


class FakeBackends:
    @hookimpl
    def kp_register_backends(self, register):
        register(backend("slow", 1, True))
        register(backend("fast", 50, True))
        register(backend("fastest", 99, False))


def test_kp_register_backends_and_auto_resolution() -> None:
    registry = registry_with(FakeBackends())
    assert registry.backends.names() == ["fast", "fastest", "slow"]
    assert registry.backend("fast").provider == "throwaway-0"
    choice = resolve_device("auto", registry)
    assert choice.name == "fast" and choice.message == ""


def test_kp_register_backends_fallback_message_and_strict() -> None:
    registry = registry_with(FakeBackends())
    choice = resolve_device("fastest", registry)
    assert choice.name == "fast"
    assert "'fastest' is unavailable (fastest is switched off)" in choice.message
    assert "falling back to 'fast'" in choice.message
    with pytest.raises(DeviceUnavailableError, match="switched off"):
        resolve_device("fastest", registry, strict=True)
    with pytest.raises(DeviceUnavailableError, match="unknown backend 'tpu'"):
        resolve_device("tpu", registry)


def test_kp_register_backends_framework_filter() -> None:
    class Mixed:
        @hookimpl
        def kp_register_backends(self, register):
            register(backend("cpu-a", 10, True, framework="a"))
            register(backend("gpu-b", 90, True, framework="b"))

    registry = registry_with(Mixed())
    assert resolve_device("auto", registry, framework="a").name == "cpu-a"
    assert resolve_device("auto", registry).name == "gpu-b"
    with pytest.raises(DeviceUnavailableError, match="belongs to framework 'b'"):
        resolve_device("gpu-b", registry, framework="a")


def test_kp_register_families_records_provider() -> None:
    class Fam:
        @hookimpl
        def kp_register_families(self, register):
            register(Family(name="throwaway", description="x", frameworks=("fake",), load=lambda ref, **kw: ref))

    registry = registry_with(Fam())
    family = registry.family("throwaway")
    assert family.provider == "throwaway-0" and family.load("ref") == "ref"
    with pytest.raises(KeyError, match="unknown family 'nope'"):
        registry.family("nope")


def test_kp_register_evaluators() -> None:
    class Ev:
        @hookimpl
        def kp_register_evaluators(self, register):
            register(
                Evaluator(
                    name="ev",
                    description="x",
                    run=lambda **kw: {"ok": True},
                    probe=lambda: Availability(False, "needs a harness"),
                )
            )

    evaluator = registry_with(Ev()).evaluator("ev")
    assert evaluator.run() == {"ok": True}
    assert evaluator.availability() == Availability(False, "needs a harness")


def test_kp_register_operators() -> None:
    class Op:
        @hookimpl
        def kp_register_operators(self, register):
            register(Operator(name="upper", description="x", factory=lambda **kw: lambda text, label: text.upper()))

    operator = registry_with(Op()).operator("upper")
    assert operator.factory()("ana", "PERSON") == "ANA"


def test_kp_register_commands_adds_a_subcommand() -> None:
    @click.command("throwaway-hello")
    def hello() -> None:
        click.echo("hello from a plugin")

    class Cmd:
        @hookimpl
        def kp_register_commands(self, cli):
            cli.add_command(hello)

    host = get_host()
    host.register(Cmd(), name="throwaway-cmd")
    try:
        result = CliRunner().invoke(build_cli(), ["throwaway-hello"])
        assert result.exit_code == 0 and result.output == "hello from a plugin\n"
    finally:
        host.unregister("throwaway-cmd")
        reset_registry()
    assert "throwaway-hello" not in build_cli().list_commands(click.Context(build_cli()))


def test_misspelled_hook_is_caught() -> None:
    class Typo:
        @hookimpl
        def kp_register_familys(self, register):  # misspelled on purpose
            pass

    host = PluginHost()
    host.register(Typo(), name="typo")
    with pytest.raises(Exception, match="kp_register_familys"):
        host.check_pending()
