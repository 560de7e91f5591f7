"""The schema-3 leaderboard file and its plain-text tables.

File: ``{"schema": 3, "entries": {"<adapter>::<model_id>": [row, ...]}}`` with keys sorted, rows
sorted by spec, written with ``indent=2, ensure_ascii=False``. Unlike the harness's view, the
tables are keyed by the full entry key, so two checkpoints of one adapter never collide.

One file holds many models: :func:`add_to_leaderboard` merges a run's rows into an existing file
(a row of the same entry and spec is replaced, every other row kept).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from kp_core.data.paths import atomic_write_text
from kp_core.errors import KpError
from kp_core.evaluation.results import annotate_row, entry_key

SCHEMA = 3


class LeaderboardError(KpError, ValueError):
    """A file that is not a schema-3 leaderboard (not JSON, another shape or another schema)."""


def _sorted_board(entries: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "entries": {key: sorted(entries[key], key=lambda r: r["spec"]) for key in sorted(entries)},
    }


def build_leaderboard(results: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    return merge_leaderboard({"schema": SCHEMA, "entries": {}}, results)


def merge_leaderboard(board: Mapping[str, Any], results: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """``board`` with ``results`` added: a row of the same entry and spec replaces the old one, every
    other row stays (so one file holds many models and runs)."""
    entries = {key: [dict(row) for row in rows] for key, rows in board.get("entries", {}).items()}
    for row in results:
        row = annotate_row(dict(row))
        key = entry_key(row)
        kept = [old for old in entries.get(key, []) if old.get("spec") != row["spec"]]
        entries[key] = [*kept, row]
    return _sorted_board(entries)


def _write(board: Mapping[str, Any], path: str | Path) -> None:
    atomic_write_text(path, json.dumps(board, indent=2, ensure_ascii=False) + "\n")  # no half file on failure


def write_leaderboard(results: Iterable[Mapping[str, Any]], path: str | Path) -> dict[str, Any]:
    """A new leaderboard of ``results`` at ``path`` (an existing file is replaced)."""
    board = build_leaderboard(results)
    _write(board, path)
    return board


def add_to_leaderboard(
    results: Iterable[Mapping[str, Any]], path: str | Path, *, overwrite: bool = False
) -> dict[str, Any]:
    """Merge ``results`` into the leaderboard at ``path`` (created when missing; started anew with
    ``overwrite``) and write it atomically. A file there that is not a leaderboard is refused.

    Read, merge and write happen under an exclusive lock on ``<path>.lock``, so two runs that add
    to one leaderboard at once both keep their rows (the second merges into the first's file)."""
    with _locked(Path(str(path) + ".lock")):
        existing = read_leaderboard(path) if os.path.lexists(path) and not overwrite else None
        board = merge_leaderboard(existing or {"schema": SCHEMA, "entries": {}}, results)
        _write(board, path)
    return board


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    """An exclusive advisory lock held while the block runs (POSIX flock; on systems without it,
    the atomic write still keeps the file whole)."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a", encoding="utf-8") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: no flock
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_leaderboard(path: str | Path) -> dict[str, Any]:
    """The leaderboard file at ``path``; anything else is a :class:`LeaderboardError` naming it."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise LeaderboardError(f"{path}: not a leaderboard file (not UTF-8 text)") from None
    return read_leaderboard_text(text, str(path))


def read_leaderboard_text(text: str, source: str) -> dict[str, Any]:
    """A leaderboard from its JSON text; ``source`` names it in errors."""
    try:
        board = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LeaderboardError(f"{source}: not a leaderboard file (not JSON: {exc.msg} at line {exc.lineno})") from None
    if not isinstance(board, dict) or not isinstance(board.get("entries"), dict):
        raise LeaderboardError(f"{source}: not a leaderboard file (expected an object with 'entries')")
    if board.get("schema") != SCHEMA:
        raise LeaderboardError(f"{source}: leaderboard schema {board.get('schema')!r}, expected {SCHEMA}")
    for key, rows in board["entries"].items():
        if not isinstance(rows, list) or not all(isinstance(r, dict) and "spec" in r for r in rows):
            raise LeaderboardError(f"{source}: entry {key!r} is not a list of result rows")
    return board


def _id_leak(scores: Mapping[str, Any]) -> Mapping[str, Any] | None:
    return scores.get("national_id_leakage") or scores.get("cnp_leakage")


def _table(title: str, header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [title, fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    lines.extend(fmt.format(*r) for r in rows)
    return lines


def _number(scores: Mapping[str, Any] | None, key: str) -> str:
    value = (scores or {}).get(key)
    return "-" if value is None else f"{value:.3f}"


def _rows(board: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    entries: Mapping[str, list[Mapping[str, Any]]] = board.get("entries", {})
    return [(key, row) for key in sorted(entries) for row in entries[key]]


def _detection_row(key: str, row: Mapping[str, Any]) -> list[str]:
    scores = row.get("scores", {})
    f1 = scores.get("entity_f1") or {}
    f2 = scores.get("entity_f2") or {}
    strict = f1 or f2  # precision and recall are the same in both
    return [
        row["spec"],
        key,
        _number(strict, "precision"),
        _number(strict, "recall"),
        _number(f1, "f1"),
        _number(f2, "f2"),
        str(row.get("n")),
        str(row.get("scorer") or "-"),  # which scorer produced the row (rows from before it was recorded: -)
    ]


def _leak_row(key: str, row: Mapping[str, Any]) -> list[str] | None:
    leak = _id_leak(row.get("scores", {}))
    if not leak:
        return None
    total = leak.get("decode_bearing_total", leak.get("cnp_total", 0.0))
    missed = leak.get("decode_bearing_missed", leak.get("cnp_missed", 0.0))
    return [
        row["spec"],
        key,
        f"{leak['leak_rate']:.3f} [{leak['leak_rate_ci_low']:.3f}, {leak['leak_rate_ci_high']:.3f}]",
        f"{int(missed)}/{int(total)}",
        str(int(leak.get("leaked_quasi_identifiers", 0.0))),
    ]


def _tab_row(key: str, row: Mapping[str, Any]) -> list[str] | None:
    reid = row.get("scores", {}).get("tab_reid_leakage")
    if not reid:
        return None
    return [row["spec"], key] + [
        f"{reid[f'{g}_leak_rate']:.3f} ({int(reid[f'{g}_subjects_leaked'])}/{int(reid[f'{g}_subjects_total'])})"
        for g in ("direct", "quasi", "all")
    ]


def _track_c_row(key: str, row: Mapping[str, Any]) -> list[str] | None:
    if row.get("task") != "anonymization":
        return None
    scores = row.get("scores", {})
    return [
        row["spec"],
        key,
        _number(scores.get("redaction_leakage"), "leak_rate"),
        _number(scores.get("information_retention"), "information_retention"),
        _number(scores.get("structural_disruption"), "mask_token_ratio"),
        _number(scores.get("detection_recall"), "recall"),
    ]


def has_per_type(board: Mapping[str, Any]) -> bool:
    """Whether any row carries per-type scores (``kp_entity_per_type``)."""
    return any("kp_entity_per_type" in row.get("scores", {}) for _, row in _rows(board))


def per_type_lines(board: Mapping[str, Any]) -> list[str]:
    """One table per entry: strict precision/recall/F1 of each KP type (rows) on each spec
    (columns); ``-`` where a spec has neither gold nor predictions of the type."""
    lines: list[str] = []
    by_entry: dict[str, list[Mapping[str, Any]]] = {}
    for key, row in _rows(board):
        if "kp_entity_per_type" in row.get("scores", {}):
            by_entry.setdefault(key, []).append(row)
    for key, rows in by_entry.items():
        per_spec = [r["scores"]["kp_entity_per_type"] for r in rows]
        types = sorted({label for scores in per_spec for label in scores})
        table = [[label, *(_per_type_cell(scores.get(label)) for scores in per_spec)] for label in types]
        support = [str(sum(int(c.get("support", 0)) for c in scores.values())) for scores in per_spec]
        table.append(["gold spans", *support])
        if lines:
            lines.append("")
        lines += _table(f"Per type (strict P/R/F1): {key}", ["type", *(r["spec"] for r in rows)], table)
    return lines


def _per_type_cell(cell: Mapping[str, Any] | None) -> str:
    if not cell:
        return "-"
    return f"{cell['precision']:.2f}/{cell['recall']:.2f}/{cell['f1']:.2f}"


def format_leaderboard(board: Mapping[str, Any], *, per_type: bool = False) -> str:
    """Strict entity P/R/F1/F2 per spec × entry, then national-ID leak rate [Wilson], missed/total
    and leaked QIs, TAB and Track C tables where rows have them, and (``per_type``) the per-type
    tables of rows scored with ``kp_entity_per_type``."""
    rows = _rows(board)
    lines = _table(
        "Detection (strict entity scores)",
        ["spec", "entry", "P", "R", "F1", "F2", "n", "scorer"],
        [_detection_row(key, row) for key, row in rows],
    )
    sections = (
        ("National-ID re-identification leak", ["leak rate [95% Wilson]", "missed", "leaked QIs"], _leak_row),
        ("TAB re-identification leak", ["DIRECT", "QUASI", "ALL"], _tab_row),
        (
            "Track C (anonymization)",
            ["redaction leak", "info retention", "mask-token ratio", "detection recall"],
            _track_c_row,
        ),
    )
    for title, columns, make in sections:
        table = [line for line in (make(key, row) for key, row in rows) if line is not None]
        if table:
            lines += ["", *_table(title, ["spec", "entry", *columns], table)]
    if per_type and has_per_type(board):
        lines += ["", *per_type_lines(board)]
    return "\n".join(lines)
