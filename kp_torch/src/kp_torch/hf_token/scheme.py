"""Which crosswalk scheme maps a head's native types to KP types.

In order: the scheme named in the reference (``hf:SCHEME:REF``); none when every type already is
a KP type; the baselines registry's entry for the reference (its name or Hub id) or for a head with
exactly these labels (a local copy of a baseline); the one scheme under which every type maps.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from kp_core.errors import KpError
from kp_core.evaluation.baselines import baseline_for_labels, find_baseline
from kp_core.taxonomy import entity_names
from kp_core.taxonomy.crosswalk import CrosswalkError, infer_scheme, schemes, to_kp


class SchemeError(KpError, ValueError):
    """A head whose labels kp cannot map to KP types (the message says what to pass)."""


def split_scheme(ref: str) -> tuple[str | None, str]:
    """(scheme, reference) of ``SCHEME:REF``; (None, ref) when ``ref`` names no known scheme."""
    head, sep, rest = ref.partition(":")
    if sep and rest and head in schemes():
        return head, rest
    return None, ref


def resolve_scheme(ref: str, labels: Sequence[str], types: Sequence[str], explicit: str | None = None) -> str | None:
    """The scheme for a head (None: its types are KP types), or a SchemeError saying what to pass."""
    if explicit is not None:
        if explicit not in schemes():
            raise SchemeError(f"unknown crosswalk scheme {explicit!r}; known: {', '.join(schemes())}")
        return explicit
    if set(types) <= set(entity_names()):
        return None
    entry = find_baseline(ref) or baseline_for_labels(tuple(labels))
    if entry is not None:
        return entry.scheme
    try:
        return infer_scheme(types)
    except CrosswalkError as exc:
        raise SchemeError(f"{ref}: its labels are not KP types and {exc}: load it as 'hf:SCHEME:{ref}'") from None


def dropped_types(scheme: str | None, types: Sequence[str]) -> list[str]:
    """Native types with no KP type under ``scheme`` (their spans are dropped, as the harness does)."""
    if scheme is None:
        return []
    return [t for t in types if to_kp(scheme, t) is None]


def note_dropped(ref: str, scheme: str | None, types: Sequence[str]) -> None:
    """Say once, on stderr, which native types are dropped (label names only, never text)."""
    dropped = dropped_types(scheme, types)
    if not dropped:
        return
    message = (
        f"note: {ref}: {len(dropped)} label type(s) have no KP type under crosswalk {scheme} and are dropped: "
        f"{', '.join(dropped)}"
    )
    print(message, file=sys.stderr)
