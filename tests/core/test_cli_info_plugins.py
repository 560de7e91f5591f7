"""Plugin loading that used to be silent or a raw traceback: a KP_LOAD_PLUGINS / KP_DISABLE_PLUGINS
name that matches nothing, a plugin's own odd exception, a distribution without a name, a hook that
registers something that is not a command, and a plugin that tries to replace a built-in command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.test_plugin_loading import make_distribution, run_kp

GOOD = """
    from kp_core.plugins.hookspecs import hookimpl

    @hookimpl
    def kp_register_operators(register):
        pass
"""

UNREADABLE_ERROR = """
class Odd(Exception):
    def __str__(self):
        raise ValueError("no message")
"""

ODD_AT_IMPORT = UNREADABLE_ERROR + "raise Odd()\n"

ODD_IN_HOOK = (
    UNREADABLE_ERROR
    + """
from kp_core.plugins.hookspecs import hookimpl

@hookimpl
def kp_register_commands(cli):
    raise Odd()
"""
)

IMPOSTOR_COMMANDS = """
    import click
    from kp_core.plugins.hookspecs import hookimpl

    @click.command("evaluate")
    def evaluate():
        click.echo("impostor evaluate")

    @click.command("deidentify")
    def deidentify():
        click.echo("impostor deidentify")

    @hookimpl
    def kp_register_commands(cli):
        cli.add_command(evaluate)
        cli.add_command(deidentify)
"""

GROUP_MUTATING = """
    import click
    from kp_core.plugins.hookspecs import hookimpl

    @click.command("evaluate")
    def evaluate():
        click.echo("impostor evaluate")

    @hookimpl
    def kp_register_commands(cli):
        from kp_core.cli import cli as top
        top.add_command(evaluate, "evaluate")
"""

NOT_A_COMMAND = """
    from kp_core.plugins.hookspecs import hookimpl

    @hookimpl
    def kp_register_commands(cli):
        cli.commands["not-a-command"] = 42
"""


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("kp: warning:")]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    make_distribution(tmp_path, "kp-sel-good", "kp_sel_good", GOOD, "sel-good")
    return tmp_path


@pytest.mark.parametrize("variable", ["KP_LOAD_PLUGINS", "KP_DISABLE_PLUGINS"])
def test_a_name_that_matches_no_plugin_is_a_warning_naming_the_installed_ones(site: Path, variable: str) -> None:
    result = run_kp(["plugins", "--json"], extra_path=site, env={variable: "sel-good,nope"})
    assert result.returncode == 0, result.stderr
    [line] = warnings(result.stderr)
    assert variable in line and "'nope'" in line and "sel-good" in line
    assert "'sel-good'" not in line.split("installed")[0]  # the name that matched is not blamed
    assert json.loads(result.stdout)["unmatched"] == {variable: ["nope"]}


def test_names_that_match_warn_nothing(site: Path) -> None:
    # by entry-point name and by distribution name, in any spelling packaging accepts
    for value in ("sel-good", "kp-sel-good", "KP_Sel_Good"):
        result = run_kp(["plugins", "--json"], extra_path=site, env={"KP_LOAD_PLUGINS": value})
        assert result.returncode == 0 and warnings(result.stderr) == [], (value, result.stderr)
        assert "sel-good" in {p["name"] for p in json.loads(result.stdout)["loaded"]}


@pytest.mark.parametrize(
    ("body", "stage"),
    [(ODD_AT_IMPORT, "import"), (ODD_IN_HOOK, "kp_register_commands")],
    ids=["at-import", "in-the-command-hook"],
)
def test_an_exception_whose_message_raises_is_a_recorded_failure(tmp_path: Path, body: str, stage: str) -> None:
    make_distribution(tmp_path, "kp-odd", "kp_odd", body, "odd")
    helped = run_kp(["--help"], extra_path=tmp_path)
    assert helped.returncode == 0 and "Traceback" not in helped.stderr, helped.stderr
    listed = run_kp(["plugins", "--json"], extra_path=tmp_path)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
    [failure] = json.loads(listed.stdout)["failed"]
    assert failure["name"] == "odd" and failure["stage"] == stage and failure["error"].startswith("Odd")
    families = run_kp(["families", "--json"], extra_path=tmp_path)
    assert families.returncode == 0 and "Traceback" not in families.stderr, families.stderr
    [line] = warnings(families.stderr)
    assert "'odd'" in line


def test_a_distribution_without_a_name_does_not_crash_kp(tmp_path: Path) -> None:
    make_distribution(tmp_path, "kp-nameless", "kp_nameless", GOOD, "nameless")
    (next(tmp_path.glob("*.dist-info")) / "METADATA").write_text("Metadata-Version: 2.1\nVersion: 0.1\n")
    result = run_kp(["plugins", "--json"], extra_path=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "nameless" in {p["name"] for p in json.loads(result.stdout)["loaded"]}


def test_something_that_is_not_a_command_is_refused_and_help_still_works(tmp_path: Path) -> None:
    make_distribution(tmp_path, "kp-notcmd", "kp_notcmd", NOT_A_COMMAND, "notcmd")
    helped = run_kp(["--help"], extra_path=tmp_path)
    assert helped.returncode == 0, helped.stderr + helped.stdout
    assert "not-a-command" not in helped.stdout
    [line] = warnings(helped.stderr)
    assert "'notcmd'" in line and "not a click command" in line


@pytest.mark.parametrize("command", ["evaluate", "deidentify"])
def test_a_plugin_cannot_replace_a_built_in_command_and_says_so(tmp_path: Path, command: str) -> None:
    make_distribution(tmp_path, "kp-impostor", "kp_impostor", IMPOSTOR_COMMANDS, "impostor")
    result = run_kp([command, "--help"], extra_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "impostor" not in result.stdout and "--input" in result.stdout or "--data" in result.stdout
    assert any(
        f"command {command!r} is registered twice" in line and "'impostor'" in line for line in warnings(result.stderr)
    )
    listed = json.loads(run_kp(["plugins", "--json"], extra_path=tmp_path).stdout)
    refused = [f["error"] for f in listed["failed"] if f["name"] == "impostor" and f["stage"] == "duplicate"]
    assert any(f"command {command!r}" in error and "'builtin'" in error for error in refused)


def test_a_hook_that_changes_the_kp_group_itself_is_undone_and_recorded(tmp_path: Path) -> None:
    make_distribution(tmp_path, "kp-mutator", "kp_mutator", GROUP_MUTATING, "mutator")
    result = run_kp(["evaluate", "--help"], extra_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "impostor" not in result.stdout and "EuroPriv-Bench" in result.stdout
    [line] = warnings(result.stderr)
    assert "'mutator'" in line and "changed the kp group itself" in line
    shown = run_kp(["plugins"], extra_path=tmp_path).stdout
    assert any(row.startswith("mutator") and "FAILED kp_register_commands" in row for row in shown.splitlines())
