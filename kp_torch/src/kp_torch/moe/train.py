"""``kp train moe-finetune``: continue-finetune openai/privacy-filter into the KP label space.

Steps: data (validated, template-disjoint split, shared with xlmr-ner) -> base privacy-filter
model (grouped_mm experts, eager attention) -> head extended to the 73 KP labels (see
:mod:`kp_torch.moe.labels`) -> LoRA on attention (+ experts, optional) and the head -> the shared
resumable training loop, the head at its own learning rate -> merge -> eval loss with the router
load report, strict F1/F2 -> ``save_pretrained`` folder with the tokenizer and ``kp.json``.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kp_core.plugins.manifest import write_kp_json
from kp_core.training.config import RunResult, TrainConfig
from kp_core.training.data import TrainingError, alignment_note, check_label_scheme, describe_split, parse_flag
from kp_core.training.data import parse_options as parse_option_table
from kp_core.training.state import loop_metrics, tail_mean
from kp_torch.moe.adapters import AdapterPlan, apply_adapters, head_parameter_fragment, unwrap
from kp_torch.moe.detector import FAMILY, OVERLAP, WINDOW, PrivacyFilterDetector
from kp_torch.moe.labels import DEFAULT_MARGIN
from kp_torch.moe.model import DEFAULT_BASE, DEFAULT_EXPERTS, check_experts, load_model, load_tokenizer
from kp_torch.training.checkpoint import checkpoint_root
from kp_torch.training.loop import LoopConfig, LoopState, run_training

DEFAULT_SAVE_EVERY = 100


# --option keys this family understands, with their parser.
OPTIONS: dict[str, Callable[[Any], Any]] = {
    "expert_lora": parse_flag,  # LoRA on the experts' gate_up/down tensors too
    "attention_lora": parse_flag,  # LoRA on q/k/v/o (default on)
    "head": str,  # "full" (train the KP head, default) or "frozen"
    "head_lr": float,  # the head's learning rate (default 10 x --lr)
    "new_type_margin": float,  # how far below their source rows new KP types start
    "experts_implementation": check_experts,
    "label_scheme": str,  # "all" (every subword, default) or "first"
    "window_overlap": int,
    "inference_window": int,  # tokens per window at inference (default 4096)
    "keep_checkpoints": parse_flag,
    "eval_batch_size": int,
    "max_grad_norm": float,
    "progress": parse_flag,
}


def parse_options(config: TrainConfig) -> dict[str, Any]:
    out = parse_option_table(config.options, OPTIONS, family=FAMILY)
    check_label_scheme(out, "all")
    out.setdefault("head_lr", 10 * config.lr)
    out.setdefault("new_type_margin", DEFAULT_MARGIN)
    out.setdefault("experts_implementation", DEFAULT_EXPERTS)
    return out


def adapter_plan(config: TrainConfig, options: dict[str, Any]) -> AdapterPlan | None:
    """None for --full-finetune (every weight trains)."""
    if config.full_finetune:
        return None
    try:
        return AdapterPlan(
            rank=config.lora_rank,
            alpha=config.lora_alpha or 2 * config.lora_rank,
            dropout=config.lora_dropout,
            attention=options.get("attention_lora", True),
            experts=options.get("expert_lora", False),
            head=options.get("head", "full"),
        )
    except ValueError as exc:
        raise TrainingError(str(exc)) from None


def fingerprint(config: TrainConfig, sha: str, options: dict[str, Any]) -> dict[str, Any]:
    """What must match for --resume to continue a run rather than mix two."""
    keys = (
        "base epochs lr batch_size lora_rank lora_alpha lora_dropout full_finetune max_train max_eval max_steps "
        "max_length eval_fraction seed grad_accum warmup_ratio weight_decay bf16"
    ).split()
    out = {k: getattr(config, k) for k in keys}
    out.update(data_sha256=sha, options={k: v for k, v in options.items() if k not in ("progress", "eval_batch_size")})
    return json.loads(json.dumps(out))


def train(
    config: TrainConfig,
    *,
    echo: Callable[[str], None] = print,
    on_step: Callable[[LoopState], None] | None = None,
) -> RunResult:
    """Train, evaluate and save a ``moe-finetune`` checkpoint; returns the run's figures."""
    import numpy as np
    import torch

    from kp_core.bases import resolve_base
    from kp_core.taxonomy import TAXONOMY_VERSION
    from kp_torch.moe.head import extend_head
    from kp_torch.moe.routing import RouterLoad
    from kp_torch.runtime import select_runtime
    from kp_torch.tokens import require_fast
    from kp_torch.training.features import encode_examples
    from kp_torch.training.scoring import eval_loss, span_metrics
    from kp_torch.xlmr_ner.train import finish_run, prepare_data, run_records

    wall_start = time.perf_counter()
    options = parse_options(config)
    plan = adapter_plan(config, options)
    progress = bool(options.get("progress", True))
    out = Path(config.out)
    runtime = select_runtime(config.device, config.threads, echo=echo)
    echo(f"{FAMILY}: {runtime.describe()}")
    random.seed(config.seed)
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)

    data = prepare_data(config)
    echo(describe_split(data))
    base = resolve_base(config.base or DEFAULT_BASE)
    tokenizer = load_tokenizer(base)
    require_fast(tokenizer)
    model = load_model(base, experts=options["experts_implementation"])
    head_record = extend_head(model, margin=options["new_type_margin"])
    if head_record["extended"]:
        echo(f"head: {len(head_record['base_labels'])} openai labels -> {len(head_record['labels'])} KP labels")
    torch.manual_seed(config.seed)
    if plan is not None:
        model = apply_adapters(model, plan)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    echo(f"trainable {trainable:,} of {total:,} parameters ({_describe_plan(plan)})")
    model.to(runtime.device)

    scheme = options["label_scheme"]
    overlap = options.get("window_overlap")
    train_set = encode_examples(tokenizer, data.train, max_length=config.max_length, scheme=scheme, overlap=overlap)
    eval_set = encode_examples(tokenizer, data.eval, max_length=config.max_length, scheme=scheme, overlap=overlap)
    for name, encoded in (("train", train_set), ("eval", eval_set)):
        if note := alignment_note(name, encoded.issues, encoded.issue_examples):
            echo(note)
    echo(f"windows: train {train_set.n_windows} (from {len(data.train)} docs), eval {eval_set.n_windows}")

    overrides: tuple[tuple[str, float], ...] = ()
    if plan is None or plan.head == "full":
        overrides = ((head_parameter_fragment(model), float(options["head_lr"])),)
    loop_config = LoopConfig(
        batch_size=config.batch_size,
        lr=config.lr,
        epochs=config.epochs,
        max_steps=config.max_steps,
        grad_accum=config.grad_accum,
        warmup_ratio=config.warmup_ratio,
        weight_decay=config.weight_decay,
        seed=config.seed,
        save_every=config.save_every if config.save_every is not None else DEFAULT_SAVE_EVERY,
        time_budget_s=config.time_budget_s,
        bf16=config.bf16,
        num_workers=config.num_workers,
        max_grad_norm=options.get("max_grad_norm", 1.0),
        lr_overrides=overrides,
    )
    out.mkdir(parents=True, exist_ok=True)
    if not config.resume and checkpoint_root(out).exists():
        shutil.rmtree(checkpoint_root(out))  # a fresh run never picks up another run's state
    result = run_training(
        model,
        train_set.features,
        loop_config,
        device=runtime.device,
        out=out,
        fingerprint=fingerprint(config, data.sha256, options),
        resume=config.resume,
        on_step=on_step,
        progress=progress,
    )
    state = result.state
    if result.resumed_from is not None:
        echo(f"resumed from step {result.resumed_from}")

    model = unwrap(model)
    model.eval()
    eval_batch = options.get("eval_batch_size", 8)
    router = RouterLoad(model)
    with router.counting():
        loss = eval_loss(model, eval_set.features, device=runtime.device, batch_size=eval_batch)
    routing = router.report()
    window = int(options.get("inference_window", WINDOW))
    detector = PrivacyFilterDetector(
        model,
        tokenizer,
        model_id=str(out),
        device=runtime.device,
        max_length=window,
        overlap=min(OVERLAP, window // 4),
        batch_size=eval_batch,
        label_scheme=scheme,
    )
    eval_metrics = span_metrics(detector, data.eval) if data.eval else {}
    samples_per_s = state.samples_per_s
    metrics = {
        **loop_metrics(loss, eval_metrics, state),
        "train_loss_final_mean": tail_mean(state.losses),
        "router_min_normalized_entropy": routing["summary"]["min_normalized_entropy"],
        "router_max_share": routing["summary"]["max_share"],
        "router_max_idle_experts": routing["summary"]["max_idle_experts"],
    }
    echo(
        "router load (eval): min normalised entropy {min_normalized_entropy:.3f}, busiest expert share "
        "{max_share:.3f}, most idle experts in a block {max_idle_experts}".format(**routing["summary"])
        if routing["blocks"]
        else "router load (eval): no eval tokens"
    )

    model.save_pretrained(str(out), safe_serialization=True)
    tokenizer.save_pretrained(str(out))
    if state.step >= state.total_steps and not options.get("keep_checkpoints", False):
        shutil.rmtree(checkpoint_root(out), ignore_errors=True)
    write_kp_json(
        out,
        {
            "family": FAMILY,
            "base": config.base,
            "base_model_type": getattr(model.config, "model_type", None),
            "taxonomy_version": TAXONOMY_VERSION,
            "label_scheme": scheme,
            "labels": head_record["labels"],
            "head": {k: v for k, v in head_record.items() if k != "labels"},
            "max_length": window,
            "train_max_length": config.max_length,
            "experts_implementation": options["experts_implementation"],
            "adapters": None if plan is None else {**_plan_json(plan), "head_lr": options["head_lr"]},
            "training": config.to_json(),
            **run_records(config, data, train_set, runtime, state, result, samples_per_s, wall_start),
            "metrics": metrics,
            "router_load": routing,
        },
    )
    return finish_run(FAMILY, config, out, data, state, runtime.device, metrics, echo)


def _plan_json(plan: AdapterPlan) -> dict[str, Any]:
    import attrs

    return attrs.asdict(plan)


def _describe_plan(plan: AdapterPlan | None) -> str:
    if plan is None:
        return "full fine-tune"
    parts = [f"LoRA r={plan.rank}"]
    parts.append("on " + " + ".join(p for p, on in (("attention", plan.attention), ("experts", plan.experts)) if on))
    parts.append(f"head {plan.head}")
    return ", ".join(parts)
