"""``kp train gliner``: finetune a GLiNER model (or build one on an encoder) on kp rows.

Steps: data (validated; unknown labels are an error) -> template-disjoint split -> base model ->
GLiNER training records (KP types as their primary phrase, long documents in word windows) ->
training loop (AdamW, encoder and head learning rates, warmup + linear decay, resumable
checkpoints) -> eval (strict entity F1 on the whitespace grid) -> safetensors folder + kp.json.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs

from kp_core.plugins.manifest import write_kp_json
from kp_core.training.config import RunResult, TrainConfig
from kp_core.training.data import TrainingError, describe_split, parse_flag, parse_options, prepare_data
from kp_core.training.state import (
    changed_settings,
    checkpoint_name,
    checkpoint_root,
    epoch_order,
    latest_checkpoint,
    resume_refusal,
    step_folders,
)
from kp_core.types import Example
from kp_gliner.checkpoint import save_model
from kp_gliner.detector import DEFAULT_OVERLAP, FAMILY, GlinerDetector, subword_budget

# --option keys this family understands, with their parser.
OPTIONS: dict[str, Callable[[Any], Any]] = {
    "labels": str,  # label mapping: 'default', 'harness', a JSON object or a JSON file
    "encoder_lr": float,  # learning rate of the encoder; --lr is the GLiNER head's
    "freeze_encoder": parse_flag,
    "max_grad_norm": float,
    "max_words": int,  # window length in words (a new model's max_len)
    "overlap": int,  # window overlap in words
    "max_width": int,  # new model only: widest span in words
    "hidden_size": int,  # new model only
    "dropout": float,  # new model only
    "span_mode": str,  # new model only
    "max_types": int,  # new model only
    "threshold": float,  # recorded for inference and used for the eval figures
    "eval_batch_size": int,
    "keep_checkpoints": parse_flag,
    "progress": parse_flag,
}
DEFAULT_SAVE_EVERY = 200


def _options(config: TrainConfig) -> dict[str, Any]:
    return parse_options(config.options, OPTIONS, family=FAMILY)


def _check_flags(config: TrainConfig) -> None:
    # LoRA flags do not apply: GLiNER models are small and train fully (--option freeze_encoder
    # trains the head alone). max_length does not apply either: GLiNER's limit is in words.
    if config.push:
        raise TrainingError("--push is not available for gliner yet; publish the output folder separately")
    if config.batch_size < 1 or config.grad_accum < 1:
        raise TrainingError("--batch-size and --grad-accum must be >= 1")


def _param_groups(model: Any, *, lr: float, encoder_lr: float, weight_decay: float) -> list[dict[str, Any]]:
    """Encoder and head apart (GLiNER's own recipe), no weight decay on biases and norms."""
    groups: dict[tuple[bool, bool], list[Any]] = {}
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        encoder = "token_rep_layer" in name
        decay = not (name.endswith("bias") or "LayerNorm" in name or "layer_norm" in name or "norm." in name)
        groups.setdefault((encoder, decay), []).append(param)
    return [
        {"params": params, "lr": encoder_lr if encoder else lr, "weight_decay": weight_decay if decay else 0.0}
        for (encoder, decay), params in sorted(groups.items())
    ]


@attrs.define
class Plan:
    """The schedule's length, which a time budget may shorten once the step time is known."""

    total: int
    warmup: int

    def factor(self, step: int) -> float:
        if self.warmup and step < self.warmup:
            return (step + 1) / self.warmup
        return max(0.0, (self.total - step) / max(1, self.total - self.warmup))


# Steps timed to fit a --time-budget: the first few (allocator and thread warm-up) are skipped.
CALIBRATION_SKIP = 3
CALIBRATION_STEPS = 12


def fit_to_budget(plan: Plan, *, step: int, seconds: float, since: float, budget: float, warmup_ratio: float) -> None:
    """Shorten ``plan`` so the run ends, its learning rate decayed to zero, within ``budget``
    seconds, from the time the steps after ``CALIBRATION_SKIP`` took (``seconds - since``)."""
    per_step = (seconds - since) / max(1, step - CALIBRATION_SKIP)
    affordable = step + int(0.95 * (budget - seconds) / max(per_step, 1e-9))
    if affordable < plan.total:
        plan.total = max(step + 1, affordable)
        plan.warmup = min(plan.warmup, int(warmup_ratio * plan.total))


# --- resumable checkpoints -------------------------------------------------------------------------


def _save_checkpoint(out: Path, model: Any, optimizer: Any, state: dict[str, Any], keep: int = 2) -> Path:
    """model (safetensors) + optimizer tensors (safetensors) + state.json, renamed into place."""
    import os

    from safetensors.torch import save_file

    root = checkpoint_root(out)
    root.mkdir(parents=True, exist_ok=True)
    final = root / checkpoint_name(state["step"])
    tmp = root / f".tmp-{final.name}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    save_model(model, tmp)
    opt = optimizer.state_dict()
    tensors, scalars = {}, {}
    for index, entry in opt["state"].items():
        for key, value in entry.items():
            if hasattr(value, "dim"):
                tensors[f"{index}.{key}"] = value.detach().cpu().contiguous()
            else:
                scalars.setdefault(str(index), {})[key] = value
    save_file(tensors, str(tmp / "optimizer.safetensors"))
    payload = {**state, "optimizer": {"param_groups": opt["param_groups"], "scalars": scalars}}
    (tmp / "state.json").write_text(json.dumps(payload, indent=1), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    for stale in [p for p in step_folders(root) if p != final][: -(keep - 1) or None]:
        shutil.rmtree(stale, ignore_errors=True)
    return final


def _load_checkpoint(path: Path, model: Any, optimizer: Any, fingerprint: dict[str, Any]) -> dict[str, Any]:
    from safetensors.torch import load_file

    payload = json.loads((path / "state.json").read_text(encoding="utf-8"))
    changed = changed_settings(payload["fingerprint"], fingerprint)
    if changed:
        raise TrainingError(resume_refusal(path, changed))
    weights = load_file(str(path / "model.safetensors"))
    model.model.load_state_dict(weights, strict=True)
    tensors = load_file(str(path / "optimizer.safetensors"))
    meta = payload["optimizer"]
    state: dict[int, dict[str, Any]] = {}
    for key, tensor in tensors.items():
        index, name = key.split(".", 1)
        state.setdefault(int(index), {})[name] = tensor
    for index, scalars in meta["scalars"].items():
        state.setdefault(int(index), {}).update(scalars)
    optimizer.load_state_dict({"state": state, "param_groups": meta["param_groups"]})
    return payload


# --- evaluation --------------------------------------------------------------------------------------


def span_metrics(detector: GlinerDetector, examples: Sequence[Example]) -> dict[str, Any]:
    """Strict entity P/R/F1 on the whitespace grid (EuroPriv-Bench's definition)."""
    from kp_core.encoding.grid import gold_bioes, predicted_bioes
    from kp_core.metrics import entity_f1

    gold_tags, pred_tags, unscorable = [], [], 0
    predictions = detector.predict_spans([ex.text for ex in examples])
    for example, spans in zip(examples, predictions, strict=True):
        try:
            gold = gold_bioes(example.text, example.spans)
        except ValueError:  # two gold spans in one whitespace token: the strict grid cannot score it
            unscorable += 1
            continue
        gold_tags.append(gold)
        pred_tags.append(predicted_bioes(example.text, spans))
    scores = entity_f1(gold_tags, pred_tags) if gold_tags else {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    return {**scores, "rows": len(gold_tags), "rows_unscorable": unscorable}


# --- the run -----------------------------------------------------------------------------------------


def train(config: TrainConfig, *, echo: Callable[[str], None] = print) -> RunResult:
    """Train, evaluate and save a ``gliner`` checkpoint; returns the run's figures."""
    import numpy as np
    import torch
    from tqdm.auto import tqdm

    from kp_core.taxonomy import TAXONOMY_VERSION
    from kp_gliner.build import build_model
    from kp_gliner.convert import to_records
    from kp_gliner.labels import parse_prompts
    from kp_gliner.runtime import resolve_device, set_threads
    from kp_gliner.thresholds import parse_thresholds

    wall_start = time.perf_counter()
    options = _options(config)
    _check_flags(config)
    progress = bool(options.get("progress", True))
    out = Path(config.out)
    set_threads(config.threads)
    device = resolve_device(config.device)
    random.seed(config.seed)
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)

    data = prepare_data(config)
    echo(describe_split(data))
    model, origin = build_model(config.base, options, seed=config.seed)
    echo(f"{FAMILY}: {origin}; device {device}, {torch.get_num_threads()} threads")
    model.to(device)
    if options.get("freeze_encoder"):
        model.freeze_component("text_encoder")

    prompts = parse_prompts(options.get("labels")).primary()
    max_words = int(options.get("max_words", model.config.max_len))
    if max_words > int(model.config.max_len):
        raise TrainingError(f"--option max_words={max_words} exceeds the model's max_len ({model.config.max_len})")
    overlap = int(options.get("overlap", DEFAULT_OVERLAP))
    budget = subword_budget(model, prompts.phrases())
    converted = to_records(
        data.train, model=model, prompts=prompts, max_words=max_words, overlap=overlap,
        subword_budget=budget, seed=config.seed,
    )  # fmt: skip
    if converted.issues:
        echo("train spans not used: " + ", ".join(f"{k} {v}" for k, v in sorted(converted.issues.items())))
    records = converted.records
    if not records:
        raise TrainingError(f"--dataset {config.dataset}: no training windows (all rows empty?)")
    echo(f"windows: {len(records)} from {converted.documents} documents, {converted.spans} spans")

    batches_per_epoch = math.ceil(len(records) / config.batch_size)
    steps_per_epoch = max(1, batches_per_epoch // config.grad_accum)
    total = config.max_steps or max(1, math.ceil(steps_per_epoch * config.epochs))
    plan = Plan(total=total, warmup=int(total * config.warmup_ratio))
    encoder_lr = float(options.get("encoder_lr", config.lr / 10))
    optimizer = torch.optim.AdamW(
        _param_groups(model, lr=config.lr, encoder_lr=encoder_lr, weight_decay=config.weight_decay), lr=config.lr
    )
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, plan.factor)
    fingerprint = json.loads(
        json.dumps(
            {
                **{
                    k: getattr(config, k)
                    for k in "base epochs lr max_train max_eval max_steps eval_fraction seed "
                    "batch_size grad_accum warmup_ratio weight_decay".split()
                },  # fmt: skip
                "options": {k: v for k, v in options.items() if k not in ("progress", "keep_checkpoints")},
                "data_sha256": data.sha256,
            }
        )
    )
    out.mkdir(parents=True, exist_ok=True)
    state: dict[str, Any] = {
        "step": 0, "micro_batches": 0, "losses": [], "train_seconds": 0.0, "samples": 0,
        "planned_steps": plan.total, "warmup_steps": plan.warmup,
    }  # fmt: skip
    resumed_from = None
    if config.resume and (latest := latest_checkpoint(out)) is not None:
        payload = _load_checkpoint(latest, model, optimizer, fingerprint)
        state = {k: payload[k] for k in state}
        # A resumed run keeps the schedule its first part fitted to the budget.
        plan.total, plan.warmup = state["planned_steps"], state["warmup_steps"]
        for _ in range(state["step"]):
            scheduler.step()
        resumed_from = state["step"]
        echo(f"resumed from step {resumed_from}")
    elif not config.resume:
        shutil.rmtree(checkpoint_root(out), ignore_errors=True)

    collator = model._create_data_collator()
    save_every = config.save_every if config.save_every is not None else DEFAULT_SAVE_EVERY
    max_norm = float(options.get("max_grad_norm", 1.0))
    autocast = config.bf16 and device.startswith("cuda")
    stopped_by_budget = False
    model.train()
    bar = tqdm(total=plan.total, initial=state["step"], desc="gliner train", unit="step", disable=not progress)
    pending: list[float] = []
    started = time.perf_counter() - state["train_seconds"]
    calibration_start = 0.0
    while state["step"] < plan.total:
        epoch, position = divmod(state["micro_batches"], batches_per_epoch)
        order = epoch_order(len(records), config.seed, epoch)
        rows = [records[i] for i in order[position * config.batch_size : (position + 1) * config.batch_size]]
        batch = {k: v.to(device) if hasattr(v, "to") else v for k, v in collator(rows).items()}
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=autocast):
            loss = model(**batch).loss
        if not torch.isfinite(loss):
            raise TrainingError(f"loss became {loss.item()} at step {state['step'] + 1}; lower --lr")
        (loss / config.grad_accum).backward()
        pending.append(loss.item())
        state["micro_batches"] += 1
        state["samples"] += len(rows)
        if len(pending) < config.grad_accum:
            continue
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        state["step"] += 1
        state["losses"].append(sum(pending) / len(pending))
        pending = []
        state["train_seconds"] = time.perf_counter() - started
        budget = config.time_budget_s
        if budget is not None and resumed_from is None:
            if state["step"] == CALIBRATION_SKIP:
                calibration_start = state["train_seconds"]
            elif state["step"] == CALIBRATION_STEPS:
                fit_to_budget(
                    plan, step=state["step"], seconds=state["train_seconds"], since=calibration_start,
                    budget=budget, warmup_ratio=config.warmup_ratio,
                )  # fmt: skip
                state["planned_steps"], state["warmup_steps"] = plan.total, plan.warmup
                if plan.total != bar.total:
                    echo(f"time budget of {budget:g}s: schedule fitted to {plan.total} steps")
                    bar.total = plan.total
        bar.update(1)
        bar.set_postfix(loss=f"{state['losses'][-1]:.3f}")
        if save_every and state["step"] % save_every == 0 and state["step"] < plan.total:
            _save_checkpoint(out, model, optimizer, {**state, "fingerprint": fingerprint})
        if budget is not None and state["train_seconds"] >= budget and state["step"] < plan.total:
            stopped_by_budget = True
            echo(f"time budget of {budget:g}s reached at step {state['step']} of {plan.total}")
            _save_checkpoint(out, model, optimizer, {**state, "fingerprint": fingerprint})
            break
    bar.close()
    model.eval()

    thresholds = parse_thresholds(options.get("threshold"), None)
    detector = GlinerDetector(
        model,
        model_id=str(out),
        prompts=prompts,
        thresholds=thresholds,
        batch_size=int(options.get("eval_batch_size", 8)),
        max_words=max_words,
        overlap=overlap,
    )
    eval_metrics = span_metrics(detector, data.eval) if data.eval else {}
    losses = state["losses"]
    tail = losses[-max(1, len(losses) // 10) :] if losses else []
    metrics = {
        **{f"eval_{k}": v for k, v in eval_metrics.items()},
        "train_loss_first": losses[0] if losses else None,
        "train_loss_last": losses[-1] if losses else None,
        "train_loss_final_mean": sum(tail) / len(tail) if tail else None,
    }
    save_model(model, out)
    finished = state["step"] >= plan.total
    if finished and not options.get("keep_checkpoints", False):
        shutil.rmtree(checkpoint_root(out), ignore_errors=True)
    samples_per_s = state["samples"] / state["train_seconds"] if state["train_seconds"] else 0.0
    write_kp_json(
        out,
        {
            "family": FAMILY,
            "base": config.base,
            "base_origin": origin,
            "gliner_model_type": type(model).__name__,
            "taxonomy_version": TAXONOMY_VERSION,
            "inference": {
                "labels": prompts.to_json(),
                "thresholds": thresholds.to_json(),
                "max_words": max_words,
                "overlap": overlap,
            },
            "training": config.to_json(),
            "data": {
                "path": str(config.dataset),
                "sha256": data.sha256,
                "train_examples": len(data.train),
                "eval_examples": len(data.eval),
                "train_windows": len(records),
                "train_spans": converted.spans,
                "spans_not_used": converted.issues,
                "split": data.split_info,
            },
            "seed": config.seed,
            "run": {
                "device": device,
                "threads": torch.get_num_threads(),
                "steps": state["step"],
                "planned_steps": plan.total,
                "time_budget_s": config.time_budget_s,
                "stopped_by_budget": stopped_by_budget,
                "resumed_from": resumed_from,
                "train_seconds": round(state["train_seconds"], 2),
                "train_samples_per_s": round(samples_per_s, 3),
                "wall_seconds": round(time.perf_counter() - wall_start, 2),
                "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
            },
            "metrics": metrics,
        },
    )
    return RunResult(
        out=out,
        family=FAMILY,
        base=config.base,
        train_examples=len(data.train),
        eval_examples=len(data.eval),
        steps=state["step"],
        train_seconds=state["train_seconds"],
        train_samples_per_s=samples_per_s,
        device=device,
        metrics=metrics,
    )
