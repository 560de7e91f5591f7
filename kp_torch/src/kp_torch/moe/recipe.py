"""``kp train moe-finetune``: continue-finetune openai/privacy-filter into the KP label space.

The recipe loads the base (grouped_mm experts, eager attention), extends its head to the 73 KP
labels (see :mod:`kp_torch.moe.labels`), puts LoRA on attention (+ experts, optional) and trains
the head at its own learning rate; once training is over it merges the adapters and reports the
router load on the eval windows. kp-core's driver runs the steps, evaluation and checkpoints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import attrs

from kp_core.training.data import TrainingError
from kp_core.training.options import Option
from kp_torch.moe.adapters import HEAD_MODES, AdapterPlan
from kp_torch.moe.detector import FAMILY, OVERLAP, WINDOW
from kp_torch.moe.labels import DEFAULT_MARGIN
from kp_torch.moe.model import DEFAULT_BASE, DEFAULT_EXPERTS, EXPERTS_IMPLEMENTATIONS
from kp_torch.training.recipe import TorchTokenRecipe, token_options

HEAD_LR_FACTOR = 10.0  # the head's learning rate, as a multiple of --lr, unless --head-lr says


class MoeFinetuneRecipe(TorchTokenRecipe):
    """openai/privacy-filter (MoE) continue-finetuned into the KP BIOES labels."""

    family: ClassVar[str] = FAMILY
    default_base: ClassVar[str | None] = DEFAULT_BASE
    options: ClassVar[tuple[Option, ...]] = (
        *token_options(eval_batch_size=8),
        Option(name="expert_lora", kind=bool, default=False, help="LoRA on the experts' gate_up/down tensors too"),
        Option(name="attention_lora", kind=bool, default=True, help="LoRA on the attention's q/k/v/o"),
        Option(name="head", kind=str, default="full", choices=HEAD_MODES, help="train the KP head, or keep it frozen"),
        Option(
            name="head_lr",
            kind=float,
            default=None,
            help=f"the head's learning rate (default {HEAD_LR_FACTOR:g} x --lr)",
        ),
        Option(
            name="new_type_margin",
            kind=float,
            default=DEFAULT_MARGIN,
            help="how far below their source rows the KP types openai lacks start",
        ),
        Option(
            name="experts_implementation",
            kind=str,
            default=DEFAULT_EXPERTS,
            choices=EXPERTS_IMPLEMENTATIONS,
            help="how the experts run",
        ),
        Option(
            name="inference_window",
            kind=int,
            default=WINDOW,
            help="tokens per window when the saved model runs",
            affects_weights=False,
        ),
    )

    plan: AdapterPlan | None = None

    def adapter_plan(self) -> AdapterPlan | None:
        """None for --full-finetune (every weight trains)."""
        if self.opts["full_finetune"]:
            return None
        try:
            return AdapterPlan(
                rank=self.opts["lora_rank"],
                alpha=self.lora_alpha(),
                dropout=self.opts["lora_dropout"],
                attention=self.opts["attention_lora"],
                experts=self.opts["expert_lora"],
                head=self.opts["head"],
            )
        except ValueError as exc:
            raise TrainingError(str(exc)) from None

    def head_lr(self) -> float:
        given = self.opts["head_lr"]
        return float(given) if given is not None else HEAD_LR_FACTOR * self.run.config.lr

    def load_tokenizer(self, base: Path | str) -> Any:
        from kp_torch.moe.model import load_tokenizer

        return load_tokenizer(base)

    def build_model(self, base: Path | str) -> Any:
        from kp_torch.moe.adapters import apply_adapters
        from kp_torch.moe.head import extend_head
        from kp_torch.moe.model import BaseModelError, load_model
        from kp_torch_runtime.state import seed_torch

        self.plan = self.adapter_plan()
        try:
            model = load_model(base, experts=self.opts["experts_implementation"])
        except BaseModelError as exc:
            raise TrainingError(str(exc)) from None
        self.head_record = extend_head(model, margin=self.opts["new_type_margin"])
        if self.head_record["extended"]:
            labels = self.head_record
            self.echo(f"head: {len(labels['base_labels'])} openai labels -> {len(labels['labels'])} KP labels")
        seed_torch(self.run.config.seed)
        if self.plan is not None:
            model = apply_adapters(model, self.plan)
        trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
        total = sum(p.numel() for p in model.parameters())
        self.echo(f"trainable {trainable:,} of {total:,} parameters ({_describe_plan(self.plan)})")
        return model

    def lr_overrides(self) -> tuple[tuple[str, float], ...]:
        from kp_torch.moe.adapters import head_parameter_fragment

        if self.plan is None or self.plan.head == "full":
            return ((head_parameter_fragment(self.model), self.head_lr()),)
        return ()

    def merge(self, model: Any) -> Any:
        from kp_torch.moe.adapters import unwrap

        return unwrap(model)

    def final_figures(self, model: Any) -> dict[str, Any]:
        from kp_torch.moe.routing import RouterLoad

        router = RouterLoad(model)
        with router.counting():
            figures = super().final_figures(model)
        self.routing = router.report()
        summary = self.routing["summary"]
        self.echo(
            "router load (eval): min normalised entropy {min_normalized_entropy:.3f}, busiest expert share "
            "{max_share:.3f}, most idle experts in a block {max_idle_experts}".format(**summary)
            if self.routing["blocks"]
            else "router load (eval): no eval tokens"
        )
        return {
            **figures,
            "router_min_normalized_entropy": summary["min_normalized_entropy"],
            "router_max_share": summary["max_share"],
            "router_max_idle_experts": summary["max_idle_experts"],
        }

    def make_detector(self, model: Any) -> Any:
        from kp_torch.moe.detector import PrivacyFilterDetector

        window = self.opts["inference_window"]
        return PrivacyFilterDetector(
            model,
            self.tokenizer,
            model_id=str(self.run.out),
            device=self.device,
            max_length=window,
            overlap=min(OVERLAP, window // 4),
            batch_size=self.eval_batch,
            label_scheme=self.opts["subword_labels"],
        )

    def family_fields(self) -> dict[str, Any]:
        adapters = None if self.plan is None else {**attrs.asdict(self.plan), "head_lr": self.head_lr()}
        return {
            "labels": self.head_record["labels"],
            "head": {k: v for k, v in self.head_record.items() if k != "labels"},
            "max_length": self.opts["inference_window"],
            "train_max_length": self.opts["max_length"],
            "experts_implementation": self.opts["experts_implementation"],
            "adapters": adapters,
            "router_load": getattr(self, "routing", None),
        }


def _describe_plan(plan: AdapterPlan | None) -> str:
    if plan is None:
        return "full fine-tune"
    parts = [f"LoRA r={plan.rank}"]
    parts.append("on " + " + ".join(p for p, on in (("attention", plan.attention), ("experts", plan.experts)) if on))
    parts.append(f"head {plan.head}")
    return ", ".join(parts)
