"""LoRA targets per encoder architecture: the attention's query/key/value and output projections."""

from __future__ import annotations

from typing import Any

# Leaf names (or dotted suffixes) of the attention projections, by transformers ``model_type``.
# DeBERTa names its projections ``*_proj``; BERT, RoBERTa, XLM-R and ELECTRA use bare names.
_BERT_LIKE = ("query", "key", "value", "attention.output.dense")
ATTENTION_PROJECTIONS: dict[str, tuple[str, ...]] = {
    "deberta-v2": ("query_proj", "key_proj", "value_proj", "attention.output.dense"),
    "deberta": ("in_proj", "attention.output.dense"),
    "distilbert": ("q_lin", "k_lin", "v_lin", "out_lin"),
    "bert": _BERT_LIKE,
    "roberta": _BERT_LIKE,
    "xlm-roberta": _BERT_LIKE,
    "xlm-roberta-xl": _BERT_LIKE,
    "electra": _BERT_LIKE,
    "camembert": _BERT_LIKE,
}


class LoraTargetError(ValueError):
    """No attention projection could be found for LoRA in the given model."""


def _linear_names(model: Any) -> list[str]:
    import torch.nn as nn

    return [name for name, module in model.named_modules() if isinstance(module, nn.Linear)]


def _matches(name: str, target: str) -> bool:
    return name == target or name.endswith("." + target)


def lora_target_modules(model: Any) -> list[str]:
    """The LoRA target module names (peft suffix syntax) that exist in ``model``.

    Known architectures use their table entry, keeping the entries actually present; an unknown
    architecture falls back to every linear layer inside an attention block. Raises
    :class:`LoraTargetError` when nothing matches, so a run never trains only the head by accident.
    """
    names = _linear_names(model)
    model_type = getattr(getattr(model, "config", None), "model_type", None)
    candidates = ATTENTION_PROJECTIONS.get(model_type or "")
    if candidates is not None:
        found = [t for t in candidates if any(_matches(n, t) for n in names)]
    else:
        found = sorted({n.split(".")[-1] for n in names if ".attention." in n or ".attn." in n or ".self_attn." in n})
    if not found:
        raise LoraTargetError(
            f"no attention projections found for LoRA in a {model_type or type(model).__name__} model; "
            "pass --full-finetune or --option lora_targets=name1,name2"
        )
    return found
