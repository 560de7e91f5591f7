"""The rules detector's work grows linearly with the document, counted in executed Python lines
(deterministic, unlike wall-clock time), and settling overlaps keeps the old pairwise meaning."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from kp_core.rules import detector as rules
from kp_core.rules.detector import RulesDetector
from kp_core.types import Span

# Dense in candidates (ID, IBAN, phone, dates, e-mail, a number that validates as nothing), on
# one line, so any work per pair of candidates, or per candidate and line length, shows.
_CHUNK = (
    "CNP 1800101221144, IBAN RO49 AAAA 1B31 0075 9384 0000, tel. +40 721 234 567, "
    "born 03.02.1985, mail ana.pop@example.ro, ref 4111 1111 1111 1112; 3 martie 2021. "
)
_HIDDEN_CHUNK = (
    "CNP 180010\u200b1221144, IBAN RO49\u00a0AAAA\u00a01B31\u00a00075\u00a09384\u00a00000, "
    "tel. +40 \u0667\u0662\u0661 234 567, mail jose\u0301@exa\u0301mple.es; 3 martie 2021. "
)


def _lines_executed(fn, *args) -> int:
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()  # a coverage tool's tracer, put back afterwards
    sys.settrace(tracer)
    try:
        fn(*args)
    finally:
        sys.settrace(previous)
    return count


def _growth(chunk: str, small: int) -> tuple[float, int]:
    detector = RulesDetector()
    detector.find(chunk)  # patterns compiled, tables built: not part of the count
    small_work = _lines_executed(detector.find, chunk * small)
    large_work = _lines_executed(detector.find, chunk * (4 * small))
    return large_work / small_work, len(detector.find(chunk * small))


def test_detection_work_is_linear_in_the_document_size():
    # 4x the text must cost about 4x the work; the pairwise settle cost about 16x here.
    ratio, spans = _growth(_CHUNK, 60)
    assert spans >= 6 * 60
    assert ratio < 4.4, ratio


def test_detection_work_is_linear_with_hidden_characters_too():
    ratio, spans = _growth(_HIDDEN_CHUNK, 60)
    assert spans >= 5 * 60
    assert ratio < 4.4, ratio


def test_a_context_check_reads_a_bounded_window_of_a_long_line():
    scanned: list[int] = []

    class Watched(str):
        def rfind(self, sub, start=None, end=None):  # noqa: ANN001, ANN201
            scanned.append((len(self) if end is None else end) - (start or 0))
            return str.rfind(self, sub, start, end)

    line = Watched("tel. 021 312 4567, " * 2000)
    assert RulesDetector().find(line)
    assert scanned and max(scanned) <= rules._CONTEXT_CHARS


def _pairwise_settle(spans: list[Span]) -> list[Span]:
    """The definition: by priority, longest, earliest; kept unless it overlaps a kept span."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (rules._PRIORITY[s.label], -(s.end - s.start), s.start)):
        if not any(span.overlaps(k) for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


_SPANS = st.lists(
    st.builds(
        lambda start, length, label: Span(start, start + length, label, 0.9),
        st.integers(0, 60),
        st.integers(1, 12),
        st.sampled_from(sorted(rules._PRIORITY)),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_linear_settle_keeps_exactly_what_the_pairwise_definition_keeps(spans):
    assert rules._settle(spans) == _pairwise_settle(spans)


def _best_seconds(fn, text: str, repeats: int = 5) -> float:
    import time

    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def test_an_email_local_part_is_bounded_so_runs_of_its_characters_stay_linear():
    # Regex work is invisible to the line count: this one compares times, 4x the text against
    # a generous 8x (an unbounded local part made it 16x, rescanning "a%a%..." from every "a").
    detector = RulesDetector()
    detector.find("x")
    small, large = "a%" * 4_000, "a%" * 16_000
    assert _best_seconds(detector.find, large) < 8 * _best_seconds(detector.find, small)
    # The bound is RFC 5321's 64 characters: longer local parts are not addresses.
    assert [s.label for s in detector.find("x" * 64 + "@example.ro")] == ["EMAIL"]
    assert not detector.find("x" * 65 + "@example.ro")
