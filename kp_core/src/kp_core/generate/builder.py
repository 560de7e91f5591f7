"""Text assembly with span bookkeeping: append plain text and labelled values, get back the
document text and character spans that are correct by construction."""

from __future__ import annotations

_SPACE_BEFORE_PUNCT = frozenset(",.;:)]!?»”")


class DocBuilder:
    """Appends text pieces and tracks the spans of labelled values.

    Two labelled values never share a whitespace token (the strict gold grid would reject
    that), so a space is inserted when nothing but punctuation separates them. With
    ``spaced`` set, punctuation right after a value is written with a space before it
    (``Popescu , tel.``), as some authored corpora do; otherwise it is glued (``Popescu, tel.``).
    """

    __slots__ = ("_parts", "_length", "spans", "spaced", "_space_since_value", "_after_value")

    def __init__(self, spaced: bool = False) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.spans: list[tuple[int, int, str]] = []
        self.spaced = spaced
        self._space_since_value = True
        self._after_value = False

    def text(self, piece: str) -> None:
        if not piece:
            return
        if self._after_value and piece[0] == "." and piece[1:2] != "." and self._parts[-1][-1] == ".":
            # A value that ends in its own full stop (Hungarian "2021. 03. 15.", Croatian
            # "15.03.2021.", "s.r.o.") also ends the sentence: no second stop.
            piece = piece[1:]
            if not piece:
                return
        if self._after_value and self.spaced and piece[0] in _SPACE_BEFORE_PUNCT:
            piece = " " + piece
        self._after_value = False
        if not self._space_since_value and any(ch.isspace() for ch in piece):
            self._space_since_value = True
        self._parts.append(piece)
        self._length += len(piece)

    def value(self, label: str | None, value: str) -> None:
        """Append ``value``; labelled when ``label`` is a KP type, plain text when None."""
        if label is None:
            self.text(value)
            return
        if not self._space_since_value:
            self._parts.append(" ")
            self._length += 1
        if self.spaced and self._parts and self._parts[-1][-1:] in "(«„“[":
            self._parts.append(" ")
            self._length += 1
        start = self._length
        self._parts.append(value)
        self._length += len(value)
        self.spans.append((start, self._length, label))
        self._space_since_value = False
        self._after_value = True

    def newline(self, count: int = 1) -> None:
        self.text("\n" * count)

    @property
    def length(self) -> int:
        return self._length

    def build(self) -> tuple[str, list[tuple[int, int, str]]]:
        return "".join(self._parts), self.spans
