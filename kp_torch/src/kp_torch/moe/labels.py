"""Extending openai/privacy-filter's 33-label head (8 openai types) to the 73 KP BIOES labels.

Every KP row whose type has an openai counterpart (the ``openai`` crosswalk) starts as an exact
copy of the base row with the same prefix. Every other KP type starts as a copy of the four rows
of its nearest openai type (:data:`NEAREST_OPENAI`) with the bias lowered by ``margin``.

Why this keeps the base's decoded spans before training: the new rows of a type X copied from
type Y score exactly ``margin`` below Y's rows at every position, and BIOES transitions (and the
operating-point biases) do not depend on the type, so replacing X by Y along any path gives a valid
path that scores strictly higher. The Viterbi optimum therefore never uses a new type, and among
the remaining paths the scores differ from the base's only by a per-position constant (the
log-softmax normaliser over more rows), which does not change the argmax. Decoded spans equal the
base's spans mapped through the crosswalk; only their probabilities shrink a little (each new row
takes ``exp(-margin)`` of its source's mass).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

import attrs

from kp_core.decoding import BioesSpace, kp_space
from kp_core.taxonomy import OUTSIDE, entity_names
from kp_core.taxonomy.crosswalk import mapped_labels

SCHEME = "openai"
DEFAULT_MARGIN = 4.0

# KP types without an openai counterpart -> the openai type whose rows they start from: the one
# whose surface form is closest (identifiers -> account numbers, places -> addresses, parties and
# professionals -> persons). Only a starting point; training separates them.
NEAREST_OPENAI: Mapping[str, str] = MappingProxyType(
    {
        "NATIONAL_ID": "account_number",
        "MRN": "account_number",
        "CASE_NUMBER": "account_number",
        "COMPANY_ID": "account_number",
        "STATUTE_REF": "account_number",
        "HEALTH_CONDITION": "private_person",
        "PROVIDER": "private_person",
        "ORG_PARTY": "private_person",
        "FACILITY": "private_address",
        "COURT": "private_address",
    }
)


class LabelSpaceError(ValueError):
    """A base head kp cannot extend (not openai's labels, not KP's)."""


@attrs.frozen
class RowSource:
    """Where one KP row comes from: a base row index and the offset added to its bias."""

    base_row: int
    bias_offset: float


def kp_to_openai() -> dict[str, str]:
    """KP type -> openai label, for the types the crosswalk maps."""
    return {kp: native for native, kp in mapped_labels(SCHEME).items()}


def is_kp_space(labels: Sequence[str]) -> bool:
    return tuple(labels) == kp_space().labels


def head_plan(base_labels: Sequence[str], *, margin: float = DEFAULT_MARGIN) -> tuple[RowSource, ...]:
    """For every KP label (in ``kp_space()`` order), the base row it starts from and its bias offset."""
    if margin <= 0:
        raise LabelSpaceError(f"the new-type margin must be positive (got {margin}); 0 would let new types win")
    try:
        base = BioesSpace(base_labels)
    except ValueError as exc:
        raise LabelSpaceError(f"the base head is not a BIOES label space: {exc}") from None
    index = base.label2id
    direct = kp_to_openai()
    missing = sorted(set(direct.values()) - set(base.types))
    if missing:
        raise LabelSpaceError(
            f"the base head lacks openai types {', '.join(missing)}; expected openai/privacy-filter's labels "
            f"(types: {', '.join(base.types)})"
        )
    plan: list[RowSource] = []
    for label in kp_space().labels:
        if label == OUTSIDE:
            plan.append(RowSource(index[OUTSIDE], 0.0))
            continue
        prefix, _, kp_type = label.partition("-")
        if kp_type in direct:
            plan.append(RowSource(index[f"{prefix}-{direct[kp_type]}"], 0.0))
        else:
            plan.append(RowSource(index[f"{prefix}-{NEAREST_OPENAI[kp_type]}"], -float(margin)))
    return tuple(plan)


def _check_tables() -> None:
    direct = kp_to_openai()
    for kp_type in entity_names():
        if kp_type not in direct and kp_type not in NEAREST_OPENAI:
            raise LabelSpaceError(f"KP type {kp_type} has neither an openai counterpart nor a nearest type")


_check_tables()
