"""Achieved forward FLOP/s of the kp inference engine as a share of the machine's measured fp32
matmul peak, in one run.

    python benchmarks/bench_flops.py --model runs/main/model [--docs 256] [--batch-size 32] [--threads N]

The peak is the best of repeated square fp32 matmuls (2*n^3 FLOPs each). The model's forward FLOPs
on the batches the engine really runs (its windows, length-sorted, dynamically padded) are counted
by ``torch.utils.flop_counter.FlopCounterMode`` (matmuls and attention). Two shares are printed:
the model's forward alone, and the whole Detector (tokenization, windows, forward, Viterbi
decoding), both on that same work.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

DEV_DIR = Path("..") / "shared" / "data" / "europriv-dev"


def matmul_peak(n: int = 1024, repeat: int = 20) -> float:
    import torch

    a, b = torch.randn(n, n), torch.randn(n, n)
    for _ in range(3):
        a @ b
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return 2 * n**3 / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--docs", type=int, default=256)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--dev-dir", type=Path, default=DEV_DIR)
    args = parser.parse_args()

    import torch
    from torch.utils.flop_counter import FlopCounterMode

    from kp_core.evaluation.data import load_rows
    from kp_torch.engine import EncoderDetector

    if args.threads:
        torch.set_num_threads(args.threads)
    texts: list[str] = []
    for name in ("it", "se", "cz", "dk"):
        texts += [r["text"] for r in load_rows(args.dev_dir / f"{name}_realskeleton_rows.json")]
    texts = texts[: args.docs]
    detector = EncoderDetector.from_pretrained(args.model, device="cpu", batch_size=args.batch_size)

    # Record the batches the engine itself runs (its windows, its length order) while counting
    # their FLOPs, so the forward alone and the whole Detector are measured on the same work.
    batches: list[list[list[int]]] = []
    forward = detector._forward

    def recording(rows: list[list[int]]):
        batches.append(rows)
        return forward(rows)

    detector._forward = recording  # type: ignore[method-assign]
    with FlopCounterMode(display=False) as counter:
        detector.predict_spans(texts)
    detector._forward = forward  # type: ignore[method-assign]
    flops = counter.get_total_flops()

    def forward_all() -> None:
        for batch in batches:
            forward(batch)

    forward_all()  # warm-up
    start = time.perf_counter()
    forward_all()
    forward_s = time.perf_counter() - start
    start = time.perf_counter()
    detector.predict_spans(texts)
    detector_s = time.perf_counter() - start
    peak = matmul_peak()

    print(f"{len(texts)} dev documents, batch {args.batch_size}, {torch.get_num_threads()} threads")
    print(f"fp32 matmul peak (1024^3, best of 20): {peak / 1e9:8.1f} GFLOP/s")
    print(f"forward FLOPs counted:                 {flops / 1e9:8.1f} GFLOP")
    print(
        f"model forward:  {forward_s:6.2f} s  {flops / forward_s / 1e9:8.1f} GFLOP/s  = {flops / forward_s / peak:6.1%} of peak"
    )
    print(
        f"whole Detector: {detector_s:6.2f} s  {flops / detector_s / 1e9:8.1f} GFLOP/s  = {flops / detector_s / peak:6.1%} of peak"
    )


if __name__ == "__main__":
    main()
