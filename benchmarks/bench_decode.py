"""Decoding throughput (constrained Viterbi vs argmax) and the alignment-scheme measurement.

    python benchmarks/bench_decode.py                 # throughput, 512-token windows x 73 labels, one core
    python benchmarks/bench_decode.py --alignment DEV_DIR --tokenizer tokenizer.json
    python benchmarks/bench_decode.py --share MODEL_DIR --dev-dir DEV_DIR   # needs kp-torch

Throughput is measured on two kinds of input: "noisy" log-probabilities whose per-position
argmax is almost never a valid BIOES sequence (every window runs the full dynamic programme) and
"model-like" ones where O dominates and the argmax is usually valid (the exact shortcut applies).
The alignment section compares the "first" and "all" labelling schemes on gold rows: round-trip
exactness (grid and character level), the same after removing the space before punctuation
(entity ends inside a whitespace token), and strict span F1 of decoding noisy one-hot logits.
The share section runs an encoder family (kp-torch's engine) over dev documents and splits its
time into scoring (tokenize, forward, window merge) and decoding (``decode_spans_batch``). Any
folder ``AutoModelForTokenClassification`` loads will do: a kp checkpoint, or a built-in base from
``kp bases`` (its fresh head gives noise-like log-probabilities, the decoder's worst case).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the goal is stated

import numpy as np  # noqa: E402

from kp_core.decoding import (  # noqa: E402
    OperatingPoint,
    argmax_decode,
    decode_spans,
    decode_spans_batch,
    kp_space,
    viterbi,
    viterbi_batch,
)

WINDOW = 512


def _noisy(rng: np.random.Generator, n: int) -> np.ndarray:
    return np.log(rng.dirichlet(np.ones(len(kp_space())), size=(n, WINDOW)))


def _model_like(rng: np.random.Generator, n: int) -> np.ndarray:
    logits = rng.normal(0.0, 1.0, size=(n, WINDOW, len(kp_space())))
    logits[..., 0] += 6.0
    return logits - np.logaddexp.reduce(logits, axis=-1, keepdims=True)


def _rate(fn, tokens: int, repeat: int = 3) -> float:
    # CPU time of this process, best of `repeat`: on a shared machine wall time measures the
    # neighbours; numpy runs these element-wise ops on one core.
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return tokens / max(best, 1e-9)


def throughput(batch: int) -> None:
    rng = np.random.default_rng(0)
    op = OperatingPoint(background_stay=0.5, end_to_start=-0.5)
    print(f"tokens/s (CPU time), {WINDOW}-token windows x {len(kp_space())} labels, one core (best of 3)")
    print(f"{'input':<12} {'decoder':<34} {'tokens/s':>12} {'vs argmax':>10}")
    for name, make in (("noisy", _noisy), ("model-like", _model_like)):
        lp = make(rng, batch)
        tokens = batch * WINDOW
        arg = _rate(lambda lp=lp: argmax_decode(lp), tokens)
        rows = [
            ("argmax", arg),
            ("viterbi, one window at a time", _rate(lambda lp=lp: [viterbi(w) for w in lp[:8]], 8 * WINDOW)),
            (f"viterbi_batch ({batch} windows)", _rate(lambda lp=lp: viterbi_batch(lp), tokens)),
            ("viterbi_batch + operating point", _rate(lambda lp=lp: viterbi_batch(lp, op), tokens)),
        ]
        valid = np.mean([kp_space().is_valid(s) for s in argmax_decode(lp)])
        for label, rate in rows:
            print(f"{name:<12} {label:<34} {rate:>12,.0f} {rate / arg:>10.4f}")
        print(f"{name:<12} (argmax already a valid BIOES sequence in {valid:.0%} of windows)")


def _drop_space_before_punctuation(text: str, spans: list[dict]) -> tuple[str, list[dict]]:
    """'Russo ,' -> 'Russo,': entity ends then fall inside a whitespace token."""
    keep = [not (ch == " " and i + 1 < len(text) and text[i + 1] in ",.;:)") for i, ch in enumerate(text)]
    new_index = np.cumsum([0] + keep)
    new_text = "".join(ch for ch, k in zip(text, keep, strict=True) if k)
    moved = [{"start": int(new_index[s["start"]]), "end": int(new_index[s["end"]]), "label": s["label"]} for s in spans]
    moved = [s for s in moved if new_text[s["start"] : s["end"]].strip()]
    return new_text, moved


def alignment(dev_dir: Path, tokenizer_path: Path, noise: float) -> None:
    from tokenizers import Tokenizer

    from kp_core.encoding.alignment import align_spans, label_positions
    from kp_core.encoding.grid import gold_bioes, predicted_bioes, snap_spans
    from kp_core.types import Span

    tok = Tokenizer.from_file(str(tokenizer_path))
    rng = np.random.default_rng(0)
    results: dict[str, dict[str, float]] = {}
    for variant in ("as-is", "no-space-before-punct"):
        for scheme in ("first", "all"):
            c = dict.fromkeys(("rows", "grid_exact", "gold", "char_exact", "issues", "positions", "tp", "fp", "fn"), 0)
            for path in sorted(dev_dir.glob("*_realskeleton_rows.json")):
                for row in json.loads(path.read_text(encoding="utf-8")):
                    text, raw = row["text"], row["spans"]
                    if variant != "as-is":
                        text, raw = _drop_space_before_punctuation(text, raw)
                    gold = [Span(s["start"], s["end"], s["label"]) for s in raw]
                    offsets = np.array(tok.encode(text).offsets)
                    aligned = align_spans(text, offsets, gold, scheme=scheme)
                    ids = np.array(aligned.label_ids)
                    mask = label_positions(text, offsets, scheme=scheme)
                    one_hot = np.full((len(ids), len(kp_space())), -20.0)
                    one_hot[np.arange(len(ids)), np.where(ids >= 0, ids, 0)] = 0.0
                    spans = decode_spans(text, offsets, one_hot, decode_mask=mask)
                    want = {(s.start, s.end, s.label) for s in gold}
                    c["rows"] += 1
                    c["grid_exact"] += predicted_bioes(text, spans) == gold_bioes(text, gold)
                    c["gold"] += len(want)
                    c["char_exact"] += len(want & {(s.start, s.end, s.label) for s in spans})
                    c["issues"] += len(aligned.issues)
                    c["positions"] += int(mask.sum())
                    noisy = one_hot * noise / 20.0 + rng.normal(0.0, 1.0, size=one_hot.shape)
                    noisy -= np.logaddexp.reduce(noisy, axis=1, keepdims=True)
                    got = {
                        (s.start, s.end, s.label)
                        for s in snap_spans(text, decode_spans(text, offsets, noisy, decode_mask=mask))
                    }
                    grid = {(s.start, s.end, s.label) for s in snap_spans(text, gold)}
                    c["tp"] += len(got & grid)
                    c["fp"] += len(got - grid)
                    c["fn"] += len(grid - got)
            f1 = 2 * c["tp"] / max(1, 2 * c["tp"] + c["fp"] + c["fn"])
            results[f"{variant}/{scheme}"] = {**c, "noisy_f1": round(f1, 4)}
    print(f"alignment schemes on {dev_dir.name} with {tokenizer_path.name}; noise: margin {noise}, N(0,1) logits")
    print(
        f"{'variant/scheme':<28} {'rows':>5} {'grid ok':>8} {'char ok':>12} {'issues':>6} {'positions':>9} {'noisy F1':>8}"
    )
    for key, c in results.items():
        print(
            f"{key:<28} {c['rows']:>5} {c['grid_exact']:>8} {c['char_exact']:>6}/{c['gold']:<5} "
            f"{c['issues']:>6} {c['positions']:>9} {c['noisy_f1']:>8.4f}"
        )


def share(model_dir: Path, dev_dir: Path, docs: int, threads: int) -> None:
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    from kp_core.evaluation.data import load_rows
    from kp_core.taxonomy import bioes_labels
    from kp_torch.engine import EncoderDetector

    torch.set_num_threads(threads)
    labels = list(bioes_labels())
    model = AutoModelForTokenClassification.from_pretrained(
        str(model_dir),
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
        use_safetensors=True,
    ).eval()
    detector = EncoderDetector(model, AutoTokenizer.from_pretrained(str(model_dir)), model_id=str(model_dir))
    rows = [r for name in ("it", "se", "cz", "dk") for r in load_rows(dev_dir / f"{name}_realskeleton_rows.json")]
    texts = [r["text"] for r in rows[:docs]]
    detector.score_documents(texts[:8])  # warm-up
    start = time.process_time()
    scored = detector.score_documents(texts)
    scoring = time.process_time() - start
    start = time.process_time()
    decode_spans_batch(
        texts,
        [s.offsets for s in scored],
        [s.logprobs for s in scored],
        decode_masks=[s.decode_mask for s in scored],
        space=detector.space,
    )
    decoding = time.process_time() - start
    tokens = sum(len(s.offsets) for s in scored)
    total = scoring + decoding
    print(f"\nshare of decoding in inference: {model_dir.name}, {len(texts)} dev documents, {tokens:,} subword tokens,")
    print(
        f"torch threads {threads}, batch {detector.batch_size}, windows of {detector.window} tokens (CPU time of this process)"
    )
    print(f"{'scoring (tokenize + forward + merge)':<40} {scoring:8.3f} s {tokens / scoring:12,.0f} tokens/s")
    print(f"{'decoding (decode_spans_batch)':<40} {decoding:8.3f} s {tokens / decoding:12,.0f} tokens/s")
    print(f"{'decoding share of inference':<40} {decoding / total:8.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=128, help="windows per viterbi_batch call")
    parser.add_argument("--alignment", type=Path, metavar="DEV_DIR", help="also compare labelling schemes on rows")
    parser.add_argument("--tokenizer", type=Path, help="tokenizer.json for --alignment")
    parser.add_argument("--noise-margin", type=float, default=2.0, help="logit margin of gold tags in the noisy run")
    parser.add_argument("--share", type=Path, metavar="MODEL_DIR", help="also time decoding against a model's scoring")
    parser.add_argument("--dev-dir", type=Path, default=Path("..") / "shared" / "data" / "europriv-dev")
    parser.add_argument("--docs", type=int, default=200, help="dev documents for --share")
    parser.add_argument("--threads", type=int, default=1, help="torch threads for --share")
    args = parser.parse_args()
    throughput(args.batch)
    if args.alignment:
        if not args.tokenizer:
            parser.error("--alignment needs --tokenizer")
        alignment(args.alignment, args.tokenizer, args.noise_margin)
    if args.share:
        share(args.share, args.dev_dir, args.docs, args.threads)


if __name__ == "__main__":
    main()
