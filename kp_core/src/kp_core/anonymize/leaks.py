"""The EuroPriv-Bench leak rule, used to keep surrogates from echoing PII.

A value survives in a text iff, with all whitespace removed from both, some window of
``min(4, len(value))`` characters of the value occurs in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

LEAK_WINDOW = 4


def squeeze(text: str) -> str:
    return "".join(text.split())


def windows(value: str) -> frozenset[str]:
    """Every leak window of a value (whitespace removed); empty for an empty value."""
    v = squeeze(value)
    if not v:
        return frozenset()
    k = min(LEAK_WINDOW, len(v))
    return frozenset(v[i : i + k] for i in range(len(v) - k + 1))


def survives(value: str, text: str) -> bool:
    """The harness's ``value_survives``: does any leak window of ``value`` occur in ``text``?"""
    haystack = squeeze(text)
    return any(w in haystack for w in windows(value))


_MASK_WORDS = frozenset({"REDACTED", "MASK", "MASKED", "PII", "ANONYMIZED", "HIDDEN", "REMOVED"})
_MASK_CHARS = frozenset("*#_-xX")


def looks_like_mask(text: str) -> bool:
    """Does any whitespace token of ``text`` count as a mask token under the harness's
    ``structural_disruption`` rule (bracket-stripped; a mask word, only '█', or 2+ of ``*#_-xX``)?"""
    for token in text.split():
        core = token.strip("[](){}<>")
        if not core:
            continue
        if core.upper() in _MASK_WORDS or set(core) == {"█"} or (len(core) >= 2 and set(core) <= _MASK_CHARS):
            return True
    return False


_WORD_RE = re.compile(r"[^\W\d_]{3,}")


def words(text: str) -> frozenset[str]:
    """The words of 3+ letters of ``text``, case-folded (what the relaxed rule compares)."""
    return frozenset(w.casefold() for w in _WORD_RE.findall(text))


@attrs.frozen
class RelaxedSource:
    """What the relaxed rule compares for natural-language values: words and digit windows."""

    words: frozenset[str]
    digit_windows: frozenset[str]

    @classmethod
    def of(cls, value: str, exempt: str = "") -> RelaxedSource:
        """``exempt``: kept format parts (a top-level domain) whose words may be shared."""
        return cls(words(value) - words(exempt), frozenset(w for w in windows(value) if w.isdigit()))


def leaks_relaxed(candidate: str, sources: Iterable[RelaxedSource]) -> bool:
    """The relaxed rule: a shared word (3+ letters) or a shared window of 4 digits."""
    found = words(candidate)
    haystack = squeeze(candidate)
    return any(found & s.words or any(w in haystack for w in s.digit_windows) for s in sources)
