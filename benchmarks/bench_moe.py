"""moe-finetune training speed on CPU: a real-size privacy-filter (8 blocks, d 640, 128 experts
top-4, o200k vocabulary; random weights) at batch 8 x 128 tokens, LoRA on attention, with the
experts run by ``grouped_mm`` and by transformers' ``eager`` loop, alternating step by step in one
process (so other load on the machine hits both alike); then the projected hours for one epoch of
50,000 documents.

    python benchmarks/bench_moe.py                            # the measurement for the docs
    python benchmarks/bench_moe.py --expert-lora --blocks 2   # adds LoRA on the expert tensors
    python benchmarks/bench_moe.py --blocks 2 --experts 16    # a quick smoke run

Each timed step is a full training step (forward, backward, AdamW). After ``--warmup`` pairs of
untimed steps, ``--steps`` pairs are timed; the report gives each implementation's median (and
range) and the median of the per-pair ratios, which cancels load that drifts slowly. It prints
the thread count and the 1-minute load average before, during and after, since a CPU shared with
other jobs slows both sides.

Needs about 7 GB of RAM at the real size (1.5B fp32 weights). Expert LoRA materialises every
block's adapted expert tensors for the backward pass (about 0.6 GB per block more), so its
measurement here uses ``--blocks 2`` at the real width and expert count.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

IMPLEMENTATIONS = ("grouped_mm", "eager")


def load_average() -> float:
    return os.getloadavg()[0]


def build(args: argparse.Namespace):
    import torch
    from transformers import OpenAIPrivacyFilterForTokenClassification

    from kp_torch.moe.head import extend_head
    from kp_torch.moe.model import privacy_filter_config

    config = privacy_filter_config(num_hidden_layers=args.blocks, num_local_experts=args.experts)
    torch.manual_seed(0)
    started = time.perf_counter()
    with torch.no_grad():
        model = OpenAIPrivacyFilterForTokenClassification(config)
    extend_head(model)
    params = sum(p.numel() for p in model.parameters())
    print(
        f"model: {config.num_hidden_layers} blocks, d {config.hidden_size}, {config.num_local_experts} experts "
        f"top-{config.num_experts_per_tok}, vocab {config.vocab_size}: {params / 1e9:.2f}B parameters "
        f"(built in {time.perf_counter() - started:.0f} s)"
    )
    return model


def time_steps(model, args: argparse.Namespace) -> tuple[dict[str, list[tuple[float, float]]], list[float]]:
    """Alternate the implementations step by step (the order flips every pair, so neither always
    runs right after the other); returns (wall, process CPU) seconds per timed step and implementation,
    and the load averages seen. CPU seconds barely move with other jobs' load; wall seconds do."""
    import torch

    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=1e-4)
    generator = torch.Generator().manual_seed(1)
    ids = torch.randint(0, 199_998, (args.batch, args.seq), generator=generator)
    labels = torch.randint(0, 73, (args.batch, args.seq), generator=generator)
    model.train()
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in IMPLEMENTATIONS}
    loads: list[float] = []
    for pair in range(args.warmup + args.steps):
        warm = pair < args.warmup
        # Warm-up steps run the same code on a short sequence: the one-time costs (lazy imports,
        # first-call dispatch) without a full step's minutes.
        seq = args.warmup_seq if warm and args.warmup_seq else args.seq
        order = IMPLEMENTATIONS if pair % 2 == 0 else IMPLEMENTATIONS[::-1]
        for experts in order:
            model.set_experts_implementation(experts)
            wall, cpu = time.perf_counter(), time.process_time()
            batch_ids, batch_labels = ids[:, :seq].contiguous(), labels[:, :seq].contiguous()
            loss = model(input_ids=batch_ids, attention_mask=torch.ones_like(batch_ids), labels=batch_labels).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            load = load_average()
            if not warm:
                times[experts].append((wall, cpu))
                loads.append(load)
            note = f"  (warm-up, {args.batch} x {seq})" if warm else ""
            print(
                f"  pair {pair + 1} {experts:10s} {wall:7.2f} s wall {cpu:7.2f} s CPU  load {load:.2f}{note}",
                flush=True,
            )
    return times, loads


def report(times: dict[str, list[tuple[float, float]]], loads: list[float], args: argparse.Namespace) -> None:
    wall = {name: [w for w, _ in steps] for name, steps in times.items()}
    cpu = {name: [c for _, c in steps] for name, steps in times.items()}
    medians = {name: statistics.median(took) for name, took in wall.items()}
    cpu_medians = {name: statistics.median(took) for name, took in cpu.items()}
    ratios = [e / g for g, e in zip(wall["grouped_mm"], wall["eager"], strict=True)]
    steps_per_epoch = args.documents * args.windows_per_document / args.batch
    print()
    print(f"{'experts':12s} {'median s/step':>14s} {'range':>16s} {'CPU s/step':>11s} {'tokens/s':>9s} {'h/epoch':>8s}")
    for name, seconds in medians.items():
        hours = steps_per_epoch * seconds / 3600
        spread = f"{min(wall[name]):.1f}-{max(wall[name]):.1f}"
        print(
            f"{name:12s} {seconds:14.2f} {spread:>16s} {cpu_medians[name]:11.2f} "
            f"{args.batch * args.seq / seconds:9.0f} {hours:8.1f}"
        )
    print(
        f"eager / grouped_mm: {medians['eager'] / medians['grouped_mm']:.2f}x (ratio of wall medians), "
        f"{statistics.median(ratios):.2f}x (median of {len(ratios)} per-pair wall ratios: "
        f"{', '.join(f'{r:.2f}' for r in ratios)}), {cpu_medians['eager'] / cpu_medians['grouped_mm']:.2f}x in CPU seconds"
    )
    print(
        f"one epoch = {args.documents:,} documents x {args.windows_per_document:g} windows / batch {args.batch} "
        f"= {steps_per_epoch:,.0f} steps"
        + (
            ""
            if args.blocks == 8 and args.experts == 128
            else f" (for this {args.blocks}-block model, not the real size)"
        )
    )
    print(f"1-min load average during the timed steps: median {statistics.median(loads):.2f}, max {max(loads):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--seq", type=int, default=128)
    parser.add_argument("--steps", type=int, default=3, help="timed pairs (one step of each implementation)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed pairs first")
    parser.add_argument("--warmup-seq", type=int, default=16, help="tokens per row in warm-up steps (0: --seq)")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--blocks", type=int, default=8)
    parser.add_argument("--experts", type=int, default=128)
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--windows-per-document", type=float, default=1.0, help="128-token windows per document")
    parser.add_argument("--expert-lora", action="store_true", help="LoRA on the expert tensors too")
    args = parser.parse_args()

    import torch

    from kp_torch.moe.adapters import AdapterPlan, apply_adapters

    if args.threads:
        torch.set_num_threads(args.threads)
    print(
        f"torch {torch.__version__}, {torch.get_num_threads()} threads on {os.cpu_count()} CPUs, "
        f"batch {args.batch} x {args.seq} tokens, 1-min load average at start {load_average():.2f}"
    )
    model = build(args)
    plan = AdapterPlan(rank=16, alpha=32, dropout=0.0, attention=True, experts=args.expert_lora, head="full")
    model = apply_adapters(model, plan)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    print(f"LoRA r=16 on attention{' + experts' if args.expert_lora else ''}, head trained: {trainable:,} trainable")
    times, loads = time_steps(model, args)
    report(times, loads, args)
    print(f"1-min load average at the end {load_average():.2f}")


if __name__ == "__main__":
    main()
