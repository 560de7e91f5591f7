"""moe-finetune training speed on CPU: a real-size privacy-filter (8 blocks, d 640, 128 experts
top-4, o200k vocabulary; random weights) at batch 8 x 128 tokens, LoRA on attention, with the
experts run by ``grouped_mm`` and by transformers' ``eager`` loop, alternating step by step in one
process (so other load on the machine hits both alike);
then the projected hours for one epoch of 50,000 documents.

    python benchmarks/bench_moe.py                 # the measurement for the docs
    python benchmarks/bench_moe.py --expert-lora   # adds LoRA on the expert tensors
    python benchmarks/bench_moe.py --small         # a 2-block, 16-expert smoke run

Needs about 7 GB of RAM for the real size (1.5B fp32 weights).
"""

from __future__ import annotations

import argparse
import statistics
import time

IMPLEMENTATIONS = ("grouped_mm", "eager")


def build(args: argparse.Namespace):
    import torch
    from transformers import OpenAIPrivacyFilterForTokenClassification

    from kp_torch.moe.head import extend_head
    from kp_torch.moe.model import privacy_filter_config

    sizes = {"num_hidden_layers": 2, "num_local_experts": 16} if args.small else {}
    config = privacy_filter_config(**sizes)
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


def time_steps(model, args: argparse.Namespace) -> dict[str, list[float]]:
    """Alternate the implementations step by step, so load from other processes hits both alike."""
    import torch

    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=1e-4)
    generator = torch.Generator().manual_seed(1)
    ids = torch.randint(0, 199_998, (args.batch, args.seq), generator=generator)
    labels = torch.randint(0, 73, (args.batch, args.seq), generator=generator)
    mask = torch.ones_like(ids)
    model.train()
    times: dict[str, list[float]] = {name: [] for name in IMPLEMENTATIONS}
    for step in range(args.warmup + args.steps):
        for experts in IMPLEMENTATIONS:
            model.set_experts_implementation(experts)
            started = time.perf_counter()
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            took = time.perf_counter() - started
            if step >= args.warmup:
                times[experts].append(took)
            print(f"  {experts:10s} step {step + 1}: {took:.2f} s{'  (warm-up)' if step < args.warmup else ''}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--seq", type=int, default=128)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--windows-per-document", type=float, default=1.0, help="128-token windows per document")
    parser.add_argument("--expert-lora", action="store_true", help="LoRA on the expert tensors too")
    parser.add_argument("--small", action="store_true", help="2 blocks, 16 experts: a quick smoke run")
    args = parser.parse_args()

    import torch

    from kp_torch.moe.adapters import AdapterPlan, apply_adapters

    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, batch {args.batch} x {args.seq} tokens")
    model = build(args)
    plan = AdapterPlan(rank=16, alpha=32, dropout=0.0, attention=True, experts=args.expert_lora, head="full")
    model = apply_adapters(model, plan)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    print(f"LoRA r=16 on attention{' + experts' if args.expert_lora else ''}, head trained: {trainable:,} trainable")

    results = {name: statistics.median(took) for name, took in time_steps(model, args).items()}
    steps_per_epoch = args.documents * args.windows_per_document / args.batch
    print()
    print(f"{'experts':12s} {'s/step':>8s} {'tokens/s':>9s} {'h/epoch':>8s}")
    for experts, seconds in results.items():
        hours = steps_per_epoch * seconds / 3600
        print(f"{experts:12s} {seconds:8.2f} {args.batch * args.seq / seconds:9.0f} {hours:8.1f}")
    print(
        f"grouped_mm is {results['eager'] / results['grouped_mm']:.1f}x faster than eager; one epoch = "
        f"{args.documents:,} documents x {args.windows_per_document:g} windows / batch {args.batch} = "
        f"{steps_per_epoch:,.0f} steps"
    )


if __name__ == "__main__":
    main()
