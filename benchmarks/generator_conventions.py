"""Annotation conventions of the generator next to the EuroPriv-Bench dev slices.

    python benchmarks/generator_conventions.py [--dev-dir ../shared/data/europriv-dev] [--docs 2000]

For the dev slices (it, sv, cs, da) and for generated documents of the same languages (scheme
``europriv``, so the label sets compare), prints per KP type: span count, length in characters
(median, 10th and 90th percentile), length in whitespace tokens (mean), and what follows each
span: punctuation glued to it (``Popescu,``), punctuation after a space (``Popescu ,``), or
plain whitespace / end of text. Further rows show the shapes of DATE and PHONE values (digits as
9, letters as a) and whether a title or a label word ends right before PERSON or NATIONAL_ID
spans. Only aggregates are printed: no span text of the dev data.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path

from kp_core.generate import DOMAINS, generate_rows

DEV_FILES = {"it": "it", "sv": "se", "cs": "cz", "da": "dk"}
_PUNCT = ",.;:)!?»”"
_DIGITS = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+")


def shape(value: str) -> str:
    return _LETTERS.sub("a", _DIGITS.sub("9", value))


def follow_kind(text: str, end: int) -> str:
    """What comes right after a span: glued punctuation, spaced punctuation, or neither."""
    nxt = text[end : end + 1]
    if nxt and nxt in _PUNCT:
        return "glued"
    if nxt == " " and text[end + 1 : end + 2] in tuple(_PUNCT) and text[end + 1 : end + 2]:
        return "spaced"
    return "none"


def collect(rows: list[dict]) -> dict[str, dict]:
    stats: dict[str, dict] = defaultdict(
        lambda: {"chars": [], "tokens": [], "follow": Counter(), "shapes": Counter(), "before": Counter()}
    )
    for row in rows:
        text = row["text"]
        for span in row["spans"]:
            value = text[span["start"] : span["end"]]
            entry = stats[span["label"]]
            entry["chars"].append(len(value))
            entry["tokens"].append(len(value.split()))
            entry["follow"][follow_kind(text, span["end"])] += 1
            if span["label"] in ("DATE", "PHONE"):
                entry["shapes"][shape(value)] += 1
            line_start = text.rfind("\n", 0, span["start"]) + 1
            words = text[line_start : span["start"]].split()
            last = words[-1] if words else ""
            # The word just before the span, reduced to its kind: a label ending in ':', an
            # abbreviation ending in '.', or another word.
            if last.endswith(":"):
                entry["before"]["label:"] += 1
            elif last.endswith("."):
                entry["before"]["abbrev."] += 1
            elif last:
                entry["before"]["word"] += 1
            else:
                entry["before"]["line start"] += 1
    return stats


def pct(values: list[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(lang: str, source: str, stats: dict[str, dict]) -> None:
    print(f"\n## {lang} — {source}")
    print(
        "| type | spans | chars p10/med/p90 | tokens mean | glued punct | spaced punct | before: label:/abbrev./word/line |"
    )
    print("|---|---:|---|---:|---:|---:|---|")
    for label in sorted(stats):
        e = stats[label]
        n = len(e["chars"])
        follow = e["follow"]
        before = e["before"]
        print(
            f"| {label} | {n} | {pct(e['chars'], 0.1)}/{int(statistics.median(e['chars']))}/{pct(e['chars'], 0.9)} "
            f"| {statistics.mean(e['tokens']):.2f} | {follow['glued'] / n:.0%} | {follow['spaced'] / n:.0%} "
            f"| {before['label:'] / n:.0%}/{before['abbrev.'] / n:.0%}/{before['word'] / n:.0%}/"
            f"{before['line start'] / n:.0%} |"
        )
    follow = Counter()
    for e in stats.values():
        follow.update(e["follow"])
    n = sum(follow.values())
    print(f"all spans: {n}; followed by glued punctuation {follow['glued'] / n:.0%}, spaced {follow['spaced'] / n:.0%}")
    for label in ("DATE", "PHONE"):
        if label in stats:
            top = stats[label]["shapes"].most_common(5)
            total = sum(stats[label]["shapes"].values())
            print(f"{label} shapes: " + ", ".join(f"`{s}` {c / total:.0%}" for s, c in top))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--dev-dir", type=Path, default=root.parent / "shared" / "data" / "europriv-dev")
    parser.add_argument("--docs", type=int, default=2000, help="generated documents per language")
    args = parser.parse_args()
    for lang, stem in DEV_FILES.items():
        path = args.dev_dir / f"{stem}_realskeleton_rows.json"
        if not path.exists():
            raise SystemExit(f"{path}: dev slice not found (pass --dev-dir)")
        dev = json.loads(path.read_text(encoding="utf-8"))
        report(lang, f"dev slice ({len(dev)} docs)", collect(dev))
        generated = list(generate_rows([lang], DOMAINS, args.docs, seed=0, label_scheme="europriv"))
        report(lang, f"generated ({args.docs} docs, scheme europriv)", collect(generated))


if __name__ == "__main__":
    main()
