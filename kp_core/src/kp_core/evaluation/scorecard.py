"""The development scorecard: a detector scored on the EuroPriv-Bench dev slices and the ECHR dev
files, in total and per type, with the built-in evaluator (``kp main`` and
``benchmarks/score_dev.py`` print it).

EuroPriv slices carry national IDs, so they report the national-ID leak rate; the ECHR files (real
court text) carry none, so they report how many persons' names survive de-identification
(``name_in_context_leakage``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kp_core.errors import KpError

EUROPRIV_SLICES = ("it", "se", "cz", "dk")
ECHR_FILES = {"echr-fr": "FR-all-dev.json", "echr-es": "ES-all-dev.json"}
EUROPRIV_METRICS = ("entity_f1", "entity_f2", "national_id_leakage", "kp_entity_per_type")
ECHR_METRICS = ("entity_f1", "entity_f2", "name_in_context_leakage", "kp_entity_per_type")


class DevDataMissing(KpError, FileNotFoundError):
    """A development file the scorecard needs is not where it was looked for."""


def dev_files(europriv_dir: Path, echr_dir: Path | None) -> dict[str, Path]:
    """Named development files: the four EuroPriv slices, then the two ECHR files (unless
    ``echr_dir`` is None). A missing file is an error naming every missing path."""
    files = {name: europriv_dir / f"{name}_realskeleton_rows.json" for name in EUROPRIV_SLICES}
    if echr_dir is not None:
        files |= {name: echr_dir / file for name, file in ECHR_FILES.items()}
    missing = [str(path) for path in files.values() if not path.is_file()]
    if missing:
        raise DevDataMissing(f"development files not found: {', '.join(missing)}")
    return files


def _metrics_for(name: str) -> tuple[str, ...]:
    return ECHR_METRICS if name in ECHR_FILES else EUROPRIV_METRICS


def score_sets(detector: Any, files: Mapping[str, Path], echo: Callable[[str], Any]) -> list[dict[str, Any]]:
    """One result row per development file (``{"slice": name, "n", "scores", ...}``)."""
    from kp_core.evaluation import run_spec
    from kp_core.evaluation.data import load_rows
    from kp_core.evaluation.spec import default_spec

    out = []
    for name, path in files.items():
        rows = load_rows(path)
        spec = default_spec(path, rows).with_metrics(_metrics_for(name))
        started = time.perf_counter()
        result = run_spec(spec, detector, rows)
        result["seconds"] = round(time.perf_counter() - started, 2)
        echo(f"scored {name}: {len(rows)} documents in {result['seconds']:.1f} s")
        out.append({"slice": name, **result})
    return out


def summary_lines(results: list[dict[str, Any]]) -> list[str]:
    """One line per file: strict entity P, R, F1, F2 and its leak figure."""
    header = f"{'set':<8} {'docs':>5} {'P':>7} {'R':>7} {'F1':>7} {'F2':>7}  {'leak (missed/total, 95% CI)':<44}"
    lines = [header, "-" * len(header)]
    for r in results:
        s = r["scores"]
        f1, f2 = s["entity_f1"], s["entity_f2"]
        if "national_id_leakage" in s:
            leak = s["national_id_leakage"]
            what, rate = "national ID", leak["leak_rate"]
            missed, total = int(leak["decode_bearing_missed"]), int(leak["decode_bearing_total"])
            low, high = leak["leak_rate_ci_low"], leak["leak_rate_ci_high"]
        else:
            leak = s["name_in_context_leakage"]
            what, rate = "names", leak["name_leak_rate"]
            missed, total = int(leak["name_subjects_leaked"]), int(leak["name_subjects_total"])
            low, high = leak["name_leak_rate_ci_low"], leak["name_leak_rate_ci_high"]
        lines.append(
            f"{r['slice']:<8} {r['n']:>5} {f1['precision']:>7.4f} {f1['recall']:>7.4f} {f1['f1']:>7.4f} "
            f"{f2['f2']:>7.4f}  {what} {rate:.4f} ({missed}/{total}) [{low:.3f}, {high:.3f}]"
        )
    return lines


def per_type_lines(results: list[dict[str, Any]]) -> list[str]:
    """A type-by-file table of strict precision/recall/F1 (``-`` where a file has neither gold
    nor predictions of the type)."""
    types = sorted({t for r in results for t in r["scores"]["kp_entity_per_type"]})
    width = 16
    header = f"{'type (P/R/F1)':<17}" + "".join(f"{r['slice']:>{width}}" for r in results)
    lines = [header, "-" * len(header)]
    for label in types:
        cells = []
        for r in results:
            c = r["scores"]["kp_entity_per_type"].get(label)
            cells.append(f"{c['precision']:.2f}/{c['recall']:.2f}/{c['f1']:.2f}" if c else "-")
        lines.append(f"{label:<17}" + "".join(f"{cell:>{width}}" for cell in cells))
    support = [str(sum(int(c["support"]) for c in r["scores"]["kp_entity_per_type"].values())) for r in results]
    lines.append(f"{'gold spans':<17}" + "".join(f"{cell:>{width}}" for cell in support))
    return lines
