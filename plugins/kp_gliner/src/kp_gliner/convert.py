"""kp rows -> GLiNER training records ``{tokenized_text, ner: [[first, last, phrase]], ner_labels}``.

Words come from the model's own word splitter, so training sees text exactly as inference does.
Long documents are cut into the same word windows as at inference (no truncation); a span goes to
every window that holds it whole. Spans that fit no word or no window are counted, never dropped
silently.
"""

from __future__ import annotations

import bisect
import random
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from kp_core.types import Example
from kp_gliner.chunking import plan_windows
from kp_gliner.detector import subword_counts
from kp_gliner.labels import PromptMap


class ConversionError(ValueError):
    pass


@attrs.frozen
class Converted:
    records: list[dict[str, Any]]
    documents: int
    spans: int
    issues: dict[str, int]  # reason -> count


def _word_range(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int] | None:
    """First and last word overlapping ``[start, end)`` (words are sorted and disjoint)."""
    first = bisect.bisect_right(ends, start)
    last = bisect.bisect_left(starts, end) - 1
    return (first, last) if first <= last else None


def to_records(
    examples: Sequence[Example],
    *,
    model: Any,
    prompts: PromptMap,
    max_words: int,
    overlap: int,
    subword_budget: int,
    seed: int,
) -> Converted:
    """Training records for ``examples``; ``prompts`` must give exactly one phrase per type."""
    splitter = model.data_processor.words_splitter
    tokenizer = model.data_processor.transformer_tokenizer
    max_types = int(model.config.max_types)
    phrase = {t: phrases[0] for t, phrases in prompts.prompts.items()}
    all_phrases = sorted(phrase.values())
    rng = random.Random(seed)
    issues: Counter[str] = Counter()
    records: list[dict[str, Any]] = []
    n_spans = 0
    words_per_doc = [list(splitter(ex.text)) for ex in examples]
    counts_per_doc = subword_counts(tokenizer, words_per_doc)
    for index, (example, words, counts) in enumerate(zip(examples, words_per_doc, counts_per_doc, strict=True)):
        gold: list[tuple[int, int, str]] = []
        starts, ends = [w[1] for w in words], [w[2] for w in words]
        for span in example.spans:
            if span.label not in phrase:
                where = example.doc_id or f"row {index + 1}"
                raise ConversionError(
                    f"{where}: span {span.start}:{span.end} is {span.label}, which the label mapping has no "
                    f"phrase for (mapping covers {', '.join(prompts.types)})"
                )
            words_of_span = _word_range(starts, ends, span.start, span.end)
            if words_of_span is None:
                issues["span covers no word"] += 1
                continue
            gold.append((*words_of_span, phrase[span.label]))
            n_spans += 1
        if not words:
            continue
        windows, _ = plan_windows(
            len(words), max_words=max_words, overlap=overlap, subword_counts=counts, subword_budget=subword_budget
        )
        placed = [False] * len(gold)
        for first, stop in windows:
            ner = []
            for k, (a, b, label) in enumerate(gold):
                if first <= a and b < stop:
                    ner.append([a - first, b - first, label])
                    placed[k] = True
            present = sorted({label for *_, label in ner})
            if len(all_phrases) <= max_types:
                labels = list(all_phrases)
            else:  # gliner reads at most max_types labels: gold types plus sampled negatives
                others = [p for p in all_phrases if p not in present]
                labels = present + rng.sample(others, max(0, max_types - len(present)))
            rng.shuffle(labels)
            records.append({"tokenized_text": [t for t, _, _ in words[first:stop]], "ner": ner, "ner_labels": labels})
        issues["span wider than a window"] += placed.count(False)
    return Converted(
        records=records, documents=len(examples), spans=n_spans, issues={k: v for k, v in issues.items() if v}
    )
