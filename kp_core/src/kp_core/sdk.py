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
    from kp_core.errors import KpError
    from kp_core.taxonomy import is_kp_type

    if labels is None:
        return None
    if isinstance(labels, str):
        labels = [labels]
    unknown = [label for label in labels if not is_kp_type(label)]
    if unknown:
        raise KpError(f"labels: {', '.join(map(repr, unknown))} not KP types (see `kp taxonomy`)")
    return frozenset(labels)


# Options that shape detection; with caller-given spans= they have nothing to act on.
_MODEL_ONLY = ("with_rules", "threshold", "allow_list", "deny_list", "recognizers")


def _detect(
    texts: list[str],
    spans: Sequence[SpansInput] | None,
    labels: Sequence[str] | None,
    detection: Mapping[str, Any],
) -> list[list[Span]]:
    """Spans per text: caller-given (checked, filtered by ``labels``) or found by :func:`detector`."""
    if spans is not None:
        if detection.get("model") is not None:
            raise ValueError("give either model= or spans=, not both")
        given = [name for name in _MODEL_ONLY if detection.get(name) not in (None, False, (), [])]
        if given:
            raise ValueError(f"{', '.join(given)} shape what a model finds; with spans= there is no model")
        if len(spans) != len(texts):
            raise ValueError(f"spans= has {len(spans)} lists for {len(texts)} texts")
        wanted = _label_filter(labels)
        found = [
            [s for s in (_coerce_span(s, t, f"spans[{i}]") for s in doc) if wanted is None or s.label in wanted]
            for i, (t, doc) in enumerate(zip(texts, spans, strict=True))
        ]
    else:
        found = detector(labels=labels, **detection).predict_spans(texts)
    return [
        [s if s.text is not None else attrs.evolve(s, text=text[s.start : s.end]) for s in doc]
        for text, doc in zip(texts, found, strict=True)
    ]


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
    strict_labels: bool = False,
    note: Callable[[str], None] | None = None,
) -> Any:
    """The detector that the SDK's functions and the ``kp`` commands run for these options.

    ``model`` and ``operating_point`` as in :func:`extract_pii`; ``with_rules`` unites the model's
    spans with the ``rules`` family's; ``labels`` keeps only those KP types; ``threshold`` drops
    scored spans below it (spans without a score stay); ``allow_list`` strings are never flagged
    (a span whose text equals one is dropped), ``deny_list`` entries (``TYPE=term``) always are
    (every whole-word occurrence); ``recognizers`` is a YAML or JSON file of extra patterns and
    terms (:mod:`kp_core.rules.recognizers`); ``bf16`` loads torch weights in bfloat16.

    Spans that the lists and recognizers add are merged with the model's by the overlap rules of
    :mod:`kp_core.anonymize.conflicts`. Asking ``labels`` for a type the model cannot produce
    warns (``strict_labels=True``: refuses, as the CLI does); with the default model (the
    ``rules`` family) a one-time note says what it finds. ``note`` receives those messages
    instead of :func:`warnings.warn` (the CLI's stderr notes)."""
    from kp_core.classification.api import refuse_classifier
    from kp_core.plugins.models import load_detector

    wanted = _label_filter(labels)
    if threshold is not None and not 0.0 <= float(threshold) <= 1.0:
        from kp_core.errors import KpError

        raise KpError(f"threshold must be from 0 to 1, got {threshold}")
    allowed, added = _customizations(allow_list, deny_list, recognizers)
    options: dict[str, Any] = {}
    if operating_point is not None:
        options["operating_point"] = operating_point
    if bf16:
        options["bf16"] = True
    refuse_classifier(model)  # a document classifier finds no spans: say what to use it with
    found = load_detector(model, device=device, identifier_typing=identifier_typing, **options)
    if model is None:
        _note_default_model(note)
    if wanted is not None:
        produced = _produced_labels(model, found, identifier_typing, with_rules, added.labels)
        _check_labels(wanted, produced, found.name, strict_labels, note)
    if with_rules:
        from kp_core.rules.union import WithRules

        found = WithRules(found)
    if threshold is not None or allowed or added:
        found = _Adjusted(found, threshold, allowed, added)
    if wanted is not None:
        found = _LabelFilter(found, wanted)
    return found


def _customizations(
    allow_list: Sequence[str], deny_list: Sequence[str], recognizers: str | PathLike[str] | None
) -> tuple[frozenset[str], Any]:
    """The allow-list set and the recognizers (deny list, then the file's), checked before any
    model loads. A string in both lists is refused: it cannot be both never and always flagged."""
    from kp_core.errors import KpError
    from kp_core.rules.recognizers import RecognizerSet, deny_list_recognizers, load_recognizers, parse_deny_entry

    if isinstance(allow_list, str) or isinstance(deny_list, str):
        raise KpError("allow_list and deny_list take a list of strings, not one string")
    allowed = frozenset(allow_list)
    for i, entry in enumerate(deny_list):
        if parse_deny_entry(entry, f"deny_list[{i}]")[1] in allowed:
            raise KpError(f"deny_list[{i}]: its term is in allow_list too; a string cannot be both")
    added = deny_list_recognizers(deny_list)
    if recognizers is not None:
        added = added + load_recognizers(recognizers)
    return allowed, added or RecognizerSet()


def _produced_labels(
    model: str | None, found: Any, identifier_typing: bool, with_rules: bool, added: frozenset[str]
) -> frozenset[str] | None:
    """What the assembled detector can produce; None when the model does not say."""
    from kp_core.plugins.models import model_labels
    from kp_core.rules import RULES_LABELS
    from kp_core.rules.identifier_typing import IDENTIFIER_TYPES, IdentifierTyping

    base = model_labels(model, found)
    if base is None:
        return None
    # Only a typing front that load_detector really put there adds its types: a family that types
    # its own identifiers (rules, presidio) gets none, and declares what it produces itself.
    if identifier_typing and isinstance(found, IdentifierTyping):
        base |= frozenset(IDENTIFIER_TYPES)
    if with_rules:
        base |= frozenset(RULES_LABELS)
    return base | added


def _check_labels(
    wanted: frozenset[str],
    produced: frozenset[str] | None,
    family: str,
    strict: bool,
    note: Callable[[str], None] | None,
) -> None:
    if produced is None or wanted <= produced:
        return
    missing = ", ".join(sorted(wanted - produced))
    message = (
        f"labels {missing}: the {family} model cannot produce them (it produces {', '.join(sorted(produced))}); "
        "a model trained on them, a deny list or a recognizer file can"
    )
    if strict:
        from kp_core.errors import KpError

        raise KpError(message)
    if note is not None:
        note(message)
    else:
        _warn(message)


def _warn(message: str) -> None:
    """A UserWarning pointing at the caller's line, outside this module."""
    import sys
    import warnings

    level, frame = 2, sys._getframe(1)
    while frame is not None and frame.f_code.co_filename == __file__:
        level, frame = level + 1, frame.f_back
    warnings.warn(message, UserWarning, stacklevel=level)


_default_noted = False


def default_model_note(how: str = "model=") -> str | None:
    """What the default model finds, when it is the built-in rules family (no ``KP_MODEL``)."""
    import os

    from kp_core.plugins.models import MODEL_ENV
    from kp_core.rules import RULES_LABELS

    if os.environ.get(MODEL_ENV):
        return None
    return (
        f"no model given, so the built-in rules family runs: it finds {', '.join(RULES_LABELS)} only; "
        f"names (PERSON) and addresses (ADDRESS) need a trained model ({how})"
    )


def _note_default_model(note: Callable[[str], None] | None) -> None:
    """The CLI notes it on every run that uses the default; the SDK warns once per process."""
    global _default_noted
    if note is not None:
        message = default_model_note("-m / --model, or KP_MODEL")
        if message:
            note(message)
        return
    message = default_model_note("model=, or KP_MODEL")
    if message and not _default_noted:
        _default_noted = True
        _warn(message)


class _Front:
    """A detector in front of another; attributes it does not set are the inner detector's
    (calibration, batch size), as for :class:`kp_core.detector.NormalizedDetector`."""

    inner: Any

    def __getattr__(self, name: str) -> Any:
        if name == "inner":  # not set yet (copy, unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.inner, name)


class _Adjusted(_Front):
    """A detector with the caller's threshold, allow list, deny list and recognizers applied."""

    def __init__(self, inner: Any, threshold: float | None, allowed: frozenset[str], added: Any) -> None:
        self.inner, self.threshold, self.allowed, self.added = inner, threshold, allowed, added
        self.name, self.model_id = inner.name, inner.model_id

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        from kp_core.anonymize.conflicts import resolve_overlaps

        out = []
        for text, doc in zip(texts, self.inner.predict_spans(texts), strict=True):
            spans = [s for s in (*doc, *self.added.find(text)) if self._keeps(text, s)]
            out.append([s for s in resolve_overlaps(spans) if text[s.start : s.end] not in self.allowed])
        return out

    def _keeps(self, text: str, span: Span) -> bool:
        if self.threshold is not None and span.score is not None and span.score < self.threshold:
            return False
        return text[span.start : span.end] not in self.allowed


class _LabelFilter(_Front):
    def __init__(self, inner: Any, wanted: frozenset[str]) -> None:
        self.inner, self.wanted = inner, wanted
        self.name, self.model_id = inner.name, inner.model_id

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        return [[s for s in doc if s.label in self.wanted] for doc in self.inner.predict_spans(texts)]


_DETECTION_DOC = """
    Detection options (the same for :func:`extract_pii`, :func:`deidentify` and
    :func:`pseudonymize`, all through :func:`detector`): ``model``: a checkpoint folder, a Hub id,
    ``family:ref`` or a family name; default ``KP_MODEL``, else the built-in ``rules`` family.
    ``operating_point`` is handed to the family's loader; ``labels`` keeps only those KP types.
    ``identifier_typing`` (on by default) lets kp's validators type the model's identifier-shaped
    spans and add validated identifiers it missed (:mod:`kp_core.rules.identifier_typing`);
    ``with_rules`` adds the rules family's spans; ``threshold`` drops spans scored below it;
    ``allow_list`` strings are never flagged; ``deny_list`` ``TYPE=term`` entries always are;
    ``recognizers`` is a YAML or JSON file of extra patterns and term lists (docs/sdk.md)."""


_DETECTION_NAMES = (
    "model", "operating_point", "device", "identifier_typing", "with_rules", "threshold", "allow_list",
    "deny_list", "recognizers", "bf16",
)  # fmt: skip


def _detection(arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The detection options among a function's arguments (its ``locals()``), for :func:`detector`."""
    return {name: arguments[name] for name in _DETECTION_NAMES}


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
    with_rules: bool = False,
    threshold: float | None = None,
    allow_list: Sequence[str] = (),
    deny_list: Sequence[str] = (),
    recognizers: str | PathLike[str] | None = None,
    bf16: bool = False,
) -> list[Span] | list[list[Span]]:
    items, single = _as_list(texts)
    detection = _detection(locals())
    found = _detect(items, None, labels, detection)
    return found[0] if single else found


extract_pii.__doc__ = "PII spans of one text (a list of spans) or of several (a list per text).\n" + _DETECTION_DOC


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
    identifier_typing: bool = True,
    with_rules: bool = False,
    threshold: float | None = None,
    allow_list: Sequence[str] = (),
    deny_list: Sequence[str] = (),
    recognizers: str | PathLike[str] | None = None,
    bf16: bool = False,
    route: str | None = None,
    route_threshold: float | None = None,
    **options: Any,
) -> str | list[str]:
    from kp_core.anonymize.operators import DEFAULT_METHOD, apply_operator, make_operator

    if operators is not None:
        if method is not None:
            from kp_core.errors import KpError

            raise KpError("give method= or operators=, not both")
        method = operators
    method = DEFAULT_METHOD if method is None else method
    all_items, single = _as_list(texts)
    detection = _detection(locals())
    skipped = _routed(all_items, spans, route, route_threshold, detection["device"])
    items = [text for text, skip in zip(all_items, skipped, strict=True) if not skip]
    found = _detect(items, spans, labels, detection)
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
    done = iter(out)
    out = [text if skip else next(done) for text, skip in zip(all_items, skipped, strict=True)]
    return out[0] if single else out


deidentify.__doc__ = (
    """De-identified text(s). ``method`` (default ``redact``, as ``kp deidentify``): ``mask``,
    ``redact``, ``replace``, ``hash``, ``pseudonymize``, ``keep``, any registered operator name, an
    operator object, a function ``fn(value, span) -> str``, or a map ``{KP type or "DEFAULT":
    operator}`` (also as ``operators=``; :func:`kp_core.anonymize.operators.make_operator_map`).
    ``options`` go to the operator (``key=`` for hash/pseudonymize, ``char=`` for mask,
    ``template=`` for replace, ...). ``spans=`` (one list per text) replaces the model.
    ``route=`` (a classifier, :func:`classify`) lets texts whose PERSONAL_DATA score is below
    ``route_threshold`` (default: the classifier's ``routing_threshold``) skip detection: they
    come back unchanged.
"""
    + _DETECTION_DOC
)


def _routed(
    texts: list[str], spans: Sequence[SpansInput] | None, route: str | None, threshold: float | None, device: str
) -> list[bool]:
    """Per text, whether the ``route`` classifier lets it skip span detection (its PERSONAL_DATA
    score is below ``threshold``, default the classifier's ``routing_threshold``)."""
    if route is None:
        if threshold is not None:
            raise ValueError("route_threshold= needs route= (a classifier)")
        return [False] * len(texts)
    if spans is not None:
        raise ValueError("route= decides which texts a model reads; with spans= there is no model")
    from kp_core.classification.routing import Router

    return Router(route, threshold, device=device).skips([[text] for text in texts])


@overload
def classify(texts: str, model: str | None = None, **options: Any) -> Any: ...
@overload
def classify(texts: Sequence[str], model: str | None = None, **options: Any) -> list[Any]: ...
def classify(texts: str | Sequence[str], model: str | None = None, *, device: str = "auto", **options: Any) -> Any:
    """Document labels of one text (a :class:`kp_core.classification.DocPrediction`) or of several (a
    list): the probability of PERSONAL_DATA and of each KP type, the labels at or above their
    thresholds, the sensitivity level and whether the text holds personal data.

    ``model`` is a classifier: a checkpoint of a classification family, ``family:ref`` or a Hub
    id (default: the ``classifier`` family's default model, where it is installed); a span
    detection model is refused. ``options`` go to the family's loader; loaded classifiers are
    cached per reference."""
    from kp_core.classification.api import classify_texts

    items, single = _as_list(texts)
    found = classify_texts(items, model, device=device, **options)
    return found[0] if single else found


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
    identifier_typing: bool = True,
    with_rules: bool = False,
    threshold: float | None = None,
    allow_list: Sequence[str] = (),
    deny_list: Sequence[str] = (),
    recognizers: str | PathLike[str] | None = None,
    bf16: bool = False,
    random_key: bool = False,
) -> PseudonymizedText | list[PseudonymizedText]:
    items, single = _as_list(texts)
    detection = _detection(locals())
    found = _detect(items, spans, labels, detection)
    results = _pseudonymize_batch(
        items, found, key=key, vault=vault, language=language, country=country, random_key=random_key
    )
    return results[0] if single else results


pseudonymize.__doc__ = (
    """Replace PII with keyed, locale-consistent, checksum-valid surrogates.

    Returns, per text, the pseudonymized text and its surrogate map. ``key`` (bytes or str, at
    least 16 bytes) defaults to ``KP_PSEUDONYM_KEY``; without any key this refuses, unless
    ``random_key=True``. ``vault`` (a file path) stores originals encrypted, for
    :func:`reidentify`. ``language``/``country`` pick the locale of surrogates (names, phones,
    IDs) when the text does not make it clear.
"""
    + _DETECTION_DOC
)


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
