"""Long documents: time and peak memory of one document at several sizes, to show linear growth.

    python benchmarks/bench_long_documents.py --what detect --sizes 0.5,1,2,5
    python benchmarks/bench_long_documents.py --what detect --sizes 1 --hidden

Each document is built from the built-in synthetic generator's texts (22 languages, 4
domains), joined by newlines until it reaches the size (UTF-8 megabytes). ``--hidden`` rewrites
it the way identifiers hide in real exports (grouping spaces as U+00A0/U+202F, a zero-width
space inside every long digit run), so the cost of the normalized view is visible. Each size is
timed once without tracing; the peak is the ``tracemalloc`` peak of a second, traced run. The
figure to read is seconds per MB: it stays flat when the work is linear in the size.

``--what`` picks the operation (``detect``: the rules family's detector; ``pseudonymize``: the
keyed pseudonymizer on the generator's own gold spans, shifted into the long document, so the
figure is the pseudonymizer's alone, not a detector's).

    python benchmarks/bench_long_documents.py --what pseudonymize --sizes 0.5,1,2,5
"""

from __future__ import annotations

import argparse
import json
import re
import time
import tracemalloc
from collections.abc import Callable

_DIGIT_RUN = re.compile(r"\d{6,}")


def build_document(size_mb: float, seed: int, hidden: bool) -> str:
    """Generated texts joined by newlines, at least ``size_mb`` UTF-8 megabytes."""
    from kp_core.generate import generate_rows

    target = int(size_mb * 1024 * 1024)
    parts: list[str] = []
    written = 0
    for row in generate_rows(n=10**9, seed=seed):
        text = row["text"]
        if hidden:
            text = _DIGIT_RUN.sub(lambda m: m.group()[:3] + "\u200b" + m.group()[3:], text)
            text = text.replace(" ", "\u00a0", 1).replace(", ", ",\u202f")
        parts.append(text)
        written += len(text.encode("utf-8")) + 1
        if written >= target:
            break
    return "\n".join(parts)


def _detect() -> Callable[[str], object]:
    from kp_core.rules.detector import RulesDetector

    detector = RulesDetector()
    return detector.find


# The gold spans of the documents build_document joined, by document text (filled by
# gold_spans before the clock starts, so the pseudonymize operation times pseudonymizing alone).
_GOLD: dict[str, list] = {}


def gold_spans(text: str, seed: int) -> None:
    """The generator's spans of the texts ``text`` joins, shifted to its offsets."""
    from kp_core.generate import generate_rows
    from kp_core.types import Span

    spans, offset = [], 0
    for row in generate_rows(n=10**9, seed=seed):
        if offset >= len(text):
            break
        if text[offset : offset + len(row["text"])] != row["text"]:
            raise SystemExit("the document is not the generator's texts joined (--hidden changes them)")
        spans += [Span(offset + s["start"], offset + s["end"], s["label"]) for s in row["spans"]]
        offset += len(row["text"]) + 1
    _GOLD[text] = spans


def _pseudonymize() -> Callable[[str], object]:
    from kp_core.anonymize.pseudonymizer import Pseudonymizer

    def run(text: str) -> object:
        # A fresh pseudonymizer per call: the traced run repeats the work instead of reusing it.
        [result] = Pseudonymizer(b"benchmark-key-0123456789abcdef").pseudonymize([text], [_GOLD.get(text, [])])
        return result.spans

    return run


OPERATIONS: dict[str, Callable[[], Callable[[str], object]]] = {"detect": _detect, "pseudonymize": _pseudonymize}


def measure(operation: Callable[[str], object], text: str) -> tuple[float, float, object]:
    """Seconds of one untraced call, and the tracemalloc peak (MB) of a traced one."""
    start = time.perf_counter()
    result = operation(text)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    operation(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 1024 / 1024, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--what", choices=sorted(OPERATIONS), default="detect")
    parser.add_argument("--sizes", default="0.5,1,2,5", help="document sizes in MB, comma-separated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--hidden", action="store_true", help="hide identifiers with NBSP and zero-width spaces")
    options = parser.parse_args()
    sizes = [float(s) for s in options.sizes.split(",")]
    operation = OPERATIONS[options.what]()
    operation("warm up: CNP 1800101221144, tel. +40 721 234 567, 3 martie 2021")
    rows = []
    for size in sizes:
        text = build_document(size, options.seed, options.hidden)
        if options.what == "pseudonymize":
            gold_spans(text, options.seed)
        megabytes = len(text.encode("utf-8")) / 1024 / 1024
        seconds, peak_mb, result = measure(operation, text)
        row = {
            "what": options.what,
            "hidden": options.hidden,
            "mb": round(megabytes, 2),
            "seconds": round(seconds, 3),
            "s_per_mb": round(seconds / megabytes, 3),
            "peak_mb": round(peak_mb, 1),
            "items": len(result) if hasattr(result, "__len__") else None,
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    base = rows[0]["s_per_mb"]
    for row in rows:
        print(
            f"{row['mb']:7.2f} MB: {row['seconds']:8.3f} s  {row['s_per_mb']:7.3f} s/MB "
            f"({row['s_per_mb'] / base:5.2f}x the first size)  peak {row['peak_mb']} MB"
        )


if __name__ == "__main__":
    main()
