"""kp-torch's entry point: registers the torch families through kp's hooks.

The torch device backends (cpu, cuda, mps) come from kp-torch-runtime's own entry point. Nothing
here imports torch; the modules named below import it when they run.
"""

from __future__ import annotations

from kp_core.plugins.hookspecs import hookimpl


@hookimpl
def kp_register_families(register):
    from kp_torch.classifier import FAMILIES as CLASSIFIER_FAMILIES
    from kp_torch.export.family import FAMILIES as ONNX_FAMILIES
    from kp_torch.hf_token import FAMILIES as HF_FAMILIES
    from kp_torch.moe import FAMILIES as MOE_FAMILIES
    from kp_torch.xlmr_ner import FAMILIES

    for family in FAMILIES + MOE_FAMILIES + HF_FAMILIES + CLASSIFIER_FAMILIES + ONNX_FAMILIES:
        register(family)
