"""``kp train FAMILY``: the family-agnostic training command.

Shared flags become a :class:`kp_core.training.config.TrainConfig`; family-specific settings travel as
``--option key=value``. The family comes from the registry (``kp families`` lists them) and its
``train`` does the work, so this module never imports a machine-learning framework.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import attrs
import click

from kp_core.training.config import TrainConfig

_DEFAULTS = {f.name: f.default for f in attrs.fields(TrainConfig) if f.default is not attrs.NOTHING}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$")


def _default(name: str) -> str:
    return f" [default: {_DEFAULTS[name]}]"


def parse_duration(value: str | None) -> float | None:
    """``90``, ``90s``, ``15m`` or ``1.5h`` -> seconds."""
    if value is None:
        return None
    match = _DURATION.match(value)
    if not match:
        raise click.BadParameter(f"{value!r} is not a duration like 900, 900s, 15m or 1.5h", param_hint="--time-budget")
    number, unit = float(match.group(1)), match.group(2) or "s"
    return number * {"s": 1, "m": 60, "h": 3600}[unit]


def parse_options(values: tuple[str, ...]) -> dict[str, str]:
    options: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r} is not key=value", param_hint="--option")
        options[key.strip()] = value.strip()
    return options


@click.command("train", context_settings={"show_default": False})
@click.argument("family")
@click.option("--base", required=True, help="Pretrained base: a built-in name (kp bases), a folder or a Hub id.")
@click.option("--dataset", required=True, help="Training rows in the kp row format (JSONL or a JSON list).")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder for the trained model.")
@click.option("--epochs", type=float, help="Passes over the training split." + _default("epochs"))
@click.option("--lr", type=float, help="Peak learning rate." + _default("lr"))
@click.option("--batch-size", type=click.IntRange(min=1), help="Sequences per step." + _default("batch_size"))
@click.option("--lora-rank", type=click.IntRange(min=1), help="LoRA rank." + _default("lora_rank"))
@click.option("--lora-alpha", type=click.IntRange(min=1), help="LoRA alpha [default: 2 x rank].")
@click.option("--lora-dropout", type=float, help="LoRA dropout." + _default("lora_dropout"))
@click.option("--full-finetune", is_flag=True, default=None, help="Train every weight instead of LoRA adapters.")
@click.option("--max-train", type=click.IntRange(min=1), help="Cap on training documents (seeded sample).")
@click.option("--max-eval", type=click.IntRange(min=1), help="Cap on eval documents (seeded sample).")
@click.option("--max-steps", type=click.IntRange(min=1), help="Stop after this many optimizer steps.")
@click.option("--max-length", type=click.IntRange(min=16), help="Tokens per window." + _default("max_length"))
@click.option("--eval-fraction", type=float, help="Share of templates held out for eval." + _default("eval_fraction"))
@click.option("--seed", type=int, help="Seed for the split, initialisation and data order." + _default("seed"))
@click.option("--device", help="auto, cpu, cuda, mps (or another registered backend)." + _default("device"))
@click.option("--threads", type=click.IntRange(min=1), help="CPU threads (cpu device only) [default: all cores].")
@click.option("--max-util/--no-max-util", default=None, help="Probe the largest batch that fits (cuda/mps).")
@click.option("--max-util-batch-size", type=click.IntRange(min=1), help="Force this batch size (no probe).")
@click.option(
    "--num-workers", type=click.IntRange(min=0), help="Data-loader worker processes." + _default("num_workers")
)
@click.option("--bf16/--no-bf16", default=None, help="bfloat16 autocast." + _default("bf16"))
@click.option(
    "--grad-accum", type=click.IntRange(min=1), help="Micro-batches per optimizer step." + _default("grad_accum")
)
@click.option("--warmup-ratio", type=float, help="Share of steps with LR warm-up." + _default("warmup_ratio"))
@click.option("--weight-decay", type=float, help="AdamW weight decay." + _default("weight_decay"))
@click.option("--save-every", type=click.IntRange(min=1), help="Checkpoint every N optimizer steps.")
@click.option("--resume", is_flag=True, default=None, help="Continue the run in --out from its last checkpoint.")
@click.option("--time-budget", help="Wall-clock training budget (900, 15m, 1h): the schedule is fitted to it.")
@click.option("--push/--no-push", default=None, help="Push the model to the Hugging Face Hub." + _default("push"))
@click.option("--push-id", help="Hub repository for --push (owner/name).")
@click.option("--option", "-o", "options", multiple=True, metavar="KEY=VALUE", help="Family-specific setting.")
@click.option("--json", "as_json", is_flag=True, help="Print the run result as JSON at the end.")
def train(family: str, options: tuple[str, ...], as_json: bool, time_budget: str | None, **flags: Any) -> None:
    """Train a model of FAMILY (see `kp families`) on a dataset and save it to --out."""
    from kp_core.plugins.registry import UnknownNameError, get_registry

    try:
        chosen = get_registry().family(family)
    except UnknownNameError as exc:
        raise click.ClickException(str(exc)) from None
    if chosen.train is None:
        raise click.ClickException(f"family {family!r} is inference-only: it has no training entry")
    settings = {k: v for k, v in flags.items() if v is not None}
    settings["time_budget_s"] = parse_duration(time_budget)
    try:
        config = TrainConfig(family=family, options=parse_options(options), **settings)
    except (TypeError, ValueError) as exc:
        raise click.UsageError(str(exc)) from None
    try:
        result = chosen.train(config)
    except Exception as exc:
        if os.environ.get("KP_DEBUG"):
            raise
        raise click.ClickException(f"{type(exc).__name__}: {exc}") from None
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2, default=str))
