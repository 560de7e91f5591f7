"""A broken plugin cannot take kp down: each kind of failure is recorded against the plugin that
caused it, reported by ``kp plugins`` and in one stderr line, and every other command and plugin
keeps working."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from kp_core.plugins import builtin
from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.manager import PluginHost
from kp_core.plugins.registry import Availability, Backend, Evaluator, Family, Operator, Registry
from tests.core.test_plugin_loading import make_distribution, run_kp

# Synthetic PII the rules family finds (a phone number and an e-mail address).
TEXT = "Sunati la +40 721 234 567 sau scrieti la ana.pop@example.com."
SECRETS = ("721 234 567", "ana.pop@example.com")

GOOD = """
    from kp_core.plugins.hookspecs import hookimpl
    from kp_core.plugins.registry import Family

    @hookimpl
    def kp_register_families(register):
        register(Family(name="iso-good", description="x", frameworks=(), load=lambda ref, **kw: None))
"""

RAISING_REGISTER_HOOK = """
    from kp_core.plugins.hookspecs import hookimpl
    from kp_core.plugins.registry import Family

    @hookimpl
    def kp_register_families(register):
        register(Family(name="iso-half", description="x", frameworks=(), load=lambda ref, **kw: None))
        raise RuntimeError("families hook broke")
"""

RAISING_COMMANDS_HOOK = """
    import click
    from kp_core.plugins.hookspecs import hookimpl

    @click.command("iso-half-cmd")
    def half():
        click.echo("should not exist")

    @hookimpl
    def kp_register_commands(cli):
        cli.add_command(half)
        raise RuntimeError("commands hook broke")
"""

DUPLICATE_FAMILY = """
    from kp_core.plugins.hookspecs import hookimpl
    from kp_core.plugins.registry import Family

    def _load(ref, **kw):
        raise RuntimeError("the duplicate family was used")

    @hookimpl
    def kp_register_families(register):
        register(Family(name="rules", description="impostor", frameworks=(), load=_load, default_model="x"))
        register(Family(name="iso-extra", description="x", frameworks=(), load=_load))
"""

DUPLICATE_OPERATOR = """
    from kp_core.plugins.hookspecs import hookimpl
    from kp_core.plugins.registry import Operator

    @hookimpl
    def kp_register_operators(register):
        register(Operator(name="redact", description="impostor", factory=lambda **kw: lambda text, label: text))
"""

DUPLICATE_COMMAND = """
    import click
    from kp_core.plugins.hookspecs import hookimpl

    @click.command("families")
    def families():
        click.echo("impostor")

    @click.command("iso-extra-cmd")
    def extra():
        click.echo("extra")

    @hookimpl
    def kp_register_commands(cli):
        cli.add_command(families)
        cli.add_command(extra)
"""

# kind: (plugin module body, expected stage, text the recorded error contains)
BROKEN = {
    "raising-register-hook": (RAISING_REGISTER_HOOK, "kp_register_families", "RuntimeError: families hook broke"),
    "raising-commands-hook": (RAISING_COMMANDS_HOOK, "kp_register_commands", "RuntimeError: commands hook broke"),
    "sys-exit-at-import": ("import sys\nsys.exit(3)\n", "import", "SystemExit: exit code 3"),
    "import-error": ("import kp_no_such_dependency\n", "import", "ModuleNotFoundError"),
    "base-exception-at-import": (
        "class Abort(BaseException):\n    pass\nraise Abort('gave up')\n",
        "import",
        "Abort: gave up",
    ),
    "duplicate-family": (DUPLICATE_FAMILY, "duplicate", "family 'rules' is registered twice"),
    "duplicate-operator": (DUPLICATE_OPERATOR, "duplicate", "operator 'redact' is registered twice"),
    "duplicate-command": (DUPLICATE_COMMAND, "duplicate", "command 'families' is registered twice"),
}

CLI_ONLY = {"raising-commands-hook", "duplicate-command"}

SDK_SCRIPT = (
    "import json, sys\n"
    "from kp_core import extract_pii\n"
    "print(json.dumps([[s.start, s.end, s.label] for s in extract_pii(sys.argv[1])]))\n"
)


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("kp: warning:")]


def _deidentify(tmp_path: Path, extra_path: Path | None, env: dict[str, str] | None = None) -> tuple[str, str]:
    source, target = tmp_path / "in.jsonl", tmp_path / f"out-{len(list(tmp_path.glob('out-*')))}.jsonl"
    source.write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    args = ["deidentify", "--model", "rules", "--input", str(source), "--output", str(target), "--no-progress"]
    result = run_kp(args, extra_path=extra_path, env=env)
    assert result.returncode == 0, result.stderr
    return target.read_text(encoding="utf-8"), result.stderr


def _sdk(extra_path: Path | None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("KP_")}
    if extra_path is not None:
        full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), full_env.get("PYTHONPATH", "")]))
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", SDK_SCRIPT, TEXT], capture_output=True, text=True, env=full_env, timeout=60
    )


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What kp does with no external plugin at all."""
    tmp = tmp_path_factory.mktemp("baseline")
    output, _ = _deidentify(tmp, None, env={"KP_LOAD_PLUGINS": ""})
    sdk = _sdk(None, env={"KP_LOAD_PLUGINS": ""})
    assert sdk.returncode == 0, sdk.stderr
    predicted = run_kp(["predict", "--json", TEXT], env={"KP_LOAD_PLUGINS": ""})
    assert predicted.returncode == 0, predicted.stderr
    assert all(secret not in output for secret in SECRETS)
    assert len(json.loads(sdk.stdout)) == len(SECRETS), "the rules family should find the phone and the e-mail"
    return {"deidentified": output, "sdk": sdk.stdout, "predict": predicted.stdout}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_plugin_is_isolated(kind: str, tmp_path: Path, baseline: dict[str, str]) -> None:
    body, stage, error = BROKEN[kind]
    plugins = tmp_path / "site"
    make_distribution(plugins, "kp-iso-broken", "kp_iso_broken", body, "iso-broken")
    make_distribution(plugins, "kp-iso-good", "kp_iso_good", GOOD, "iso-good")

    helped = run_kp(["--help"], extra_path=plugins)
    assert helped.returncode == 0, helped.stderr
    assert "families" in helped.stdout and "deidentify" in helped.stdout
    assert "iso-half-cmd" not in helped.stdout  # a command hook that raised adds no command
    assert "Traceback" not in helped.stderr

    listed = run_kp(["plugins", "--json"], extra_path=plugins)
    assert listed.returncode == 0, listed.stderr
    payload = json.loads(listed.stdout)
    [failure] = [f for f in payload["failed"] if f["name"] == "iso-broken"]
    assert failure["stage"] == stage and failure["distribution"] == "kp-iso-broken"
    assert error in failure["error"]
    assert "traceback" not in failure
    assert {f["name"] for f in payload["failed"]} == {"iso-broken"}  # nobody else is blamed
    assert "iso-good" in {p["name"] for p in payload["loaded"]}

    families = run_kp(["families", "--json"], extra_path=plugins)
    assert families.returncode == 0, families.stderr
    providers = {f["name"]: f["provider"] for f in json.loads(families.stdout)}
    assert providers["rules"] == "builtin" and providers["iso-good"] == "iso-good"
    assert "iso-half" not in providers  # a hook that raised contributes nothing, not half
    [warning] = _warnings(families.stderr)
    assert "'iso-broken'" in warning and error in warning
    assert "Traceback" not in families.stderr

    output, stderr = _deidentify(tmp_path, plugins)
    assert output == baseline["deidentified"]
    assert len(_warnings(stderr)) == 1
    assert all(secret not in stderr for secret in SECRETS)

    predicted = run_kp(["predict", "--json", TEXT], extra_path=plugins)
    assert predicted.returncode == 0, predicted.stderr
    assert predicted.stdout == baseline["predict"]
    assert len(_warnings(predicted.stderr)) == 1

    sdk = _sdk(plugins)
    assert sdk.returncode == 0, sdk.stderr
    assert sdk.stdout == baseline["sdk"]
    # The SDK never builds the CLI, so a plugin's command hook does not run there.
    assert len(_warnings(sdk.stderr)) == (0 if kind in CLI_ONLY else 1)
    assert "Traceback" not in sdk.stderr


def test_plugin_parts_that_do_not_clash_still_register(tmp_path: Path) -> None:
    make_distribution(tmp_path, "kp-iso-dup", "kp_iso_dup", DUPLICATE_FAMILY, "iso-dup")
    make_distribution(tmp_path, "kp-iso-cmd", "kp_iso_cmd", DUPLICATE_COMMAND, "iso-cmd")
    families = json.loads(run_kp(["families", "--json"], extra_path=tmp_path).stdout)
    assert {f["name"]: f["provider"] for f in families}["iso-extra"] == "iso-dup"
    extra = run_kp(["iso-extra-cmd"], extra_path=tmp_path)
    assert extra.returncode == 0 and extra.stdout == "extra\n"


def test_human_listing_and_tracebacks_on_request(tmp_path: Path) -> None:
    make_distribution(tmp_path, "kp-iso-broken", "kp_iso_broken", RAISING_REGISTER_HOOK, "iso-broken")
    listed = run_kp(["plugins"], extra_path=tmp_path)
    [line] = [line for line in listed.stdout.splitlines() if line.startswith("iso-broken") and "FAILED" in line]
    assert "kp_register_families" in line and "families hook broke" in line
    [loaded] = [line for line in listed.stdout.splitlines() if line.startswith("iso-broken") and "hooks:" in line]
    assert loaded.endswith("(failed: kp_register_families)")
    assert "Traceback" not in listed.stdout

    verbose = run_kp(["plugins", "--verbose"], extra_path=tmp_path)
    assert "Traceback" in verbose.stdout and "kp_iso_broken.py" in verbose.stdout

    debug = run_kp(["families"], extra_path=tmp_path, env={"KP_DEBUG": "1"})
    assert debug.returncode == 0
    assert "Traceback" in debug.stderr and "kp_iso_broken.py" in debug.stderr


def test_what_a_plugin_prints_stays_off_stdout(tmp_path: Path) -> None:
    chatty = GOOD.replace("    @hookimpl\n", "    print('hello from import')\n\n    @hookimpl\n").replace(
        "(register):\n", "(register):\n        print('hello from hook')\n"
    )
    make_distribution(tmp_path, "kp-iso-chatty", "kp_iso_chatty", chatty, "iso-chatty")
    result = run_kp(["families", "--json"], extra_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "iso-good" in {f["name"] for f in json.loads(result.stdout)}  # the hook really ran
    assert "hello from import" in result.stderr and "hello from hook" in result.stderr


def test_keyboard_interrupt_at_import_still_interrupts(tmp_path: Path) -> None:
    make_distribution(tmp_path, "kp-iso-ctrlc", "kp_iso_ctrlc", "raise KeyboardInterrupt\n", "iso-ctrlc")
    result = run_kp(["--help"], extra_path=tmp_path)
    assert result.returncode != 0
    assert "Usage" not in result.stdout
    assert "KeyboardInterrupt" in result.stderr


def test_load_order_does_not_depend_on_discovery_order(tmp_path: Path) -> None:
    """Whichever order the file system lists distributions in, the same plugin wins a clash."""
    body = DUPLICATE_OPERATOR.replace('name="redact"', 'name="iso-op"')
    make_distribution(tmp_path, "kp-iso-zeta", "kp_iso_zeta", body, "iso-zeta")
    make_distribution(tmp_path, "kp-iso-alpha", "kp_iso_alpha", body, "iso-alpha")
    payload = json.loads(run_kp(["plugins", "--json"], extra_path=tmp_path).stdout)
    assert [(f["name"], f["stage"]) for f in payload["failed"]] == [("iso-zeta", "duplicate")]
    loaded = [p["name"] for p in payload["loaded"]]
    assert loaded[0] == "builtin" and loaded.index("iso-alpha") < loaded.index("iso-zeta")


# In-process: every register hook, and what "contributes nothing" means.


def _family(name: str) -> Family:
    return Family(name=name, description="x", frameworks=(), load=lambda ref, **kw: None)


ITEMS = {
    "kp_register_families": _family("iso-fam"),
    "kp_register_backends": Backend(
        name="iso-dev", framework="fake", description="x", priority=1, probe=lambda: Availability(True)
    ),
    "kp_register_evaluators": Evaluator(name="iso-ev", description="x", run=lambda **kw: None),
    "kp_register_operators": Operator(name="iso-op", description="x", factory=lambda **kw: None),
}


def _plugin_raising_in(failing_hook: str, error: BaseException) -> object:
    """A plugin implementing all four register hooks; ``failing_hook`` registers, then raises."""

    def make(hook: str):
        def impl(register):
            register(ITEMS[hook])
            if hook == failing_hook:
                raise error

        return hookimpl(impl)

    return type("Plugin", (), {hook: staticmethod(make(hook)) for hook in ITEMS})()


def _tables(registry: Registry) -> dict[str, list[str]]:
    return {
        "families": registry.families.names(),
        "backends": registry.backends.names(),
        "evaluators": registry.evaluators.names(),
        "operators": registry.operators.names(),
    }


def _collect_with_broken(failing_hook: str, error: BaseException) -> tuple[PluginHost, Registry]:
    class Other:
        @hookimpl
        def kp_register_families(self, register):
            register(_family("iso-other"))

    host = PluginHost()
    host.register(_plugin_raising_in(failing_hook, error), name="iso-broken")
    host.register(Other(), name="iso-other")
    return host, Registry.collect(host.pm, report=host.report)


@pytest.mark.parametrize("hook", sorted(ITEMS))
def test_raising_register_hook_drops_the_whole_plugin_only(hook: str) -> None:
    host, registry = _collect_with_broken(hook, ValueError("broken on purpose"))
    assert _tables(registry) == {"families": ["iso-other"], "backends": [], "evaluators": [], "operators": []}
    [failure] = host.failed
    assert (failure.name, failure.stage, failure.error) == ("iso-broken", hook, "ValueError: broken on purpose")
    assert registry.failures == [("iso-broken", hook, "ValueError: broken on purpose")]


def test_system_exit_in_a_hook_is_a_failure_not_an_exit() -> None:
    host, registry = _collect_with_broken("kp_register_operators", SystemExit(2))
    assert registry.families.names() == ["iso-other"]
    assert host.failed[0].error == "SystemExit: exit code 2"


def test_keyboard_interrupt_in_a_hook_propagates() -> None:
    with pytest.raises(KeyboardInterrupt):
        _collect_with_broken("kp_register_families", KeyboardInterrupt())


def test_hook_without_failure_registers_everything() -> None:
    """The control for the tests above: the same plugin, nothing raised, gives all four items."""
    host = PluginHost()
    host.register(_plugin_raising_in("none", RuntimeError()), name="iso-fine")
    registry = Registry.collect(host.pm, report=host.report)
    assert _tables(registry) == {
        "families": ["iso-fam"],
        "backends": ["iso-dev"],
        "evaluators": ["iso-ev"],
        "operators": ["iso-op"],
    }
    assert host.failed == [] and registry.failures == []


def test_wrong_item_type_is_the_plugins_failure() -> None:
    class Confused:
        @hookimpl
        def kp_register_operators(self, register):
            register(_family("not-an-operator"))

    host = PluginHost()
    host.register(Confused(), name="iso-confused")
    registry = Registry.collect(host.pm, report=host.report)
    assert registry.families.names() == [] and registry.operators.names() == []
    assert host.failed[0].stage == "kp_register_operators"
    assert "takes Operator items, not Family" in host.failed[0].error


def test_builtins_win_even_against_tryfirst() -> None:
    host = PluginHost()
    host.register(builtin, name="builtin")
    first_evaluator = Registry.collect(host.pm).evaluators.names()[0]

    class Pushy:
        @hookimpl(tryfirst=True)
        def kp_register_evaluators(self, register):
            register(Evaluator(name=first_evaluator, description="impostor", run=lambda **kw: None))

    host.register(Pushy(), name="iso-pushy")
    registry = Registry.collect(host.pm, report=host.report)
    assert registry.evaluator(first_evaluator).provider == "builtin"
    assert [(f.name, f.stage) for f in host.failed] == [("iso-pushy", "duplicate")]


def test_first_loaded_plugin_wins_whatever_hooks_the_others_implement() -> None:
    class BackendOnly:
        @hookimpl
        def kp_register_backends(self, register):
            register(attrs.evolve(ITEMS["kp_register_backends"], description="first"))

    class Both:
        @hookimpl
        def kp_register_families(self, register):
            register(_family("iso-both"))

        @hookimpl
        def kp_register_backends(self, register):
            register(attrs.evolve(ITEMS["kp_register_backends"], description="second"))

    host = PluginHost()
    host.register(BackendOnly(), name="iso-first")
    host.register(Both(), name="iso-second")
    registry = Registry.collect(host.pm, report=host.report)
    assert registry.backend("iso-dev").description == "first"
    assert registry.families.names() == ["iso-both"]
    assert [(f.name, f.stage) for f in host.failed] == [("iso-second", "duplicate")]


def test_duplicate_within_one_plugin_keeps_its_first() -> None:
    class Twice:
        @hookimpl
        def kp_register_families(self, register):
            register(attrs.evolve(_family("iso-twice"), description="first"))
            register(attrs.evolve(_family("iso-twice"), description="second"))

    host = PluginHost()
    host.register(Twice(), name="iso-twice")
    registry = Registry.collect(host.pm, report=host.report)
    assert registry.family("iso-twice").description == "first"
    assert [(f.name, f.stage) for f in host.failed] == [("iso-twice", "duplicate")]


def test_collecting_twice_records_each_failure_once() -> None:
    host, _ = _collect_with_broken("kp_register_backends", RuntimeError("again"))
    Registry.collect(host.pm, report=host.report)
    assert len(host.failed) == 1
    lines: list[str] = []
    host.warn_failures(lines.append)
    host.warn_failures(lines.append)
    assert len(lines) == 1 and lines[0].startswith("kp: warning: plugin 'iso-broken'")
