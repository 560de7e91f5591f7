"""Generator throughput, streaming memory, diversity and per-language type counts.

    python benchmarks/bench_generate.py [--docs 20000] [--stream 1000000] [--per-language 10000]

Prints documents/second on one core (goal: >= 2,000), the peak resident memory of streaming
``--stream`` documents to disk next to the peak after generating a small set (the difference is
what streaming costs), the skeleton-uniqueness ratio per language over ``--per-language``
documents, and span counts per KP type per language.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from kp_core.data.skeleton import skeleton
from kp_core.generate import DOMAINS, LANGUAGES, generate_rows, write_dataset
from kp_core.taxonomy import entity_names
from kp_core.types import Span


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--stream", type=int, default=1_000_000)
    parser.add_argument("--per-language", type=int, default=10_000)
    args = parser.parse_args()

    list(generate_rows(n=200, seed=0))  # imports and caches
    start = time.perf_counter()
    count = sum(1 for _ in generate_rows(n=args.docs, seed=1))
    elapsed = time.perf_counter() - start
    print(f"throughput: {count} docs in {elapsed:.2f} s = {count / elapsed:,.0f} docs/s (one core; goal 2,000)")
    baseline = peak_rss_mib()

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "stream.jsonl"
        start = time.perf_counter()
        write_dataset(out, n=args.stream, seed=2)
        elapsed = time.perf_counter() - start
        size = out.stat().st_size / 2**20
    print(
        f"stream: {args.stream:,} docs to disk in {elapsed:.1f} s ({args.stream / elapsed:,.0f} docs/s, {size:,.0f} MiB); "
        f"peak RSS {peak_rss_mib():.0f} MiB vs {baseline:.0f} MiB after {args.docs:,} docs"
    )

    counts: dict[str, Counter] = defaultdict(Counter)
    for lang in LANGUAGES:
        skeletons = set()
        for row in generate_rows([lang], DOMAINS, args.per_language, seed=3):
            spans = [Span(s["start"], s["end"], s["label"]) for s in row["spans"]]
            skeletons.add(skeleton(row["text"], spans))
            counts[lang].update(s.label for s in spans)
        print(f"skeleton uniqueness {lang}: {len(skeletons) / args.per_language:.4f} over {args.per_language:,} docs")

    names = entity_names()
    print("\nspans per KP type per language (" + f"{args.per_language:,} docs each)")
    print("| type | " + " | ".join(LANGUAGES) + " |")
    print("|---|" + "---:|" * len(LANGUAGES))
    for name in names:
        print(f"| {name} | " + " | ".join(str(counts[lang][name]) for lang in LANGUAGES) + " |")


if __name__ == "__main__":
    main()
