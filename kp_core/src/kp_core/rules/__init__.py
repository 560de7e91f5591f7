"""The ``rules`` family: checksum-validated patterns, no machine learning, always available.

See :mod:`kp_core.rules.detector` for what it finds and its precision-first policy.
"""

from __future__ import annotations

from typing import Any

from kp_core.plugins.registry import Family

# The KP types the rules detector finds (kp_core.rules.detector); never PERSON, ADDRESS, ORG...
RULES_LABELS = ("NATIONAL_ID", "ACCOUNT_ID", "COMPANY_ID", "EMAIL", "URL", "PHONE", "DATE")


def _load(ref: str = "builtin", *, device: str = "auto", **options: Any):
    from kp_core.rules.detector import RulesDetector

    if ref not in ("builtin", "rules"):
        from kp_core.plugins.models import ModelResolutionError

        raise ModelResolutionError(
            f"the rules family has one model, 'builtin'; got {ref!r} (an operating point goes in --operating-point)"
        )
    return RulesDetector(**options)


FAMILIES: tuple[Family, ...] = (
    Family(
        name="rules",
        description="Checksum-validated patterns: 15 national IDs, IBAN, cards (Luhn), e-mail, URL, EU phones, dates.",
        frameworks=(),
        load=_load,
        default_model="builtin",
        labels=RULES_LABELS,
    ),
)
