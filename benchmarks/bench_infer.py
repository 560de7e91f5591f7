"""Inference speed and quality of the kp Detector against transformers' token-classification
pipeline (aggregation_strategy="simple", the way the EuroPriv-Bench adapter runs models), on the
same checkpoint and the same dev documents, in one run.

    python benchmarks/bench_infer.py --model runs/main/model [--docs 1000] [--batch-size 32] [--threads N]

The kp Detector runs twice, in fp32 and with bfloat16 weights (``bf16=True``). Both sides get the
same documents, batch size, device and thread count, one warm-up batch, and are scored by kp's
built-in EuroPriv-Bench evaluator (strict entity F1 on the whitespace grid). The pipeline's
entities are read the way the harness's adapter reads them: the B-/I-/E-/S- prefix is stripped
from ``entity_group`` and adjacent same-type pieces merge on the grid.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

DEV_DIR = Path("..") / "shared" / "data" / "europriv-dev"
SLICES = ("it", "se", "cz", "dk")


def dev_rows(dev_dir: Path, n: int) -> list[dict]:
    from kp_core.evaluation.data import load_rows

    per_slice = -(-n // len(SLICES))
    rows: list[dict] = []
    for name in SLICES:
        rows.extend(load_rows(dev_dir / f"{name}_realskeleton_rows.json")[:per_slice])
    return rows[:n]


def pipeline_spans(entities: list[dict], text: str) -> list:
    from kp_core.taxonomy import is_kp_type
    from kp_core.types import Span

    out = []
    for e in entities:
        group = str(e["entity_group"])
        label = group.split("-", 1)[1] if group[:2] in ("B-", "I-", "E-", "S-") else group
        start, end = int(e["start"]), int(e["end"])
        if is_kp_type(label) and end > start:
            out.append(Span(start, end, label, score=float(e["score"])))
    return out


def score(rows: list[dict], spans: list[list], name: str) -> dict:
    from kp_core.evaluation import score_spec
    from kp_core.evaluation.spec import default_spec

    spec = default_spec(Path("bench-dev.json"), rows)
    result = score_spec(spec, rows, spans, adapter=name, model_id=name)
    return result["scores"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="an xlmr-ner checkpoint folder (kp train / kp main output)")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    parser.add_argument("--dev-dir", type=Path, default=DEV_DIR)
    args = parser.parse_args()

    import torch
    from transformers import pipeline

    from kp_torch.engine import EncoderDetector

    if args.threads:
        torch.set_num_threads(args.threads)
    rows = dev_rows(args.dev_dir, args.docs)
    texts = [r["text"] for r in rows]
    print(
        f"{len(texts)} dev documents, batch {args.batch_size}, device {args.device}, {torch.get_num_threads()} threads"
    )

    detector = EncoderDetector.from_pretrained(args.model, device=args.device, batch_size=args.batch_size)
    nlp = pipeline(
        "token-classification",
        model=args.model,
        aggregation_strategy="simple",
        device=args.device,
        batch_size=args.batch_size,
    )
    detector.predict_spans(texts[: args.batch_size])  # warm-up
    nlp(texts[: args.batch_size])

    start = time.perf_counter()
    kp_spans = detector.predict_spans(texts)
    kp_seconds = time.perf_counter() - start

    bf16 = EncoderDetector.from_pretrained(args.model, device=args.device, batch_size=args.batch_size, bf16=True)
    bf16.predict_spans(texts[: args.batch_size])
    start = time.perf_counter()
    bf16_spans = bf16.predict_spans(texts)
    bf16_seconds = time.perf_counter() - start

    start = time.perf_counter()
    raw = nlp(texts)
    hf_spans = [pipeline_spans(entities, text) for entities, text in zip(raw, texts, strict=True)]
    hf_seconds = time.perf_counter() - start

    kp_scores, hf_scores = score(rows, kp_spans, "kp"), score(rows, hf_spans, "pipeline")
    bf16_scores = score(rows, bf16_spans, "kp-bf16")
    kp_rate, hf_rate = len(texts) / kp_seconds, len(texts) / hf_seconds
    bf16_rate = len(texts) / bf16_seconds
    print(f"{'engine':<34} {'docs/s':>8} {'F1':>7} {'P':>7} {'R':>7} {'ID leak':>8}")
    for name, rate, s in (
        ("kp Detector (Viterbi, windows)", kp_rate, kp_scores),
        ("kp Detector, bf16 weights", bf16_rate, bf16_scores),
        ("transformers pipeline (simple)", hf_rate, hf_scores),
    ):
        f1 = s["entity_f1"]
        leak = s["national_id_leakage"]["leak_rate"]
        print(f"{name:<34} {rate:>8.1f} {f1['f1']:>7.4f} {f1['precision']:>7.4f} {f1['recall']:>7.4f} {leak:>8.4f}")
    for label, rate, s in (("fp32", kp_rate, kp_scores), ("bf16", bf16_rate, bf16_scores)):
        delta = s["entity_f1"]["f1"] - hf_scores["entity_f1"]["f1"]
        print(f"kp {label} vs pipeline: speed-up {rate / hf_rate:.2f}x, F1 difference {delta:+.4f}")


if __name__ == "__main__":
    main()
