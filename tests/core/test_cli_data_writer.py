"""kp's one atomic JSONL writer (kp issue 20): a temporary file unique to each writer, renamed
into place once complete, and the file modes of docs/cli.md (rows 0600, reports by the umask)."""

from __future__ import annotations

import gzip
import json
import os
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def _generate_write_rows(rows: Iterator[dict], path: Path) -> int:
    from kp_core.generate import write_rows

    return write_rows(rows, path)


def _atomic_write_jsonl(rows: Iterator[dict], path: Path) -> int:
    from kp_core.data.paths import atomic_write_jsonl

    return atomic_write_jsonl(rows, path)


def _write_jsonl(rows: Iterator[dict], path: Path) -> int:
    from kp_core.data import write_jsonl
    from kp_core.types import Example

    return write_jsonl((Example(text=json.dumps(row), spans=[]) for row in rows), path)


WRITERS: dict[str, Callable[[Iterator[dict], Path], int]] = {
    "generate.write_rows": _generate_write_rows,
    "paths.atomic_write_jsonl": _atomic_write_jsonl,
    "data.write_jsonl": _write_jsonl,
}
ROWS = 300


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    before = os.umask(0o022)
    os.umask(before)
    yield os.umask
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _read_back(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [json.loads(row["text"]) if set(row) >= {"text", "spans"} else row for row in rows]


@pytest.mark.parametrize("name", WRITERS)
def test_two_concurrent_writers_to_one_target_never_clobber_each_other(name: str, tmp_path: Path) -> None:
    """Both writers hold their temporary file open at once (the barrier): each must have its own,
    so both finish, the target is one writer's complete rows, and no temporary file is left."""
    writer = WRITERS[name]
    target = tmp_path / "rows.jsonl"
    both_writing = threading.Barrier(2, timeout=20)
    errors: list[BaseException] = []

    def rows(tag: str) -> Iterator[dict]:
        yield {"writer": tag, "i": 0}
        both_writing.wait()
        for i in range(1, ROWS):
            yield {"writer": tag, "i": i}

    def run(tag: str) -> None:
        try:
            assert writer(rows(tag), target) == ROWS
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
            both_writing.abort()

    threads = [threading.Thread(target=run, args=(tag,)) for tag in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    written = _read_back(target)
    assert len({row["writer"] for row in written}) == 1  # one writer's rows, never a mix
    assert [row["i"] for row in written] == list(range(ROWS))
    assert [p.name for p in tmp_path.iterdir()] == ["rows.jsonl"]


def test_each_writer_gets_its_own_temporary_file(tmp_path: Path) -> None:
    from kp_core.data.paths import atomic_output

    target = tmp_path / "out.jsonl"
    with atomic_output(target, private=True) as first, atomic_output(target, private=True) as second:
        first.write("first\n")
        second.write("second\n")
        temporaries = sorted(p.name for p in tmp_path.iterdir())
        assert len(temporaries) == 2 and all(name.startswith(".out.jsonl.") for name in temporaries)
        assert not target.exists()  # nothing under the final name until a writer completes
    assert target.read_text(encoding="utf-8") == "first\n"  # the last to complete wins, whole
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


@pytest.mark.parametrize("name", WRITERS)
def test_rows_are_private_whatever_the_umask(name: str, tmp_path: Path, umask: Callable[[int], None]) -> None:
    umask(0o022)
    target = tmp_path / "rows.jsonl"
    WRITERS[name](iter([{"i": 0}]), target)
    assert _mode(target) == 0o600
    target.chmod(0o644)  # replacing a readable file with rows makes it private too
    WRITERS[name](iter([{"i": 1}]), target)
    assert _mode(target) == 0o600


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_reports_follow_the_umask(mask: int, expected: int, tmp_path: Path, umask: Callable[[int], None]) -> None:
    from kp_core.data.paths import atomic_write_jsonl, atomic_write_text

    umask(mask)
    atomic_write_text(tmp_path / "report.json", "{}\n")
    atomic_write_jsonl([{"model": "rules"}], tmp_path / "board.jsonl", private=False)
    atomic_write_text(tmp_path / "dump.json", "{}\n", private=True)
    assert _mode(tmp_path / "report.json") == expected
    assert _mode(tmp_path / "board.jsonl") == expected
    assert _mode(tmp_path / "dump.json") == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    from kp_core.data.paths import atomic_write_jsonl

    target = tmp_path / "rows.jsonl.gz"
    atomic_write_jsonl([{"i": 0}], target)
    before = target.read_bytes()

    def broken() -> Iterator[dict]:
        yield {"i": 1}
        raise RuntimeError("the source failed half-way")

    with pytest.raises(RuntimeError):
        atomic_write_jsonl(broken(), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["rows.jsonl.gz"]


def test_generated_rows_are_gzipped_by_suffix_and_reproducible(tmp_path: Path) -> None:
    from kp_core.generate import generate_rows, write_rows

    first, second = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    write_rows(generate_rows(["ro"], n=5, seed=2), first)
    write_rows(generate_rows(["ro"], n=5, seed=2), second)
    assert first.read_bytes() == second.read_bytes()
    assert len(gzip.decompress(first.read_bytes()).decode("utf-8").splitlines()) == 5
