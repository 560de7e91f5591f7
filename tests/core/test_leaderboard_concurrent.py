"""Runs that add to one leaderboard at the same time all keep their rows (read-merge-write under a
lock; each write atomic)."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

from click.testing import CliRunner

from kp_core.cli import build_cli
from kp_core.evaluation.leaderboard import add_to_leaderboard, read_leaderboard
from kp_core.generate import generate_rows

WRITERS = 6
ROUNDS = 5


def _add(args: tuple[str, dict, int]) -> None:
    path, row, writer = args
    for round_ in range(ROUNDS):
        add_to_leaderboard([{**row, "model_id": f"model-{writer}-{round_}"}], path)


def test_concurrent_additions_keep_every_row(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in generate_rows(["ro"], None, n=5, seed=1)), encoding="utf-8")
    result = CliRunner().invoke(build_cli(), ["evaluate", "-m", "rules", "--data", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)["results"]
    board_path = str(tmp_path / "leaderboard.json")
    with multiprocessing.get_context("spawn").Pool(WRITERS) as pool:
        pool.map(_add, [(board_path, row, writer) for writer in range(WRITERS)])
    entries = read_leaderboard(board_path)["entries"]
    assert len(entries) == WRITERS * ROUNDS
