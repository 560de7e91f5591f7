"""Corpus statistics (``kp data stats``): sizes, label and metadata distributions, templating."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from kp_core.classification.labels import LEVELS, example_doc_labels
from kp_core.data.skeleton import skeleton_digest
from kp_core.encoding.grid import whitespace_tokens
from kp_core.taxonomy import entity_names
from kp_core.types import Example

MISSING = "(missing)"


def _sorted_counts(counter: Counter) -> Mapping[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


@attrs.frozen(slots=True)
class DatasetStats:
    """Counts over a dataset. ``spans_per_type`` follows the taxonomy order and lists every type
    (zeros included, so a missing type is visible). ``unique_skeleton_ratio`` is distinct
    skeletons / documents: near 0 means a few templates repeated, 1 means every document differs.
    ``levels`` counts documents per sensitivity level (every level, in order) and
    ``personal_data`` those with and without personal data, from spans and explicit doc_labels."""

    docs: int
    spans: int
    spans_per_type: Mapping[str, int]
    languages: Mapping[str, int]
    domains: Mapping[str, int]
    countries: Mapping[str, int]
    mean_chars: float
    mean_tokens: float
    mean_spans: float
    unique_skeletons: int
    unique_skeleton_ratio: float
    levels: Mapping[str, int] = attrs.field(factory=lambda: dict.fromkeys(LEVELS, 0))
    personal_data: Mapping[str, int] = attrs.field(factory=lambda: {"yes": 0, "no": 0})

    def to_json(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "spans": self.spans,
            "spans_per_type": dict(self.spans_per_type),
            "languages": dict(self.languages),
            "domains": dict(self.domains),
            "countries": dict(self.countries),
            "mean_chars": round(self.mean_chars, 2),
            "mean_tokens": round(self.mean_tokens, 2),
            "mean_spans": round(self.mean_spans, 3),
            "unique_skeletons": self.unique_skeletons,
            "unique_skeleton_ratio": round(self.unique_skeleton_ratio, 4),
            "levels": dict(self.levels),
            "personal_data": dict(self.personal_data),
        }

    def format(self) -> str:
        def counts(mapping: Mapping[str, int]) -> str:
            return ", ".join(f"{k} {v}" for k, v in mapping.items()) or "-"

        width = max(len(name) for name in self.spans_per_type)
        lines = [
            f"docs                   {self.docs}",
            f"spans                  {self.spans} (mean {self.mean_spans:.2f} per doc)",
            f"mean length            {self.mean_chars:.1f} chars, {self.mean_tokens:.1f} whitespace tokens",
            f"unique skeletons       {self.unique_skeletons} (ratio {self.unique_skeleton_ratio:.4f})",
            f"languages              {counts(self.languages)}",
            f"domains                {counts(self.domains)}",
            f"countries              {counts(self.countries)}",
            f"documents per level    {counts(self.levels)}",
            f"personal data          {counts(self.personal_data)}",
            "spans per type:",
        ]
        lines += [f"  {name:<{width}}  {n}" for name, n in self.spans_per_type.items()]
        return "\n".join(lines)


def compute_stats(examples: Iterable[Example], *, progress: bool = False) -> DatasetStats:
    """One streaming pass; memory grows only with the number of distinct skeletons (16 bytes each)."""
    from tqdm import tqdm

    per_type = Counter({name: 0 for name in entity_names()})
    languages: Counter = Counter()
    domains: Counter = Counter()
    countries: Counter = Counter()
    skeletons: set[bytes] = set()
    levels = Counter(dict.fromkeys(LEVELS, 0))
    docs = spans = chars = tokens = 0
    for example in tqdm(examples, desc="stats", unit=" rows", file=sys.stderr, disable=not progress):
        docs += 1
        spans += len(example.spans)
        chars += len(example.text)
        tokens += len(whitespace_tokens(example.text))
        per_type.update(span.label for span in example.spans)
        # Codes in any case name one language, domain or country (RO = ro).
        languages[(example.language or MISSING).lower()] += 1
        domains[(example.domain or MISSING).lower()] += 1
        countries[example.country.upper() if example.country else MISSING] += 1
        skeletons.add(skeleton_digest(example))
        levels[example_doc_labels(example).level] += 1
    denominator = max(docs, 1)
    return DatasetStats(
        docs=docs,
        spans=spans,
        spans_per_type={name: per_type[name] for name in entity_names()},
        languages=_sorted_counts(languages),
        domains=_sorted_counts(domains),
        countries=_sorted_counts(countries),
        mean_chars=chars / denominator,
        mean_tokens=tokens / denominator,
        mean_spans=spans / denominator,
        unique_skeletons=len(skeletons),
        unique_skeleton_ratio=len(skeletons) / denominator,
        levels={level: levels[level] for level in LEVELS},
        personal_data={"yes": docs - levels["none"], "no": levels["none"]},
    )
