"""The baselines registry: the systems kp is compared against, read from ``baselines.yaml``.

Every entry names a system's Hub id, license, label format, crosswalk scheme to KP types and the
kp family that runs it (see the file's header for the fields). A malformed file or entry is a
:class:`BaselinesError` naming the file, the entry and the reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from kp_core.errors import KpError
from kp_core.taxonomy import BIOES_PREFIXES, OUTSIDE

REGISTRY_FILE = Path(__file__).with_name("baselines.yaml")
# Token classifiers (a head with one column per label) and the others (prompts, recognizers).
TOKEN_FORMATS = ("bioes", "bio", "io", "plain")
LABEL_FORMATS = TOKEN_FORMATS + ("prompt", "recognizer")
_REQUIRED = ("name", "system", "license", "family", "label_format", "scheme")
_KNOWN = set(_REQUIRED) | {
    "hub_id",
    "hub_id_verified",
    "native_labels",
    "native_types",
    "labels_verified",
    "unmapped",
    "notes",
}


class BaselinesError(KpError, ValueError):
    """A baselines registry that cannot be read (file, entry and reason in the message)."""


@attrs.frozen
class Baseline:
    """One comparison system."""

    name: str
    system: str
    hub_id: str | None
    license: str
    family: str
    label_format: str
    scheme: str
    native_labels: tuple[str, ...]  # token classifiers: id2label in column order
    unmapped: tuple[str, ...] = ()
    hub_id_verified: bool = False
    labels_verified: bool = False
    notes: str = ""

    @property
    def is_token_classifier(self) -> bool:
        return self.label_format in TOKEN_FORMATS

    @property
    def native_types(self) -> tuple[str, ...]:
        """The native entity types, prefixes off, in first-seen order (``O`` left out)."""
        seen: dict[str, None] = {}
        for label in self.native_labels:
            if label != OUTSIDE:
                seen.setdefault(native_type(label, self.label_format), None)
        return tuple(seen)


def native_type(label: str, label_format: str) -> str:
    """The entity type of a native label: its ``B-``/``I-``/``E-``/``S-`` prefix off for token
    formats that carry one; prompts, recognizer names and plain labels are types as they are."""
    if label_format in ("bioes", "bio", "io"):
        head, sep, rest = label.partition("-")
        if sep and head in BIOES_PREFIXES and rest:
            return rest
    return label


def _fail(where: str, reason: str) -> BaselinesError:
    return BaselinesError(f"{where}: {reason}")


def _strings(where: str, field: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(where, f"{field} must be a list of non-empty strings")
    return tuple(value)


def _labels(where: str, raw: Mapping[str, Any], label_format: str) -> tuple[str, ...]:
    if "native_types" in raw:  # a BIOES head: O, then B/I/E/S of each type (privacy-filter's layout)
        if label_format != "bioes":
            raise _fail(where, "native_types is for label_format bioes; list native_labels instead")
        if "native_labels" in raw:
            raise _fail(where, "give native_labels or native_types, not both")
        types = _strings(where, "native_types", raw["native_types"])
        return (OUTSIDE,) + tuple(f"{p}-{t}" for t in types for p in BIOES_PREFIXES)
    labels = _strings(where, "native_labels", raw.get("native_labels"))
    if len(set(labels)) != len(labels):
        dup = sorted({lab for lab in labels if labels.count(lab) > 1})
        raise _fail(where, f"native_labels repeats {', '.join(dup)}")
    if label_format in TOKEN_FORMATS:
        _check_token_labels(where, labels, label_format)
    return labels


def _check_token_labels(where: str, labels: tuple[str, ...], label_format: str) -> None:
    if labels.count(OUTSIDE) != 1:
        raise _fail(where, f"a token classifier's native_labels need exactly one {OUTSIDE!r}")
    allowed = {"bioes": set(BIOES_PREFIXES), "bio": {"B", "I"}, "io": {"I"}, "plain": set()}[label_format]
    for label in labels:
        if label == OUTSIDE:
            continue
        head, sep, rest = label.partition("-")
        prefixed = bool(sep and rest and head in BIOES_PREFIXES)
        if label_format == "plain" and prefixed:
            raise _fail(where, f"label {label!r} has a {head}- prefix but label_format is plain")
        if label_format != "plain" and (not prefixed or head not in allowed):
            raise _fail(where, f"label {label!r} does not fit label_format {label_format}")


def _entry(where: str, raw: Any, schemes: tuple[str, ...]) -> Baseline:
    from kp_core.taxonomy.crosswalk import to_kp

    if not isinstance(raw, dict):
        raise _fail(where, "an entry must be a mapping")
    missing = [field for field in _REQUIRED if not isinstance(raw.get(field), str) or not raw[field]]
    if missing:
        raise _fail(where, f"missing or empty {', '.join(missing)}")
    unknown = sorted(set(raw) - _KNOWN)
    if unknown:
        raise _fail(where, f"unknown field(s) {', '.join(unknown)}")
    where = f"{where} ({raw['name']})"
    label_format, scheme = raw["label_format"], raw["scheme"]
    if label_format not in LABEL_FORMATS:
        raise _fail(where, f"label_format {label_format!r}; expected one of {', '.join(LABEL_FORMATS)}")
    if scheme not in schemes:
        raise _fail(where, f"crosswalk scheme {scheme!r} does not exist; known: {', '.join(schemes)}")
    hub_id = raw.get("hub_id")
    if hub_id is not None and (not isinstance(hub_id, str) or hub_id.count("/") != 1):
        raise _fail(where, f"hub_id {hub_id!r} is not an owner/name id")
    baseline = Baseline(
        name=raw["name"],
        system=raw["system"],
        hub_id=hub_id,
        license=raw["license"],
        family=raw["family"],
        label_format=label_format,
        scheme=scheme,
        native_labels=_labels(where, raw, label_format),
        unmapped=_strings(where, "unmapped", raw.get("unmapped", [])),
        hub_id_verified=bool(raw.get("hub_id_verified", False)),
        labels_verified=bool(raw.get("labels_verified", False)),
        notes=str(raw.get("notes") or ""),
    )
    types = set(baseline.native_types)
    stray = [t for t in baseline.unmapped if t not in types]
    if stray:
        raise _fail(where, f"unmapped lists {', '.join(stray)}, which are not among its native labels")
    mapped_anyway = [t for t in baseline.unmapped if to_kp(scheme, t) is not None]
    if mapped_anyway:
        raise _fail(where, f"unmapped lists {', '.join(mapped_anyway)}, which scheme {scheme} maps")
    silent = [t for t in baseline.native_types if to_kp(scheme, t) is None and t not in baseline.unmapped]
    if silent:
        raise _fail(
            where, f"native type(s) {', '.join(silent)} have no KP type under {scheme}; map or list as unmapped"
        )
    return baseline


def parse_baselines(data: Any, source: str = "baselines.yaml") -> tuple[Baseline, ...]:
    """Entries of a parsed registry (``source`` names the file in errors)."""
    from kp_core.taxonomy import load_taxonomy
    from kp_core.taxonomy.crosswalk import schemes

    if not isinstance(data, dict) or not isinstance(data.get("baselines"), list):
        raise _fail(source, "expected a mapping with a 'baselines' list")
    wanted = str(data.get("taxonomy", ""))
    if wanted != load_taxonomy().version:
        raise _fail(source, f"written for taxonomy {wanted or '?'}, kp has {load_taxonomy().version}")
    known = schemes()
    entries = tuple(_entry(f"{source}: entry {i + 1}", raw, known) for i, raw in enumerate(data["baselines"]))
    for field in ("name", "hub_id"):
        values = [getattr(b, field) for b in entries if getattr(b, field) is not None]
        dup = sorted({v for v in values if values.count(v) > 1})
        if dup:
            raise _fail(source, f"{field} {', '.join(dup)} appears in more than one entry")
    return entries


def read_baselines(path: Path) -> tuple[Baseline, ...]:
    """Entries of the registry file at ``path``."""
    import yaml  # deferred: keeps `import kp_core` cheap

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(str(path), f"cannot read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise _fail(str(path), f"{line}not valid YAML ({getattr(exc, 'problem', None) or 'parse error'})") from None
    return parse_baselines(data, str(path))


@cache
def load_baselines() -> tuple[Baseline, ...]:
    """The bundled registry (read once)."""
    return read_baselines(REGISTRY_FILE)


def find_baseline(ref: str) -> Baseline | None:
    """The entry whose name or Hub id is ``ref`` (case-sensitive, as Hub ids are), or None."""
    for baseline in load_baselines():
        if ref in (baseline.name, baseline.hub_id):
            return baseline
    return None


def baseline_for_labels(labels: tuple[str, ...] | list[str]) -> Baseline | None:
    """The token-classifier entry whose native labels are exactly ``labels`` (in order), or None:
    a local copy of a baseline is recognised by its head."""
    wanted = tuple(labels)
    matches = [b for b in load_baselines() if b.is_token_classifier and b.native_labels == wanted]
    return matches[0] if len(matches) == 1 else None
