"""``kp train FAMILY``: one command per trainable family, built from its recipe.

The shared flags (``--dataset --out --max-steps --time-budget --resume --seed --eval-every
--device`` ...) become a :class:`kp_core.training.config.TrainConfig`; each option the family's
recipe declares becomes a ``--name`` flag (also settable as ``--option name=value``), so
``kp train FAMILY --help`` lists exactly what that family takes. The driver checks the options
against the recipe of the chosen device's framework: an option it does not take is the same
error for every family. Nothing here imports a machine-learning framework.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from typing import Any

import attrs
import click

from kp_core.training import train_family
from kp_core.training.config import DEFAULT_SAVE_EVERY, TrainConfig

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


def parse_option_pairs(values: Sequence[str]) -> dict[str, str]:
    """``--option key=value`` pairs -> a dict (``-`` and ``_`` alike in keys)."""
    options: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r} is not key=value", param_hint="--option")
        options[key.strip().replace("-", "_")] = value.strip()
    return options


def _shared_params() -> list[click.Parameter]:
    """The flags every family takes, in the order ``--help`` shows them."""
    positive = click.IntRange(min=1)
    return [
        click.Option(["--base"], required=True, help="Pretrained base: a built-in name (kp bases), a folder or a Hub id."),
        click.Option(["--dataset"], required=True, help="Training rows in the kp row format (JSONL or a JSON list)."),
        click.Option(["--out"], required=True, type=click.Path(file_okay=False), help="Folder for the trained model."),
        click.Option(["--device"], help="auto or a registered backend (kp devices)." + _default("device")),
        click.Option(["--max-steps"], type=positive, help="Stop after this many optimizer steps."),
        click.Option(["--time-budget"], help="Wall-clock training budget (900, 15m, 1h): the schedule is fitted to it."),
        click.Option(["--resume"], is_flag=True, default=None, help="Continue the run in --out from its last checkpoint."),
        click.Option(["--seed"], type=int, help="Seed for the split, initialisation and data order." + _default("seed")),
        click.Option(["--eval-every"], type=positive, help="Score the eval split every N optimizer steps."),
        click.Option(["--epochs"], type=float, help="Passes over the training split." + _default("epochs")),
        click.Option(["--lr"], type=float, help="Peak learning rate." + _default("lr")),
        click.Option(["--batch-size"], type=positive, help="Training items per micro-batch." + _default("batch_size")),
        click.Option(["--grad-accum"], type=positive, help="Micro-batches per optimizer step." + _default("grad_accum")),
        click.Option(["--warmup-ratio"], type=float, help="Share of steps with LR warm-up." + _default("warmup_ratio")),
        click.Option(["--weight-decay"], type=float, help="AdamW weight decay." + _default("weight_decay")),
        click.Option(["--max-train"], type=positive, help="Cap on training documents (seeded sample)."),
        click.Option(["--max-eval"], type=positive, help="Cap on eval documents (seeded sample)."),
        click.Option(
            ["--eval-fraction"], type=float, help="Share of templates held out for eval." + _default("eval_fraction")
        ),
        click.Option(["--save-every"], type=positive, help=f"Checkpoint every N optimizer steps [default: {DEFAULT_SAVE_EVERY}]."),
        click.Option(["--keep-checkpoints"], is_flag=True, default=None, help="Keep the resumable checkpoints after a finished run."),
        click.Option(["--push/--no-push"], default=None, help="Push the model to the Hugging Face Hub." + _default("push")),
        click.Option(["--push-id"], help="Hub repository for --push (owner/name)."),
        click.Option(["--progress/--no-progress"], default=None, help="Show a progress bar." + _default("progress")),
        click.Option(["--option", "-o", "option_pairs"], multiple=True, metavar="KEY=VALUE", help="A family option by name."),
        click.Option(["--json", "as_json"], is_flag=True, help="Print the run result as JSON at the end."),
    ]  # fmt: skip


def _option_param(option: Any, frameworks: Sequence[str], all_frameworks: Sequence[str]) -> click.Option:
    """A recipe Option as a click flag; its default stays the recipe's (None here = not given)."""
    where = "" if set(frameworks) >= set(all_frameworks) else f" ({', '.join(frameworks)} only)"
    help_text = option.describe() + where
    if option.kind is bool:
        flag = option.flag
        return click.Option([f"{flag}/--no-{flag[2:]}", option.name], default=None, help=help_text)
    kind = option.kind if option.kind in (int, float) else str
    return click.Option([option.flag, option.name], type=kind, default=None, help=help_text)


class FamilyTrainCommand(click.Command):
    """``kp train FAMILY``: shared flags plus the family's recipe options."""

    def __init__(self, family: Any) -> None:
        self.family = family
        params = _shared_params()
        shared = {p.name for p in params}
        recipes = family.recipes
        all_frameworks = [r.framework or "cpu" for r in recipes]
        by_name: dict[str, list[Any]] = {}
        for recipe in recipes:
            for option in recipe.options:
                by_name.setdefault(option.name, []).append((option, recipe.framework or "cpu"))
        self.option_names = sorted(by_name)
        for name in self.option_names:
            if name in shared:
                raise click.ClickException(f"family {family.name!r}: option {name!r} shadows a shared kp train flag")
            first, _ = by_name[name][0]
            params.append(_option_param(first, [fw for _, fw in by_name[name]], all_frameworks))
        super().__init__(
            name=family.name,
            params=params,
            callback=self._run,
            help=f"Train a {family.name} model: {family.description}",
            short_help=family.description,
        )

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            # The same words as the driver's refusal of ``--option name=value``.
            raise click.UsageError(self.refusal(exc.option_name), ctx) from None

    def refusal(self, flag: str) -> str:
        """Why ``flag`` is refused: the family's recipe(s) do not declare it."""
        from kp_core.training.driver import recipe_owner

        recipes = self.family.recipes
        owner = recipe_owner(recipes[0]) if len(recipes) == 1 else self.family.name
        known = ", ".join("--" + name.replace("_", "-") for name in self.option_names) or "none"
        return f"{owner} does not take {flag} (it takes: {known}; kp train {self.family.name} --help lists every flag)"

    def _run(self, option_pairs: tuple[str, ...], as_json: bool, time_budget: str | None, **flags: Any) -> None:
        options = {name: flags.pop(name) for name in self.option_names if flags.get(name) is not None}
        for name in self.option_names:
            flags.pop(name, None)
        for key, value in parse_option_pairs(option_pairs).items():
            if key in options and str(options[key]) != value:
                raise click.UsageError(f"--{key.replace('_', '-')} is given twice with different values")
            options.setdefault(key, value)
        settings = {k: v for k, v in flags.items() if v is not None}
        settings["time_budget_s"] = parse_duration(time_budget)
        try:
            config = TrainConfig(family=self.family.name, options=options, **settings)
        except (TypeError, ValueError) as exc:
            raise click.UsageError(str(exc)) from None
        try:
            result = train_family(self.family, config, echo=click.echo)
        except Exception as exc:
            if os.environ.get("KP_DEBUG"):
                raise
            raise click.ClickException(f"{type(exc).__name__}: {exc}") from None
        if as_json:
            click.echo(json.dumps(result.to_json(), indent=2, default=str))


def missing_family_message(name: str, known: Sequence[str]) -> str:
    """Why ``name`` cannot train here, and what to install when it is a first-party family."""
    from kp_core.plugins.catalog import FIRST_PARTY, install_hint

    registered = ", ".join(known) or "none"
    if name in FIRST_PARTY:
        return f"family {name!r} is not installed ({install_hint(name)}); trainable here: {registered}"
    return f"unknown family {name!r}; trainable here: {registered} (kp families lists every family)"


class TrainGroup(click.Group):
    """``kp train``: one sub-command per trainable family in the registry."""

    def _families(self) -> dict[str, Any]:
        from kp_core.plugins.registry import get_registry

        return {f.name: f for f in get_registry().families}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, family in self._families().items() if family.trainable)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        families = self._families()
        family = families.get(name)
        if family is None:
            raise click.UsageError(missing_family_message(name, self.list_commands(ctx)), ctx)
        if not family.trainable:
            raise click.UsageError(f"family {name!r} is inference-only: it has no training recipe", ctx)
        return FamilyTrainCommand(family)


@click.group("train", cls=TrainGroup, invoke_without_command=False, no_args_is_help=True)
def train() -> None:
    """Train a model of a family (kp train FAMILY --help lists its options)."""
