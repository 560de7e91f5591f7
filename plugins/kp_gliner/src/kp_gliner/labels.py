"""KP types as GLiNER prompts: which label phrases the model is asked for, and what they mean.

GLiNER is prompted with free-text label phrases. kp keeps a mapping KP type -> phrases; the model
is prompted with every phrase (sorted, as EuroPriv-Bench does) and each predicted phrase maps back
to exactly one KP type. The default covers all 18 KP types; ``HARNESS`` is EuroPriv-Bench's own
GLiNER adapter list (10 types, 20 phrases), for reproducing its figures.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from kp_core.taxonomy import entity_names

# The first phrase of each type is its primary phrase: the one a finetuned model is trained on.
DEFAULT_PROMPTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "PERSON": ("person", "full name"),
        "ADDRESS": ("address", "city", "postal code"),
        "EMAIL": ("email",),
        "PHONE": ("phone number",),
        "URL": ("url",),
        "DATE": ("date", "date of birth"),
        "ACCOUNT_ID": ("account number", "credit card number", "iban", "ip address", "username"),
        "SECRET": ("password",),
        "NATIONAL_ID": (
            "national identification number",
            "passport number",
            "driver license number",
            "social security number",
            "tax identification number",
            "identity card number",
        ),
        "MRN": ("medical record number",),
        "HEALTH_CONDITION": ("medical condition",),
        "PROVIDER": ("doctor",),
        "FACILITY": ("hospital",),
        "CASE_NUMBER": ("case number",),
        "COURT": ("court",),
        "STATUTE_REF": ("law article",),
        "ORG_PARTY": ("company",),
        "COMPANY_ID": ("company registration number", "vat number"),
    }
)


class PromptError(ValueError):
    """A label mapping that is not usable: unknown KP type, empty or duplicated phrase."""


def _freeze(prompts: Mapping[str, Any]) -> Mapping[str, tuple[str, ...]]:
    known = set(entity_names())
    out: dict[str, tuple[str, ...]] = {}
    owner: dict[str, str] = {}
    for kp_type, phrases in prompts.items():
        if kp_type not in known:
            raise PromptError(f"labels: {kp_type!r} is not a KP type; known: {', '.join(entity_names())}")
        items = (phrases,) if isinstance(phrases, str) else tuple(phrases)
        if not items:
            raise PromptError(f"labels: {kp_type} has no phrase")
        for phrase in items:
            if not isinstance(phrase, str) or not phrase.strip():
                raise PromptError(f"labels: {kp_type} has an empty or non-text phrase ({phrase!r})")
            if phrase in owner and owner[phrase] != kp_type:
                raise PromptError(f"labels: phrase {phrase!r} is given to both {owner[phrase]} and {kp_type}")
            owner[phrase] = kp_type
        out[kp_type] = tuple(dict.fromkeys(items))
    if not out:
        raise PromptError("labels: the mapping is empty")
    return MappingProxyType(out)


@attrs.frozen
class PromptMap:
    """KP type -> GLiNER label phrases (a function when inverted)."""

    prompts: Mapping[str, tuple[str, ...]] = attrs.field(converter=_freeze)

    @property
    def types(self) -> tuple[str, ...]:
        """The KP types this map can emit, in taxonomy order."""
        return tuple(t for t in entity_names() if t in self.prompts)

    def phrases(self) -> list[str]:
        """Every phrase, sorted: the prompt the model sees."""
        return sorted(p for phrases in self.prompts.values() for p in phrases)

    def to_kp(self, phrase: str) -> str:
        for kp_type, phrases in self.prompts.items():
            if phrase in phrases:
                return kp_type
        raise KeyError(f"phrase {phrase!r} is not in the label mapping")

    def inverse(self) -> dict[str, str]:
        return {p: t for t, phrases in self.prompts.items() for p in phrases}

    def primary(self) -> PromptMap:
        """One phrase per type (the first): the label set a finetuned model learns."""
        return PromptMap({t: phrases[:1] for t, phrases in self.prompts.items()})

    def to_json(self) -> dict[str, list[str]]:
        return {t: list(self.prompts[t]) for t in self.types}


def harness_prompts() -> PromptMap:
    """EuroPriv-Bench's GLiNER adapter phrases (kp_core.taxonomy.crosswalk scheme ``gliner``)."""
    from kp_core.taxonomy.crosswalk import mapped_labels

    forward: dict[str, list[str]] = {}
    for phrase, kp_type in mapped_labels("gliner").items():
        forward.setdefault(kp_type, []).append(phrase)
    return PromptMap(forward)


def default_prompts() -> PromptMap:
    return PromptMap(DEFAULT_PROMPTS)


def parse_prompts(value: PromptMap | Mapping[str, Any] | str | Path | None) -> PromptMap:
    """``labels=`` as given by a user: a PromptMap, a mapping KP type -> phrase(s), ``"default"``,
    ``"harness"``, a JSON object in a string, or the path of a JSON file holding that object."""
    if value is None or value == "default":
        return default_prompts()
    if isinstance(value, PromptMap):
        return value
    if isinstance(value, Mapping):
        return PromptMap(value)
    if value == "harness":
        return harness_prompts()
    text = str(value)
    if text.lstrip().startswith("{"):
        source, raw = "labels", text
    else:
        path = Path(text)
        if not path.is_file():
            raise PromptError(f"labels: {text!r} is neither 'default', 'harness', a JSON object nor a file")
        source, raw = str(path), path.read_text(encoding="utf-8")
    try:
        payload = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise PromptError(f"{source}: line {exc.lineno}: invalid JSON ({exc.msg})") from None
    if not isinstance(payload, dict):
        raise PromptError(f"{source}: expected a JSON object of KP type -> phrase or list of phrases")
    try:
        return PromptMap(payload)
    except PromptError as exc:
        raise PromptError(f"{source}: {exc}") from None
