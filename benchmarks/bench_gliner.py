"""Docs/s of the kp ``gliner`` Detector against a plain ``GLiNER.predict_entities`` loop, on the
same model, the same documents, the same label phrases and threshold, in one run.

    python benchmarks/bench_gliner.py                   # a GLiNER built on multilingual-e5-small
    python benchmarks/bench_gliner.py --model DIR       # any GLiNER checkpoint folder

The default model has an untrained span head: the figures are about speed, not quality. Some
documents are longer than the model's 384 words; the plain loop reads those only up to 384
words (gliner truncates), the Detector reads them whole, so it does strictly more work.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import warnings
from pathlib import Path

SENTENCES = [
    "Il paziente {P} abita in Via Roma {N}, Milano, e si puo contattare al +39 333 {N}{N}{N}.",
    "Pan {P} bydli v Brne; e-mail {E}, rodne cislo {N}{N}{N}{N}/{N}{N}.",
    "Kunden {P} har kontonummer SE45 5000 0000 0583 9825 {N}{N}.",
    "The committee reviewed the annual report and agreed to meet again next month.",
    "Le dossier a ete transmis au tribunal le {N} mars sans autre commentaire.",
    "Der Vertrag wurde am {N}. Mai von {P} unterschrieben.",
]
NAMES = ["Mario Rossi", "Jana Novakova", "Lars Berg", "Anna Svensson", "Pierre Martin", "Eva Lind"]


def make_documents(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        sentences = rng.randint(40, 90) if i % 10 == 0 else rng.randint(3, 12)  # every tenth is long
        parts = []
        for _ in range(sentences):
            name = rng.choice(NAMES)
            parts.append(
                rng.choice(SENTENCES)
                .replace("{P}", name)
                .replace("{E}", name.lower().replace(" ", ".") + "@example.com")
                .replace("{N}", str(rng.randint(1, 9)))
            )
        docs.append(" ".join(parts))
    return docs


def build_model(base: str, folder: Path) -> Path:
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
    parser.add_argument("--model", help="a GLiNER checkpoint folder (default: build one on --base)")
    parser.add_argument("--base", default="multilingual-e5-small")
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, help="torch CPU threads for both paths")
    args = parser.parse_args()

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    from gliner import GLiNER

    from kp_core.registry import get_registry

    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(args.model) if args.model else build_model(args.base, Path(tmp) / "gliner")
        docs = make_documents(args.docs, args.seed)
        detector = (
            get_registry()
            .family("gliner")
            .load(str(model_dir), threshold=args.threshold, batch_size=args.batch_size, device="cpu")
        )
        phrases = detector.prompts.phrases()
        plain = GLiNER.from_pretrained(str(model_dir), local_files_only=True).eval()
        max_len = int(plain.config.max_len)
        words = [len(list(plain.data_processor.words_splitter(d))) for d in docs]
        long_docs = sum(w > max_len for w in words)
        print(
            f"{len(docs)} documents, {sum(words):,} gliner words (mean {sum(words) / len(docs):.0f}, "
            f"{long_docs} longer than max_len {max_len}); {len(phrases)} label phrases; threshold "
            f"{args.threshold}; torch {torch.__version__}, {torch.get_num_threads()} threads, cpu"
        )

        # Warm both paths up on the same few documents before timing.
        detector.predict_spans(docs[:4])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for d in docs[:4]:
                plain.predict_entities(d, phrases, threshold=args.threshold)

            start = time.perf_counter()
            plain_out = [plain.predict_entities(d, phrases, threshold=args.threshold) for d in docs]
            plain_s = time.perf_counter() - start

        start = time.perf_counter()
        predictions = detector.predict(docs)
        kp_s = time.perf_counter() - start

        windows = sum(len(p.chunking.windows) for p in predictions)
        words_read_plain = sum(min(w, max_len) for w in words)
        print(f"plain predict_entities loop: {plain_s:7.2f} s  {len(docs) / plain_s:7.2f} docs/s  "
              f"(read {words_read_plain:,} of {sum(words):,} words; {sum(map(len, plain_out))} spans)")  # fmt: skip
        print(f"kp gliner Detector         : {kp_s:7.2f} s  {len(docs) / kp_s:7.2f} docs/s  "
              f"(read {sum(p.chunking.covered_words for p in predictions):,} of {sum(words):,} words in {windows} "
              f"windows, batch {args.batch_size}; {sum(len(p.spans) for p in predictions)} spans)")  # fmt: skip
        print(f"speed-up: {plain_s / kp_s:.2f}x docs/s")


if __name__ == "__main__":
    main()
