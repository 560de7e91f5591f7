"""The schema-3 leaderboard file and its plain-text tables.

File: ``{"schema": 3, "entries": {"<adapter>::<model_id>": [row, ...]}}`` with keys sorted, rows
sorted by spec, written with ``indent=2, ensure_ascii=False``. Unlike the harness's view, the
tables are keyed by the full entry key, so two checkpoints of one adapter never collide.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kp_core.data.paths import atomic_write_text
from kp_core.evaluation.results import annotate_row, entry_key

SCHEMA = 3


def build_leaderboard(results: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    entries: dict[str, list[dict[str, Any]]] = {}
    for row in results:
        row = annotate_row(dict(row))
        entries.setdefault(entry_key(row), []).append(row)
    return {
        "schema": SCHEMA,
        "entries": {key: sorted(entries[key], key=lambda r: r["spec"]) for key in sorted(entries)},
    }


def write_leaderboard(results: Iterable[Mapping[str, Any]], path: str | Path) -> dict[str, Any]:
    board = build_leaderboard(results)
    atomic_write_text(path, json.dumps(board, indent=2, ensure_ascii=False) + "\n")  # no half file on failure
    return board


def read_leaderboard(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        board = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(board, dict) or not isinstance(board.get("entries"), dict):
        raise ValueError(f"{path}: not a leaderboard file (expected an object with 'entries')")
    if board.get("schema") != SCHEMA:
        raise ValueError(f"{path}: leaderboard schema {board.get('schema')!r}, expected {SCHEMA}")
    return board


def _id_leak(scores: Mapping[str, Any]) -> Mapping[str, Any] | None:
    return scores.get("national_id_leakage") or scores.get("cnp_leakage")


def _table(title: str, header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [title, fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    lines.extend(fmt.format(*r) for r in rows)
    return lines


def format_leaderboard(board: Mapping[str, Any]) -> str:
    """F1/F2 per spec × entry, then national-ID leak rate [Wilson], missed/total and leaked QIs."""
    entries: Mapping[str, list[Mapping[str, Any]]] = board.get("entries", {})
    detection: list[list[str]] = []
    leaks: list[list[str]] = []
    tab: list[list[str]] = []
    track_c: list[list[str]] = []
    for key in sorted(entries):
        for row in entries[key]:
            scores = row.get("scores", {})
            f1 = (scores.get("entity_f1") or {}).get("f1")
            f2 = (scores.get("entity_f2") or {}).get("f2")
            detection.append(
                [
                    row["spec"],
                    key,
                    "-" if f1 is None else f"{f1:.3f}",
                    "-" if f2 is None else f"{f2:.3f}",
                    str(row.get("n")),
                ]
            )
            leak = _id_leak(scores)
            if leak:
                total = leak.get("decode_bearing_total", leak.get("cnp_total", 0.0))
                missed = leak.get("decode_bearing_missed", leak.get("cnp_missed", 0.0))
                leaks.append(
                    [
                        row["spec"],
                        key,
                        f"{leak['leak_rate']:.3f} [{leak['leak_rate_ci_low']:.3f}, {leak['leak_rate_ci_high']:.3f}]",
                        f"{int(missed)}/{int(total)}",
                        str(int(leak.get("leaked_quasi_identifiers", 0.0))),
                    ]
                )
            reid = scores.get("tab_reid_leakage")
            if reid:
                tab.append(
                    [row["spec"], key]
                    + [
                        f"{reid[f'{g}_leak_rate']:.3f} ({int(reid[f'{g}_subjects_leaked'])}/{int(reid[f'{g}_subjects_total'])})"
                        for g in ("direct", "quasi", "all")
                    ]
                )
            if row.get("task") == "anonymization":
                red = scores.get("redaction_leakage") or {}
                ret = scores.get("information_retention") or {}
                dis = scores.get("structural_disruption") or {}
                rec = scores.get("detection_recall") or {}

                def fmt(d: Mapping[str, Any], k: str) -> str:
                    return f"{d[k]:.3f}" if k in d else "-"

                track_c.append(
                    [
                        row["spec"],
                        key,
                        fmt(red, "leak_rate"),
                        fmt(ret, "information_retention"),
                        fmt(dis, "mask_token_ratio"),
                        fmt(rec, "recall"),
                    ]
                )
    lines = _table("Detection (strict entity F1/F2)", ["spec", "entry", "F1", "F2", "n"], detection)
    if leaks:
        lines.append("")
        lines += _table(
            "National-ID re-identification leak",
            ["spec", "entry", "leak rate [95% Wilson]", "missed", "leaked QIs"],
            leaks,
        )
    if tab:
        lines.append("")
        lines += _table("TAB re-identification leak", ["spec", "entry", "DIRECT", "QUASI", "ALL"], tab)
    if track_c:
        lines.append("")
        lines += _table(
            "Track C (anonymization)",
            ["spec", "entry", "redaction leak", "info retention", "mask-token ratio", "detection recall"],
            track_c,
        )
    return "\n".join(lines)
