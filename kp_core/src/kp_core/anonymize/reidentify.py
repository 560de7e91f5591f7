"""Re-identification: put the sources back in place of the surrogates of a pseudonymized text.

Two paths:

* **Exact** — the text is an output of the pseudonymizer, unchanged. The vault holds a record
  for it (found by a keyed hash of the whole text): the output offsets of every surrogate and the
  source text that stood there, with its casing and spacing. Restoring splices those sources
  back in: the result equals the source document character for character, whatever else the
  text contains (a lab range ``135-145`` stays, even when ``145`` is some surrogate) and however
  short the surrogates are. Cost: one keyed hash of the text, one indexed look-up, one
  decryption — O(length of the text), independent of the vault's size.
* **Fallback** — no record matches (the text was edited, or pseudonymized without this vault,
  or by a version that kept no records). Runs of whole tokens that equal a recorded surrogate
  (compared whitespace-removed and case-folded, as the pseudonymizer compares values) are
  replaced, the longest leftmost first; a run never starts or ends inside a word or number.
  Candidates are looked up by keyed hash in the vault's index (only matches are decrypted);
  their number is bounded by the text's length times the token boundaries within the longest
  surrogate. It guarantees that every surrogate left intact, as whole tokens, is restored
  (unless it lies inside a longer run, starting no later, that equals another surrogate). It
  cannot tell a surrogate from the same characters written by someone else: a number or word
  of the edited text that equals some recorded surrogate is replaced too. A surrogate that was
  cut or partly retyped is not restored. Casing follows the text: the surrogate as recorded →
  the source as recorded; all upper case → the source upper-cased; all lower case → lower-cased;
  a source written with other spacing or casing in its document comes back in its recorded form.
  ``fallback=False`` refuses such texts instead (:class:`UnrecordedTextError`).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator, Sequence

import attrs

from kp_core.anonymize.casing import case_like
from kp_core.anonymize.vault import Replacement, Vault, VaultError, source_key

_STARTS_PER_QUERY = 2_000  # token starts whose candidates are looked up together (bounds memory)


class UnrecordedTextError(VaultError):
    """The vault holds no record of this text and the fallback was refused."""


@attrs.frozen
class Reidentified:
    text: str
    exact: bool  # restored from the document's record (False: the token fallback)
    restored: int  # how many surrogates were replaced


def reidentify(vault: Vault, text: str, *, fallback: bool = True) -> Reidentified:
    """Restore ``text`` (see the module doc for what each path guarantees)."""
    record = vault.replacements(text)
    if record is not None:
        return Reidentified(restore_recorded(text, record, vault), True, len(record))
    if not fallback:
        raise UnrecordedTextError(
            f"{vault.path}: no record of this text ({len(text)} characters); it was edited after "
            "pseudonymization or pseudonymized without this vault"
        )
    restored, count = restore_tokens(text, vault)
    return Reidentified(restored, False, count)


def restore_recorded(text: str, record: Sequence[Replacement], vault: Vault | None = None) -> str:
    """Splice the recorded sources into ``text`` at the recorded output offsets."""
    pieces, cursor = [], 0
    for start, end, source in sorted(record):
        if not cursor <= start <= end <= len(text):
            where = "" if vault is None else f"{vault.path}: "
            raise VaultError(f"{where}a document record has offsets {start}:{end} outside its text")
        pieces += (text[cursor:start], source)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _wordish(char: str) -> bool:
    # Combining marks belong to the letter before them (a decomposed "é" is one letter).
    return char.isalnum() or unicodedata.category(char).startswith("M")


def boundaries(text: str) -> tuple[list[int], list[int]]:
    """Where a surrogate may start and end: never inside a run of letters and digits, never on
    whitespace (``135-145``: ``145`` may start after the hyphen; ``1145`` has no start at ``1``)."""
    word = [_wordish(c) for c in text]
    starts = [i for i, c in enumerate(text) if not c.isspace() and (i == 0 or not (word[i - 1] and word[i]))]
    ends = [
        j
        for j in range(1, len(text) + 1)
        if not text[j - 1].isspace() and (j == len(text) or not (word[j - 1] and word[j]))
    ]
    return starts, ends


def _candidates(
    starts: Sequence[int], ends: Sequence[int], spaces: Sequence[int], longest: int
) -> Iterator[tuple[int, int]]:
    """Every (start, end) run of at most ``longest`` non-space characters (``spaces[i]``: the
    whitespace characters before offset ``i``)."""
    for start in starts:
        for index in range(bisect.bisect_right(ends, start), len(ends)):
            end = ends[index]
            if (end - start) - (spaces[end] - spaces[start]) > longest:
                break
            yield start, end


def _recased(matched: str, surrogate: str, source: str) -> str:
    return source if matched == surrogate else case_like(matched, source)


def restore_tokens(text: str, vault: Vault) -> tuple[str, int]:
    """The fallback: whole-token runs equal to a recorded surrogate → their sources."""
    longest = vault.longest_surrogate()
    if not longest or not text:
        return text, 0
    starts, ends = boundaries(text)
    spaces = [0]
    for char in text:
        spaces.append(spaces[-1] + char.isspace())
    pieces: list[str] = []
    cursor = restored = 0
    for chunk in range(0, len(starts), _STARTS_PER_QUERY):
        runs: dict[str, list[tuple[int, int]]] = {}
        for start, end in _candidates(starts[chunk : chunk + _STARTS_PER_QUERY], ends, spaces, longest):
            runs.setdefault(source_key(text[start:end]), []).append((start, end))
        found = vault.surrogates(runs)
        # Longest leftmost: by start, then the longest run starting there.
        matches = sorted((s, -e, key) for key in found for s, e in runs[key])
        for start, neg_end, key in matches:
            end = -neg_end
            if start < cursor:
                continue
            surrogate, source = found[key]
            pieces += (text[cursor:start], _recased(text[start:end], surrogate, source))
            cursor = end
            restored += 1
    pieces.append(text[cursor:])
    return "".join(pieces), restored
