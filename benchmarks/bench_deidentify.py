"""Bulk de-identification throughput (docs/s) and peak memory, side by side in one run.

    python benchmarks/bench_deidentify.py --size-mb 200 [--model runs/xlmr-ner]

Builds a JSONL file of the requested size from the dev slices' texts (repeated), then runs
``kp deidentify`` in a subprocess per configuration (rules + redact, rules + pseudonymize, and a
trained model when ``--model`` is given), measuring wall time and peak RSS (ru_maxrss of the
child). Memory is constant in the input size if the peak stays flat between sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "europriv-dev"


def build_input(path: Path, size_mb: float) -> int:
    texts = []
    for name in ("it", "se", "cz", "dk"):
        texts += [row["text"] for row in json.loads((DEV / f"{name}_realskeleton_rows.json").read_text())]
    target, written, count = size_mb * 1024 * 1024, 0, 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            line = json.dumps({"id": count, "text": texts[count % len(texts)]}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode())
            count += 1
    return count


def run(label: str, args: list[str], records: int, env: dict) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        cmd = [sys.executable, "-m", "kp_core", "deidentify", *args, "--output", str(out), "--no-progress"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, capture_output=True)
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    row = {
        "config": label,
        "docs": records,
        "seconds": round(elapsed, 2),
        "docs_per_s": round(records / elapsed, 1),
        "peak_rss_mb_upper_bound": round(max(peak, before) / 1024, 1),
    }
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=float, default=20)
    parser.add_argument("--model", default=None, help="a trained checkpoint (e.g. xlmr-ner) to compare")
    parser.add_argument("--batch-size", type=int, default=64)
    options = parser.parse_args()
    env = dict(os.environ, KP_PSEUDONYM_KEY="benchmark-key-0123456789abcdef")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        records = build_input(source, options.size_mb)
        common = ["--input", str(source), "--batch-size", str(options.batch_size)]
        rows = [
            run("rules+redact", ["--model", "rules", "--method", "redact", *common], records, env),
            run("rules+pseudonymize", ["--model", "rules", "--method", "pseudonymize", *common], records, env),
        ]
        if options.model:
            rows.append(run("model+redact", ["--model", options.model, "--method", "redact", *common], records, env))
        base = rows[0]["docs_per_s"]
        for row in rows:
            print(
                f"{row['config']:>22}: {row['docs_per_s']:8.1f} docs/s  ({row['docs_per_s'] / base:.2f}x rules+redact)"
                f"  peak RSS <= {row['peak_rss_mb_upper_bound']} MB"
            )


if __name__ == "__main__":
    main()
