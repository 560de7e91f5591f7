"""Training throughput of kp's training driver (xlmr-ner recipe) against a plain
``transformers.Trainer`` on the same model, data and batch size, in one run, with both loss curves.

    python benchmarks/bench_train.py [--base multilingual-e5-small] [--docs 2000] [--steps 60]
                                     [--batch-size 16] [--threads N] [--group-by-length]

Both sides start from identical weights (same seed, same LoRA wrapping), train the same windows
(kp's encoding of the train side of generated documents) with AdamW, the same linear warm-up/decay, weight decay and
gradient clipping. Throughput is timed from the end of step ``--warmup`` to the last step on both
sides. The Trainer pads each batch to its longest sequence (DataCollatorForTokenClassification), as
the original project used it; ``--group-by-length`` adds a run with the Trainer's own length grouping
(``train_sampling_strategy="group_by_length"``).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def _dataset(folder: Path, docs: int, seed: int) -> Path:
    """Generated documents as a kp JSONL dataset (what ``kp train`` reads)."""
    import json

    from kp_core.generate import generate_rows

    path = folder / "train.jsonl"
    rows = generate_rows(None, None, docs, seed, label_scheme="europriv")
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def _options(args) -> dict:
    return {"lora_rank": args.lora_rank, "max_length": args.max_length}


def _model(base: str, args):
    from kp_core.training.options import resolve_options
    from kp_torch.xlmr_ner.recipe import XlmrNerRecipe, build_model

    options = resolve_options(XlmrNerRecipe.options, _options(args), owner="bench")
    return build_model(base, seed=args.seed, options=options, echo=lambda _: None)


def run_kp(args, base: str, folder: Path):
    """kp's driver with the xlmr-ner recipe; returns (windows/s, losses, the recipe) so the
    Trainer can train the very windows kp trained."""
    from kp_core.training import TrainConfig, train_with_recipe
    from kp_torch.xlmr_ner.recipe import XlmrNerRecipe

    recipe = XlmrNerRecipe()
    stamps: dict[int, float] = {}
    losses: list[float] = []

    def on_step(state) -> None:
        stamps[state.step] = time.perf_counter()
        losses[:] = state.losses

    config = TrainConfig(
        family="xlmr-ner",
        base=base,
        dataset=str(_dataset(folder, args.docs, args.seed)),
        out=folder / "kp",
        epochs=100,
        lr=args.lr,
        batch_size=args.batch_size,
        max_steps=args.steps,
        eval_fraction=0.01,
        max_eval=1,
        seed=args.seed,
        device="cpu",
        progress=False,
        options=_options(args),
    )
    train_with_recipe(recipe, config, echo=lambda _: None, on_step=on_step)
    seconds = stamps[args.steps] - stamps[args.warmup]
    return args.batch_size * (args.steps - args.warmup) / seconds, losses, recipe


def run_trainer(args, base, tokenizer, features, group_by_length: bool) -> tuple[float, list[float]]:
    from transformers import DataCollatorForTokenClassification, Trainer, TrainerCallback, TrainingArguments

    model = _model(base, args)
    data = [
        {"input_ids": list(i), "labels": list(lab)} for i, lab in zip(features.input_ids, features.labels, strict=True)
    ]
    stamps: dict[int, float] = {}
    losses: list[float] = []

    class Clock(TrainerCallback):
        def on_step_end(self, _args, state, control, **kwargs):
            stamps[state.global_step] = time.perf_counter()

        def on_log(self, _args, state, control, logs=None, **kwargs):
            if logs and "loss" in logs:
                losses.append(float(logs["loss"]))

    with tempfile.TemporaryDirectory() as tmp:
        training_args = TrainingArguments(
            output_dir=tmp,
            per_device_train_batch_size=args.batch_size,
            learning_rate=args.lr,
            max_steps=args.steps,
            warmup_steps=int(0.06 * args.steps),
            weight_decay=0.01,
            max_grad_norm=1.0,
            logging_steps=args.log_every,
            save_strategy="no",
            report_to=[],
            use_cpu=True,
            seed=args.seed,
            dataloader_num_workers=0,
            train_sampling_strategy="group_by_length" if group_by_length else "random",
            disable_tqdm=True,
        )
        trainer = Trainer(
            model=model,
            args=training_args,
            train_dataset=data,
            data_collator=DataCollatorForTokenClassification(tokenizer),
            callbacks=[Clock()],
        )
        trainer.train()
    seconds = stamps[args.steps] - stamps[args.warmup]
    return args.batch_size * (args.steps - args.warmup) / seconds, losses


def _curve(losses: list[float], every: int) -> list[float]:
    return [sum(losses[i : i + every]) / len(losses[i : i + every]) for i in range(0, len(losses), every)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="multilingual-e5-small")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--lora-rank", type=int, default=16)
    parser.add_argument("--max-length", type=int, default=256)
    parser.add_argument("--log-every", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--group-by-length", action="store_true", help="also time the Trainer with group_by_length")
    args = parser.parse_args()

    import torch

    from kp_core.bases import resolve_base

    if args.threads:
        torch.set_num_threads(args.threads)
    base = str(resolve_base(args.base))
    print(f"batch {args.batch_size}, {args.steps} steps, {torch.get_num_threads()} threads")
    print(f"{'trainer':<40} {'samples/s':>10}  loss every {args.log_every} steps", flush=True)

    def show(name: str, rate: float, losses: list[float]) -> float:
        curve = losses if name.startswith("transformers") else _curve(losses, args.log_every)
        print(f"{name:<40} {rate:>10.2f}  " + " ".join(f"{x:.3f}" for x in curve), flush=True)
        return rate

    with tempfile.TemporaryDirectory() as tmp:
        rate, losses, recipe = run_kp(args, base, Path(tmp))
    kp_rate = show("kp driver (length-bucketed, fused AdamW)", rate, losses)
    tokenizer, features = recipe.tokenizer, recipe.train_set.features
    print(f"{len(features)} training windows on both sides", flush=True)
    hf_rate = show("transformers Trainer", *run_trainer(args, base, tokenizer, features, False))
    if args.group_by_length:
        show("transformers Trainer, group_by_length", *run_trainer(args, base, tokenizer, features, True))
    print(f"speed-up over the Trainer: {kp_rate / hf_rate:.2f}x")


if __name__ == "__main__":
    main()
