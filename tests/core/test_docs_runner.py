"""The docs test's runner finds what is wrong with an example (so a passing docs test means
something): a failing command, a traceback, an unknown flag in a synopsis, an excerpt that is not
in its file, a Python block that raises, a refusal that is not clean."""

from __future__ import annotations

from pathlib import Path

from tests.docs_runner import logical_lines, run_page

FENCE = "```"


def _problems(tmp_path: Path, body: str) -> list[str]:
    import tempfile

    page = tmp_path / "page.md"
    page.write_text(body, encoding="utf-8")
    return run_page("page.md", Path(tempfile.mkdtemp(dir=tmp_path)), root=tmp_path)


def test_a_working_command_passes(tmp_path: Path) -> None:
    assert _problems(tmp_path, f"{FENCE}sh\nkp version   # the versions\n{FENCE}\n") == []


def test_an_unknown_command_fails(tmp_path: Path) -> None:
    [problem] = _problems(tmp_path, f"{FENCE}sh\nkp no-such-command\n{FENCE}\n")
    assert "page.md:1" in problem and "exit 2, expected 0" in problem


def test_the_sandbox_inputs_are_there(tmp_path: Path) -> None:
    shell = f"{FENCE}sh\nkp data validate --input gold.jsonl\nkp data stats --input gold.jsonl --json > /dev/null\n{FENCE}\n"
    python = f"{FENCE}python\nassert len(open('key').read()) >= 16\n{FENCE}\n"
    assert _problems(tmp_path, shell + python) == []


def test_a_shell_line_the_runner_cannot_check_is_a_problem(tmp_path: Path) -> None:
    [problem] = _problems(tmp_path, f"{FENCE}sh\ncurl https://example.org\n{FENCE}\n")
    assert "does not know how to check 'curl'" in problem


def test_a_needed_stack_that_is_missing_must_be_refused_cleanly(tmp_path: Path) -> None:
    ok = f"<!-- docs-test: needs hub -->\n{FENCE}sh\nkp predict -m ./no-such-folder 'x'\n{FENCE}\n"
    assert _problems(tmp_path, ok) == []
    succeeds = f"<!-- docs-test: needs hub -->\n{FENCE}sh\nkp version\n{FENCE}\n"
    [problem] = _problems(tmp_path, succeeds)
    assert "must be refused" in problem


def test_a_synopsis_flag_that_does_not_exist_fails(tmp_path: Path) -> None:
    body = f"{FENCE}\nkp taxonomy [--json] [--no-such-flag]\n{FENCE}\n"
    [problem] = _problems(tmp_path, body)
    assert "kp taxonomy has no --no-such-flag" in problem


def test_an_excerpt_must_be_in_its_file(tmp_path: Path) -> None:
    good = f"<!-- docs-test: excerpt of Makefile -->\n{FENCE}make\nrun: $(MAIN)/.ok\n{FENCE}\n"
    assert _problems(tmp_path, good) == []
    bad = f"<!-- docs-test: excerpt of Makefile -->\n{FENCE}make\nrun: nothing\n{FENCE}\n"
    [problem] = _problems(tmp_path, bad)
    assert "excerpt line not found" in problem


def test_a_python_block_that_raises_fails(tmp_path: Path) -> None:
    assert _problems(tmp_path, f"{FENCE}python\nfrom kp_core import extract_pii\nextract_pii('x')\n{FENCE}\n") == []
    [problem] = _problems(tmp_path, f"{FENCE}python\nundefined_name\n{FENCE}\n")
    assert "NameError" in problem


def test_continuations_and_comments() -> None:
    text = "kp a \\\n    --b 1   # why\n# only a comment\n\nkp c '#not a comment'\n"
    assert list(logical_lines(text)) == ["kp a      --b 1", "kp c '#not a comment'"]
