"""A normalized view of a text for detection, with an exact map back to the original offsets.

Identifiers hide behind characters a reader does not see or reads as something else: an IBAN
grouped with no-break spaces, a national ID split by a zero-width space or a soft hyphen, digits
written fullwidth or in another script, an e-mail whose accents are decomposed (NFD/NFKD). The
view undoes that, character by character:

* invisible format characters (category Cf: zero-width space/joiners, U+2060, U+FEFF, the soft
  hyphen, bidi controls, tags) and other default-ignorable characters (variation selectors,
  the combining grapheme joiner, Hangul fillers) are removed;
* every Unicode space separator becomes ``" "``; line and paragraph separators become ``"\\n"``;
* every Unicode decimal digit becomes its ASCII digit (``str.isdecimal``/``unicodedata.decimal``);
* fullwidth ASCII forms (U+FF01-FF5E) become ASCII, and hyphen-like dashes become ``"-"``;
* base characters with their combining marks are composed (NFC).

Plain ASCII text is its own view (no work, no map). Spans found on the view are mapped back with
:meth:`NormalizedText.to_original`: a span covers the original characters of everything it
spans, hidden characters inside it included, so de-identifying those original offsets leaves
none of the identifier in clear. Cost is linear in the text; the map holds one entry per edit.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache

import attrs

from kp_core.types import Span

# Default-ignorable characters outside category Cf (which is removed as a whole).
_IGNORABLE = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xE0100, 0xE01EF),
)
_DASHES = "\u2010\u2011\u2012\u2013\u2212\ufe58\ufe63"
_NEWLINES = "\u0085\u2028\u2029"
# Hangul vowel and trailing jamo compose with the syllable before them (algorithmic, so absent
# from unicodedata's decomposition table).
_HANGUL_ATTACHING = ((0x1161, 0x1175), (0x11A8, 0x11C2))
# Planes with anything this view changes (the rest is ideographs, private use or unassigned).
_SCANNED = ((0x80, 0x30000), (0xE0000, 0xE1000))


@cache
def _tables() -> tuple[dict[str, str], re.Pattern[str]]:
    """Character replacements, and the pattern of what the view may change: a run of combining
    marks (``marks``; composed with the character before it), or a character replaced alone."""
    replace: dict[str, str] = {}
    attaching: set[int] = set()
    alone: set[int] = set()
    for low, high in _SCANNED:
        for cp in range(low, high):
            ch = chr(cp)
            category = unicodedata.category(ch)
            if category in ("Cn", "Co", "Cs"):
                continue
            if category == "Cf":
                replace[ch] = ""
            elif category == "Zs":
                replace[ch] = " "
            elif ch.isdecimal():
                replace[ch] = str(unicodedata.decimal(ch))
            if unicodedata.combining(ch):
                attaching.add(cp)
            decomposition = unicodedata.decomposition(ch)
            if decomposition and not decomposition.startswith("<"):
                if unicodedata.normalize("NFC", ch) != ch:
                    alone.add(cp)
                else:
                    parts = decomposition.split()
                    if len(parts) == 2:  # the second of a composing pair may compose with its predecessor
                        attaching.add(int(parts[1], 16))
    for low, high in (*_IGNORABLE,):
        for cp in range(low, high + 1):
            replace[chr(cp)] = ""
    for cp in range(0xFF01, 0xFF5F):
        replace.setdefault(chr(cp), chr(cp - 0xFEE0))
    for ch in _DASHES:
        replace[ch] = "-"
    for ch in _NEWLINES:
        replace[ch] = "\n"
    for low, high in _HANGUL_ATTACHING:
        attaching.update(range(low, high + 1))
    alone.update(ord(ch) for ch in replace)
    alone -= attaching
    # The cheap look-ahead skips ASCII at once; BMP and astral characters sit in separate classes
    # because only an all-BMP class compiles to a constant-time bitmap.
    pattern = re.compile(f"(?=[^\\x00-\\x7f])(?:(?P<marks>{_char_class(attaching)}+)|{_char_class(alone)})")
    return replace, pattern


def _char_class(codepoints: Iterable[int]) -> str:
    """A regex group matching one of ``codepoints``: a BMP class or an astral class."""
    ordered = sorted(set(codepoints))
    bmp = [cp for cp in ordered if cp < 0x10000]
    astral = [cp for cp in ordered if cp >= 0x10000]
    return "(?:" + "|".join(f"[{_ranges(part)}]" for part in (bmp, astral) if part) + ")"


def _ranges(ordered: list[int]) -> str:
    """The body of a character class holding exactly the sorted ``ordered`` code points."""
    parts: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        low, high = ordered[i], ordered[j]
        parts.append(f"\\U{low:08x}" if low == high else f"\\U{low:08x}-\\U{high:08x}")
        i = j + 1
    return "".join(parts)


@attrs.frozen
class NormalizedText:
    """``text`` is the normalized view of ``original``. ``_edits`` lists each changed stretch as
    (view start, view end, original start, original end), in order; between edits the view is a
    shifted copy of the original."""

    original: str
    text: str
    _edits: tuple[tuple[int, int, int, int], ...] = ()
    _view_starts: tuple[int, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self._edits)

    def _locate(self, i: int) -> tuple[int, int]:
        """The original characters [start, end) behind view character ``i``."""
        k = bisect_right(self._view_starts, i) - 1
        if k < 0:
            return i, i + 1
        view_start, view_end, orig_start, orig_end = self._edits[k]
        if i < view_end:
            return orig_start, orig_end
        shifted = i - view_end + orig_end
        return shifted, shifted + 1

    def changed_regions(self, margin: int) -> list[tuple[int, int]]:
        """Original stretches around the edits, ``margin`` characters on each side, merged where
        they meet; sorted. Outside them the view is an exact copy of the original."""
        regions: list[tuple[int, int]] = []
        for _, _, orig_start, orig_end in self._edits:
            start, end = max(0, orig_start - margin), min(len(self.original), orig_end + margin)
            if regions and start <= regions[-1][1]:
                regions[-1] = (regions[-1][0], end)
            else:
                regions.append((start, end))
        return regions

    def offsets_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the view's [start, end) (``end > start``): from the first original
        character behind ``start`` to the last one behind ``end - 1``, all hidden ones between."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"offsets {start}:{end} are not a non-empty range of the view (length {len(self.text)})")
        if not self._edits:
            return start, end
        return self._locate(start)[0], self._locate(end - 1)[1]

    def to_original(self, span: Span) -> Span:
        """``span`` (found on the view) on the original text; label, score and extras kept."""
        start, end = self.offsets_to_original(span.start, span.end)
        if (start, end) == (span.start, span.end) and span.text is None:
            return span
        text = None if span.text is None else self.original[start:end]
        return attrs.evolve(span, start=start, end=end, text=text)


def normalize(text: str) -> NormalizedText:
    """The detection view of ``text`` and its offset map (see the module docstring)."""
    if text.isascii():
        return NormalizedText(text, text)
    replace, pattern = _tables()
    pieces: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    copied = 0  # original offset up to which pieces hold the text
    view_length = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if match.lastgroup == "marks" and start > 0 and replace.get(text[start - 1]) != "":
            if edits and edits[-1][3] == start:  # the base was changed alone: redo it with its marks
                view_length, _, copied, _ = edits.pop()
                pieces.pop()
                start = copied
            else:
                start -= 1
        cluster = text[start:end]
        new = unicodedata.normalize("NFC", "".join([replace.get(ch, ch) for ch in cluster]))
        if new == cluster:
            continue
        pieces.append(text[copied:start])
        view_length += start - copied
        edits.append((view_length, view_length + len(new), start, end))
        pieces.append(new)
        view_length += len(new)
        copied = end
    if not edits:
        return NormalizedText(text, text)
    pieces.append(text[copied:])
    edits_tuple = tuple(edits)
    return NormalizedText(text, "".join(pieces), edits_tuple, tuple(e[0] for e in edits_tuple))
