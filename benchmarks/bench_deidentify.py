"""Bulk de-identification throughput (docs/s) and peak memory, side by side in one run.

    python benchmarks/bench_deidentify.py --size-mb 200
    python benchmarks/bench_deidentify.py --docs 2000 --model runs/main/model --only-model
    python benchmarks/bench_deidentify.py --docs 1000 --gold-spans --baseline a1807ae^
    python benchmarks/bench_deidentify.py --docs 5000 --gold-spans --only-gold --tokens

Builds a JSONL input with the built-in synthetic generator (22 languages, 4 domains; the
generator's gold spans stay in the records, as in a real export), or reuses ``--input``. Then
runs ``kp deidentify`` in a subprocess per configuration (rules + redact, rules + pseudonymize,
and a trained model + redact when ``--model`` is given), measuring wall time and the peak RSS of
that child alone (``os.wait4``). Memory is constant in the input size if the peak stays flat
between sizes (compare ``--size-mb 20`` with ``--size-mb 200``).

``--gold-spans`` adds pseudonymization from the records' own gold spans (``--spans-field``), the
pseudonymizer's cost alone. ``--baseline REF`` runs that configuration a second time, in the same
run, with the pseudonymizer's modules as they were at git revision REF (copied over a copy of
today's sources, put first on ``PYTHONPATH``): before and after, side by side. ``--tokens``
counts the keyed ``TYPE-XXXXXX`` tokens each pseudonymized output holds, per type (a realistic
surrogate was not found for those values).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build_input(path: Path, size_mb: float | None, docs: int | None, seed: int) -> int:
    """Generated documents until ``docs`` records or ``size_mb`` megabytes are written."""
    from tqdm import tqdm

    from kp_core.generate import generate_rows

    target = None if size_mb is None else size_mb * 1024 * 1024
    written, count = 0, 0
    bar = tqdm(total=docs or target, unit="doc" if docs else "B", unit_scale=True, desc="generate", file=sys.stderr)
    with path.open("w", encoding="utf-8") as out:
        for row in generate_rows(n=docs or 10**9, seed=seed):
            line = json.dumps(row, ensure_ascii=False) + "\n"
            out.write(line)
            size = len(line.encode("utf-8"))
            written += size
            count += 1
            bar.update(1 if docs else size)
            if target is not None and written >= target:
                break
    bar.close()
    return count


def count_records(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


# The modules whose older versions --baseline measures (what pseudonymizing from gold spans runs).
_PSEUDONYMIZER_FILES = (
    "kp_core/src/kp_core/anonymize/pseudonymizer.py",
    "kp_core/src/kp_core/anonymize/surrogates.py",
    "kp_core/src/kp_core/anonymize/leaks.py",
    "kp_core/src/kp_core/company_id.py",
)
_ROOT = Path(__file__).resolve().parent.parent


def baseline_sources(ref: str, into: Path) -> Path:
    """Today's kp_core sources with the pseudonymizer's modules as of ``ref``; the path to put
    first on PYTHONPATH."""
    shutil.copytree(_ROOT / "kp_core" / "src", into / "src")
    for name in _PSEUDONYMIZER_FILES:
        old = subprocess.run(["git", "-C", str(_ROOT), "show", f"{ref}:{name}"], capture_output=True, check=True).stdout
        (into / "src" / Path(name).relative_to("kp_core/src")).write_bytes(old)
    return into / "src"


def count_tokens(path: Path) -> dict[str, int]:
    """Keyed tokens (``TYPE-XXXXXX``) in the records' text, per type."""
    from kp_core.taxonomy import entity_names

    pattern = re.compile(rf"\b({'|'.join(sorted(entity_names(), key=len, reverse=True))})-[0-9A-Z]{{6}}\b")
    found: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            for match in pattern.finditer(json.loads(line)["text"]):
                found[match.group(1)] = found.get(match.group(1), 0) + 1
    return found


def run(label: str, args: list[str], records: int, env: dict, input_mb: float, tokens: dict | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        cmd = [sys.executable, "-m", "kp_core", "deidentify", *args, "--output", str(out), "--no-progress"]
        start = time.perf_counter()
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        error = child.stderr.read().decode("utf-8", "replace")
        child.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{label} failed:\n{error[-2000:]}")
        written = count_records(out)
        if written != records:
            raise SystemExit(f"{label}: {written} records written for {records} read")
        if tokens is not None:
            tokens.update(count_tokens(out))
    row = {
        "config": label,
        "docs": records,
        "input_mb": round(input_mb, 1),
        "seconds": round(elapsed, 2),
        "docs_per_s": round(records / elapsed, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # kilobytes on Linux
    }
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--size-mb", type=float, default=None, help="generate this much JSONL (default 20)")
    size.add_argument("--docs", type=int, default=None, help="generate this many documents")
    size.add_argument("--input", type=Path, default=None, help="reuse a JSONL file with a 'text' field")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--model", default=None, help="a trained checkpoint (e.g. xlmr-ner) to compare")
    parser.add_argument("--only-model", action="store_true", help="skip the rules configurations")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--gold-spans", action="store_true", help="also pseudonymize from the records' gold spans")
    parser.add_argument("--only-gold", action="store_true", help="only the gold-span configurations")
    parser.add_argument("--baseline", default=None, help="a git revision: its pseudonymizer, side by side")
    parser.add_argument("--tokens", action="store_true", help="count keyed tokens in pseudonymized outputs")
    options = parser.parse_args()
    env = dict(os.environ, KP_PSEUDONYM_KEY="benchmark-key-0123456789abcdef")
    with tempfile.TemporaryDirectory() as tmp:
        if options.input is not None:
            source = options.input
            records = count_records(source)
        else:
            source = Path(tmp) / "in.jsonl"
            size_mb = options.size_mb if options.size_mb is not None or options.docs else 20.0
            records = build_input(source, size_mb, options.docs, options.seed)
        input_mb = source.stat().st_size / 1024 / 1024
        common = ["--input", str(source), "--batch-size", str(options.batch_size), "--device", options.device]
        rows = []
        if not options.only_model and not options.only_gold:
            rows.append(
                run("rules+redact", ["--model", "rules", "--method", "redact", *common], records, env, input_mb)
            )
            rows.append(
                run(
                    "rules+pseudonymize",
                    ["--model", "rules", "--method", "pseudonymize", *common],
                    records,
                    env,
                    input_mb,
                )
            )
        if options.gold_spans or options.only_gold:
            gold_args = ["--spans-field", "spans", "--method", "pseudonymize", *common]
            if options.baseline:
                path = baseline_sources(options.baseline, Path(tmp) / "baseline")
                old_env = dict(env, PYTHONPATH=os.pathsep.join(filter(None, [str(path), env.get("PYTHONPATH")])))
                tokens: dict = {}
                rows.append(run(f"gold+pseudonymize@{options.baseline}", gold_args, records, old_env, input_mb, tokens))
                if options.tokens:
                    print(json.dumps({"config": rows[-1]["config"], "tokens": tokens}), flush=True)
            tokens = {}
            rows.append(run("gold+pseudonymize", gold_args, records, env, input_mb, tokens))
            if options.tokens:
                print(json.dumps({"config": rows[-1]["config"], "tokens": tokens}), flush=True)
        if options.model:
            model_args = ["--model", options.model, "--method", "redact", *common]
            rows.append(run("model+redact", model_args, records, env, input_mb))
        base = rows[0]["docs_per_s"]
        for row in rows:
            print(
                f"{row['config']:>32}: {row['docs_per_s']:9.1f} docs/s ({row['docs_per_s'] / base:6.3f}x "
                f"{rows[0]['config']})  peak RSS {row['peak_rss_mb']} MB  on {row['docs']} docs, {row['input_mb']} MB"
            )


if __name__ == "__main__":
    main()
