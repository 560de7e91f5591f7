"""The KP taxonomy (EuroPriv-Bench taxonomy 0.2.0): 18 entity types, 73 BIOES labels, crosswalks.

The bundled ``taxonomy.yaml`` is the single source of truth; the order of its ``entities`` list is
the label order, so it must never be reordered without a version bump.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

import attrs

TAXONOMY_VERSION = "0.2.0"
BIOES_PREFIXES = ("B", "I", "E", "S")
OUTSIDE = "O"


class Tier(enum.StrEnum):
    CORE = "core"
    CLINICAL = "clinical"
    LEGAL = "legal"


class IdentifierClass(enum.StrEnum):
    DIRECT = "direct"
    QUASI = "quasi"


@attrs.frozen(slots=True)
class EntityType:
    name: str
    tier: Tier
    identifier_class: IdentifierClass
    gdpr_special: bool = False
    crosswalk: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=lambda m: MappingProxyType(dict(m)))

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "tier": self.tier.value,
            "identifier_class": self.identifier_class.value,
            "gdpr_special": self.gdpr_special,
            "crosswalk": {k: list(v) for k, v in self.crosswalk.items()},
        }


@attrs.frozen(slots=True)
class Taxonomy:
    version: str
    schemes: tuple[str, ...]
    entities: tuple[EntityType, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.entities)

    def by_name(self, name: str) -> EntityType:
        for e in self.entities:
            if e.name == name:
                return e
        raise KeyError(f"unknown KP entity type {name!r}; known: {', '.join(self.names)}")

    def to_json(self) -> dict:
        return {
            "version": self.version,
            "schemes": list(self.schemes),
            "entities": [e.to_json() for e in self.entities],
            "bioes_labels": list(bioes_labels()),
        }


def _parse(raw: dict) -> Taxonomy:
    version = str(raw["version"])
    if version != TAXONOMY_VERSION:
        raise ValueError(f"bundled taxonomy.yaml is version {version}, code expects {TAXONOMY_VERSION}")
    entities = []
    for item in raw["entities"]:
        crosswalk = {scheme: tuple(labels or ()) for scheme, labels in (item.get("crosswalk") or {}).items()}
        entities.append(
            EntityType(
                name=item["name"],
                tier=Tier(item["tier"]),
                identifier_class=IdentifierClass(item["identifier_class"]),
                gdpr_special=bool(item.get("gdpr_special", False)),
                crosswalk=crosswalk,
            )
        )
    return Taxonomy(version=version, schemes=tuple(raw["schemes"]), entities=tuple(entities))


@cache
def load_taxonomy() -> Taxonomy:
    """The bundled taxonomy, parsed once."""
    import yaml  # deferred: keeps `import kp_core` cheap

    text = resources.files("kp_core.taxonomy").joinpath("taxonomy.yaml").read_text(encoding="utf-8")
    return _parse(yaml.safe_load(text))


@cache
def entity_names() -> tuple[str, ...]:
    return load_taxonomy().names


@cache
def _entity_name_set() -> frozenset[str]:
    return frozenset(entity_names())


@cache
def bioes_labels() -> tuple[str, ...]:
    """The 73 labels in the harness's order: O, then B/I/E/S for each type in taxonomy order."""
    return (OUTSIDE,) + tuple(f"{p}-{name}" for name in entity_names() for p in BIOES_PREFIXES)


@cache
def label2id() -> Mapping[str, int]:
    return MappingProxyType({label: i for i, label in enumerate(bioes_labels())})


def special_category_types() -> tuple[str, ...]:
    return tuple(e.name for e in load_taxonomy().entities if e.gdpr_special)


def is_kp_type(label: str) -> bool:
    return label in _entity_name_set()


def require_kp_type(label: str) -> str:
    if not is_kp_type(label):
        raise ValueError(f"label {label!r} is not a KP type (taxonomy {TAXONOMY_VERSION})")
    return label
