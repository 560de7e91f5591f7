"""The kp Detector over a GLiNER model: KP-typed prompts, per-type thresholds, batching across
documents, and word windows instead of truncation."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import attrs

from kp_core.types import Span
from kp_gliner.chunking import Candidate, Chunking, merge_window_predictions, plan_windows
from kp_gliner.labels import PromptMap
from kp_gliner.thresholds import Thresholds

FAMILY = "gliner"
DEFAULT_OVERLAP = 32  # words; more than GLiNER's widest span (max_width, 12 by default)
_SANE_MAX_LENGTH = 1_000_000  # tokenizers without a limit report ~1e30


class TruncationError(RuntimeError):
    """gliner's tokenizer dropped words of a window: a bug in the window planning, never silent."""


@attrs.frozen
class Prediction:
    """Spans of one text and how the text was read."""

    spans: tuple[Span, ...]
    chunking: Chunking


def subword_budget(model: Any, phrases: Sequence[str]) -> int:
    """Subwords left for text in one window: the encoder's limit minus the prompt and specials."""
    tokenizer = model.data_processor.transformer_tokenizer
    limits = [tokenizer.model_max_length]
    encoder_config = getattr(model.config, "encoder_config", None)
    positions = getattr(encoder_config, "max_position_embeddings", None)
    if positions:
        # RoBERTa-style encoders spend two positions on the padding offset.
        offset = 2 if getattr(encoder_config, "model_type", "") in ("roberta", "xlm-roberta") else 0
        limits.append(positions - offset)
    limit = min(x for x in limits if x and x < _SANE_MAX_LENGTH)
    prompt_words, _ = model.data_processor.prepare_inputs([[]], list(phrases))
    prompt = len(tokenizer(prompt_words[0], is_split_into_words=True)["input_ids"])
    budget = limit - prompt
    if budget < 8:
        raise ValueError(
            f"the prompt ({len(phrases)} label phrases, {prompt} subwords) leaves {budget} of {limit} "
            "subwords for text; use fewer labels"
        )
    return budget


def subword_counts(tokenizer: Any, words: Sequence[Sequence[tuple[str, int, int]]]) -> list[list[int]]:
    """Subwords of each word of each text, from one batched tokenizer call."""
    nonempty = [i for i, w in enumerate(words) if w]
    counts: list[list[int]] = [[] for _ in words]
    if not nonempty:
        return counts
    encoded = tokenizer(
        [[t for t, _, _ in words[i]] for i in nonempty],
        is_split_into_words=True,
        add_special_tokens=False,
        verbose=False,  # whole texts are longer than the model limit on purpose: only counting here
    )
    for row, i in enumerate(nonempty):
        per_word = [0] * len(words[i])
        for word_id in encoded.word_ids(row):
            if word_id is not None:
                per_word[word_id] += 1
        # A word the tokenizer drops entirely still occupies its slot in gliner's word list.
        counts[i] = [max(1, c) for c in per_word]
    return counts


@contextmanager
def _per_type_thresholds(decoder: Any, minimum: dict[str, float]) -> Iterator[None]:
    """Filter gliner's candidate spans by per-phrase thresholds before its overlap resolution, so a
    span below its own type's threshold can never block a valid one (filtering afterwards could)."""
    original = decoder.greedy_search
    shadowed = "greedy_search" in vars(decoder)

    def greedy_search(spans: list, flat_ner: bool = True, multi_label: bool = False) -> list:
        kept = [s for s in spans if s.score > minimum[s.entity_type]]
        return original(kept, flat_ner, multi_label=multi_label)

    decoder.greedy_search = greedy_search
    try:
        yield
    finally:
        if shadowed:
            decoder.greedy_search = original
        else:
            del decoder.greedy_search


class GlinerDetector:
    """``predict_spans(texts)`` for the SDK and evaluator; ``predict(texts)`` adds the chunking."""

    name = FAMILY

    def __init__(
        self,
        model: Any,
        *,
        model_id: str,
        prompts: PromptMap,
        thresholds: Thresholds,
        batch_size: int = 8,
        max_words: int | None = None,
        overlap: int = DEFAULT_OVERLAP,
    ) -> None:
        limit = int(model.config.max_len)
        if max_words is None:
            max_words = limit
        if not 1 <= max_words <= limit:
            raise ValueError(f"max_words must be in 1..{limit} (the model's max_len), got {max_words}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        self.model = model
        self.model_id = model_id
        self.prompts = prompts
        self.thresholds = thresholds
        self.batch_size = batch_size
        self.max_words = max_words
        self.overlap = overlap
        self._phrases = prompts.phrases()
        self._phrase_type = prompts.inverse()
        self._phrase_threshold = {p: thresholds.for_type(t) for p, t in self._phrase_type.items()}
        self._lowest = min(self._phrase_threshold.values())
        self._tokenizer = model.data_processor.transformer_tokenizer
        self._subword_budget = subword_budget(model, self._phrases)
        self._collator = model.create_collator()

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        return [list(p.spans) for p in self.predict(texts)]

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        words = [list(self.model.data_processor.words_splitter(text)) for text in texts]
        counts = subword_counts(self._tokenizer, words)
        plans = []
        jobs: list[tuple[int, int, int, list[str]]] = []  # (text index, window index, first word, words)
        for i, (text_words, text_counts) in enumerate(zip(words, counts, strict=True)):
            windows, oversized = plan_windows(
                len(text_words),
                max_words=self.max_words,
                overlap=self.overlap,
                subword_counts=text_counts,
                subword_budget=self._subword_budget,
            )
            plans.append((windows, oversized))
            for w, (first, stop) in enumerate(windows):
                jobs.append((i, w, first, [t for t, _, _ in text_words[first:stop]]))
        decoded = self._run(jobs)
        out = []
        for i, (text, text_words) in enumerate(zip(texts, words, strict=True)):
            windows, oversized = plans[i]
            per_window = [decoded.get((i, w), []) for w in range(len(windows))]
            merged = merge_window_predictions(per_window, windows, len(text_words))
            spans = tuple(
                Span(
                    start=text_words[c.first][1],
                    end=text_words[c.last][2],
                    label=c.label,
                    score=min(1.0, max(0.0, c.score)),
                    text=text[text_words[c.first][1] : text_words[c.last][2]],
                )
                for c in merged
            )
            chunking = Chunking(
                words=len(text_words),
                windows=tuple(windows),
                char_ranges=tuple((text_words[a][1], text_words[b - 1][2]) for a, b in windows),
                max_words=self.max_words,
                overlap=self.overlap,
                subword_budget=self._subword_budget,
                oversized_words=oversized,
            )
            out.append(Prediction(spans=spans, chunking=chunking))
        return out

    def _run(self, jobs: list[tuple[int, int, int, list[str]]]) -> dict[tuple[int, int], list[Candidate]]:
        """Run every window of every text, longest first so a batch pads little; candidates come
        back in the text's word indices."""
        import torch

        order = sorted(range(len(jobs)), key=lambda j: -len(jobs[j][3]))
        results: dict[tuple[int, int], list[Candidate]] = {}
        was_training = self.model.training
        self.model.eval()
        try:
            with torch.inference_mode(), _per_type_thresholds(self.model.decoder, self._phrase_threshold):
                for start in range(0, len(order), self.batch_size):
                    chunk = [jobs[j] for j in order[start : start + self.batch_size]]
                    input_x = [{"tokenized_text": w, "ner": None} for *_, w in chunk]
                    batch = self.model.collate_batch(input_x, self._phrases, self._collator)
                    self._check_no_truncation(batch, [len(w) for *_, w in chunk])
                    output = self.model.run_batch(batch, threshold=self._lowest)
                    decoded = self.model.decode_batch(
                        output, batch, threshold=self._lowest, flat_ner=True, multi_label=False
                    )
                    for (text_index, window_index, offset, _), spans in zip(chunk, decoded, strict=True):
                        results[(text_index, window_index)] = [
                            Candidate(
                                first=offset + s.start,
                                last=offset + s.end,
                                label=self._phrase_type[s.entity_type],
                                score=float(s.score),
                            )
                            for s in spans
                        ]
        finally:
            self.model.train(was_training)
        return results

    @staticmethod
    def _check_no_truncation(batch: dict[str, Any], lengths: list[int]) -> None:
        read = batch["words_mask"].max(dim=1).values.tolist()
        for row, (got, want) in enumerate(zip(read, lengths, strict=True)):
            if got != want:
                raise TruncationError(f"window {row} of a batch: the tokenizer kept {got} of {want} words")
