"""``kp train moe-finetune --device mlx``: LoRA (or full) fine-tuning of a token classifier in MLX.

Steps: data (validated; unknown labels are an error) -> template-disjoint split -> base folder
loaded in MLX -> head over the 73 KP labels (rows of labels the base knew are kept) -> LoRA on
the attention projections -> windows + BIOES labels (``kp_core.encoding.alignment``) -> AdamW with
warm-up and linear decay, gradient clipping, accumulation, resumable checkpoints -> eval (loss,
strict F1/F2 through the core decoding path) -> a ``save_pretrained``-compatible folder (merged
weights, tokenizer, ``kp.json``) plus the adapters in PEFT's format under ``adapters/``.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from kp_core.plugins.manifest import write_kp_json
from kp_core.training import data as training_data
from kp_core.training.config import RunResult, TrainConfig
from kp_core.training.data import TrainingError
from kp_core.training.state import (
    LoopState,
    changed_settings,
    checkpoint_name,
    checkpoint_root,
    data_record,
    epoch_order,
    latest_checkpoint,
    loop_metrics,
    resume_refusal,
    run_record,
    run_result,
    step_folders,
)
from kp_core.types import Example

FAMILY = "moe-finetune"
ADAPTERS = "adapters"
DEFAULT_SCHEME = "first"
OPTIONS: dict[str, Callable[[Any], Any]] = {
    "label_scheme": str,
    "lora_targets": training_data.parse_list,
    "window_overlap": int,
    "max_grad_norm": float,
    "head_scheme": str,  # crosswalk scheme of the base head's labels (default: openai)
    "progress": training_data.parse_flag,
}
_TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")


def parse_options(config: TrainConfig) -> dict[str, Any]:
    out = training_data.parse_options(config.options, OPTIONS, family=f"{FAMILY} on mlx")
    training_data.check_label_scheme(out, DEFAULT_SCHEME)
    return out


def check_flags(config: TrainConfig) -> None:
    """Shared flags MLX training does not honour are errors, never silently ignored."""
    refused = {
        "--max-util": config.max_util or config.max_util_batch_size is not None,
        "--bf16": config.bf16,
        "--num-workers": config.num_workers > 0,
        "--push": config.push,
        "--threads": config.threads is not None,
    }
    bad = [flag for flag, used in refused.items() if used]
    if bad:
        raise TrainingError(
            f"{', '.join(bad)}: not available for {FAMILY} on mlx (MLX picks its own threads and memory; "
            "publish a finished folder with kp-torch's tools)"
        )


def masked_cross_entropy(logits: Any, labels: Any) -> tuple[Any, Any]:
    """(sum of token cross-entropies over labelled positions, number of labelled positions)."""
    import mlx.core as mx
    import mlx.nn as nn

    valid = labels != -100
    ce = nn.losses.cross_entropy(logits.astype(mx.float32), mx.where(valid, labels, 0), reduction="none")
    return (ce * valid).sum(), valid.sum()


def pad_rows(rows: Sequence[Sequence[int]], labels: Sequence[Sequence[int]], pad_id: int) -> tuple[Any, Any, Any]:
    import mlx.core as mx

    width = max(len(r) for r in rows)
    ids = np.full((len(rows), width), pad_id, dtype=np.int32)
    mask = np.zeros((len(rows), width), dtype=np.int32)
    lab = np.full((len(rows), width), -100, dtype=np.int32)
    for i, (r, y) in enumerate(zip(rows, labels, strict=True)):
        ids[i, : len(r)], mask[i, : len(r)], lab[i, : len(y)] = r, 1, y
    return mx.array(ids), mx.array(mask), mx.array(lab)


def eval_loss(model: Any, windows: Any, pad_id: int, batch_size: int = 32) -> float:
    import mlx.core as mx

    if not len(windows):
        return float("nan")
    total, count = 0.0, 0
    model.eval()
    for start in range(0, len(windows), batch_size):
        ids, mask, labels = pad_rows(
            windows.input_ids[start : start + batch_size], windows.labels[start : start + batch_size], pad_id
        )
        loss_sum, n = masked_cross_entropy(model(ids, mask), labels)
        mx.eval(loss_sum, n)
        total, count = total + float(loss_sum), count + int(n)
    return total / max(count, 1)


def span_metrics(detector: Any, examples: Sequence[Example]) -> dict[str, float]:
    """Strict entity P/R/F1 and F2 on the whitespace grid, with the harness's fairness mask."""
    from kp_core.encoding.grid import GoldAlignmentError, gold_bioes, predicted_bioes
    from kp_core.metrics import entity_f1, entity_f2
    from kp_core.metrics.tags import fairness_mask, tag_types

    predictions = detector.predict_spans([ex.text for ex in examples])
    gold_tags, pred_tags, unscorable = [], [], 0
    for example, spans in zip(examples, predictions, strict=True):
        try:
            gold = gold_bioes(example.text, example.spans)
        except GoldAlignmentError:
            unscorable += 1  # two gold spans in one whitespace token: not scorable the harness's way
            continue
        gold_tags.append(gold)
        pred_tags.append(predicted_bioes(example.text, spans))
    pred_tags = fairness_mask(pred_tags, tag_types(gold_tags))
    f1, f2 = entity_f1(gold_tags, pred_tags), entity_f2(gold_tags, pred_tags)
    return {
        "precision": f1["precision"],
        "recall": f1["recall"],
        "f1": f1["f1"],
        "f2": f2["f2"],
        "docs": float(len(gold_tags)),
        "unscorable_docs": float(unscorable),
    }


def _schedule(lr: float, total: int, warmup: int) -> Any:
    import mlx.optimizers as optim

    decay = optim.linear_schedule(lr, 0.0, max(1, total - warmup))
    if warmup <= 0:
        return decay
    return optim.join_schedules([optim.linear_schedule(0.0, lr, warmup), decay], [warmup])


def _save_checkpoint(out: Path, model: Any, optimizer: Any, state: LoopState, fingerprint: dict[str, Any]) -> Path:
    import mlx.core as mx
    from mlx.utils import tree_flatten

    root = checkpoint_root(out)
    root.mkdir(parents=True, exist_ok=True)
    final = root / checkpoint_name(state.step)
    tmp = root / f".tmp-{final.name}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    mx.save_safetensors(str(tmp / "trainable.safetensors"), dict(tree_flatten(model.trainable_parameters())))
    opt = {k: v for k, v in tree_flatten(optimizer.state) if isinstance(v, mx.array)}
    mx.save_safetensors(str(tmp / "optimizer.safetensors"), opt)
    payload = {"loop": state.to_json(), "fingerprint": fingerprint}
    (tmp / "state.json").write_text(json.dumps(payload, indent=1), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    for stale in [p for p in step_folders(root) if p != final][:-1]:
        shutil.rmtree(stale, ignore_errors=True)
    return final


def _load_checkpoint(path: Path, model: Any, optimizer: Any, fingerprint: dict[str, Any]) -> LoopState:
    import mlx.core as mx
    from mlx.utils import tree_unflatten

    payload = json.loads((path / "state.json").read_text(encoding="utf-8"))
    changed = changed_settings(payload["fingerprint"], fingerprint)
    if changed:
        raise TrainingError(resume_refusal(path, changed))
    model.load_weights(list(mx.load(str(path / "trainable.safetensors")).items()), strict=False)
    optimizer.state = tree_unflatten(list(mx.load(str(path / "optimizer.safetensors")).items()))
    return LoopState.from_json(payload["loop"])


def run_loop(
    model: Any,
    windows: Any,
    config: TrainConfig,
    *,
    pad_id: int,
    out: Path,
    fingerprint: dict[str, Any],
    max_grad_norm: float,
    progress: bool,
    echo: Callable[[str], None],
) -> tuple[LoopState, int | None]:
    """The optimisation loop; returns the final state and the step it resumed from (if any)."""
    import mlx.core as mx
    import mlx.nn as nn
    import mlx.optimizers as optim
    from mlx.utils import tree_map
    from tqdm.auto import tqdm

    n = len(windows)
    per_epoch = math.ceil(n / config.batch_size)
    total = max(1, math.ceil(per_epoch * config.epochs / config.grad_accum))
    if config.max_steps is not None:
        total = min(total, config.max_steps)
    warmup = round(total * config.warmup_ratio)
    optimizer = optim.AdamW(learning_rate=_schedule(config.lr, total, warmup), weight_decay=config.weight_decay)
    state = LoopState(total_steps=total, warmup_steps=warmup)
    resumed_from = None
    if config.resume:
        latest = latest_checkpoint(out)
        if latest is None:
            raise TrainingError(f"--resume: no checkpoint under {checkpoint_root(out)}")
        state = _load_checkpoint(latest, model, optimizer, fingerprint)
        resumed_from = state.step
    elif checkpoint_root(out).exists():
        shutil.rmtree(checkpoint_root(out))  # a fresh run never picks up another run's state

    def loss_fn(m: Any, ids: Any, mask: Any, labels: Any) -> Any:
        total_ce, count = masked_cross_entropy(m(ids, mask), labels)
        return total_ce / mx.maximum(count, 1)

    step_grad = nn.value_and_grad(model, loss_fn)
    save_every = config.save_every or 100
    model.train()
    bar = tqdm(total=total, initial=state.step, desc="train", unit="step", disable=not progress, dynamic_ncols=True)
    started = time.perf_counter() - state.train_seconds
    accumulated, micro_losses = None, []
    while state.step < total:
        epoch, position = divmod(state.micro_batches, per_epoch)
        order = epoch_order(n, config.seed, epoch)
        batch = order[position * config.batch_size : (position + 1) * config.batch_size]
        ids, mask, labels = pad_rows([windows.input_ids[i] for i in batch], [windows.labels[i] for i in batch], pad_id)
        loss, grads = step_grad(model, ids, mask, labels)
        accumulated = grads if accumulated is None else tree_map(mx.add, accumulated, grads)
        mx.eval(loss, accumulated)
        micro_losses.append(float(loss))
        state.micro_batches += 1
        state.samples += len(batch)
        state.tokens += int(mask.sum())
        if state.micro_batches % config.grad_accum and state.micro_batches % per_epoch:
            continue
        count = len(micro_losses)
        grads = tree_map(lambda g, c=count: g / c, accumulated)
        grads, _ = optim.clip_grad_norm(grads, max_grad_norm)
        optimizer.update(model, grads)
        mx.eval(model.trainable_parameters(), optimizer.state)
        state.step += 1
        state.losses.append(float(np.mean(micro_losses)))
        accumulated, micro_losses = None, []
        state.train_seconds = time.perf_counter() - started
        bar.update(1)
        bar.set_postfix(loss=f"{state.losses[-1]:.4f}")
        if config.time_budget_s is not None and state.train_seconds >= config.time_budget_s and state.step < total:
            state.stopped_by_budget = True
            echo(f"time budget reached after {state.step} of {total} steps")
            break
        if state.step % save_every == 0 and state.step < total:
            _save_checkpoint(out, model, optimizer, state, fingerprint)
    bar.close()
    if state.stopped_by_budget:
        _save_checkpoint(out, model, optimizer, state, fingerprint)
    return state, resumed_from


def _fingerprint(config: TrainConfig, sha: str, options: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "base epochs lr lora_rank lora_alpha lora_dropout full_finetune max_train max_eval max_steps max_length "
        "eval_fraction seed grad_accum warmup_ratio weight_decay batch_size"
    ).split()
    out = {k: getattr(config, k) for k in keys}
    out.update(data_sha256=sha, label_scheme=options["label_scheme"], lora_targets=options.get("lora_targets"))
    return json.loads(json.dumps(out))


def save_folder(model: Any, config: dict[str, Any], base: Path, out: Path) -> None:
    """Merged weights under transformers' names, config.json and the base's tokenizer files."""
    import mlx.core as mx
    from mlx.utils import tree_flatten

    from kp_mlx.checkpoint import write_json

    weights = dict(tree_flatten(model.parameters()))
    mx.save_safetensors(str(out / "model.safetensors"), weights, metadata={"format": "pt"})
    write_json(out / "config.json", {k: v for k, v in config.items() if k != "quantization"})
    for name in _TOKENIZER_FILES:
        if (base / name).is_file():
            shutil.copy(base / name, out / name)


def train(config: TrainConfig, *, echo: Callable[[str], None] = print) -> RunResult:
    """Train, evaluate and save a ``moe-finetune`` checkpoint with MLX; returns the run's figures."""
    import mlx.core as mx

    from kp_core.bases import resolve_base
    from kp_core.taxonomy import TAXONOMY_VERSION
    from kp_mlx.engine import MLXTokenClassifier
    from kp_mlx.families import require_mlx_device
    from kp_mlx.head import extend_head
    from kp_mlx.lora import DEFAULT_TARGETS, apply_lora, merge_lora, save_adapters
    from kp_mlx.models import load_model
    from kp_mlx.tokens import DocumentTokenizer

    wall_start = time.perf_counter()
    options = parse_options(config)
    check_flags(config)
    require_mlx_device(config.device)
    from kp_mlx.backend import probe_mlx

    hardware = probe_mlx().hardware
    echo(f"{FAMILY}: {hardware}")
    random.seed(config.seed)
    np.random.seed(config.seed)
    mx.random.seed(config.seed)
    out = Path(config.out)

    data = training_data.prepare_data(config)
    echo(training_data.describe_split(data))
    base = resolve_base(config.base)
    if not isinstance(base, Path) or not base.is_dir():
        raise TrainingError(f"--base {config.base}: kp-mlx trains from a local folder (no Hub access at run time)")
    model, model_config = load_model(base)
    model_config = extend_head(model, model_config, scheme=options.get("head_scheme", "openai"), seed=config.seed)
    tokenizer = DocumentTokenizer.from_folder(base)
    pad = model_config.get("pad_token_id")
    pad_id = int(pad) if isinstance(pad, int) else 0

    model_type = model_config.get("model_type", "")
    targets = list(options.get("lora_targets") or DEFAULT_TARGETS.get(model_type, ()))
    alpha = float(config.lora_alpha or 2 * config.lora_rank)
    if config.full_finetune:
        model.unfreeze()
        echo("full fine-tuning: every weight trains")
    else:
        mx.random.seed(config.seed)
        paths = apply_lora(model, targets, rank=config.lora_rank, alpha=alpha, dropout=config.lora_dropout)
        from mlx.utils import tree_flatten

        trainable = sum(v.size for _, v in tree_flatten(model.trainable_parameters()))
        everything = sum(v.size for _, v in tree_flatten(model.parameters()))
        echo(
            f"LoRA r={config.lora_rank} on {len(paths)} layers ({', '.join(targets)}): {trainable:,} of {everything:,} trainable"
        )

    scheme = options["label_scheme"]
    overlap = options.get("window_overlap")
    train_set = _encode(tokenizer, data.train, config.max_length, scheme, overlap, "train", echo)
    eval_set = _encode(tokenizer, data.eval, config.max_length, scheme, overlap, "eval", echo)
    if not len(train_set):
        raise TrainingError("no training windows (empty texts?)")
    out.mkdir(parents=True, exist_ok=True)
    fingerprint = _fingerprint(config, data.sha256, options)
    state, resumed_from = run_loop(
        model,
        train_set,
        config,
        pad_id=pad_id,
        out=out,
        fingerprint=fingerprint,
        max_grad_norm=float(options.get("max_grad_norm", 1.0)),
        progress=bool(options.get("progress", True)),
        echo=echo,
    )
    if resumed_from is not None:
        echo(f"resumed from step {resumed_from}")
    if not config.full_finetune:
        save_adapters(
            model,
            out / ADAPTERS,
            targets=targets,
            rank=config.lora_rank,
            alpha=alpha,
            dropout=config.lora_dropout,
            base=str(config.base),
        )
        merge_lora(model)
    model.eval()
    loss = eval_loss(model, eval_set, pad_id)
    save_folder(model, model_config, base, out)
    detector = MLXTokenClassifier(
        model,
        model_config,
        tokenizer,
        model_id=str(out),
        name=FAMILY,
        max_length=config.max_length,
        overlap=overlap,
        label_scheme=scheme,
    )
    eval_metrics = span_metrics(detector, data.eval) if data.eval else {}
    samples_per_s = state.samples_per_s
    metrics = loop_metrics(loss, eval_metrics, state)
    if state.step >= state.total_steps:
        shutil.rmtree(checkpoint_root(out), ignore_errors=True)
    write_kp_json(
        out,
        {
            "family": FAMILY,
            "base": config.base,
            "base_model_type": model_type,
            "taxonomy_version": TAXONOMY_VERSION,
            "label_scheme": scheme,
            "max_length": config.max_length,
            "trained_with": "mlx",
            "adapters": ADAPTERS if not config.full_finetune else None,
            "training": config.to_json(),
            "data": data_record(config, data, train_windows=len(train_set), alignment_issues=train_set.issues),
            "seed": config.seed,
            "run": run_record(
                state,
                where={"device": "mlx", "hardware": hardware},
                resumed_from=resumed_from,
                samples_per_s=samples_per_s,
                wall_start=wall_start,
            ),
            "metrics": metrics,
            "losses": state.losses,
        },
    )
    run = run_result(FAMILY, config, data, state, device="mlx", metrics=metrics)
    echo(
        f"run summary ({FAMILY}, mlx): {run.steps} steps in {run.train_seconds:.1f} s; loss "
        f"{metrics['train_loss_first']:.4f} -> {metrics['train_loss_last']:.4f}; eval loss {loss:.4f}"
        + (f", strict F1 {metrics['eval_f1']:.4f}" if "eval_f1" in metrics else "")
        + f"; saved {out}"
    )
    return run


def _encode(
    tokenizer: Any,
    examples: Sequence[Example],
    max_length: int,
    scheme: str,
    overlap: int | None,
    name: str,
    echo: Callable[[str], None],
) -> Any:
    from kp_mlx.features import encode_examples

    encoded = encode_examples(tokenizer, examples, max_length=max_length, scheme=scheme, overlap=overlap)
    if note := training_data.alignment_note(name, encoded.issues, encoded.issue_examples):
        echo(note)
    return encoded
