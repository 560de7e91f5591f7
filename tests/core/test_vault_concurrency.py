"""Several processes writing one vault: racing creation, racing claims of the same values.
No crash, no lost mapping, one source → one surrogate across processes."""

from __future__ import annotations

import multiprocessing
import queue
import random
import sqlite3
import threading
import time

import pytest

from kp_core.anonymize import vault as vault_module
from kp_core.anonymize.pseudonymizer import Pseudonymizer
from kp_core.anonymize.reidentify import reidentify
from kp_core.anonymize.vault import Vault, VaultError
from kp_core.types import Span

KEY = b"concurrency-test-key-0123456789a"
FIRST = ["Ion", "Ana", "Mihai", "Elena", "Radu", "Ioana", "Andrei", "Maria"]
LAST = ["Popescu", "Ionescu", "Stan", "Dumitru", "Marin"]
VALUES = [f"{first} {last}" for first in FIRST for last in LAST]  # 40 names


def _writer(path: str, worker: int, barrier, results) -> None:
    """Open (maybe create) the vault when every worker is ready, then pseudonymize every value
    in batches that start together: odd workers in the same order as worker 0 (they look the
    same value up at the same time, and all but one find it claimed once they get the write
    lock), the others in their own order."""
    order = list(VALUES)
    if worker % 2 == 0 and worker:
        random.Random(worker).shuffle(order)
    barrier.wait(timeout=60)
    pseudonymizer = Pseudonymizer(KEY, path, "ro", "RO")
    seen: dict[str, str] = {}
    try:
        for start in range(0, len(order), 4):
            barrier.wait(timeout=60)
            batch = order[start : start + 4]
            texts = [f"Pacientul {value} a sosit." for value in batch]
            spans = [[Span(10, 10 + len(value), "PERSON")] for value in batch]
            for value, result in zip(batch, pseudonymizer.pseudonymize(texts, spans), strict=True):
                seen[value] = result.surrogates[value]
    finally:
        pseudonymizer.close()
    results.put((worker, seen))


def _race(path: str, workers: int) -> dict[int, dict[str, str]]:
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(workers)
    results = context.Queue()
    processes = [context.Process(target=_writer, args=(path, w, barrier, results)) for w in range(workers)]
    for process in processes:
        process.start()
    collected: dict[int, dict[str, str]] = {}
    deadline = time.monotonic() + 240
    while len(collected) < workers and time.monotonic() < deadline:
        try:
            worker, seen = results.get(timeout=0.5)
        except queue.Empty:
            crashed = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
            assert not crashed, f"a writer process failed (exit codes {crashed})"
            continue
        collected[worker] = seen
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    return collected


@pytest.mark.parametrize("workers", [2, 4])
def test_concurrent_writers_create_and_fill_one_vault(tmp_path, workers):
    for round_ in range(3):  # each round races the creation of a fresh file
        path = str(tmp_path / f"v{round_}.db")
        collected = _race(path, workers)
        assert len(collected) == workers
        with Vault.open(path, KEY, create=False) as vault:
            assert len(vault) == len(VALUES)  # nothing lost, nothing doubled
            recorded = {value: vault.lookup(value) for value in VALUES}
            assert len(set(recorded.values())) == len(VALUES)  # bijective
            for seen in collected.values():
                assert seen == recorded  # every process wrote what the vault holds
            # Every process's outputs are recorded: the vault restores them exactly.
            for value in VALUES[:5]:
                source = f"Pacientul {value} a sosit."
                assert reidentify(vault, f"Pacientul {recorded[value]} a sosit.", fallback=False).text == source


def test_assign_tells_a_claimed_source_from_a_taken_surrogate(tmp_path):
    path = tmp_path / "v.db"
    with Vault.open(path, KEY) as first, Vault.open(path, KEY) as second:
        assert first.assign("PERSON", "Ana Pop", "Ioana Stan") == "Ioana Stan"
        first.commit()
        assert second.assign("PERSON", "Ana Pop", "Elena Marin") == "Ioana Stan"  # its surrogate
        assert second.assign("PERSON", "Radu Ene", "Ioana Stan") is None  # taken: next candidate
        assert not second.claim("PERSON", "ANA  POP", "Elena Marin")
        second.commit()


def test_a_writer_waits_for_another_transaction_and_sees_its_claim(tmp_path):
    path = tmp_path / "v.db"
    Vault.open(path, KEY).close()
    got: list[str | None] = []

    def other_process() -> None:
        with Vault.open(path, KEY) as vault:
            got.append(vault.assign("PERSON", "Ana Pop", "Elena Marin"))

    with Vault.open(path, KEY) as holder:
        assert holder.assign("PERSON", "Ana Pop", "Ioana Stan") == "Ioana Stan"  # holds the write lock
        thread = threading.Thread(target=other_process)
        thread.start()
        time.sleep(0.3)
        assert not got  # still waiting for the lock, not failed
        holder.commit()
        thread.join(timeout=30)
    assert got == ["Ioana Stan"]


def test_an_empty_file_becomes_a_vault_and_a_foreign_database_is_refused(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()  # what a process sees when another has just created the file
    with pytest.raises(VaultError, match="empty file"):
        Vault.open(empty, KEY, create=False)
    with Vault.open(empty, KEY) as vault:
        assert vault.claim("PERSON", "Ana Pop", "Ioana Stan")
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes (x TEXT)")
    db.close()
    with pytest.raises(VaultError, match="not a kp vault"):
        Vault.open(foreign, KEY)
    with sqlite3.connect(foreign) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.close()
    assert tables == {"notes"}  # left as it was


def test_a_long_batch_commits_as_it_goes_so_other_writers_are_not_starved(tmp_path, monkeypatch):
    monkeypatch.setattr(vault_module, "_HOLD_S", 0.2)
    path = tmp_path / "v.db"
    with Vault.open(path, KEY) as writer, Vault.open(path, KEY) as reader:
        writer.assign("PERSON", "Ana Pop", "Ioana Stan")
        assert reader.lookup("Ana Pop") is None  # not committed yet
        time.sleep(0.3)
        writer.assign("PERSON", "Radu Ene", "Elena Marin")  # the transaction was old: committed first
        assert reader.lookup("Ana Pop") == "Ioana Stan" and reader.lookup("Radu Ene") is None
        writer.commit()
        assert reader.lookup("Radu Ene") == "Elena Marin"
