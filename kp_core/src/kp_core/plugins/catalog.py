"""Which distribution provides which first-party family: data for install hints, never for logic.

Model resolution asks the registry what is installed; this table only turns "not installed" into
the command that fixes it.
"""

from __future__ import annotations

# family (or capability) -> the distribution(s) that provide it; the first word is what to install.
FIRST_PARTY: dict[str, str] = {
    "xlmr-ner": "kp-torch",
    "moe-finetune": "kp-torch (or kp-mlx)",
    "gliner": "kp-gliner",
    "hf-token-classification": "kp-torch",
    "classifier": "kp-torch",
    "presidio": "kp-presidio",
}

# command -> the distribution that adds it to ``kp``. ``kp export`` is kp-core's own group: its
# targets and their distributions are listed in kp_core.cli.export.TARGETS.
FIRST_PARTY_COMMANDS: dict[str, str] = {}


def install_hint(family_name: str) -> str:
    """What to install for ``family_name``, e.g. ``install kp-torch: pip install kp-torch``."""
    provider = FIRST_PARTY.get(family_name)
    if provider is None:
        return f"install the plugin distribution that provides the {family_name!r} family"
    return f"install {provider}: pip install {provider.split()[0]}"
