"""What a moe-finetune run trains: LoRA on attention (default), optionally on the experts'
weight tensors (peft ``target_parameters``), and the KP head in full (default) or frozen."""

from __future__ import annotations

from typing import Any

import attrs

ATTENTION = ("q_proj", "k_proj", "v_proj", "o_proj")
EXPERT_TENSORS = ("mlp.experts.gate_up_proj", "mlp.experts.down_proj")
HEAD = "score"
HEAD_MODES = ("full", "frozen")


@attrs.frozen(kw_only=True)
class AdapterPlan:
    rank: int
    alpha: int
    dropout: float
    attention: bool = True
    experts: bool = False
    head: str = "full"

    def __attrs_post_init__(self) -> None:
        if self.head not in HEAD_MODES:
            raise ValueError(f"head mode {self.head!r}; choose from {', '.join(HEAD_MODES)}")
        if not (self.attention or self.experts) and self.head == "frozen":
            raise ValueError("nothing to train: no attention LoRA, no expert LoRA and a frozen head")


def apply_adapters(model: Any, plan: AdapterPlan) -> Any:
    """The peft-wrapped model (or the model itself, head-only, when no LoRA is asked for)."""
    if not (plan.attention or plan.experts):
        for name, param in model.named_parameters():
            param.requires_grad = name.startswith(HEAD + ".")
        return model
    from peft import LoraConfig, get_peft_model

    lora = LoraConfig(
        r=plan.rank,
        lora_alpha=plan.alpha,
        # peft cannot apply dropout inside a parameter LoRA (x is not factored out of the expert
        # matmul), so expert LoRA runs without dropout on every adapter.
        lora_dropout=0.0 if plan.experts else plan.dropout,
        target_modules=list(ATTENTION) if plan.attention else None,
        target_parameters=list(EXPERT_TENSORS) if plan.experts else None,
        modules_to_save=[HEAD] if plan.head == "full" else None,
    )
    return get_peft_model(model, lora)


def head_parameter_fragment(model: Any) -> str:
    """The name fragment of the trainable head's parameters (for their own learning rate)."""
    names = [n for n, p in model.named_parameters() if p.requires_grad and f"{HEAD}." in n]
    if any("modules_to_save" in n for n in names):
        return f"{HEAD}.modules_to_save"
    return f"{HEAD}."


def unwrap(model: Any) -> Any:
    """The plain transformers model with every adapter merged in."""
    return model.merge_and_unload() if hasattr(model, "merge_and_unload") else model
