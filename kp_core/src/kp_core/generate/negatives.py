"""Documents without personal data, and hard negatives, derived from the generator's own documents.

No phrase content of its own: a derived document is cut from generated documents by lines, so
every language, domain and genre gets them with the wording, layout and boilerplate of its own
documents.

- ``clean``: every line that holds a span is dropped (headers, lab values, boilerplate and
  narrative lines without entities stay). Zero spans: level ``none``, PERSONAL_DATA 0.
- ``hard_negative``: only the lines whose spans are all of :data:`HARD_NEGATIVE_TYPES`
  (organisations, courts, facilities, statute references, dates) stay, with those spans, re-offset.
  No person, contact, identifier or health condition is left, so the level is ``quasi``: hard for
  a model that must call "direct" and "special", while honest about PERSONAL_DATA, which is 1 for
  them as for any document holding a span (routing must never skip a document with spans).

A line is a stretch between newlines that no span crosses. Lines of one or more source documents
(same language, domain and genre) are joined until the text is at least ``min_chars`` long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

CLEAN = "clean"
HARD_NEGATIVE = "hard_negative"
DOCUMENT = "document"
KINDS = (DOCUMENT, CLEAN, HARD_NEGATIVE)

# Quasi-identifiers that say nothing about a person by themselves. COMPANY_ID is left out: the
# taxonomy makes it a direct identifier, so a document holding one is level "direct", not a hard
# negative. PROVIDER (a clinician's name) and URL are left out as they may name or reach a person.
HARD_NEGATIVE_TYPES = frozenset({"ORG_PARTY", "COURT", "FACILITY", "STATUTE_REF", "DATE"})
MIN_CHARS = 200
# Sources a derived document may be joined from before it is taken as it is (a guard: every
# language and domain reaches MIN_CHARS with far fewer).
MAX_SOURCES = 16
SOURCE_SEPARATOR = "\n\n"

SpanTuple = tuple[int, int, str]
_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")


def _lines(text: str, spans: list[SpanTuple]) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``text``, the newline excluded; a newline inside a span does
    not end a line."""
    inside = set()
    for start, end, _ in spans:
        inside.update(i for i in range(start, end) if text[i] == "\n")
    start = 0
    for pos, char in enumerate(text):
        if char == "\n" and pos not in inside:
            yield start, pos
            start = pos + 1
    yield start, len(text)


def keep_lines(text: str, spans: Iterable[SpanTuple], allowed: frozenset[str]) -> tuple[str, list[SpanTuple]]:
    """``text`` with only its lines whose spans are all of ``allowed`` types (no spans at all for
    an empty set), and those spans moved to their new offsets. Blank runs fold to one blank line,
    and the ends are stripped, as a document would be written."""
    ordered = sorted(spans)
    pieces: list[str] = []
    kept: list[SpanTuple] = []
    length = 0
    for line_start, line_end in _lines(text, ordered):
        own = [s for s in ordered if line_start <= s[0] and s[1] <= line_end]
        if any(label not in allowed for _, _, label in own):
            continue
        offset = length - line_start
        kept.extend((start + offset, end + offset, label) for start, end, label in own)
        pieces.append(text[line_start:line_end])
        length += line_end - line_start + 1  # the newline that joins it to the next line
    return _tidy("\n".join(pieces), kept)


def _tidy(text: str, spans: list[SpanTuple]) -> tuple[str, list[SpanTuple]]:
    """Fold runs of blank lines to one and strip the ends, moving spans with the text."""
    out: list[str] = []
    moves: list[tuple[int, int]] = []  # (position in the input, characters removed before it)
    removed = 0
    pos = 0
    for match in _BLANK_RUNS.finditer(text):
        out.append(text[pos : match.start()])
        out.append("\n\n")
        removed += (match.end() - match.start()) - 2
        moves.append((match.end(), removed))
        pos = match.end()
    out.append(text[pos:])
    folded = "".join(out)

    def shift(offset: int) -> int:
        gone = 0
        for at, total in moves:
            if offset >= at:
                gone = total
        return offset - gone

    lead = len(folded) - len(folded.lstrip())
    stripped = folded.strip()
    moved = [(shift(s) - lead, shift(e) - lead, label) for s, e, label in spans]
    return stripped, moved


def derive(
    kind: str, sources: Iterable[tuple[str, list[SpanTuple]]], *, min_chars: int = MIN_CHARS
) -> tuple[str, list[SpanTuple], int]:
    """A ``clean`` or ``hard_negative`` document from ``sources`` (text and span tuples of
    generated documents, taken in order until the result is long enough, and for a hard negative
    holds a span); returns its text, spans and how many sources it used."""
    if kind not in (CLEAN, HARD_NEGATIVE):
        raise ValueError(f"unknown derived kind {kind!r}; known: {CLEAN}, {HARD_NEGATIVE}")
    allowed = HARD_NEGATIVE_TYPES if kind == HARD_NEGATIVE else frozenset()
    text = ""
    spans: list[SpanTuple] = []
    used = 0
    for source_text, source_spans in sources:
        used += 1
        part, part_spans = keep_lines(source_text, source_spans, allowed)
        if part:
            offset = len(text) + len(SOURCE_SEPARATOR) if text else 0
            text = f"{text}{SOURCE_SEPARATOR}{part}" if text else part
            spans.extend((s + offset, e + offset, label) for s, e, label in part_spans)
        long_enough = len(text) >= min_chars and (kind == CLEAN or spans)
        if long_enough or used >= MAX_SOURCES:
            break
    return text, spans, used
