"""Presidio entity type -> KP type: the two tables the ``presidio`` family maps through.

``harness`` is EuroPriv-Bench's own table (``PresidioAdapter.PRESIDIO_TO_KP``), read from the
installed harness, never copied, so kp's Presidio row is scored on the same types as the public
leaderboard's. ``kp`` is kp's presidio crosswalk (``kp_core.taxonomy.crosswalk``), which also
maps the European recognizers (IT_FISCAL_CODE, ES_NIF, PL_PESEL, UK_NINO, IT_VAT_CODE, ...).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from kp_core.errors import KpError

HARNESS = "harness"
KP = "kp"
MAPPINGS = (HARNESS, KP)


class MappingError(KpError, ValueError):
    """An unknown mapping name, or the harness mapping asked for where the harness is not installed."""


def harness_available() -> bool:
    """Whether EuroPriv-Bench's adapters import here (its package needs Python >= 3.13)."""
    try:
        from europriv_bench.adapters import PresidioAdapter  # noqa: F401
    except ImportError:
        return False
    return True


def default_mapping() -> str:
    """``harness`` where the harness is importable (head-to-head parity with its leaderboard), else ``kp``."""
    return HARNESS if harness_available() else KP


def harness_table() -> Mapping[str, str]:
    """The harness's PresidioAdapter.PRESIDIO_TO_KP, as installed."""
    try:
        from europriv_bench.adapters import PresidioAdapter
    except ImportError as exc:
        raise MappingError(
            "the harness mapping reads EuroPriv-Bench's PresidioAdapter table, and europriv_bench does not "
            f"import here ({type(exc).__name__}); install europriv-bench (Python >= 3.13) or use presidio:kp"
        ) from None
    return MappingProxyType(dict(PresidioAdapter.PRESIDIO_TO_KP))


def kp_table() -> Mapping[str, str]:
    """kp's presidio crosswalk: every predefined recognizer's entity that has a KP type."""
    from kp_core.taxonomy.crosswalk import mapped_labels

    return MappingProxyType(mapped_labels("presidio"))


def table(name: str) -> Mapping[str, str]:
    if name == HARNESS:
        return harness_table()
    if name == KP:
        return kp_table()
    raise MappingError(f"unknown presidio mapping {name!r}; known: {', '.join(MAPPINGS)}")


def family_labels() -> tuple[str, ...]:
    """The KP types either mapping can give (the harness's are a subset of kp's: a test holds it),
    read without importing the harness, so registering the family stays cheap."""
    return tuple(sorted(set(kp_table().values())))
