"""Presidio's AnalyzerEngine alone vs the same engine plus kp's recognizer, on the EuroPriv dev slices.

    python benchmarks/bench_presidio.py --data-dir ../shared/data/europriv-dev [--model rules] [--limit N]

Per slice (it, se, cz, dk): strict entity F1 and national-ID leakage, scored by kp's built-in
evaluator (:func:`kp_core.evaluation.run_spec`, the one ``kp evaluate`` runs) for

- ``presidio``: Presidio's default recognizers (as ``AnalyzerEngine()`` loads them for English,
  ``--presidio-language`` to change; no spaCy model is downloaded: its NER runs only where one is
  installed),
- ``presidio+kp``: the same engine with ``KpRecognizer(model=--model)`` added to its registry,
- ``kp``: the kp model alone, for reference;

Presidio's results are turned back into KP types through kp's presidio crosswalk (and the
``KP_*`` names), overlapping results settled highest score first (as Presidio's anonymizer
settles them). Then the ``kp_pseudonymize`` operator replaces every result of ``presidio+kp``
in a real AnonymizerEngine, and the share of surrogates of valid national IDs, IBANs and cards
that validate again (the same country's validator, mod 97, Luhn) is reported.

Needs the harness environment (kp-presidio, presidio-analyzer, presidio-anonymizer). Reads the
dev files for evaluation only; prints no text from them.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

SLICES = ("it", "se", "cz", "dk")
METRICS = ("entity_f1", "national_id_leakage")
KEY = "bench_presidio: a fixed benchmark key"


class EngineDetector:
    """A kp Detector over a Presidio AnalyzerEngine: its results as KP spans."""

    def __init__(self, engine: Any, name: str, language: str, threshold: float) -> None:
        from kp_core.taxonomy import entity_names
        from kp_core.taxonomy.crosswalk import mapped_labels
        from kp_presidio.entities import kp_type, possible_entities

        self.engine, self.name, self.model_id, self.language = engine, name, name, language
        self.threshold = threshold
        names = possible_entities(frozenset(entity_names()))
        self.table = {**mapped_labels("presidio"), **{n: kp_type(n) for n in names}}
        self.results: list[list[Any]] = []  # kept for the operator pass

    def predict_spans(self, texts: list[str]) -> list[list[Any]]:
        from kp_presidio.logs import presidio_quiet
        from kp_presidio.spans import to_kp_spans

        out = []
        with presidio_quiet():
            for text in texts:
                results = self.engine.analyze(text, language=self.language, score_threshold=self.threshold)
                results = sorted(results, key=lambda r: (-r.score, r.start, r.end))
                self.results.append(results)
                out.append(to_kp_spans(text, results, self.table))
        return out


def _scores(row: dict[str, Any]) -> tuple[float, float, float, float]:
    f1 = row["scores"]["entity_f1"]["f1"]
    leak = row["scores"]["national_id_leakage"]
    total = leak["decode_bearing_total"]
    missed = leak["decode_bearing_missed"] / total if total else 0.0
    return f1, missed, leak["coverage_only_detection_rate"], total


def _surrogate_checks(texts: list[str], results: list[list[Any]], country: str) -> tuple[int, int]:
    """(checked, valid): surrogates of values a validator accepts, and those that validate too."""
    from presidio_anonymizer import AnonymizerEngine

    from kp_core.anonymize.national_id_surrogates import national_id_country
    from kp_core.identifiers.checksums import card_brand, iban_is_valid, luhn_is_valid
    from kp_presidio.entities import kp_type
    from kp_presidio.operator import KpPseudonymize, kp_pseudonymize_config

    pairs: list[tuple[str, str, str]] = []  # (entity, source, surrogate)

    class Recorded(KpPseudonymize):
        """The kp operator, noting what it replaced with what (the engine creates one per value)."""

        def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
            surrogate = super().operate(text, params)
            pairs.append((str((params or {}).get("entity_type")), text, surrogate))
            return surrogate

    def valid_country(value: str, like: str) -> str | None:
        return national_id_country(value, like)

    def valid(entity: str, value: str) -> bool | None:
        compact = "".join(value.split())
        if entity == "IBAN_CODE":
            return iban_is_valid(compact.upper())
        if entity == "CREDIT_CARD":
            digits = "".join(ch for ch in value if ch.isdigit())
            return luhn_is_valid(digits) and card_brand(digits) is not None
        return None

    engine = AnonymizerEngine()
    engine.add_anonymizer(Recorded)
    config = kp_pseudonymize_config(key=KEY, country=country.upper())
    for text, found in zip(texts, results, strict=True):
        engine.anonymize(text, [r for r in found if kp_type(r.entity_type) is not None], operators={"DEFAULT": config})
    checked = ok = 0
    for entity, source, surrogate in pairs:
        if kp_type(entity) == "NATIONAL_ID":
            home = valid_country(source, country.upper())
            if home is None:
                continue  # no validator accepts the source: its surrogate keeps its shape only
            checked += 1
            ok += valid_country(surrogate, home) == home
        elif valid(entity, source):
            checked += 1
            ok += bool(valid(entity, surrogate))
    return checked, ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="folder of <slice>_realskeleton_rows.json")
    parser.add_argument("--model", default="rules", help="kp model reference for the recognizer (default: rules)")
    parser.add_argument("--presidio-language", default="en", help="Presidio's recognizer set: en, all or a code")
    parser.add_argument("--threshold", type=float, default=0.0, help="Presidio's score_threshold (default 0)")
    parser.add_argument("--limit", type=int, default=None, help="first N rows of each slice")
    args = parser.parse_args()

    from kp_core.evaluation import run_spec
    from kp_core.evaluation.data import load_rows
    from kp_core.evaluation.spec import default_spec
    from kp_core.sdk import detector
    from kp_presidio.engine import EngineSetup, build_engine, pick_spacy_model
    from kp_presidio.recognizer import KpRecognizer

    setup = EngineSetup(language=args.presidio_language, spacy_model=pick_spacy_model("auto"))
    kp_model = detector(args.model)
    recognizer = KpRecognizer(detector=kp_model, supported_language=setup.run_language)
    print(f"presidio recognizers: {setup.language}; spaCy NER: {setup.spacy_model or 'none installed'}; "
          f"kp model: {kp_model.model_id}")  # fmt: skip
    header = (f"{'slice':5} {'n':>4} | {'F1 presidio':>11} {'F1 +kp':>7} {'F1 kp':>6} | "
              f"{'ID leak presidio':>16} {'+kp':>6} {'kp':>6} | {'IDs':>4} | {'surrogates valid':>16} | {'s':>5}")  # fmt: skip
    lines = [header, "-" * len(header)]
    for name in SLICES:
        path = args.data_dir / f"{name}_realskeleton_rows.json"
        rows = load_rows(path)[: args.limit] if args.limit else load_rows(path)
        spec = default_spec(path, rows).with_metrics(METRICS)
        started = time.perf_counter()
        alone = EngineDetector(build_engine(setup), "presidio", setup.run_language, args.threshold)
        engine = build_engine(setup)
        engine.registry.add_recognizer(recognizer)
        with_kp = EngineDetector(engine, "presidio+kp", setup.run_language, args.threshold)
        scored = [_scores(run_spec(spec, d, rows)) for d in (alone, with_kp, kp_model)]
        checked, ok = _surrogate_checks([r["text"] for r in rows], with_kp.results, name)
        seconds = time.perf_counter() - started
        (f_a, l_a, _, ids), (f_b, l_b, _, _), (f_c, l_c, _, _) = scored
        share = f"{ok}/{checked} ({ok / checked:.1%})" if checked else "n/a"
        lines.append(
            f"{name:5} {len(rows):>4} | {f_a:>11.3f} {f_b:>7.3f} {f_c:>6.3f} | {l_a:>16.1%} {l_b:>6.1%} {l_c:>6.1%} | "
            f"{int(ids):>4} | {share:>16} | {seconds:>5.0f}"
        )
        print(lines[-1], flush=True)
    print("\n".join(["", *lines]))
    print("F1: strict entity F1 (kp's evaluator); ID leak: share of decode-bearing national IDs missed;")
    print("surrogates valid: kp_pseudonymize surrogates of valid national IDs / IBANs / cards that validate.")


if __name__ == "__main__":
    main()
