"""Docs/s of the kp ``gliner`` Detector against a plain ``GLiNER.predict_entities`` loop, on the
same model, the same documents, the same label phrases, threshold and torch threads, in one run.

    python benchmarks/bench_gliner.py --model DIR --data-dir EUROPRIV_DEV [--docs 500]
    python benchmarks/bench_gliner.py --model DIR                 # generated documents instead

Documents come round-robin from the ``*_rows.json`` files of ``--data-dir`` (EuroPriv-Bench dev
slices; read for timing only), or from kp's generator without it. The two arms alternate over
blocks of ``--block`` documents (and which arm goes first alternates too), so load from other
processes falls on both alike. Only counts and timings are printed, never document text.

Without ``--model`` a GLiNER with an untrained span head is built on ``--base``: such a head
scores far more spans than a trained one, so use a trained model for figures worth reporting.
Documents longer than the model's max_len words are read whole by the Detector (in windows) and
only up to max_len words by the plain loop (gliner truncates), so the Detector does more work.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from itertools import zip_longest
from pathlib import Path


def dev_documents(folder: Path, n: int) -> list[str]:
    from kp_core.data import load_examples

    files = sorted(folder.glob("*_rows.json"))
    if not files:
        raise SystemExit(f"{folder}: no *_rows.json files")
    slices = [[ex.text for ex in load_examples(path, strict=False)] for path in files]
    mixed = [text for group in zip_longest(*slices) for text in group if text is not None]
    return mixed[:n]


def generated_documents(n: int, seed: int) -> list[str]:
    from kp_core.generate import generate_rows

    return [row["text"] for row in generate_rows(None, None, n, seed)]


def build_untrained(base: str, folder: Path) -> Path:
    import torch
    from gliner import GLiNER, GLiNERConfig

    from kp_core.bases import resolve_base

    torch.manual_seed(0)
    config = GLiNERConfig(model_name=str(resolve_base(base)), span_mode="markerV0")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        GLiNER.from_config(config).save_pretrained(str(folder), safe_serialization=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a GLiNER checkpoint folder (default: an untrained head on --base)")
    parser.add_argument("--base", default="multilingual-e5-small")
    parser.add_argument("--data-dir", type=Path, help="folder of *_rows.json files (EuroPriv-Bench dev slices)")
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--block", type=int, default=25, help="documents per alternation block")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, help="torch CPU threads for both arms")
    args = parser.parse_args()

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    from gliner import GLiNER
    from tqdm.auto import tqdm

    from kp_core.plugins.registry import get_registry

    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(args.model) if args.model else build_untrained(args.base, Path(tmp) / "gliner")
        if args.data_dir:
            docs, source = dev_documents(args.data_dir, args.docs), f"{args.data_dir.name} (round-robin over slices)"
        else:
            docs, source = generated_documents(args.docs, args.seed), "kp generator"
        detector = (
            get_registry()
            .family("gliner")
            .load(str(model_dir), threshold=args.threshold, batch_size=args.batch_size, device="cpu")
        )
        phrases = detector.prompts.phrases()
        plain = GLiNER.from_pretrained(str(model_dir), local_files_only=True).eval()
        max_len = int(plain.config.max_len)
        words = [len(list(plain.data_processor.words_splitter(d))) for d in docs]
        print(
            f"{len(docs)} documents from {source}: {sum(words):,} gliner words (mean {sum(words) / len(docs):.0f}, "
            f"{sum(w > max_len for w in words)} longer than max_len {max_len}); {len(phrases)} label phrases; "
            f"threshold {args.threshold}; torch {torch.__version__}, {torch.get_num_threads()} threads, cpu; "
            f"model {'untrained head' if not args.model else model_dir.name}"
        )

        def run_plain(block: list[str]) -> list:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return [plain.predict_entities(d, phrases, threshold=args.threshold) for d in block]

        run_plain(docs[:4])  # warm-up of both arms on the same documents
        detector.predict_spans(docs[:4])
        timings = {"plain": 0.0, "kp": 0.0}
        plain_spans, kp_predictions = 0, []
        blocks = [docs[i : i + args.block] for i in range(0, len(docs), args.block)]
        bar = tqdm(blocks, desc="blocks", unit="block")
        for index, block in enumerate(bar):
            order = ("plain", "kp") if index % 2 == 0 else ("kp", "plain")
            for arm in order:
                start = time.perf_counter()
                if arm == "plain":
                    plain_spans += sum(map(len, run_plain(block)))
                else:
                    kp_predictions += detector.predict(block)
                timings[arm] += time.perf_counter() - start
            done = sum(map(len, blocks[: index + 1]))
            bar.set_postfix(plain=f"{done / timings['plain']:.2f} docs/s", kp=f"{done / timings['kp']:.2f} docs/s")

        plain_s, kp_s = timings["plain"], timings["kp"]
        windows = sum(len(p.chunking.windows) for p in kp_predictions)
        read_plain = sum(min(w, max_len) for w in words)
        read_kp = sum(p.chunking.covered_words for p in kp_predictions)
        print(f"plain predict_entities loop: {plain_s:8.2f} s  {len(docs) / plain_s:7.2f} docs/s  "
              f"(read {read_plain:,} of {sum(words):,} words; {plain_spans} spans)")  # fmt: skip
        print(f"kp gliner Detector         : {kp_s:8.2f} s  {len(docs) / kp_s:7.2f} docs/s  "
              f"(read {read_kp:,} of {sum(words):,} words in {windows} windows, batch {args.batch_size}; "
              f"{sum(len(p.spans) for p in kp_predictions)} spans)")  # fmt: skip
        print(f"speed-up: {plain_s / kp_s:.2f}x docs/s ({len(blocks)} alternating blocks of {args.block})")


if __name__ == "__main__":
    main()
