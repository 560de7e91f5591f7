"""Pseudonymizing a long document is linear in its length: the work (Python function calls,
counted by cProfile, not timed) and the peak memory (tracemalloc) of a document four times as
long are about four times as large, not sixteen. Comparing every value with every other value
of the document, as the pseudonymizer once did, was quadratic in both."""

from __future__ import annotations

import cProfile
import pstats
import tracemalloc

from kp_core.anonymize.leaks import squeeze
from kp_core.anonymize.pseudonymizer import DocumentResult, Pseudonymizer
from kp_core.generate import generate_rows
from kp_core.types import Span

KEY = b"long-document-test-key-0123456789"
SMALL = 40_000  # characters; the large document is four times as long


def long_document(chars: int, seed: int = 3) -> tuple[str, list[Span]]:
    """Generated documents joined by newlines, with their gold spans moved to the joined text."""
    parts, spans, offset = [], [], 0
    for row in generate_rows(n=10**6, seed=seed):
        if offset >= chars:
            break
        parts.append(row["text"])
        spans += [Span(offset + s["start"], offset + s["end"], s["label"]) for s in row["spans"]]
        offset += len(row["text"]) + 1
    return "\n".join(parts), spans


def _pseudonymize(text: str, spans: list[Span]) -> DocumentResult:
    [result] = Pseudonymizer(KEY).pseudonymize([text], [spans])
    return result


def _calls(text: str, spans: list[Span]) -> int:
    profiler = cProfile.Profile()
    profiler.runcall(_pseudonymize, text, spans)
    return pstats.Stats(profiler).total_calls


def _peak(text: str, spans: list[Span]) -> int:
    tracemalloc.start()
    try:
        _pseudonymize(text, spans)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_work_and_memory_grow_linearly_with_document_length():
    small, large = long_document(SMALL), long_document(4 * SMALL)
    size_ratio = len(large[0]) / len(small[0])
    assert 3.5 < size_ratio < 4.5 and len(large[1]) > 3 * len(small[1])
    calls = _calls(*large) / _calls(*small)
    peak = _peak(*large) / _peak(*small)
    # Linear: about size_ratio. Quadratic would be about size_ratio ** 2 (16).
    assert calls < 1.6 * size_ratio, f"calls grew {calls:.1f}x for {size_ratio:.1f}x the text"
    assert peak < 1.6 * size_ratio, f"peak memory grew {peak:.1f}x for {size_ratio:.1f}x the text"


def test_a_long_document_is_pseudonymized_whole_and_without_tokens():
    text, spans = long_document(4 * SMALL)
    result = _pseudonymize(text, spans)
    assert len(result.spans) == len(spans)
    tokens = [
        s.label for s in result.spans if result.surrogates[text[s.start : s.end]].upper().startswith(f"{s.label}-")
    ]
    assert tokens == []
    # Every span was rewritten; the text between spans is untouched.
    assert squeeze(text[: spans[0].start]) == squeeze(result.text[: spans[0].start])
