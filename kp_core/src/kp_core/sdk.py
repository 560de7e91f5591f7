"""The kp SDK: find PII, then mask, redact, replace, hash or pseudonymize it, and reverse
pseudonyms with the vault.

Every anonymizing function takes either a model (any reference :func:`kp_core.plugins.models.load_detector`
accepts; the built-in ``rules`` family by default, ``KP_MODEL`` overrides) or caller-given
``spans=`` (one list per text), so gold annotations or another tool's output are anonymized the
same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from os import PathLike
from typing import Any, overload

import attrs

from kp_core.taxonomy import require_kp_type
from kp_core.types import Span

SpansInput = Sequence[Span | Mapping[str, Any]]


@attrs.frozen
class PseudonymizedText:
    """A pseudonymized document and its surrogate map ``{source value: surrogate}``.

    Unpacks as a pair: ``text, surrogates = result``."""

    text: str
    surrogates: Mapping[str, str]
    spans: tuple[Span, ...] = ()

    def __iter__(self):
        return iter((self.text, self.surrogates))


def _as_list(texts: str | Sequence[str]) -> tuple[list[str], bool]:
    if isinstance(texts, str):
        return [texts], True
    texts = list(texts)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"texts[{i}] is {type(text).__name__}, not str")
    return texts, False


def _coerce_span(raw: Span | Mapping[str, Any], text: str, where: str) -> Span:
    if isinstance(raw, Span):
        span = raw
    else:
        try:
            span = Span(int(raw["start"]), int(raw["end"]), raw["label"], raw.get("score"))
        except KeyError as exc:
            raise ValueError(f"{where}: span is missing {exc.args[0]!r}") from None
    if span.end > len(text):
        raise ValueError(
            f"{where}: span {span.start}:{span.end} ({span.label}) ends past the text (length {len(text)})"
        )
    return span


def _label_filter(labels: Sequence[str] | None) -> frozenset[str] | None:
    return None if labels is None else frozenset(require_kp_type(label) for label in labels)


def _detect(
    texts: list[str],
    model: str | None,
    spans: Sequence[SpansInput] | None,
    labels: Sequence[str] | None,
    operating_point: Any,
    device: str,
    identifier_typing: bool = True,
) -> list[list[Span]]:
    wanted = _label_filter(labels)
    if spans is not None:
        if model is not None:
            raise ValueError("give either model= or spans=, not both")
        if len(spans) != len(texts):
            raise ValueError(f"spans= has {len(spans)} lists for {len(texts)} texts")
        found = [
            [_coerce_span(s, t, f"spans[{i}]") for s in doc]
            for i, (t, doc) in enumerate(zip(texts, spans, strict=True))
        ]
    else:
        from kp_core.plugins.models import load_detector

        options = {} if operating_point is None else {"operating_point": operating_point}
        found = load_detector(model, device=device, identifier_typing=identifier_typing, **options).predict_spans(texts)
    out = []
    for text, doc in zip(texts, found, strict=True):
        kept = [s for s in doc if wanted is None or s.label in wanted]
        out.append([s if s.text is not None else attrs.evolve(s, text=text[s.start : s.end]) for s in kept])
    return out


def detector(
    model: str | None = None,
    *,
    device: str = "auto",
    identifier_typing: bool = True,
    with_rules: bool = False,
    labels: Sequence[str] | None = None,
    threshold: float | None = None,
    operating_point: Any = None,
    allow_list: Sequence[str] = (),
    deny_list: Sequence[str] = (),
    recognizers: str | PathLike[str] | None = None,
    bf16: bool = False,
) -> Any:
    """The detector that the SDK's functions and the ``kp`` commands run for these options.

    ``model`` and ``operating_point`` as in :func:`extract_pii`; ``with_rules`` unites the model's
    spans with the ``rules`` family's; ``labels`` keeps only those KP types; ``threshold`` drops
    scored spans below it; ``allow_list`` strings are never flagged, ``deny_list`` entries
    (``TYPE=term``) always are; ``recognizers`` is a YAML or JSON file of extra patterns and terms;
    ``bf16`` loads torch weights in bfloat16."""
    from kp_core.plugins.models import load_detector

    options: dict[str, Any] = {}
    if operating_point is not None:
        options["operating_point"] = operating_point
    if bf16:
        options["bf16"] = True
    if threshold is not None or allow_list or deny_list or recognizers is not None:
        from kp_core.errors import KpError

        raise KpError("threshold, allow and deny lists and recognizer files are not available yet")
    found = load_detector(model, device=device, identifier_typing=identifier_typing, **options)
    if with_rules:
        from kp_core.rules.union import WithRules

        found = WithRules(found)
    if labels is not None:
        found = _LabelFilter(found, _label_filter(labels) or frozenset())
    return found


class _LabelFilter:
    def __init__(self, inner: Any, wanted: frozenset[str]) -> None:
        self.inner, self.wanted = inner, wanted
        self.name, self.model_id = inner.name, inner.model_id

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        return [[s for s in doc if s.label in self.wanted] for doc in self.inner.predict_spans(texts)]


@overload
def extract_pii(texts: str, model: str | None = None, **kwargs: Any) -> list[Span]: ...
@overload
def extract_pii(texts: Sequence[str], model: str | None = None, **kwargs: Any) -> list[list[Span]]: ...
def extract_pii(
    texts: str | Sequence[str],
    model: str | None = None,
    *,
    operating_point: Any = None,
    labels: Sequence[str] | None = None,
    device: str = "auto",
    identifier_typing: bool = True,
) -> list[Span] | list[list[Span]]:
    """PII spans of one text (a list of spans) or of several (a list per text).

    ``model``: a checkpoint folder, a Hub id, ``family:ref`` or a family name; default ``KP_MODEL``,
    else the built-in ``rules`` family. ``operating_point`` is handed to the family's loader;
    ``labels`` keeps only those KP types. ``identifier_typing`` (on by default) lets kp's
    validators type the model's identifier-shaped spans and add validated identifiers it missed
    (:mod:`kp_core.rules.identifier_typing`); ``False`` gives the model's spans as they are.
    """
    items, single = _as_list(texts)
    found = _detect(items, model, None, labels, operating_point, device, identifier_typing)
    return found[0] if single else found


def deidentify(
    texts: str | Sequence[str],
    method: str | Callable[[str, Span], str] | Mapping[str, Any] | Any = None,
    model: str | None = None,
    *,
    operators: Mapping[str, Any] | None = None,
    spans: Sequence[SpansInput] | None = None,
    labels: Sequence[str] | None = None,
    operating_point: Any = None,
    device: str = "auto",
    **options: Any,
) -> str | list[str]:
    """De-identified text(s). ``method`` (default ``redact``, as ``kp deidentify``): ``mask``,
    ``redact``, ``replace``, ``hash``, ``pseudonymize``, ``keep``, any registered operator name, an
    operator object, a function ``fn(value, span) -> str``, or a map ``{KP type or "DEFAULT":
    operator}`` (also as ``operators=``; :func:`kp_core.anonymize.operators.make_operator_map`).
    ``options`` go to the operator (``key=`` for hash/pseudonymize, ``char=`` for mask,
    ``template=`` for replace, ...). ``spans=`` replaces the model."""
    from kp_core.anonymize.operators import DEFAULT_METHOD, apply_operator, make_operator

    if operators is not None:
        if method is not None:
            from kp_core.errors import KpError

            raise KpError("give method= or operators=, not both")
        method = operators
    method = DEFAULT_METHOD if method is None else method
    items, single = _as_list(texts)
    found = _detect(items, model, spans, labels, operating_point, device)
    if method == "pseudonymize":
        results = _pseudonymize_batch(items, found, **options)
        out = [r.text for r in results]
    else:
        operator = make_operator(method, **options)
        try:
            out = [apply_operator(text, doc, operator).text for text, doc in zip(items, found, strict=True)]
        finally:
            close = getattr(operator, "close", None)
            if callable(close) and operator is not method:
                close()
    return out[0] if single else out


def _pseudonymize_batch(texts: list[str], found: list[list[Span]], **options: Any) -> list[PseudonymizedText]:
    from kp_core.anonymize.pseudonymizer import Pseudonymizer

    pseudonymizer = Pseudonymizer(**options)
    try:
        return [PseudonymizedText(d.text, d.surrogates, d.spans) for d in pseudonymizer.pseudonymize(texts, found)]
    finally:
        pseudonymizer.close()


def pseudonymize(
    texts: str | Sequence[str],
    key: bytes | str | None = None,
    vault: str | PathLike[str] | None = None,
    language: str | None = None,
    country: str | None = None,
    *,
    model: str | None = None,
    spans: Sequence[SpansInput] | None = None,
    labels: Sequence[str] | None = None,
    operating_point: Any = None,
    device: str = "auto",
    random_key: bool = False,
) -> PseudonymizedText | list[PseudonymizedText]:
    """Replace PII with keyed, locale-consistent, checksum-valid surrogates.

    Returns, per text, the pseudonymized text and its surrogate map. ``key`` (bytes or str, at
    least 16 bytes) defaults to ``KP_PSEUDONYM_KEY``; without any key this refuses, unless
    ``random_key=True``. ``vault`` (a file path) stores originals encrypted, for
    :func:`reidentify`. ``language``/``country`` pick the locale of surrogates (names, phones,
    IDs) when the text does not make it clear.
    """
    items, single = _as_list(texts)
    found = _detect(items, model, spans, labels, operating_point, device)
    results = _pseudonymize_batch(
        items, found, key=key, vault=vault, language=language, country=country, random_key=random_key
    )
    return results[0] if single else results


def reidentify(text: str, vault: str | PathLike[str], key: bytes | str | None = None, *, fallback: bool = True) -> str:
    """Put the original values back in place of the surrogates recorded in ``vault``.

    An unchanged output of :func:`pseudonymize` (or ``kp deidentify --method pseudonymize``)
    with this vault comes back exactly as its source, from the vault's record of that document.
    A text with no record (edited since) goes through a fallback that replaces whole-token runs
    equal to a recorded surrogate (see :mod:`kp_core.anonymize.reidentify` for its limits);
    ``fallback=False`` raises :class:`kp_core.anonymize.reidentify.UnrecordedTextError` instead.
    A wrong key raises :class:`kp_core.anonymize.vault.VaultKeyError` before any output."""
    from kp_core.anonymize.keys import resolve_key
    from kp_core.anonymize.reidentify import reidentify as restore
    from kp_core.anonymize.vault import Vault

    with Vault.open(vault, resolve_key(key), create=False) as store:
        return restore(store, text, fallback=fallback).text
