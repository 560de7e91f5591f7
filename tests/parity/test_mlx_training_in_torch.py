"""What MLX training writes is usable on the torch side: the merged folder loads in transformers,
the adapters load in PEFT, and both give the logits MLX gives."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from kp_core.training.config import TrainConfig
from kp_core.training.driver import train_with_recipe
from kp_mlx.models import load_model
from kp_mlx.recipe import MlxTokenRecipe
from tests.mlx.rows import write_rows
from tests.parity.tiny_models import build_checkpoint

TOLERANCE = 1e-4


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mlx-train")
    base = build_checkpoint("openai_privacy_filter", tmp)
    config = TrainConfig(
        family="moe-finetune", base=str(base), dataset=str(write_rows(tmp / "rows.jsonl", 48)), out=tmp / "out",
        epochs=1, lr=5e-3, batch_size=8, eval_fraction=0.25, device="mlx", progress=False,
        options={"lora_rank": 4, "lora_dropout": 0.0, "max_length": 32},
    )  # fmt: skip
    train_with_recipe(MlxTokenRecipe, config, echo=lambda _: None)
    return base, config.out


def _batch() -> tuple[np.ndarray, np.ndarray]:
    ids = np.arange(5, 5 + 2 * 14, dtype=np.int32).reshape(2, 14)
    mask = np.ones_like(ids)
    mask[1, 10:] = 0
    return ids, mask


def _mlx_logits(folder) -> np.ndarray:
    import mlx.core as mx

    model, _ = load_model(folder)
    ids, mask = _batch()
    return np.array(model(mx.array(ids), mx.array(mask)))


def _torch_logits(model) -> np.ndarray:
    ids, mask = _batch()
    with torch.inference_mode():
        return model(input_ids=torch.as_tensor(ids).long(), attention_mask=torch.as_tensor(mask).long()).logits.numpy()


def test_merged_folder_loads_in_transformers(trained):
    from transformers import AutoModelForTokenClassification

    _, out = trained
    model = AutoModelForTokenClassification.from_pretrained(str(out), use_safetensors=True).eval()
    real = _batch()[1].astype(bool)
    assert np.abs(_torch_logits(model) - _mlx_logits(out))[real].max() <= TOLERANCE


def test_adapters_load_in_peft(trained):
    from peft import PeftModel
    from transformers import AutoModelForTokenClassification

    base, out = trained
    model = AutoModelForTokenClassification.from_pretrained(str(base), use_safetensors=True)
    model = PeftModel.from_pretrained(model, str(out / "adapters")).merge_and_unload().eval()
    real = _batch()[1].astype(bool)
    assert np.abs(_torch_logits(model) - _mlx_logits(out))[real].max() <= TOLERANCE
