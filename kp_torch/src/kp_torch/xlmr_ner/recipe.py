"""``kp train xlmr-ner``: LoRA (or full) fine-tuning of a token-classification encoder on KP labels.

The recipe builds the base encoder with a fresh 73-label head, wraps it with LoRA on the attention
projections (unless ``--full-finetune``), and merges the adapters when training is over; kp-core's
driver runs the steps, evaluation, checkpoints and kp.json.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from kp_core.training.common_options import LORA_TARGETS, non_negative
from kp_core.training.data import TrainingError
from kp_core.training.options import Option
from kp_torch.training.recipe import TorchTokenRecipe, token_options

FAMILY = "xlmr-ner"
HEAD_LR = Option(
    name="head_lr",
    kind=non_negative,
    default=None,
    help="Learning rate of the new classification head [default: --lr].",
)
TRAIN_EMBEDDINGS = Option(
    name="train_embeddings",
    kind=bool,
    default=False,
    help="With --full-finetune, train the word embeddings too (most of the weights; off: frozen).",
)


def build_model(
    base: Path | str,
    *,
    seed: int,
    options: dict[str, Any],
    echo: Callable[[str], None],
) -> Any:
    """The base encoder with a fresh 73-label KP head, wrapped with LoRA unless ``full_finetune``.

    Torch is seeded before the head is drawn and again before the adapters are, so a given seed
    gives the same starting weights whatever ran before.
    """
    import torch
    from transformers import AutoModelForTokenClassification
    from transformers.utils import logging as hf_logging

    from kp_core.taxonomy import bioes_labels
    from kp_torch.training.lora import lora_target_modules

    labels = list(bioes_labels())
    torch.manual_seed(seed)
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # the load report lists the new head as "missing": expected here
    from kp_torch_runtime.hub import loading

    try:
        with loading(base):  # an unreachable Hub id is a refusal; no library bars off a terminal
            model = AutoModelForTokenClassification.from_pretrained(
                str(base),
                num_labels=len(labels),
                id2label=dict(enumerate(labels)),
                label2id={label: i for i, label in enumerate(labels)},
                ignore_mismatched_sizes=True,  # a base that already has a head of another size gets a new one
                use_safetensors=None,
                trust_remote_code=False,
            )
    finally:
        hf_logging.set_verbosity(verbosity)
    echo(f"base {base}: {getattr(model.config, 'model_type', '?')} encoder with a new {len(labels)}-label KP head")
    if options["full_finetune"]:
        if not options.get("train_embeddings"):
            # XLM-R's 250k-row embedding table is most of the weights: frozen, a full finetune
            # updates the encoder and head only, and the optimizer state stays small.
            model.get_input_embeddings().requires_grad_(False)
        trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
        echo(f"full finetune: {trainable:,} parameters trainable")
        return model
    from peft import LoraConfig, TaskType, get_peft_model

    rank = options["lora_rank"]
    targets = list(options.get("lora_targets") or ()) or lora_target_modules(model)
    lora = LoraConfig(
        task_type=TaskType.TOKEN_CLS,
        r=rank,
        lora_alpha=options["lora_alpha"] or 2 * rank,
        lora_dropout=options["lora_dropout"],
        target_modules=targets,
    )
    torch.manual_seed(seed)
    with warnings.catch_warnings():
        # peft still calls a transformers method that transformers 5 deprecates.
        warnings.filterwarnings("ignore", category=FutureWarning, message=".*is_gradient_checkpointing.*")
        model = get_peft_model(model, lora)
    trainable, total = model.get_nb_trainable_parameters()
    if trainable == 0:
        raise TrainingError(f"LoRA on {targets} left no trainable parameters")
    echo(f"LoRA r={rank} on {', '.join(targets)}: {trainable:,} of {total:,} parameters trainable")
    return model


class XlmrNerRecipe(TorchTokenRecipe):
    """Token-classification encoders (XLM-R, mDeBERTa-v3, BERT family) on the 73 KP BIOES labels."""

    family: ClassVar[str] = FAMILY
    options: ClassVar[tuple[Option, ...]] = (
        *token_options(eval_batch_size=32),
        LORA_TARGETS,
        HEAD_LR,
        TRAIN_EMBEDDINGS,
    )

    def lr_overrides(self) -> tuple[tuple[str, float], ...]:
        head_lr = self.opts.get("head_lr")
        return (("classifier", float(head_lr)),) if head_lr else ()

    def build_model(self, base: Path | str) -> Any:
        from kp_torch.training.lora import LoraTargetError

        try:
            return build_model(base, seed=self.run.config.seed, options=self.opts, echo=self.echo)
        except LoraTargetError as exc:
            raise TrainingError(str(exc)) from None

    def make_detector(self, model: Any) -> Any:
        from kp_torch.engine import EncoderDetector

        return EncoderDetector(
            model,
            self.tokenizer,
            model_id=str(self.run.out),
            name=FAMILY,
            device=self.device,
            max_length=self.opts["max_length"],
            overlap=self.opts["window_overlap"],
            batch_size=self.eval_batch,
            label_scheme=self.opts["subword_labels"],
        )

    def family_fields(self) -> dict[str, Any]:
        return {"max_length": self.opts["max_length"]}
