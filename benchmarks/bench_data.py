"""Data-layer speed: loading + validating the EuroPriv-Bench dev slices, and how the
template-disjoint split and the subject carve-out grow with corpus size.

    python benchmarks/bench_data.py [--repeat 3] [--dev-dir DIR]

Goals: the four dev slices load and validate in well under a second; split and carve-out are
linear, i.e. the time per row at 80k rows stays close to the time per row at 10k (ratio ~1;
a quadratic pass would show ~8).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kp_core.data import load_examples, validate
from kp_core.data.split import subject_carve_out, template_disjoint_split
from kp_core.types import Example, Span

DEFAULT_DEV_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "europriv-dev"
SLICES = ("it", "se", "cz", "dk")
LANGUAGES = ("it", "sv", "cs", "da")
LABELS = ("PERSON", "NATIONAL_ID", "EMAIL", "PHONE", "DATE")


def synthetic(rows: int, templates_per_language: int = 60) -> list[Example]:
    """Template-filled rows with unique values (made up here, never from the dev data)."""
    out = []
    for i in range(rows):
        language = LANGUAGES[i % len(LANGUAGES)]
        template = (i // len(LANGUAGES)) % templates_per_language
        text = f"[{language}] form {template}:"
        spans = []
        for k in range(1 + template % 3):
            label = LABELS[(template + k) % len(LABELS)]
            value = f"{label[:3].lower()}{i:07d}x{k}"
            text += f" field {k} "
            spans.append(Span(len(text), len(text) + len(value), label))
            text += value
        out.append(Example(text + " end.", spans, language=language, doc_id=str(i)))
    return out


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dev-dir", type=Path, default=DEFAULT_DEV_DIR)
    args = parser.parse_args()

    if args.dev_dir.is_dir():
        paths = [args.dev_dir / f"{name}_realskeleton_rows.json" for name in SLICES]
        load = best_of(args.repeat, lambda: [load_examples(p) for p in paths])
        check = best_of(args.repeat, lambda: [validate(p, progress=False) for p in paths])
        rows = sum(len(load_examples(p)) for p in paths)
        print(
            f"dev slices ({rows} rows): load_examples {load:.3f} s, validate {check:.3f} s, both {load + check:.3f} s"
        )
    else:
        print(f"dev slices not found at {args.dev_dir}; skipping the load/validate figure")

    print(f"{'rows':>7} {'split s':>8} {'us/row':>7} {'x 10k':>6} {'carve s':>8} {'us/row':>7} {'x 10k':>6}")
    base_split = base_carve = None
    for size in (10_000, 20_000, 40_000, 80_000):
        examples = synthetic(size)
        split_s = best_of(args.repeat, lambda ex=examples: template_disjoint_split(ex, eval_fraction=0.05, seed=0))
        result = template_disjoint_split(examples, eval_fraction=0.05, seed=0)
        carve_s = best_of(args.repeat, lambda r=result: subject_carve_out(r.train, r.eval))
        split_us, carve_us = split_s / size * 1e6, carve_s / size * 1e6
        base_split = base_split or split_us
        base_carve = base_carve or carve_us
        print(
            f"{size:>7} {split_s:>8.3f} {split_us:>7.2f} {split_us / base_split:>6.2f} "
            f"{carve_s:>8.3f} {carve_us:>7.2f} {carve_us / base_carve:>6.2f}"
        )


if __name__ == "__main__":
    main()
