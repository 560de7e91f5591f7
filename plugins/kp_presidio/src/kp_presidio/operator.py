"""kp's keyed pseudonymizer as a presidio-anonymizer operator.

``KpPseudonymize`` replaces each value Presidio found with kp's surrogate for it
(:class:`kp_core.anonymize.pseudonymizer.Pseudonymizer`): the same value under the same key gets
the same surrogate, and a national ID, IBAN or card number gets one its own validators accept
(a PESEL stays a valid PESEL of the same sex and birth decade). Register it on an engine and
name it in an ``OperatorConfig``::

    engine = AnonymizerEngine()
    engine.add_anonymizer(KpPseudonymize)
    engine.anonymize(text, results, operators={"DEFAULT": kp_pseudonymize_config(key=KEY)})

presidio-anonymizer creates a fresh operator for each value, so what must outlive one value
travels in the config's params: :func:`kp_pseudonymize_config` puts one kp ``Pseudonymizer`` there,
shared by every value the config is used for (no two values then share a surrogate, and a vault
makes the assignments final and reversible). Params:

- ``pseudonymizer``: a kp ``Pseudonymizer`` (what the helper sets), or ``key`` (str or bytes, 16
  bytes or more; else ``KP_PSEUDONYM_KEY``): a new pseudonymizer per value, deterministic per key.
- ``language``, ``country``: the locale surrogates are drawn from (names, addresses, phones);
  a national ID's country otherwise comes from its entity name (``PL_PESEL``: PL).
- ``kp_type``: the KP type to pseudonymize as, for an entity name kp's crosswalk does not map
  (``ORGANIZATION``: ``ORG_PARTY``); otherwise it is read from the entity name.
"""

from __future__ import annotations

from os import PathLike
from typing import Any

from presidio_anonymizer.entities import OperatorConfig
from presidio_anonymizer.operators import Operator, OperatorType

from kp_core.anonymize.pseudonymizer import Pseudonymizer
from kp_core.errors import KpError
from kp_presidio.entities import entity_country, kp_type

OPERATOR_NAME = "kp_pseudonymize"
_PARAMS = ("pseudonymizer", "key", "language", "country", "kp_type", "entity_type")


class KpOperatorError(KpError, ValueError):
    """Params the kp_pseudonymize operator cannot use, or an entity type with no KP type."""


def kp_pseudonymize_config(
    key: bytes | str | None = None,
    *,
    vault: str | PathLike[str] | Any = None,
    language: str | None = None,
    country: str | None = None,
    random_key: bool = False,
    kp_type: str | None = None,
) -> OperatorConfig:
    """An ``OperatorConfig`` for :class:`KpPseudonymize` holding one kp ``Pseudonymizer`` (key
    from ``key`` or ``KP_PSEUDONYM_KEY``; ``vault``: a vault file, for reversible pseudonyms)."""
    pseudonymizer = Pseudonymizer(key, vault, language, country, random_key=random_key)
    params: dict[str, Any] = {"pseudonymizer": pseudonymizer}
    if kp_type is not None:
        params["kp_type"] = kp_type
    return OperatorConfig(OPERATOR_NAME, params)


def _label(params: dict[str, Any]) -> str:
    from kp_core.taxonomy import is_kp_type

    given = params.get("kp_type")
    if given is not None:
        if not is_kp_type(str(given)):
            raise KpOperatorError(f"{OPERATOR_NAME}: kp_type {given!r} is not a KP type (see `kp taxonomy`)")
        return str(given)
    entity = str(params.get("entity_type", ""))
    found = kp_type(entity)
    if found is None:
        raise KpOperatorError(
            f"{OPERATOR_NAME}: Presidio entity {entity!r} has no KP type in kp's presidio crosswalk; give it "
            "kp_type=... in the operator's params, or another operator for that entity"
        )
    return found


class KpPseudonymize(Operator):
    """presidio-anonymizer operator ``kp_pseudonymize``: kp's keyed, checksum-valid surrogates."""

    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        params = dict(params or {})
        label = _label(params)
        pseudonymizer = params.get("pseudonymizer")
        if pseudonymizer is None:
            pseudonymizer = Pseudonymizer(params.get("key"), None, params.get("language"), params.get("country"))
        entity = str(params.get("entity_type", ""))
        country = params.get("country") or entity_country(entity)
        return pseudonymizer.surrogate(label, text, language=params.get("language"), country=country)

    def validate(self, params: dict[str, Any] | None = None) -> None:
        params = dict(params or {})
        unknown = sorted(set(params) - set(_PARAMS))
        if unknown:
            raise KpOperatorError(f"{OPERATOR_NAME}: unknown params {', '.join(unknown)}; known: {', '.join(_PARAMS)}")
        given = params.get("pseudonymizer")
        if given is not None and not isinstance(given, Pseudonymizer):
            raise KpOperatorError(
                f"{OPERATOR_NAME}: pseudonymizer must be a kp Pseudonymizer, not {type(given).__name__} "
                "(use kp_pseudonymize_config(key=...))"
            )
        if given is None:
            from kp_core.anonymize.keys import resolve_key

            resolve_key(params.get("key"))  # no key: kp's MissingKeyError says where to give one
        _label(params)

    def operator_name(self) -> str:
        return OPERATOR_NAME

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize
