"""Crosswalks: native labels of other PII schemes -> KP types.

The taxonomy's own schemes (openai, ai4privacy, hipaa, mapa, openmed, azure, tabularisai, tab)
come from the bundled ``taxonomy.yaml``. Three adapters' label sets that the file does not hold
are defined here, as EuroPriv-Bench maps them: presidio, spacy (OntoNotes) and the GLiNER prompt
phrases. Inverting a crosswalk must give a function: a native label claimed by two KP types
within one scheme is an error at load. Labels without an entry are unmapped (``None``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from kp_core.errors import KpError
from kp_core.taxonomy import load_taxonomy

# Adapter label sets outside taxonomy.yaml: KP type -> native labels.
EXTRA_SCHEMES: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "presidio": {
            "PERSON": ("PERSON",),
            "ADDRESS": ("LOCATION",),
            "EMAIL": ("EMAIL_ADDRESS",),
            "PHONE": ("PHONE_NUMBER",),
            "URL": ("URL",),
            "DATE": ("DATE_TIME",),
            "ACCOUNT_ID": ("CREDIT_CARD", "IBAN_CODE", "CRYPTO", "IP_ADDRESS", "MAC_ADDRESS", "US_BANK_NUMBER"),
            "NATIONAL_ID": ("US_SSN", "US_ITIN", "US_PASSPORT", "US_DRIVER_LICENSE", "UK_NHS"),
        },
        "spacy": {
            "PERSON": ("PERSON",),
            "ADDRESS": ("GPE", "LOC", "FAC"),
            "ORG_PARTY": ("ORG",),
            "DATE": ("DATE",),
        },
        "gliner": {
            "PERSON": ("person", "full name"),
            "ADDRESS": ("address", "city", "postal code"),
            "EMAIL": ("email",),
            "PHONE": ("phone number",),
            "URL": ("url",),
            "DATE": ("date", "date of birth"),
            "ACCOUNT_ID": ("account number", "credit card number", "iban", "ip address", "username"),
            "SECRET": ("password",),
            "NATIONAL_ID": ("national identification number", "passport number", "driver license number"),
            "ORG_PARTY": ("company",),
        },
    }
)


class CrosswalkError(KpError, ValueError):
    """A crosswalk that is not a function (one native label, two KP types) or an unknown scheme."""


def _invert(scheme: str, forward: Mapping[str, tuple[str, ...]]) -> Mapping[str, str]:
    inverse: dict[str, str] = {}
    for kp_type, natives in forward.items():
        for native in natives:
            owner = inverse.get(native)
            if owner is not None and owner != kp_type:
                raise CrosswalkError(
                    f"crosswalk {scheme!r}: native label {native!r} is claimed by both {owner} and {kp_type}"
                )
            inverse[native] = kp_type
    return MappingProxyType(inverse)


def build_crosswalks(
    taxonomy_forward: Mapping[str, Mapping[str, tuple[str, ...]]],
    extra: Mapping[str, Mapping[str, tuple[str, ...]]] = EXTRA_SCHEMES,
) -> Mapping[str, Mapping[str, str]]:
    """scheme -> {native -> KP type} from per-type forward maps (raises on a non-function)."""
    out: dict[str, Mapping[str, str]] = {}
    for scheme, forward in list(taxonomy_forward.items()) + list(extra.items()):
        if scheme in out:
            raise CrosswalkError(f"crosswalk scheme {scheme!r} is defined twice")
        out[scheme] = _invert(scheme, forward)
    return MappingProxyType(out)


@cache
def _crosswalks() -> Mapping[str, Mapping[str, str]]:
    tax = load_taxonomy()
    forward: dict[str, dict[str, tuple[str, ...]]] = {scheme: {} for scheme in tax.schemes}
    for entity in tax.entities:
        for scheme, natives in entity.crosswalk.items():
            if scheme not in forward:
                raise CrosswalkError(
                    f"taxonomy.yaml: entity {entity.name} maps scheme {scheme!r}, which is not in its schemes list"
                )
            forward[scheme][entity.name] = natives
    return build_crosswalks(forward)


def schemes() -> tuple[str, ...]:
    """Every scheme with a crosswalk: the taxonomy's own (in file order), then presidio, spacy, gliner."""
    return tuple(_crosswalks())


def mapped_labels(scheme: str) -> dict[str, str]:
    """{native label -> KP type} for one scheme (empty for ``azure``, which has no mappings yet)."""
    table = _crosswalks()
    if scheme not in table:
        raise CrosswalkError(f"unknown crosswalk scheme {scheme!r}; known: {', '.join(table)}")
    return dict(table[scheme])


def to_kp(scheme: str, native: str) -> str | None:
    """The KP type of a native label, or None when the scheme leaves it unmapped."""
    table = _crosswalks()
    if scheme not in table:
        raise CrosswalkError(f"unknown crosswalk scheme {scheme!r}; known: {', '.join(table)}")
    return table[scheme].get(native)
