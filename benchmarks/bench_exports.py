"""How close the exports of an xlmr-ner checkpoint stay to kp's detector, per EuroPriv dev slice.

    python benchmarks/bench_exports.py --model runs/main/model [--limit 50] [--work DIR] [--threads N]

The checkpoint is exported twice into ``--work`` (default: a new temporary folder; the checkpoint
itself is only read): ``kp export hf-bio`` and ``kp export onnx``. On the first ``--limit``
documents of each dev slice it then measures

* hf-bio: the transformers token-classification pipeline (the aggregation the export records,
  ``stride`` = kp's window overlap so whole documents are read) against kp's detector on the torch
  checkpoint: precision, recall and F1 of the pipeline's spans taking kp's as the reference (exact
  start, end and type; whitespace the pipeline keeps at a span's start is trimmed), the F1 where
  an overlapping span of the same type counts (boundaries aside), and the share of documents with
  identical spans. The pipeline takes each token's argmax in one pass per chunk;
  kp decodes a constrained Viterbi over overlapping windows, so identity is not expected.
* onnx: kp's detector on ONNX Runtime logits against kp's detector on torch: max |logit diff| on
  each document's first window, and the share of documents with identical spans.
* docs/s of each (one warm-up batch first, CPU, the same thread count).

The dev files are read for evaluation only; no text or span value is printed.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

SLICES = ("it", "se", "cz", "dk")
DEV_DIR = Path("..") / "shared" / "data" / "europriv-dev"


def slice_texts(data_dir: Path, name: str, limit: int) -> list[str]:
    from kp_core.evaluation.data import load_rows

    return [row["text"] for row in load_rows(data_dir / f"{name}_realskeleton_rows.json")[:limit]]


def kp_keys(spans: list) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in spans}


def pipeline_keys(entities: list[dict], text: str) -> set[tuple[int, int, str]]:
    keys = set()
    for e in entities:
        start, end = int(e["start"]), int(e["end"])
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            keys.add((start, end, str(e["entity_group"])))
    return keys


def agreement(reference: list[set], other: list[set]) -> dict[str, float]:
    """P/R/F1 of ``other`` against ``reference`` (exact spans) and the share of identical docs."""
    agreed = sum(len(a & b) for a, b in zip(reference, other, strict=True))
    n_ref, n_other = sum(map(len, reference)), sum(map(len, other))
    precision = agreed / n_other if n_other else 1.0
    recall = agreed / n_ref if n_ref else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    identical = sum(a == b for a, b in zip(reference, other, strict=True)) / len(reference)
    return {"precision": precision, "recall": recall, "f1": f1, "identical_docs": identical, "spans": n_ref}


def overlap_f1(reference: list[set], other: list[set]) -> float:
    """F1 where a span counts as found when a span of the same type overlaps it (boundaries aside)."""

    def found(spans: set, among: set) -> int:
        return sum(any(t == u and s < f and g < e for g, f, u in among) for s, e, t in spans)

    n_ref, n_other = sum(map(len, reference)), sum(map(len, other))
    recall = sum(found(a, b) for a, b in zip(reference, other, strict=True)) / n_ref if n_ref else 1.0
    precision = sum(found(b, a) for a, b in zip(reference, other, strict=True)) / n_other if n_other else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def timed(run, texts: list[str], warmup: int) -> tuple[list, float]:
    run(texts[:warmup])
    started = time.perf_counter()
    result = run(texts)
    return result, len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, type=Path, help="an xlmr-ner checkpoint folder")
    parser.add_argument("--data-dir", type=Path, default=DEV_DIR, help="folder of the EuroPriv dev slices")
    parser.add_argument("--limit", type=int, default=50, help="documents per slice")
    parser.add_argument("--work", type=Path, default=None, help="folder for the exports [default: a temp folder]")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--threads", type=int, default=0, help="torch and ONNX Runtime threads (0: their default)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results to this JSON file")
    args = parser.parse_args()

    import torch
    from transformers import pipeline

    from kp_torch.engine import EncoderDetector
    from kp_torch.export.hf_bio import export_hf_bio
    from kp_torch.export.onnx import OnnxDetector, export_onnx, max_logit_diff

    if args.threads:
        torch.set_num_threads(args.threads)
    work = args.work or Path(tempfile.mkdtemp(prefix="kp-exports-"))
    started = time.perf_counter()
    bio, record = export_hf_bio(args.model, work / "hf-bio", overwrite=True)
    onnx, parity = export_onnx(args.model, work / "onnx", overwrite=True)
    print(f"exported to {work} in {time.perf_counter() - started:.0f}s; onnx export check: {parity.summary()}")

    kp = EncoderDetector.from_pretrained(args.model, device="cpu", batch_size=args.batch_size)
    ort = OnnxDetector.from_folder(onnx, batch_size=args.batch_size, threads=args.threads or None)
    strategy = record["pipeline"]["aggregation_strategy"]
    pipe = pipeline("token-classification", model=str(bio), aggregation_strategy=strategy, device="cpu")
    print(
        f"{torch.get_num_threads()} torch threads, batch {args.batch_size}, pipeline aggregation {strategy!r}, "
        f"stride {kp.overlap} (kp windows of {kp.max_length} tokens)"
    )

    def run_pipeline(texts: list[str]) -> list[set]:
        out = pipe(texts, stride=kp.overlap, batch_size=args.batch_size)
        return [pipeline_keys(entities, text) for entities, text in zip(out, texts, strict=True)]

    results = {}
    for name in SLICES:
        texts = slice_texts(args.data_dir, name, args.limit)
        warmup = min(len(texts), args.batch_size)
        kp_spans, kp_rate = timed(lambda t: [kp_keys(s) for s in kp.predict_spans(t)], texts, warmup)
        bio_spans, bio_rate = timed(run_pipeline, texts, warmup)
        ort_spans, ort_rate = timed(lambda t: [kp_keys(s) for s in ort.predict_spans(t)], texts, warmup)
        onnx_agreement = agreement(kp_spans, ort_spans)
        results[name] = {
            "docs": len(texts),
            "hf_bio": {**agreement(kp_spans, bio_spans), "overlap_f1": overlap_f1(kp_spans, bio_spans)},
            "onnx": {"max_abs_logit_diff": max_logit_diff(kp, ort, texts), **onnx_agreement},
            "docs_per_s": {"kp_torch": kp_rate, "hf_bio_pipeline": bio_rate, "kp_onnx": ort_rate},
        }
        print(f"{name}: done", flush=True)

    print()
    print("| slice | docs | kp spans | hf-bio P | hf-bio R | hf-bio F1 | hf-bio overlap F1 | hf-bio identical docs | onnx max abs logit diff "
          "| onnx identical docs | docs/s kp torch | docs/s hf-bio pipeline | docs/s kp onnx |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        b, o, s = r["hf_bio"], r["onnx"], r["docs_per_s"]
        print(
            f"| {name} | {r['docs']} | {b['spans']} | {b['precision']:.3f} | {b['recall']:.3f} | {b['f1']:.3f} | {b['overlap_f1']:.3f} "
            f"| {b['identical_docs']:.0%} | {o['max_abs_logit_diff']:.1e} | {o['identical_docs']:.0%} "
            f"| {s['kp_torch']:.1f} | {s['hf_bio_pipeline']:.1f} | {s['kp_onnx']:.1f} |"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
