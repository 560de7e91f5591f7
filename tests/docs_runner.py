"""Runs the code blocks of README.md and docs/*.md as written (the docs test).

Each page runs in a sandbox folder of its own that looks like the repository root (its top-level
folders linked in, ``../shared`` beside it) and holds three inputs the examples may use:
``docs.jsonl`` (rows to process: ``doc_id``, ``language``, ``text``), ``gold.jsonl`` (gold rows of
kp's generator) and ``key`` (a key file). Blocks run in page order, so a page can create what its
later blocks read.

* ``sh``/``bash`` blocks: every ``kp ...`` line runs through bash (pipes and redirections as
  written) and must exit 0 with no traceback. ``python benchmarks/X.py ...`` lines: the script's
  ``--help`` must work and list every flag the line uses (benchmarks run for minutes, so they are
  checked, not run). ``make T``: the Makefile has target T. ``pip install X``: X is a kp
  distribution or a declared dependency of one.
* ``python`` blocks run as scripts and must not raise.
* A block whose language is empty or ``text`` and whose lines start with ``kp`` is a synopsis:
  every ``--flag`` it shows must be in that command's ``--help``.
* Marks, in HTML comments right above a fence: ``<!-- docs-test: needs kp-torch -->`` (or
  ``kp-mlx``, ``kp-gliner``, ``kp-example``, ``kp-presidio``, ``spacy``, ``cuda``, ``hub``): where the environment lacks it, every command of
  the block must be refused cleanly instead (exit 2 and one ``Error:`` line, or a ``KpError`` /
  missing-module error in Python), never a traceback; ``hub`` is always lacking (tests are
  offline). ``<!-- docs-test: excerpt of PATH -->``: the block is a part of PATH (every line of it
  appears there, in order); ``<!-- docs-test: exit N -->``: the commands exit N (e.g. 1 for a
  validation that finds bad rows).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAGES = ("README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md")))
SHELL_LANGS = {"sh", "bash", "shell", "console"}
_FENCE = re.compile(r"^```([\w+-]*)[^\n]*\n(.*?)^```", re.S | re.M)
_MARK = re.compile(r"<!--\s*docs-test:\s*(.*?)\s*-->")
_NEEDS = {"kp-torch", "kp-mlx", "kp-gliner", "kp-example", "kp-presidio", "spacy", "cuda", "hub"}
COMMAND_TIMEOUT_S = 600


@dataclass
class Block:
    page: str
    line: int
    lang: str
    text: str
    marks: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    @property
    def needs(self) -> set[str]:
        wanted = set(self.marks.get("needs", "").split())
        unknown = wanted - _NEEDS
        if unknown:
            raise ValueError(f"{self.where}: unknown needs {sorted(unknown)} (known: {sorted(_NEEDS)})")
        return wanted


def page_blocks(page: str, root: Path = ROOT) -> list[Block]:
    source = (root / page).read_text(encoding="utf-8")
    blocks = []
    for match in _FENCE.finditer(source):
        before = source[: match.start()].rstrip("\n").splitlines()
        marks: dict[str, str] = {}
        while before and _MARK.fullmatch(before[-1].strip()):
            key, _, value = _MARK.fullmatch(before.pop().strip()).group(1).partition(" ")
            marks[key] = value.strip()
        line = source[: match.start()].count("\n") + 1
        blocks.append(Block(page, line, match.group(1).lower(), match.group(2), marks))
    return blocks


def lacking(needs: set[str]) -> set[str]:
    """What of ``needs`` this environment does not have."""
    have = {
        "kp-torch": _installed("kp-torch"),
        "kp-mlx": _installed("kp-mlx"),
        "kp-gliner": _installed("kp-gliner"),
        "kp-example": _installed("kp-example"),
        "kp-presidio": _installed("kp-presidio"),
        "spacy": _installed("spacy"),
        "cuda": _cuda(),
        "hub": False,
    }
    return {need for need in needs if not have[need]}


def _installed(distribution: str) -> bool:
    """Installed in this environment (the repository's own folders would import as namespace
    packages from its root, so ask the package metadata, not the import system)."""
    try:
        importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def _cuda() -> bool:
    if importlib.util.find_spec("torch") is None:
        return False
    import torch

    return bool(torch.cuda.is_available())


def logical_lines(text: str) -> Iterator[str]:
    """Lines with ``\\`` continuations joined, comments and blanks dropped."""
    pending = ""
    for raw in text.splitlines():
        line = pending + raw
        if line.rstrip().endswith("\\"):
            pending = line.rstrip()[:-1] + " "
            continue
        pending = ""
        code = _strip_comment(line).strip()
        if code:
            yield code


def _strip_comment(line: str) -> str:
    """The line up to a ``#`` that starts a shell comment (outside quotes, after a blank)."""
    quote = None
    for i, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i]
    return line


@dataclass
class Outcome:
    command: str
    returncode: int
    stdout: str
    stderr: str

    def describe(self) -> str:
        return f"$ {self.command}\n[exit {self.returncode}]\n{self.stdout[-3000:]}\n{self.stderr[-3000:]}"


class Sandbox:
    """A folder that looks like the repository root, with the example inputs in it."""

    def __init__(self, base: Path) -> None:
        self.cwd = base / "work"
        self.cwd.mkdir(parents=True)
        if SHARED.exists():
            (base / "shared").symlink_to(SHARED)
        for entry in ROOT.iterdir():
            if entry.name.startswith(".") or entry.name in ("runs",):
                continue
            (self.cwd / entry.name).symlink_to(entry)
        self.env = dict(os.environ)
        self.env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{self.env.get('PATH', '')}"
        self.env.pop("KP_MODEL", None)
        self.env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONHASHSEED="0")
        self._inputs()

    def _inputs(self) -> None:
        from kp_core.generate import generate_rows

        gold = list(generate_rows(["ro", "it", "pl"], None, n=24, seed=7))
        with open(self.cwd / "gold.jsonl", "w", encoding="utf-8") as out:
            for row in gold:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        with open(self.cwd / "docs.jsonl", "w", encoding="utf-8") as out:
            for row in gold[:6]:
                keep = {"doc_id": row["doc_id"], "language": row.get("language"), "text": row["text"]}
                out.write(json.dumps(keep, ensure_ascii=False) + "\n")
        (self.cwd / "key").write_text("docs-test key: 32 bytes or more, not secret\n", encoding="utf-8")
        os.chmod(self.cwd / "key", 0o600)

    def shell(self, command: str) -> Outcome:
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
        )
        return Outcome(command, done.returncode, done.stdout, done.stderr)

    def python(self, block: Block) -> Outcome:
        script = self.cwd / f".docs_block_{block.line}.py"
        script.write_text(block.text, encoding="utf-8")
        runner = (
            "import runpy, sys\n"
            "try:\n"
            f"    runpy.run_path({str(script)!r}, run_name='__main__')\n"
            "except BaseException as exc:\n"
            "    from kp_core.errors import KpError\n"
            "    kind = 'kp' if isinstance(exc, KpError) else 'missing-module' if isinstance(exc, ModuleNotFoundError) else 'other'\n"
            "    print(f'DOCS-TEST-EXCEPTION {kind} {type(exc).__name__}', file=sys.stderr)\n"
            "    raise\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", runner],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
        )
        return Outcome(f"python ({block.where})", done.returncode, done.stdout, done.stderr)


def check_block(sandbox: Sandbox, block: Block) -> list[str]:
    """Run or check one block; the problems found (empty when the block is right)."""
    if "excerpt" in block.marks:
        return _check_excerpt(block)
    missing = lacking(block.needs)
    if block.lang in SHELL_LANGS:
        problems = []
        for line in logical_lines(block.text):
            problems += _check_shell_line(sandbox, block, line, missing)
        return problems
    if block.lang == "python":
        outcome = sandbox.python(block)
        return _judge(block, outcome, missing, python=True)
    if block.lang in ("", "text") and any(line.startswith("kp ") for line in logical_lines(block.text)):
        return _check_synopsis(sandbox, block, missing)
    return []


def _check_shell_line(sandbox: Sandbox, block: Block, line: str, missing: set[str]) -> list[str]:
    words = shlex.split(line)
    if words[0] == "kp":
        return _judge(block, sandbox.shell(line), missing, python=False)
    if words[0] == "python" and len(words) > 1 and words[1].startswith("benchmarks/"):
        return _check_benchmark(sandbox, block, words)
    if words[0] == "make":
        return [f"{block.where}: make has no target {t!r}" for t in words[1:] if not _make_target(t)]
    if words[0] == "pip" and words[1:2] == ["install"]:
        return [
            f"{block.where}: pip install {r}: not a kp distribution or dependency"
            for r in words[2:]
            if not r.startswith("-") and not _known_requirement(r)
        ]
    return [f"{block.where}: the docs test does not know how to check {words[0]!r} lines: {line}"]


def _judge(block: Block, outcome: Outcome, missing: set[str], *, python: bool) -> list[str]:
    where = f"{block.where}: {outcome.command}"
    if "Traceback" in outcome.stderr and not python:
        return [f"{where}: a traceback\n{outcome.describe()}"]
    if missing:
        if python:
            clean = re.search(r"DOCS-TEST-EXCEPTION (kp|missing-module) ", outcome.stderr)
            if outcome.returncode == 0 or not clean:
                return [
                    f"{where}: without {sorted(missing)} it must raise a KpError or a missing-module error\n{outcome.describe()}"
                ]
            return []
        if outcome.returncode != 2 or "Error:" not in outcome.stderr:
            return [
                f"{where}: without {sorted(missing)} it must be refused (exit 2, an Error: line)\n{outcome.describe()}"
            ]
        return []
    expected = int(block.marks.get("exit", "0"))
    if outcome.returncode != expected:
        return [f"{where}: exit {outcome.returncode}, expected {expected}\n{outcome.describe()}"]
    return []


def _check_excerpt(block: Block) -> list[str]:
    path = ROOT / block.marks["excerpt"].removeprefix("of ").strip()
    if not path.is_file():
        return [f"{block.where}: excerpt of {path.relative_to(ROOT)}: no such file"]
    source = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    position = 0
    for line in (line.strip() for line in block.text.splitlines()):
        if not line:
            continue
        try:
            position = source.index(line, position) + 1
        except ValueError:
            return [f"{block.where}: excerpt line not found (in order) in {path.relative_to(ROOT)}: {line}"]
    return []


def _check_synopsis(sandbox: Sandbox, block: Block, missing: set[str]) -> list[str]:
    """Every flag a synopsis line shows is in that command's ``--help``. Where the block needs
    something this environment lacks, a command that comes with it must be refused cleanly."""
    problems = []
    for line in logical_lines(block.text):
        if not line.startswith("kp "):
            continue
        words = line.split()
        command = []
        for word in words[1:4]:
            if not re.fullmatch(r"[a-z][a-z-]*", word):
                break
            command.append(word)
        help_text = sandbox.shell(shlex.join(["kp", *command, "--help"]))
        if help_text.returncode != 0 and missing:  # the command itself comes with what is missing
            problems += _judge(block, help_text, missing, python=False)
            continue
        if help_text.returncode != 0:
            problems.append(f"{block.where}: kp {' '.join(command)} --help failed\n{help_text.describe()}")
            continue
        for flag in set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", line)):
            if flag not in help_text.stdout:
                problems.append(f"{block.where}: kp {' '.join(command)} has no {flag}")
    return problems


def _check_benchmark(sandbox: Sandbox, block: Block, words: list[str]) -> list[str]:
    outcome = sandbox.shell(shlex.join(["python", words[1], "--help"]))
    if outcome.returncode != 0:
        return [f"{block.where}: {words[1]} --help failed\n{outcome.describe()}"]
    flags = [w.split("=")[0] for w in words[2:] if w.startswith("--")]
    return [f"{block.where}: {words[1]} has no {flag}" for flag in flags if flag not in outcome.stdout]


def _make_target(target: str) -> bool:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return re.search(rf"^{re.escape(target)}\s*:", makefile, re.M) is not None


def _known_requirement(requirement: str) -> bool:
    name = re.split(r"[\[<>=!~ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
    declared: set[str] = set()
    for pyproject in ROOT.glob("**/pyproject.toml"):
        if ".tox" in pyproject.parts or "node_modules" in pyproject.parts:
            continue
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        declared.add(project.get("name", "").lower())
        deps = list(project.get("dependencies", []))
        for extra in project.get("optional-dependencies", {}).values():
            deps += extra
        declared |= {re.split(r"[\[<>=!~ ;]", d, maxsplit=1)[0].lower().replace("_", "-") for d in deps}
    return name in declared


def run_page(page: str, base: Path, root: Path = ROOT) -> list[str]:
    """Every block of ``page`` checked in order in one sandbox under ``base``; the problems."""
    sandbox = Sandbox(base)
    problems: list[str] = []
    for block in page_blocks(page, root):
        problems += check_block(sandbox, block)
    return problems
