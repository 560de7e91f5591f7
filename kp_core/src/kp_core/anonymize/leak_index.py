"""Leak windows indexed once per document, so that checking a candidate costs time in its own
length, not in the number of values in the document.

A document's index maps every 4-character window (whitespace removed) and every word of 3+
letters of its PII values to the value that holds it (or to "several values"). Checking a
candidate surrogate against its neighbours is then a handful of dictionary look-ups per document
the entity occurs in: pseudonymizing a document is linear in its length, where comparing each
value with every other value of a long document was quadratic.

The index also keeps what the whole-document rule needs: the windows of the document's
national IDs and, for each value, the non-PII characters written right around its occurrences.

A document longer than :data:`SECTION_CHARS` is indexed in sections of about that length (cut
between spans): its values are neighbours of the values of their own section. In a document of
megabytes, the PII values together hold nearly every 4-digit window, so a rule against all of
them would reject every numeric surrogate; a section is what a reader sees at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from kp_core.anonymize.leaks import LEAK_WINDOW, RelaxedSource, squeeze, windows, words
from kp_core.types import Span

SECTION_CHARS = 8_000  # longer than almost every real record: those are one section
# A window held by two or more distinct values: whichever value asks, another one holds it.
_SEVERAL = ""
# The direct identifiers whose windows may not appear anywhere in a pseudonymized document:
# EuroPriv-Bench's redaction_leakage scores national IDs over the whole output document.
WHOLE_DOCUMENT_LABELS = frozenset({"NATIONAL_ID"})


def _note(index: dict[str, str], item: str, key: str) -> None:
    owner = index.get(item)
    if owner is None:
        index[item] = key
    elif owner != key:
        index[item] = _SEVERAL


def _windows4(squeezed: str) -> set[str]:
    return {squeezed[i : i + LEAK_WINDOW] for i in range(len(squeezed) - LEAK_WINDOW + 1)}


@attrs.define
class DocumentWindows:
    """One document's values, indexed: windows and words of non-date and of date values apart (a
    date is not held against the other dates of its document, see the pseudonymizer)."""

    plain: dict[str, str] = attrs.field(factory=dict)  # window → key, or _SEVERAL
    dates: dict[str, str] = attrs.field(factory=dict)
    plain_words: dict[str, str] = attrs.field(factory=dict)
    date_words: dict[str, str] = attrs.field(factory=dict)
    id_windows: set[str] = attrs.field(factory=set)  # windows of the document's national IDs
    keys: set[str] = attrs.field(factory=set)  # every value's key
    # key → distinct (non-PII text before, surface, non-PII text after), whitespace removed,
    # LEAK_WINDOW - 1 characters each: only kept when the document has national IDs.
    contexts: dict[str, set[tuple[str, str, str]]] = attrs.field(factory=dict)

    def add(self, key: str, value: str, is_date: bool, label: str) -> None:
        self.keys.add(key)
        squeezed = squeeze(value)
        if len(squeezed) >= LEAK_WINDOW:  # a 1-3 character neighbour identifies nobody
            target = self.dates if is_date else self.plain
            for window in _windows4(squeezed):
                _note(target, window, key)
            if label in WHOLE_DOCUMENT_LABELS:
                self.id_windows.update(_windows4(squeezed))
            target_words = self.date_words if is_date else self.plain_words
            for word in words(value):
                _note(target_words, word, key)

    @classmethod
    def of_document(
        cls, text: str, spans: Sequence[Span], key_of: Callable[[str], str], is_date: Callable[[str], bool]
    ) -> list[tuple[DocumentWindows, list[str]]]:
        """The indexes of one document's (sorted, non-overlapping) spans, one per section, each
        with the keys of the values it holds (in order, without repeats)."""
        sections: list[tuple[DocumentWindows, list[str]]] = []
        first = 0
        for i in range(len(spans)):
            if i == len(spans) - 1 or spans[i + 1].start - spans[first].start > SECTION_CHARS:
                sections.append(cls._of_section(text, spans, first, i + 1, key_of, is_date))
                first = i + 1
        return sections

    @classmethod
    def _of_section(
        cls,
        text: str,
        spans: Sequence[Span],
        first: int,
        stop: int,
        key_of: Callable[[str], str],
        is_date: Callable[[str], bool],
    ) -> tuple[DocumentWindows, list[str]]:
        index, keys = cls(), {}
        for span in spans[first:stop]:
            value = text[span.start : span.end]
            key = key_of(value)
            if key:
                index.add(key, value, is_date(key), span.label)
                keys.setdefault(key, None)
        if index.id_windows:
            index._add_contexts(text, spans, first, stop, key_of)
        return index, list(keys)

    @classmethod
    def of_values(cls, values: Iterable[tuple[str, str]]) -> DocumentWindows:
        """An index of loose ``(key, value)`` pairs (no text around them, no dates)."""
        index = cls()
        for key, value in values:
            if key:
                index.add(key, value, False, "")
        return index

    def _add_contexts(
        self, text: str, spans: Sequence[Span], first: int, stop: int, key_of: Callable[[str], str]
    ) -> None:
        need = LEAK_WINDOW - 1
        for i in range(first, stop):
            span = spans[i]
            key = key_of(text[span.start : span.end])
            if not key:
                continue
            # Only text that stays as it is: the context stops at a neighbouring span.
            floor = spans[i - 1].end if i else 0
            ceiling = spans[i + 1].start if i + 1 < len(spans) else len(text)
            before = _gather(text, span.start - 1, floor - 1, -1, need)[::-1]
            after = _gather(text, span.end, ceiling, 1, need)
            self.contexts.setdefault(key, set()).add((before, text[span.start : span.end], after))


def _gather(text: str, start: int, stop: int, step: int, need: int) -> str:
    """Up to ``need`` non-whitespace characters of ``text`` from ``start`` towards ``stop``."""
    found: list[str] = []
    for i in range(start, stop, step):
        if not text[i].isspace():
            found.append(text[i])
            if len(found) == need:
                break
    return "".join(found)


def _held(index: dict[str, str], item: str, key: str) -> bool:
    owner = index.get(item)
    return owner is not None and owner != key


@attrs.define
class LeakGuard:
    """The leak rules for one entity, against its own source and the documents it occurs in.

    ``exempt``: the entity's kept format parts (:func:`kp_core.anonymize.surrogates.kept_prefix`);
    a window or word inside it is never held against a candidate, except by the whole-document
    rule, which nothing exempts."""

    key: str
    value: str
    exempt: str
    is_date: bool
    documents: Sequence[DocumentWindows]
    render: Callable[[str, str], str]  # (surface, surrogate) → the surrogate as written there
    _own: frozenset[str] = attrs.field(init=False)
    _own_relaxed: RelaxedSource = attrs.field(init=False)
    _kept_words: frozenset[str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self._own = frozenset(w for w in windows(self.value) if w not in self.exempt)
        self._own_relaxed = RelaxedSource.of(self.value, self.exempt)
        self._kept_words = words(self.exempt)

    def _window_indexes(self, document: DocumentWindows) -> tuple[dict[str, str], ...]:
        return (document.plain,) if self.is_date else (document.plain, document.dates)

    def own(self, checked: str) -> bool:
        """Does ``checked`` share a window with the source?"""
        haystack = squeeze(checked)
        return any(w in haystack for w in self._own)

    def strict(self, checked: str) -> bool:
        """Does ``checked`` share a window with the source or with a neighbouring value?"""
        if self.own(checked):
            return True
        haystack = squeeze(checked)
        for window in _windows4(haystack):
            if window in self.exempt:
                continue
            for document in self.documents:
                if any(_held(index, window, self.key) for index in self._window_indexes(document)):
                    return True
        return False

    def relaxed(self, checked: str) -> bool:
        """The relaxed rule: a shared word (3+ letters) or a shared window of 4 digits."""
        found = words(checked)
        haystack = squeeze(checked)
        own = self._own_relaxed
        if found & own.words or any(w in haystack for w in own.digit_windows):
            return True
        digit_windows = [w for w in _windows4(haystack) if w.isdigit()]
        for document in self.documents:
            word_indexes = (document.plain_words,) if self.is_date else (document.plain_words, document.date_words)
            for word in found - self._kept_words:
                if any(_held(index, word, self.key) for index in word_indexes):
                    return True
            for window in digit_windows:
                if any(_held(index, window, self.key) for index in self._window_indexes(document)):
                    return True
        return False

    def names_a_neighbour(self, candidate_key: str) -> bool:
        """Is the candidate another value of a document the entity occurs in? (Under the relaxed
        rule "Fővárosi Törvényszék", all kept words, would pass for another court of the list.)"""
        return candidate_key != self.key and any(candidate_key in d.keys for d in self.documents)

    def whole_document(self, candidate: str) -> bool:
        """Would ``candidate``, written where the entity occurs, put a window of one of the
        document's national IDs into the output (alone or with the characters around it)?"""
        for document in self.documents:
            if not document.id_windows:
                continue
            for before, surface, after in document.contexts.get(self.key, ()):
                written = before + squeeze(self.render(surface, candidate)) + after
                if not _windows4(written).isdisjoint(document.id_windows):
                    return True
        return False
