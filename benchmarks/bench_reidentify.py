"""Re-identification cost and exactness on one vault, side by side in one run.

    python benchmarks/bench_reidentify.py
    python benchmarks/bench_reidentify.py --docs 2000 --fillers 200000

Pseudonymizes ``--docs`` generated documents (8 languages, gold spans) into a vault that already
holds ``--fillers`` entries, then times, on that vault:

* *before*: what ``reidentify`` did until document records existed — decrypt every entry and
  replace every surrogate (and its upper/lower-case forms) wherever it occurs, through one regex
  (reproduced here, run on a few documents: it costs seconds per call);
* *record*: ``kp_core.anonymize.reidentify`` on the unchanged outputs (the exact path);
* *fallback*: the same on edited outputs (a word put in front: no record matches).

Memory is the peak traced by ``tracemalloc`` during each path (tracing slows every path alike;
the per-call times are taken with tracing off). Structured types (IDs, IBANs, phones, ...) take
another document's value of the same type as surrogate unless ``--real-surrogates`` (their real
generators cost milliseconds per value; the surrogates' kind does not change these costs).
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
import tracemalloc
from pathlib import Path

from kp_core.anonymize import pseudonymizer as pseudonymizer_module
from kp_core.anonymize.pseudonymizer import Pseudonymizer
from kp_core.anonymize.reidentify import reidentify
from kp_core.anonymize.vault import Vault, source_key
from kp_core.generate.engine import generate_rows, row_to_example

KEY = b"bench-reidentify-key-0123456789ab"
LANGUAGES = ["ro", "pl", "de", "it", "fr", "sv", "cs", "lv"]
PERMUTED = {"NATIONAL_ID", "ACCOUNT_ID", "PHONE", "COMPANY_ID", "SECRET", "MRN", "CASE_NUMBER"}


def before(vault: Vault, text: str) -> str:
    """The substring re-identification this module replaced."""
    pairs: dict[str, str] = {}
    for surrogate, source in vault.mapping().items():
        pairs.setdefault(surrogate, source)
        pairs.setdefault(surrogate.upper(), source.upper())
        pairs.setdefault(surrogate.lower(), source.lower())
    pattern = re.compile("|".join(re.escape(s) for s in sorted(pairs, key=len, reverse=True)))
    return pattern.sub(lambda m: pairs[m.group()], text)


def cheap_candidates(docs):
    real = pseudonymizer_module.candidates
    pools: dict[str, dict[str, str]] = {}
    for doc in docs:
        for span in doc.spans:
            value = doc.text[span.start : span.end]
            pools.setdefault(span.label, {}).setdefault(source_key(value), value)
    lists = {label: list(values.values()) for label, values in pools.items()}
    position = {label: {source_key(v): i for i, v in enumerate(vs)} for label, vs in lists.items()}

    def candidates(key, label, value, locale):
        if label not in PERMUTED:
            return real(key, label, value, locale)
        pool = lists.get(label, [value])
        first = position.get(label, {}).get(source_key(value), 0) + 1
        return (pool[(first + k) % len(pool)] for k in range(len(pool)))

    return candidates


def timed(fn, items):
    started = time.perf_counter()
    out = [fn(item) for item in items]
    per_call = (time.perf_counter() - started) / max(len(items), 1)
    tracemalloc.start()
    fn(items[0])
    for item in items[1:20]:
        fn(item)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return out, per_call, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--fillers", type=int, default=100_000)
    parser.add_argument("--before-docs", type=int, default=3, help="documents re-identified the old way")
    parser.add_argument("--real-surrogates", action="store_true")
    parser.add_argument("--seed", type=int, default=77)
    args = parser.parse_args()

    docs = [row_to_example(row) for row in generate_rows(LANGUAGES, None, args.docs, seed=args.seed)]
    if not args.real_surrogates:
        pseudonymizer_module.candidates = cheap_candidates(docs)
    path = Path(tempfile.mkdtemp()) / "bench.vault"
    with Vault.open(path, KEY) as vault:
        for i in range(args.fillers):  # surrogates that occur in no text: only their number counts
            vault.claim("FILLER", f"filler {i}", f"F{i:07d}x")
        vault.commit()
    pseudonymizer = Pseudonymizer(KEY, path)
    started = time.perf_counter()
    outputs: list[str] = []
    for start in range(0, len(docs), 250):
        batch = docs[start : start + 250]
        outputs += [r.text for r in pseudonymizer.pseudonymize([d.text for d in batch], [d.spans for d in batch])]
    pseudonymizer.close()
    print(f"pseudonymized {len(docs)} documents in {time.perf_counter() - started:.1f} s")

    sources = [d.text for d in docs]
    edited = [f"Addendum. {out}" for out in outputs[:200]]
    with Vault.open(path, KEY, create=False) as vault:
        print(f"vault: {len(vault)} entries, {vault.documents()} document records")
        k = args.before_docs
        old, t_old, m_old = timed(lambda text: before(vault, text), outputs[:k])
        new, t_new, m_new = timed(lambda text: reidentify(vault, text), outputs)
        fall, t_fall, m_fall = timed(lambda text: reidentify(vault, text), edited)
    rows = [
        ("before", t_old, m_old, sum(a == b for a, b in zip(old, sources, strict=False)), k),
        ("record", t_new, m_new, sum(r.text == s for r, s in zip(new, sources, strict=True)), len(outputs)),
        (
            "fallback",
            t_fall,
            m_fall,
            sum(r.text == f"Addendum. {s}" for r, s in zip(fall, sources, strict=False)),
            len(edited),
        ),
    ]
    print(f"{'path':<9} {'per call':>12} {'peak traced':>12} {'exact':>12}")
    for name, per_call, peak, exact, total in rows:
        print(f"{name:<9} {per_call * 1e3:>9.3f} ms {peak / 2**20:>8.2f} MiB {exact:>6}/{total:<5}")
    print(f"before / record: {t_old / t_new:,.0f}x time, {m_old / max(m_new, 1):,.0f}x memory")


if __name__ == "__main__":
    main()
