"""The keyed pseudonymizer: consistent, bijective, leak-safe, locale-consistent surrogates.

For one call over a batch of documents:

1. Overlaps are resolved (:mod:`kp_core.anonymize.conflicts`). Values are compared whitespace-
   removed and case-folded (``Ion Popescu``, ``ION POPESCU`` and ``Ion  Popescu`` are one
   entity); the type is not part of the identity, so a value tagged with two types in two
   documents still gets one surrogate (the type seen most often chooses the generator).
2. Entities are handled in sorted order, never in document order. Each takes the first of its
   keyed candidates (:mod:`kp_core.anonymize.surrogates`) that
   * differs from the source and from every other value of the documents it occurs in,
   * shares no 4-character window with its own source nor with any other PII value (of 4
     characters or more) found in a document where the entity occurs (the EuroPriv-Bench leak
     rule; shorter neighbours are ignored, a 1-3 character coincidence identifies nobody; a date
     is not held against the other dates of its document, whose shared ".201" or "2016" is the
     calendar's, not a person's). Each document's values are indexed once
     (:mod:`kp_core.anonymize.leak_index`: window → value), so a candidate costs a few look-ups
     per document it occurs in, and a call is linear in the documents' length. A document over
     8,000 characters is indexed in sections of that length: its values are neighbours within
     their section (in a megabyte they hold nearly every 4-digit window),
   * written where the entity occurs, with the non-PII characters around it, puts no 4-character
     window of the document's national IDs into the output (the whole-document rule: the
     harness's redaction_leakage looks for them in the whole output document). No exemption and
     no relaxation applies to this rule,
   * contains no token a reader would take for a mask (``XX``, ``***``, ``[REDACTED]``: the
     harness's mask-token rule), so pseudonymized text stays free of redaction marks,
   * is not already the surrogate of another entity, in this pseudonymizer or in its vault.

   Windows made only of what every candidate keeps (a court's "Tribunale di", a case number's
   "R.G.", a date's "de", a phone's "+40") are the format's, not held against a candidate. For
   values made of words (names, addresses, organisations, e-mails, dates written with a month
   name) the window rule can still be unsatisfiable: every Swedish street ends in "-gatan". After
   2,000 rejected candidates (50 for courts, facilities, statute references and conditions, 100
   for dates) such a value falls back to a relaxed rule: no shared word of 3+ letters and no
   shared 4-digit window. Structured values (numbers, codes) after 100 are held against their own
   source and the whole-document rule only: in a dense section the neighbours' digits can cover
   every window a number could have. After 10,000 rejected candidates any value falls back to keyed tokens ``TYPE-XXXXXX``
   (a safety net: no value the generator writes needs one).
3. Each occurrence is replaced by the surrogate, upper- or lower-cased like the occurrence.

Guarantees and their limits:

* Same key, same value → same surrogate, in every document of a call and across calls, unless
  the first candidate had to be skipped because it echoed another value found next to it.
  With a vault the first assignment is final, so consistency across calls is then unconditional.
* No two entities share a surrogate within a pseudonymizer's life (its registry) and within a
  vault (a UNIQUE index). For structured types the first candidate is a keyed permutation, so
  even independent calls without a vault cannot collide unless a leak-skip happened; for names,
  addresses and dates, independent calls without a vault can collide (the spaces are finite).
* The result never depends on the order of documents. It depends on other documents of the
  batch only through the leak rule (skipped candidates) and collision resolution.
* The whole-document rule can only move surrogates. A national-ID window that is in the output
  because the source has it outside every span (a year in running text equal to four digits of
  the ID) is not a surrogate's doing and stays, as the harness will count it. Two spans with
  only whitespace between them are each checked with the text up to the other, not with the
  other's surrogate. In a document longer than a section the rule holds within each section.
  A value that already has its surrogate (earlier in this pseudonymizer's
  life, or in the vault) keeps it, for consistency: the rule holds in the batch that assigned it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from os import PathLike
from typing import Any

import attrs

from kp_core.anonymize.casing import case_like
from kp_core.anonymize.conflicts import resolve_overlaps
from kp_core.anonymize.keys import derive_key, resolve_key
from kp_core.anonymize.leak_index import DocumentWindows, LeakGuard
from kp_core.anonymize.leaks import looks_like_mask
from kp_core.anonymize.locale_choice import LocaleChoice, choose_locale
from kp_core.anonymize.surrogates import candidates, kept_prefix, keyed_token
from kp_core.anonymize.vault import Replacement, Vault, source_key
from kp_core.errors import KpError
from kp_core.taxonomy import entity_names
from kp_core.types import Span

_MAX_ATTEMPTS = 100_000
_STRICT_ATTEMPTS = 2_000
# A value whose format cannot avoid its own leak windows (a date in a layout nobody parses, with
# its month word kept) gets a keyed token after this many rejected candidates, rather than
# stopping a bulk run: a token shares nothing with the source.
_TOKEN_AFTER = 10_000
# Values made of words, where the strict window rule can be unsatisfiable (every Swedish street
# ends in "-gatan" or "-vägen"; every Greek month name in "-ου", so "Ιουνίου 2025" and any 20xx
# date share "ου20"): after _STRICT_ATTEMPTS the relaxed rule applies to them.
# Sooner where the strict rule is unsatisfiable by design, not by bad luck: a court or facility
# keeps the generic words of its kind ("Tribunale di", "Krankenhaus") and any window glued to
# them, conditions come from a list of about fifteen per language (then their pairs), a date
# written with words keeps its layout's words ("14 de julio de 2016": every 20xx date in that
# layout shares "de20").
_STRICT_BUDGET = {"COURT": 50, "FACILITY": 50, "STATUTE_REF": 50, "HEALTH_CONDITION": 50, "DATE": 100}
# Structured values (numbers, codes) after this many candidates are held against their own source
# and the document's national IDs only, not against every neighbour: in a dense section the
# neighbours' digits can cover every window a number could have.
_NEIGHBOURS_UNTIL = 100
_NATURAL_LANGUAGE = frozenset(
    {
        "PERSON",
        "ADDRESS",
        "ORG_PARTY",
        "PROVIDER",
        "FACILITY",
        "COURT",
        "EMAIL",
        "HEALTH_CONDITION",
        "STATUTE_REF",
        "URL",
        "DATE",
    }
)


class SurrogateExhaustedError(KpError, RuntimeError):
    """No candidate satisfied the rules (reported with the type and offsets, never the value)."""


@attrs.frozen
class DocumentResult:
    text: str
    surrogates: dict[str, str]  # raw source surface → surrogate, as the harness's maps
    spans: tuple[Span, ...]  # the resolved spans, in the source text's offsets
    # (start, end, source text) per surrogate, in the output's offsets: what reidentify restores
    replacements: tuple[Replacement, ...] = ()


def _render_like(surface: str, surrogate: str, representative: str) -> str:
    return surrogate if surface == representative else case_like(surface, surrogate)


class Pseudonymizer:
    """Holds the key, the vault (optional) and the registry of assignments made so far."""

    def __init__(
        self,
        key: bytes | str | None = None,
        vault: str | PathLike[str] | Vault | None = None,
        language: str | None = None,
        country: str | None = None,
        *,
        random_key: bool = False,
    ) -> None:
        master = resolve_key(key, random_key=random_key)
        self._key = derive_key(master, "kp surrogates v1")
        self.language = language
        self.country = country
        if isinstance(vault, Vault) or vault is None:
            self.vault = vault
            self._owns_vault = False
        else:
            self.vault = Vault.open(vault, master)
            self._owns_vault = True
        self._assigned: dict[str, tuple[str, str]] = {}  # source key → (representative, surrogate)
        self._owner: dict[str, str] = {}  # surrogate key → source key
        self._label_order = {name: i for i, name in enumerate(entity_names())}

    # -- single values ------------------------------------------------------------------------

    def surrogate(
        self,
        label: str,
        value: str,
        *,
        language: str | None = None,
        country: str | None = None,
        avoid: Sequence[str] = (),
    ) -> str:
        """The surrogate of one value (registering it), avoiding the leak windows of ``avoid``."""
        locale = choose_locale("", [], language or self.language, country or self.country)
        own = source_key(value)
        neighbours = DocumentWindows.of_values((source_key(v), v) for v in avoid if source_key(v) != own)
        return self._assign(label, value, locale, [neighbours])

    def _assign(
        self,
        label: str,
        value: str,
        locale: LocaleChoice,
        documents: Sequence[DocumentWindows],
        *,
        is_date: bool = False,
    ) -> str:
        """``documents``: the indexes of the documents the value occurs in (its neighbours)."""
        key = source_key(value)
        known = self._assigned.get(key)
        if known is not None:
            return known[1]
        if self.vault is not None:
            stored = self.vault.lookup(value)
            if stored is not None:
                self._register(key, value, stored)
                return stored
        exempt = kept_prefix(label, value, locale.language)
        guard = LeakGuard(key, value, exempt, is_date, documents, lambda surface, s: _render_like(surface, s, value))
        natural = label in _NATURAL_LANGUAGE
        strict_budget = _STRICT_BUDGET.get(label, _STRICT_ATTEMPTS) if natural else _NEIGHBOURS_UNTIL
        stream = candidates(self._key, label, value, locale)
        for attempt in range(_MAX_ATTEMPTS):
            candidate = next(stream, None) if attempt < _TOKEN_AFTER else None
            rule = "strict" if attempt < strict_budget else "relaxed" if natural else "own"
            checked = candidate
            if candidate is None:
                candidate = keyed_token(self._key, label, key, attempt)
                rule = "strict"  # a token is checked by the strict rule, its "TYPE-" prefix aside
                checked = candidate[len(label) + 1 :]
            if not self._acceptable(key, candidate, checked, guard, rule):
                continue
            claimed = self._claim(label, value, candidate)
            if claimed is not None:  # the candidate, or the surrogate another process gave the value first
                self._register(key, value, claimed)
                return claimed
        raise SurrogateExhaustedError(f"no acceptable {label} surrogate after {_MAX_ATTEMPTS} candidates")

    def _acceptable(self, key: str, candidate: str, checked: str, guard: LeakGuard, rule: str) -> bool:
        """``checked``: the part of the candidate held against the value's leak rules (``rule``:
        strict, relaxed or own); the whole-document rule sees the whole candidate, as written."""
        candidate_key = source_key(candidate)
        if not candidate_key or candidate_key == key:
            return False
        owner = self._owner.get(candidate_key)
        if owner is not None and owner != key:
            return False
        if looks_like_mask(candidate) or guard.names_a_neighbour(candidate_key):
            return False
        if {"strict": guard.strict, "relaxed": guard.relaxed, "own": guard.own}[rule](checked):
            return False
        return not guard.whole_document(candidate)

    def _claim(self, label: str, value: str, candidate: str) -> str | None:
        """The surrogate ``value`` gets: ``candidate``, or the one the vault already holds for it
        (written meanwhile by another process); None if another value owns ``candidate``."""
        return candidate if self.vault is None else self.vault.assign(label, value, candidate)

    def _register(self, key: str, value: str, surrogate: str) -> None:
        self._assigned[key] = (value, surrogate)
        self._owner[source_key(surrogate)] = key

    # -- documents ----------------------------------------------------------------------------

    def pseudonymize(self, texts: Sequence[str], spans: Sequence[Sequence[Span]]) -> list[DocumentResult]:
        """Pseudonymize a batch; ``spans`` holds one list of detected spans per text."""
        if len(texts) != len(spans):
            raise ValueError(f"{len(spans)} span lists for {len(texts)} texts")
        if self.vault is not None:
            # The vault holds every assignment (and the surrogates' uniqueness): the in-memory
            # registry only needs this batch, which keeps bulk runs at constant memory.
            self._assigned.clear()
            self._owner.clear()
        resolved = [resolve_overlaps(doc) for doc in spans]
        locales = [choose_locale(t, d, self.language, self.country) for t, d in zip(texts, resolved, strict=True)]
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        locale_votes: dict[str, Counter[LocaleChoice]] = defaultdict(Counter)
        surfaces: dict[str, set[str]] = defaultdict(set)
        for text, doc, locale in zip(texts, resolved, locales, strict=True):
            for span in doc:
                value = text[span.start : span.end]
                key = source_key(value)
                if not key:
                    continue
                labels[key][span.label] += 1
                locale_votes[key][locale] += 1
                surfaces[key].add(value)
        # One index per document (per section of a long one), built once: a candidate is checked
        # against it by look-ups, so the work is linear in the documents' length.
        indexes: list[DocumentWindows] = []
        occurs: dict[str, list[int]] = defaultdict(list)  # key → the indexes it occurs in
        for text, doc in zip(texts, resolved, strict=True):
            for index, keys in DocumentWindows.of_document(text, doc, source_key, lambda k: "DATE" in labels[k]):
                for key in keys:
                    occurs[key].append(len(indexes))
                indexes.append(index)
        for key in sorted(labels):
            label = min(labels[key], key=lambda lab: (-labels[key][lab], self._label_order.get(lab, 99)))
            locale = min(locale_votes[key], key=lambda loc: (-locale_votes[key][loc], loc.language, loc.country))
            representative = min(surfaces[key])
            documents = [indexes[i] for i in occurs[key]]
            self._assign(label, representative, locale, documents, is_date=label == "DATE")
        return self._rewrite_all(texts, resolved)

    def _rewrite_all(self, texts: Sequence[str], resolved: Sequence[Sequence[Span]]) -> list[DocumentResult]:
        """Rewrite the batch; with a vault, record every output (even one without PII, so that
        re-identifying it changes nothing) and commit the batch's assignments with its records, in
        one transaction, before the caller can write the outputs."""
        results = [self._rewrite(text, doc) for text, doc in zip(texts, resolved, strict=True)]
        if self.vault is not None:
            for result in results:
                self.vault.record(result.text, result.replacements)
            self.vault.commit()
        return results

    def _rewrite(self, text: str, doc: Sequence[Span]) -> DocumentResult:
        pieces, cursor, mapping, replacements, out = [], 0, {}, [], 0
        for span in doc:
            value = text[span.start : span.end]
            key = source_key(value)
            pieces.append(text[cursor : span.start])
            out += span.start - cursor
            cursor = span.end
            if not key:  # a whitespace-only span carries nothing to hide
                pieces.append(value)
                out += len(value)
                continue
            rendered = self.rendered(value)
            pieces.append(rendered)
            replacements.append((out, out + len(rendered), value))
            out += len(rendered)
            mapping.setdefault(value, rendered)
        pieces.append(text[cursor:])
        return DocumentResult("".join(pieces), mapping, tuple(doc), tuple(replacements))

    def rendered(self, value: str) -> str:
        """The registered surrogate of ``value``, cased like ``value``; the value itself if it is blank."""
        key = source_key(value)
        if not key:
            return value
        representative, surrogate = self._assigned[key]
        return _render_like(value, surrogate, representative)

    def close(self) -> None:
        if self._owns_vault and self.vault is not None:
            self.vault.close()
            self.vault = None


@attrs.define
class PseudonymizeOperator:
    """The ``pseudonymize`` operator: one document at a time, through a shared Pseudonymizer."""

    key: bytes | str | None = None
    vault: Any = None
    language: str | None = None
    country: str | None = None
    random_key: bool = False
    name: str = "pseudonymize"
    merge_touching: bool = False
    _pseudonymizer: Pseudonymizer = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._pseudonymizer = Pseudonymizer(
            self.key, self.vault, self.language, self.country, random_key=self.random_key
        )

    def replacements(self, text: str, spans: Sequence[Span]) -> list[str]:
        self._pseudonymizer.pseudonymize([text], [list(spans)])
        return [self._pseudonymizer.rendered(text[span.start : span.end]) for span in spans]

    def close(self) -> None:
        self._pseudonymizer.close()
