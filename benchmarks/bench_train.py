"""Training throughput of kp's xlmr-ner loop against a plain ``transformers.Trainer`` on the same
model, data and batch size, in one run, with both loss curves.

    python benchmarks/bench_train.py [--base multilingual-e5-small] [--docs 2000] [--steps 60]
                                     [--batch-size 16] [--threads N] [--group-by-length]

Both sides start from identical weights (same seed, same LoRA wrapping), train the same windows
(kp's encoding of generated documents) with AdamW, the same linear warm-up/decay, weight decay and
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


def _features(base: str, docs: int, max_length: int, seed: int):
    from transformers import AutoTokenizer

    from kp_core.bases import resolve_base
    from kp_core.generate import generate_rows
    from kp_core.generate.engine import row_to_example
    from kp_torch.training.features import encode_examples

    folder = resolve_base(base)
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    examples = [row_to_example(r) for r in generate_rows(None, None, docs, seed, label_scheme="europriv")]
    encoded = encode_examples(tokenizer, examples, max_length=max_length, scheme="all")
    return folder, tokenizer, encoded.features


def _model(base: str, rank: int, seed: int):
    from kp_core.training.config import TrainConfig
    from kp_torch.xlmr_ner.train import build_model

    config = TrainConfig(family="xlmr-ner", base=base, dataset="-", out=Path("."), lora_rank=rank, seed=seed)
    return build_model(config, base, {}, lambda _: None)


def run_kp(args, base, features) -> tuple[float, list[float]]:
    from kp_torch.training.loop import LoopConfig, run_training

    model = _model(base, args.lora_rank, args.seed)
    stamps: dict[int, float] = {}
    config = LoopConfig(batch_size=args.batch_size, lr=args.lr, max_steps=args.steps, epochs=100, seed=args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        result = run_training(
            model,
            features,
            config,
            device="cpu",
            out=Path(tmp),
            fingerprint={},
            on_step=lambda s: stamps.__setitem__(s.step, time.perf_counter()),
            progress=False,
        )
    seconds = stamps[args.steps] - stamps[args.warmup]
    return args.batch_size * (args.steps - args.warmup) / seconds, result.state.losses


def run_trainer(args, base, tokenizer, features, group_by_length: bool) -> tuple[float, list[float]]:
    from transformers import DataCollatorForTokenClassification, Trainer, TrainerCallback, TrainingArguments

    model = _model(base, args.lora_rank, args.seed)
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

    if args.threads:
        torch.set_num_threads(args.threads)
    folder, tokenizer, features = _features(args.base, args.docs, args.max_length, args.seed)
    print(f"{len(features)} windows, batch {args.batch_size}, {args.steps} steps, {torch.get_num_threads()} threads")
    print(f"{'trainer':<40} {'samples/s':>10}  loss every {args.log_every} steps", flush=True)

    def show(name: str, rate: float, losses: list[float]) -> float:
        curve = losses if name.startswith("transformers") else _curve(losses, args.log_every)
        print(f"{name:<40} {rate:>10.2f}  " + " ".join(f"{x:.3f}" for x in curve), flush=True)
        return rate

    kp_rate = show("kp loop (length-bucketed, fused AdamW)", *run_kp(args, str(folder), features))
    hf_rate = show("transformers Trainer", *run_trainer(args, str(folder), tokenizer, features, False))
    if args.group_by_length:
        show("transformers Trainer, group_by_length", *run_trainer(args, str(folder), tokenizer, features, True))
    print(f"speed-up over the Trainer: {kp_rate / hf_rate:.2f}x")


if __name__ == "__main__":
    main()
