"""``kp train xlmr-ner``: LoRA (or full) fine-tuning of a token-classification encoder on KP labels.

Steps: device -> data (validated; unknown labels are an error) -> template-disjoint split -> base
model with a 73-label head -> LoRA on the attention projections -> windows + BIOES labels ->
training loop (resumable) -> merge LoRA -> eval (loss, strict F1/F2) -> ``save_pretrained`` folder
with the tokenizer and ``kp.json``.
"""

from __future__ import annotations

import json
import random
import shutil
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from kp_core.plugins.manifest import write_kp_json
from kp_core.training.config import RunResult, TrainConfig
from kp_core.training.data import (
    PreparedData,
    TrainingError,
    alignment_note,
    check_label_scheme,
    describe_split,
    parse_flag,
    parse_list,
    parse_options,
)
from kp_core.training.data import prepare_data as prepare_rows
from kp_core.training.state import data_record, loop_metrics, run_record, run_result, tail_mean
from kp_torch.training.checkpoint import checkpoint_root
from kp_torch.training.loop import LoopConfig, LoopState, run_training

FAMILY = "xlmr-ner"
DEFAULT_SAVE_EVERY = 100
# --option keys this family understands, with their parser.
OPTIONS: dict[str, Callable[[Any], Any]] = {
    "label_scheme": str,  # "first" (first subword of each word) or "all" (every subword)
    "lora_targets": parse_list,
    "window_overlap": int,
    "keep_checkpoints": parse_flag,
    "eval_batch_size": int,
    "max_grad_norm": float,
    "progress": parse_flag,
}
DEFAULT_SCHEME = "all"


def _options(config: TrainConfig) -> dict[str, Any]:
    out = parse_options(config.options, OPTIONS, family=FAMILY)
    check_label_scheme(out, DEFAULT_SCHEME)
    return out


def prepare_data(config: TrainConfig) -> PreparedData:
    """The dataset, split by ``template_id`` when every row names one (generated data), else by skeleton."""
    return prepare_rows(config, grouping="auto")


def build_model(config: TrainConfig, base: Path | str, options: dict[str, Any], echo: Callable[[str], None]) -> Any:
    """The base encoder with a fresh 73-label KP head, wrapped with LoRA unless --full-finetune."""
    import torch
    from transformers import AutoModelForTokenClassification
    from transformers.utils import logging as hf_logging

    from kp_core.taxonomy import bioes_labels
    from kp_torch.training.lora import lora_target_modules

    labels = list(bioes_labels())
    torch.manual_seed(config.seed)
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # the load report lists the new head as "missing": expected here
    try:
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
    if config.full_finetune:
        return model
    from peft import LoraConfig, TaskType, get_peft_model

    targets = options.get("lora_targets") or lora_target_modules(model)
    lora = LoraConfig(
        task_type=TaskType.TOKEN_CLS,
        r=config.lora_rank,
        lora_alpha=config.lora_alpha or 2 * config.lora_rank,
        lora_dropout=config.lora_dropout,
        target_modules=targets,
    )
    torch.manual_seed(config.seed)
    with warnings.catch_warnings():
        # peft still calls a transformers method that transformers 5 deprecates.
        warnings.filterwarnings("ignore", category=FutureWarning, message=".*is_gradient_checkpointing.*")
        model = get_peft_model(model, lora)
    trainable, total = model.get_nb_trainable_parameters()
    if trainable == 0:
        raise TrainingError(f"LoRA on {targets} left no trainable parameters")
    echo(f"LoRA r={config.lora_rank} on {', '.join(targets)}: {trainable:,} of {total:,} parameters trainable")
    return model


def _fingerprint(config: TrainConfig, sha: str, batch_size: int, options: dict[str, Any]) -> dict[str, Any]:
    """What must match for --resume to continue a run rather than mix two."""
    keys = (
        "base epochs lr lora_rank lora_alpha lora_dropout full_finetune max_train max_eval max_steps max_length "
        "eval_fraction seed grad_accum warmup_ratio weight_decay bf16"
    ).split()
    out = {k: getattr(config, k) for k in keys}
    out.update(data_sha256=sha, batch_size=batch_size, label_scheme=options["label_scheme"])
    return json.loads(json.dumps(out))


def train(
    config: TrainConfig,
    *,
    echo: Callable[[str], None] = print,
    on_step: Callable[[LoopState], None] | None = None,
) -> RunResult:
    """Train, evaluate and save an ``xlmr-ner`` checkpoint; returns the run's figures."""
    import numpy as np
    import torch
    from transformers import AutoTokenizer

    from kp_core.bases import resolve_base
    from kp_core.taxonomy import TAXONOMY_VERSION
    from kp_torch.engine import EncoderDetector
    from kp_torch.runtime import select_runtime
    from kp_torch.tokens import require_fast
    from kp_torch.training.features import encode_examples
    from kp_torch.training.max_util import choose_batch_size
    from kp_torch.training.scoring import eval_loss, span_metrics

    wall_start = time.perf_counter()
    options = _options(config)
    progress = bool(options.get("progress", True))
    out = Path(config.out)
    runtime = select_runtime(config.device, config.threads, echo=echo)
    echo(f"{FAMILY}: {runtime.describe()}")
    if config.bf16 and runtime.device == "cpu":
        echo("note: --bf16 on cpu runs bfloat16 autocast, which is slower than fp32 on most CPUs")
    random.seed(config.seed)
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)

    data = prepare_data(config)
    echo(describe_split(data))
    base = resolve_base(config.base)
    tokenizer = AutoTokenizer.from_pretrained(str(base), use_fast=True)
    require_fast(tokenizer)
    model = build_model(config, base, options, echo)
    model.to(runtime.device)

    scheme = options["label_scheme"]
    overlap = options.get("window_overlap")
    train_set = encode_examples(tokenizer, data.train, max_length=config.max_length, scheme=scheme, overlap=overlap)
    eval_set = encode_examples(tokenizer, data.eval, max_length=config.max_length, scheme=scheme, overlap=overlap)
    for name, encoded in (("train", train_set), ("eval", eval_set)):
        if note := alignment_note(name, encoded.issues, encoded.issue_examples):
            echo(note)
    echo(f"windows: train {train_set.n_windows} (from {len(data.train)} docs), eval {eval_set.n_windows}")

    choice = choose_batch_size(
        model,
        train_set.features.input_ids,
        train_set.features.labels,
        pad_id=train_set.features.pad_id,
        device=runtime.device,
        requested=config.batch_size,
        enabled=config.max_util,
        override=config.max_util_batch_size,
        bf16=config.bf16,
    )
    for line in choice.log:
        echo(f"max-util: {line}")

    loop_config = LoopConfig(
        batch_size=choice.batch_size,
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
    )
    fingerprint = _fingerprint(config, data.sha256, choice.batch_size, options)
    out.mkdir(parents=True, exist_ok=True)
    if not config.resume and checkpoint_root(out).exists():
        shutil.rmtree(checkpoint_root(out))  # a fresh run never picks up another run's state
    result = run_training(
        model,
        train_set.features,
        loop_config,
        device=runtime.device,
        out=out,
        fingerprint=fingerprint,
        resume=config.resume,
        on_step=on_step,
        progress=progress,
    )
    state = result.state
    if result.resumed_from is not None:
        echo(f"resumed from step {result.resumed_from}")

    if not config.full_finetune:
        model = model.merge_and_unload()
    model.eval()
    loss = eval_loss(model, eval_set.features, device=runtime.device, batch_size=options.get("eval_batch_size", 32))
    detector = EncoderDetector(
        model,
        tokenizer,
        model_id=str(out),
        name=FAMILY,
        device=runtime.device,
        max_length=config.max_length,
        overlap=overlap,
        batch_size=options.get("eval_batch_size", 32),
        label_scheme=scheme,
    )
    eval_metrics = span_metrics(detector, data.eval) if data.eval else {}
    samples_per_s = state.samples_per_s
    metrics = {
        **loop_metrics(loss, eval_metrics, state),
        "train_loss_final_mean": tail_mean(state.losses),
    }

    model.save_pretrained(str(out), safe_serialization=True)
    tokenizer.save_pretrained(str(out))
    finished = state.step >= state.total_steps
    if finished and not options.get("keep_checkpoints", False):
        shutil.rmtree(checkpoint_root(out), ignore_errors=True)
    training_record = config.to_json()
    training_record.update(batch_size=choice.batch_size, label_scheme=scheme)
    write_kp_json(
        out,
        {
            "family": FAMILY,
            "base": config.base,
            "base_model_type": getattr(model.config, "model_type", None),
            "taxonomy_version": TAXONOMY_VERSION,
            "label_scheme": scheme,
            "max_length": config.max_length,
            "training": training_record,
            **run_records(config, data, train_set, runtime, state, result, samples_per_s, wall_start),
            "metrics": metrics,
        },
    )
    return finish_run(FAMILY, config, out, data, state, runtime.device, metrics, echo)


def run_records(
    config: TrainConfig,
    data: PreparedData,
    train_set: Any,
    runtime: Any,
    state: LoopState,
    result: Any,
    samples_per_s: float,
    wall_start: float,
) -> dict[str, Any]:
    """The ``data``, ``seed`` and ``run`` sections of kp.json, shared by the torch families."""
    return {
        "data": data_record(config, data, train_windows=train_set.n_windows, alignment_issues=train_set.issues),
        "seed": config.seed,
        "run": run_record(
            state,
            where={"device": runtime.device, "threads": runtime.threads},
            resumed_from=result.resumed_from,
            samples_per_s=samples_per_s,
            wall_start=wall_start,
        ),
    }


def finish_run(
    family: str,
    config: TrainConfig,
    out: Path,
    data: PreparedData,
    state: LoopState,
    device: str,
    metrics: dict[str, Any],
    echo: Callable[[str], None],
) -> RunResult:
    """Push the saved folder when asked, print the run summary and return the RunResult."""
    pushed = False
    if config.push:
        from kp_torch.publish import push_folder

        push_folder(out, config.push_id, echo=echo)
        pushed = True
    run = attrs.evolve(run_result(family, config, data, state, device=device, metrics=metrics), pushed=pushed)
    echo(run_summary(run, state))
    return run


def run_summary(run: RunResult, state: LoopState) -> str:
    m = run.metrics
    lines = [
        f"run summary ({run.family}, base {run.base}, {run.device})",
        f"  data      train {run.train_examples} docs, eval {run.eval_examples} docs",
        f"  training  {run.steps} steps in {run.train_seconds:.1f} s, {run.train_samples_per_s:.1f} windows/s"
        + (" (stopped at the time budget)" if state.stopped_by_budget else ""),
    ]
    if m.get("train_loss_first") is not None:
        lines.append(f"  loss      {m['train_loss_first']:.4f} -> {m['train_loss_final_mean']:.4f} (end of run)")
    if "eval_f1" in m:
        lines.append(
            f"  eval      loss {m['eval_loss']:.4f}, strict F1 {m['eval_f1']:.4f} "
            f"(P {m['eval_precision']:.4f}, R {m['eval_recall']:.4f}), F2 {m['eval_f2']:.4f}"
        )
    lines.append(f"  saved     {run.out}" + (" (pushed)" if run.pushed else ""))
    return "\n".join(lines)
