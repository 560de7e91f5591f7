"""The ``hf-token-classification`` family: any transformers token classifier whose labels are in
another scheme (BIO, I-only, plain or BIOES), its output mapped to KP types through a crosswalk.

References: ``hf:REF`` or ``hf:SCHEME:REF`` (``REF`` a folder or a Hub id), or the family's own
name in front (``hf-token-classification:SCHEME:REF``). Without a scheme it comes from the
baselines registry or the labels themselves (:mod:`kp_torch.hf_token.scheme`). A privacy-filter
checkpoint (OpenMed's, openai's) is handed to the moe-finetune family's detector with that scheme.

Importing this package is cheap: torch and transformers load inside ``load``.
"""

from __future__ import annotations

from typing import Any

from kp_core.plugins.registry import Family

NAME = "hf-token-classification"


def load(ref: str, *, device: str = "auto", threads: int | None = None, **options: Any) -> Any:
    """``[SCHEME:]REF`` -> a :class:`ForeignLabelDetector` (or a privacy-filter detector)."""
    from kp_torch.hf_token.scheme import split_scheme

    scheme, model_ref = split_scheme(ref)
    if _is_privacy_filter(model_ref):
        from kp_torch.moe.detector import PrivacyFilterDetector

        return PrivacyFilterDetector.from_pretrained(
            model_ref, device=device, threads=threads, scheme=scheme, **options
        )
    from kp_torch.hf_token.detector import ForeignLabelDetector

    return ForeignLabelDetector.from_pretrained(model_ref, device=device, threads=threads, scheme=scheme, **options)


def _is_privacy_filter(ref: str) -> bool:
    """Whether a local folder holds a privacy-filter model (Hub ids go by the registry instead)."""
    import json
    from pathlib import Path

    from kp_torch.moe.model import MODEL_TYPE

    config = Path(ref).expanduser() / "config.json"
    try:
        return json.loads(config.read_text(encoding="utf-8")).get("model_type") == MODEL_TYPE
    except (OSError, ValueError, AttributeError):
        return False


FAMILY = Family(
    name=NAME,
    description="Any transformers token classifier in another label scheme (BIO, I-only, plain), mapped to KP types",
    frameworks=("torch",),
    load=load,
)

FAMILIES = (FAMILY,)
