"""LoRA targets per architecture: attention query/key/value and output projections."""

from __future__ import annotations

import pytest
import torch.nn as nn

from kp_torch.training.lora import LoraTargetError, lora_target_modules

EXPECTED = {
    "bert": ["query", "key", "value", "attention.output.dense"],
    "xlmr": ["query", "key", "value", "attention.output.dense"],
    "deberta": ["query_proj", "key_proj", "value_proj", "attention.output.dense"],
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_targets_found_per_architecture(tiny_bases, kind) -> None:
    from peft import LoraConfig, TaskType, get_peft_model
    from transformers import AutoModelForTokenClassification

    model = AutoModelForTokenClassification.from_pretrained(str(tiny_bases[kind]), num_labels=73)
    targets = lora_target_modules(model)
    assert targets == EXPECTED[kind]
    peft_model = get_peft_model(model, LoraConfig(task_type=TaskType.TOKEN_CLS, r=4, target_modules=targets))
    wrapped = {name.rsplit(".", 1)[0] for name, _ in peft_model.named_parameters() if "lora_A" in name}
    # Two layers x four projections, and never the feed-forward output.dense.
    assert len(wrapped) == 2 * 4
    assert not any(".output.dense" in w and ".attention." not in w for w in wrapped)
    trainable = {n for n, p in peft_model.named_parameters() if p.requires_grad}
    assert any("classifier" in n for n in trainable)  # the head is trained too


class _Config:
    def __init__(self, model_type: str) -> None:
        self.model_type = model_type


class _Unknown(nn.Module):
    def __init__(self, with_attention: bool) -> None:
        super().__init__()
        self.config = _Config("mystery")
        block = nn.Module()
        if with_attention:
            block.attention = nn.Module()
            block.attention.qkv = nn.Linear(4, 12)
            block.attention.proj = nn.Linear(4, 4)
        block.mlp = nn.Linear(4, 4)
        self.layer = nn.ModuleList([block])


def test_unknown_architecture_uses_linear_layers_inside_attention() -> None:
    assert lora_target_modules(_Unknown(with_attention=True)) == ["proj", "qkv"]


def test_no_attention_projection_is_an_error() -> None:
    with pytest.raises(LoraTargetError, match="mystery"):
        lora_target_modules(_Unknown(with_attention=False))
