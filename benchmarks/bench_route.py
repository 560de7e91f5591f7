"""Routing benchmark: ``kp deidentify`` with and without a document classifier in front, side by side.

    python benchmarks/bench_route.py --route classifier:runs/cls/best
    python benchmarks/bench_route.py --route classifier:runs/cls/best --model runs/main/model --json

The corpus is half dev documents (the EuroPriv-Bench dev slices in ``--data-dir``, read only, for
evaluation) and half clean documents of the same count from the built-in generator (its clean
documents where it makes them, else generated documents with every line that holds a span
removed). Both configurations run the SDK's bulk path (:func:`kp_core.anonymize.bulk.run_bulk`,
what ``kp deidentify`` runs) on the same input with the same detector (``--model``, default the
rules family), after both models are loaded, and report:

* docs/s of each run (wall time of the whole run: classifier, detector and operator);
* entity F1 of the detector on the dev half (strict: exact offsets and type), spans predicted on
  every document versus on the routed ones only (a skipped document counts as no predictions);
* national-ID leak: the share of gold NATIONAL_ID values of the dev half still present in the
  de-identified text;
* documents skipped by routing, per half (a dev document skipped is personal data not looked at).
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "europriv-dev"
SLICES = ("it", "se", "cz", "dk")
NATIONAL_ID = "NATIONAL_ID"


def dev_documents(data_dir: Path, slices: Sequence[str], limit: int | None) -> list[dict[str, Any]]:
    """The dev rows of each slice (the first ``limit`` of each), as {text, spans, slice}."""
    from kp_core.evaluation.data import load_rows

    out = []
    for name in slices:
        rows = load_rows(data_dir / f"{name}_realskeleton_rows.json")[:limit]
        out.extend({"text": r["text"], "spans": r["spans"], "slice": name} for r in rows)
    return out


def without_span_lines(text: str, spans: Sequence[dict[str, Any]]) -> str:
    """The lines of ``text`` that hold no part of any span."""
    kept, start = [], 0
    for line in text.splitlines(keepends=True):
        end = start + len(line)
        if not any(s["start"] < end and s["end"] > start for s in spans):
            kept.append(line)
        start = end
    return "".join(kept).strip()


def clean_documents(n: int, seed: int) -> tuple[list[str], str]:
    """``n`` documents without personal data, and how they were made."""
    from kp_core.generate import generate_rows

    if "clean_share" in inspect.signature(generate_rows).parameters:
        rows = generate_rows(n=n, seed=seed, clean_share=1.0)
        return [row["text"] for row in rows], "generator clean documents"
    texts: list[str] = []
    index = 0
    while len(texts) < n:
        for row in generate_rows(n=n, seed=seed, start=index):
            text = without_span_lines(row["text"], row["spans"])
            if text:
                texts.append(text)
        index += n
    return texts[:n], "generated documents without the lines that hold spans"


def strict_f1(gold: Sequence[Sequence[dict[str, Any]]], predicted: Sequence[Sequence[Any]]) -> dict[str, float]:
    """Micro P/R/F1 of exact (start, end, type) matches over documents."""
    tp = n_pred = n_gold = 0
    for gold_spans, pred_spans in zip(gold, predicted, strict=True):
        g = {(s["start"], s["end"], s["label"]) for s in gold_spans}
        p = {(s.start, s.end, s.label) for s in pred_spans}
        tp, n_pred, n_gold = tp + len(g & p), n_pred + len(p), n_gold + len(g)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def national_id_leak(docs: Sequence[dict[str, Any]], outputs: Sequence[str]) -> dict[str, float]:
    """Gold NATIONAL_ID values still present, verbatim, in the de-identified text of their document."""
    total = leaked = 0
    for doc, out in zip(docs, outputs, strict=True):
        for span in doc["spans"]:
            if span["label"] == NATIONAL_ID:
                total += 1
                leaked += doc["text"][span["start"] : span["end"]] in out
    return {"national_ids": total, "leaked": leaked, "leak_rate": leaked / total if total else 0.0}


def run_config(source: Path, out: Path, model: str, route: str | None, threshold: float | None) -> dict[str, Any]:
    """One bulk run: its wall time, docs/s, the texts it wrote and what routing did."""
    from kp_core.anonymize.bulk import BulkOptions, run_bulk
    from kp_core.cli.detector_options import Detection

    options = BulkOptions(
        input=str(source), output=str(out), detection=Detection(model=model), route=route, route_threshold=threshold
    )
    started = time.perf_counter()
    result = run_bulk(options, progress=False, overwrite=True)
    seconds = time.perf_counter() - started
    texts = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    return {
        "seconds": seconds,
        "docs_per_s": result.records / seconds if seconds else None,
        "texts": texts,
        "routing": None if result.routing is None else result.routing.to_json(),
    }


def run(
    route: str,
    *,
    model: str = "rules",
    data_dir: Path = DEFAULT_DATA_DIR,
    slices: Sequence[str] = SLICES,
    limit: int | None = None,
    threshold: float | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """The benchmark (see the module docstring) as JSON-ready data."""
    from kp_core.classification.routing import Router
    from kp_core.sdk import detector

    dev = dev_documents(data_dir, slices, limit)
    clean, clean_source = clean_documents(len(dev), seed)
    texts = [d["text"] for d in dev] + clean
    found = detector(model, note=lambda message: None)  # loaded (and cached) before any timing
    router = Router(route, threshold)
    skipped = router.skips([[t] for t in texts])
    all_spans = found.predict_spans([d["text"] for d in dev])
    routed_spans = [[] if skip else spans for spans, skip in zip(all_spans, skipped[: len(dev)], strict=True)]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.jsonl"
        source.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
        plain = run_config(source, Path(tmp) / "plain.jsonl", model, None, None)
        routed = run_config(source, Path(tmp) / "routed.jsonl", model, route, threshold)
    n_dev = len(dev)
    return {
        "model": model,
        "route": route,
        "threshold": router.threshold,
        "documents": {"dev": n_dev, "clean": len(clean), "clean_source": clean_source, "slices": list(slices)},
        "skipped": {"dev": sum(skipped[:n_dev]), "clean": sum(skipped[n_dev:])},
        "without_routing": {
            "docs_per_s": plain["docs_per_s"],
            "seconds": plain["seconds"],
            "entity_f1": strict_f1([d["spans"] for d in dev], all_spans),
            "national_id_leak": national_id_leak(dev, plain["texts"][:n_dev]),
        },
        "with_routing": {
            "docs_per_s": routed["docs_per_s"],
            "seconds": routed["seconds"],
            "entity_f1": strict_f1([d["spans"] for d in dev], routed_spans),
            "national_id_leak": national_id_leak(dev, routed["texts"][:n_dev]),
            "routing": routed["routing"],
        },
    }


def format_result(result: dict[str, Any]) -> str:
    docs, skipped = result["documents"], result["skipped"]
    lines = [
        f"{docs['dev']} dev documents ({', '.join(docs['slices'])}) + {docs['clean']} clean ({docs['clean_source']})",
        f"detector {result['model']}; route {result['route']} at PERSONAL_DATA < {result['threshold']:g}: "
        f"skipped {skipped['clean']}/{docs['clean']} clean, {skipped['dev']}/{docs['dev']} dev",
        "",
        f"{'':<16} {'docs/s':>9} {'entity F1':>10} {'P':>7} {'R':>7} {'NID leak':>9}",
    ]
    for key, label in (("without_routing", "without routing"), ("with_routing", "with routing")):
        row = result[key]
        f1, leak = row["entity_f1"], row["national_id_leak"]
        lines.append(
            f"{label:<16} {row['docs_per_s']:>9.1f} {f1['f1']:>10.4f} {f1['precision']:>7.4f} {f1['recall']:>7.4f} "
            f"{leak['leak_rate']:>9.4f}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--route", required=True, help="the document classifier (a model reference)")
    parser.add_argument("--model", "-m", default="rules", help="the span detector [default: rules]")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="the EuroPriv-Bench dev slices")
    parser.add_argument("--slices", default=",".join(SLICES), help="comma-separated dev slices [default: all four]")
    parser.add_argument("--limit", type=int, default=None, help="the first N documents of each slice")
    parser.add_argument("--route-threshold", type=float, default=None, help="[default: the classifier's own]")
    parser.add_argument("--seed", type=int, default=0, help="seed of the clean documents")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON document")
    args = parser.parse_args(argv)
    result = run(
        args.route,
        model=args.model,
        data_dir=args.data_dir,
        slices=[s.strip() for s in args.slices.split(",") if s.strip()],
        limit=args.limit,
        threshold=args.route_threshold,
        seed=args.seed,
    )
    print(json.dumps(result, indent=2) if args.json else format_result(result), file=sys.stdout)


if __name__ == "__main__":
    main()
