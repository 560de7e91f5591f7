"""Score a trained model the way ``kp main`` does: the EuroPriv-Bench dev slices and the ECHR dev
files, the model alone, with identifier typing and with the rules, in total and per type.

    python benchmarks/score_dev.py runs/main/model [--out scores.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kp_core.cli.main_job import VARIANTS, main_dev_files, score_variants
from kp_core.evaluation.scorecard import per_type_lines, summary_lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="model reference (a folder kp train or kp main wrote)")
    parser.add_argument("--dev-dir", type=Path, default=None)
    parser.add_argument("--echr-dir", type=Path, default=None)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None, help="write the result rows as JSON here")
    args = parser.parse_args()
    files = main_dev_files(args.dev_dir, args.echr_dir)
    timings: dict[str, float] = {}
    options = {"threads": args.threads} if args.threads else {}
    scores, _ = score_variants(args.model, args.device, files, timings, print, **options)
    for variant, label in VARIANTS.items():
        print(f"\n{label}:")
        print("\n".join(summary_lines(scores[variant])))
        print("\n".join(per_type_lines(scores[variant])))
    if args.out:
        args.out.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
