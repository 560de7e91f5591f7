"""``kp train FAMILY``: one command per trainable family, built from its recipe.

The shared flags (``--data --out --max-steps --time-budget --resume --overwrite --seed
--eval-every --device`` ...) become a :class:`kp_core.training.config.TrainConfig`; each option the
family's recipe declares becomes a ``--name`` flag (also settable as ``--option name=value``), so
``kp train FAMILY --help`` lists exactly what that family takes. The driver checks the options
against the recipe of the chosen device's framework: an option it does not take is the same
error for every family. Errors are :class:`~kp_core.errors.KpError` and reach the top ``kp``
group as one line. Progress goes to stderr, the run summary (or ``--json``) to stdout. Nothing
here imports a machine-learning framework.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import click

from kp_core.cli.options import hidden_alias, note, show_progress
from kp_core.errors import KpError
from kp_core.training import train_family
from kp_core.training.config import DEFAULT_SAVE_EVERY, TrainConfig
from kp_core.training.options import renamed_options
from kp_core.training.outdir import check_run_folder, clear_previous_run, holds_previous_run

_LOCAL = "\x00local"  # --resume with no value: the run in --out
_BARE = "\x00bare"  # --push with no value: the old spelling, with --push-id
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
        click.Option(["--data"], metavar="FILE", help="Training rows in the kp row format (JSONL or a JSON list). [required]"),
        click.Option(["--out"], required=True, type=click.Path(file_okay=False), help="Folder for the trained model."),
        click.Option(["--device"], help="auto or a registered backend (kp devices)." + _default("device")),
        click.Option(["--max-steps"], type=positive, help="Stop after this many optimizer steps."),
        click.Option(["--time-budget"], help="Wall-clock training budget (900, 15m, 1h): the schedule is fitted to it."),
        click.Option(
            ["--resume"], is_flag=False, flag_value=_LOCAL, default=None, metavar="[ORG/NAME]",
            help="Continue the run in --out from its last checkpoint, or from the newest checkpoint a run pushed "
            "to the Hub repository ORG/NAME (--push ... --push-checkpoints).",
        ),
        click.Option(["--overwrite"], is_flag=True, help="Start again in an --out that holds a previous run (default: refuse)."),
        click.Option(["--seed"], type=int, help="Seed for the split, initialisation and data order." + _default("seed")),
        click.Option(["--eval-every"], type=positive, help="Score the eval split every N optimizer steps."),
        click.Option(["--epochs"], type=float, help="Passes over the training split." + _default("epochs")),
        click.Option(["--lr"], type=float, help="Peak learning rate." + _default("lr")),
        click.Option(["--batch-size"], type=positive, help="Training items per micro-batch." + _default("batch_size")),
        click.Option(["--grad-accum"], type=positive, help="Micro-batches per optimizer step." + _default("grad_accum")),
        click.Option(["--warmup-ratio"], type=float, help="Share of steps with LR warm-up." + _default("warmup_ratio")),
        click.Option(["--weight-decay"], type=float, help="AdamW weight decay." + _default("weight_decay")),
        click.Option(["--limit"], type=positive, help="Cap on training documents (seeded sample)."),
        click.Option(["--max-eval"], type=positive, help="Cap on eval documents (seeded sample)."),
        click.Option(
            ["--eval-fraction"], type=float, help="Share of templates held out for eval." + _default("eval_fraction")
        ),
        click.Option(["--save-every"], type=positive, help=f"Checkpoint every N optimizer steps [default: {DEFAULT_SAVE_EVERY}]."),
        click.Option(["--keep-checkpoints"], is_flag=True, default=None, help="Keep the resumable checkpoints after a finished run."),
        click.Option(
            ["--push"], is_flag=False, flag_value=_BARE, default=None, metavar="ORG/NAME",
            help="Publish the finished run with a model card to this Hugging Face Hub repository (name checked first).",
        ),
        click.Option(["--push-checkpoints"], is_flag=True, default=None, help="With --push: also push each resumable checkpoint."),
        click.Option(["--private"], "push_private", is_flag=True, default=None, help="With --push: create the repository private."),
        click.Option(["--any-name"], is_flag=True, default=None, help="With --push: allow a name outside kp-{task}-{base}-{size}[-variant]."),
        click.Option(["--no-push"], "no_push", is_flag=True, hidden=True),
        click.Option(["--push-id"], hidden=True),
        click.Option(
            ["--progress/--no-progress"], default=None,
            help="Show a progress bar on stderr [default: only when stderr is a terminal].",
        ),
        click.Option(["--option", "-o", "option_pairs"], multiple=True, metavar="KEY=VALUE", help="A family option by name."),
        click.Option(["--json", "as_json"], is_flag=True, help="Print the run result as JSON on stdout."),
    ]  # fmt: skip


# Old spellings kept one release (docs/cli.md): (old flag, parameter of the new one, type).
_SHARED_ALIASES: tuple[tuple[str, str, Any], ...] = (
    ("--dataset", "data", None),
    ("--max-train", "limit", click.IntRange(min=1)),
)


def with_aliases(
    callback: Callable[..., Any], aliases: Sequence[tuple[str, str, Any]]
) -> tuple[Callable[..., Any], list[click.Parameter]]:
    """``callback`` wrapped to take each old spelling as a hidden option (a note when used, an
    error when given with the new one), and the hidden options to add to the command."""
    for old, new, kind in aliases:
        callback = hidden_alias(old, new, type=kind)(callback)
    return callback, list(getattr(callback, "__click_params__", []))


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
        # Old names of the family's options (--label-scheme for --subword-labels), as -o keys too.
        self.renamed = renamed_options([option for recipe in recipes for option in recipe.options])
        option_aliases = [("--" + old.replace("_", "-"), new, None) for old, new in sorted(self.renamed.items())]
        callback, hidden = with_aliases(self._run, [*_SHARED_ALIASES, *option_aliases])
        super().__init__(
            name=family.name,
            params=params + hidden,
            callback=callback,
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

    def _run(
        self,
        option_pairs: tuple[str, ...],
        as_json: bool,
        time_budget: str | None,
        data: str | None,
        limit: int | None,
        overwrite: bool,
        progress: bool | None,
        push: str | None,
        push_id: str | None,
        no_push: bool,
        resume: str | None,
        **flags: Any,
    ) -> None:
        if data is None:
            raise click.UsageError("Missing option '--data' (the training rows).")
        flags.update(push=_push_repo(push, push_id, no_push), **_resume_settings(resume))
        options = {name: flags.pop(name) for name in self.option_names if flags.get(name) is not None}
        for name in self.option_names:
            flags.pop(name, None)
        for key, value in self._option_pairs(option_pairs).items():
            if key in options and str(options[key]) != value:
                raise click.UsageError(f"--{key.replace('_', '-')} is given twice with different values")
            options.setdefault(key, value)
        settings = {k: v for k, v in flags.items() if v is not None}
        settings.update(dataset=data, max_train=limit, progress=show_progress(progress))
        settings["time_budget_s"] = parse_duration(time_budget)
        try:
            config = TrainConfig(family=self.family.name, options=options, **settings)
        except (TypeError, ValueError) as exc:
            raise click.UsageError(as_flags(str(exc))) from None
        check_run_folder(config.out, resume=config.resume, overwrite=overwrite)
        if overwrite and holds_previous_run(config.out):
            clear_previous_run(config.out)
        summary = _stderr_echo if as_json else click.echo  # stdout carries the result only
        result = train_family(self.family, config, echo=_stderr_echo, summary=summary)
        if as_json:
            click.echo(json.dumps(result.to_json(), indent=2, default=str))

    def _option_pairs(self, values: Sequence[str]) -> dict[str, str]:
        """``-o key=value`` pairs, an option's old name replaced by its current one (with a note)."""
        options: dict[str, str] = {}
        for key, value in parse_option_pairs(values).items():
            if key in self.renamed:
                new = self.renamed[key]
                note(f"-o {key} is deprecated and will go in the next release; use --{new.replace('_', '-')}")
                key = new
            if key in options and options[key] != value:
                raise click.UsageError(f"--{key.replace('_', '-')} is given twice with different values")
            options[key] = value
        return options


# TrainConfig fields whose flag is spelt otherwise (the field names stay: kp.json records them).
_FLAG_OF_FIELD = {"dataset": "--data", "max_train": "--limit"}


def as_flags(message: str) -> str:
    """A TrainConfig refusal (``eval_fraction must be in [0, 1)``) in the flags' words
    (``--eval-fraction must be in [0, 1)``)."""
    head, sep, rest = message.partition(" ")
    if head in _DEFAULTS or head in _FLAG_OF_FIELD:
        return _FLAG_OF_FIELD.get(head, "--" + head.replace("_", "-")) + sep + rest
    return message


def _push_repo(push: str | None, push_id: str | None, no_push: bool) -> str | None:
    """``--push ORG/NAME``; the old ``--push --push-id ORG/NAME`` still works for one release."""
    if no_push:
        note("--no-push is deprecated and will go in the next release; leave --push out")
        if push is not None:
            raise click.UsageError("--push and --no-push: give one")
        return None
    if push_id is not None:
        if push not in (None, _BARE):
            raise click.UsageError("--push-id is the old spelling of --push ORG/NAME; give only one")
        note("--push --push-id ORG/NAME is deprecated and will go in the next release; use --push ORG/NAME")
        return push_id if push == _BARE else None
    if push == _BARE:
        raise click.UsageError("--push needs the Hub repository: --push ORG/NAME")
    if push is not None:
        from kp_core.hub.naming import check_repo_id

        check_repo_id(push, any_name=True)  # the syntax now; the naming rule once --any-name is known
    return push


def _resume_settings(resume: str | None) -> dict[str, Any]:
    """``--resume`` (the run in --out) or ``--resume ORG/NAME`` (a checkpoint pushed to the Hub)."""
    if resume is None:
        return {}
    if resume == _LOCAL:
        return {"resume": True}
    from kp_core.hub.refs import hub_ref_or_none

    ref = hub_ref_or_none(resume)
    if ref is None or ref.path:
        raise click.UsageError(
            f"--resume {resume}: give no value (the run in --out) or a Hub repository ORG/NAME[@BRANCH] that a run "
            "pushed checkpoints to"
        )
    return {"resume": True, "resume_from": str(ref)}


def _stderr_echo(line: str) -> None:
    click.echo(line, err=True)


def missing_family_message(name: str, known: Sequence[str]) -> str:
    """Why ``name`` cannot train here: what to install when a first-party distribution provides it
    (kp_core.plugins.catalog), else the families that can."""
    from kp_core.plugins.catalog import FIRST_PARTY

    provider = FIRST_PARTY.get(name)
    if provider is not None:
        return f"the {name} family comes with {provider}: pip install {provider.split()[0]}"
    registered = ", ".join(known) or "none"
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
            raise KpError(missing_family_message(name, self.list_commands(ctx)))
        if not family.trainable:
            raise KpError(f"family {name!r} is inference-only: it has no training recipe")
        return FamilyTrainCommand(family)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The installed families, then the first-party ones that are not installed and what
        brings them (a newcomer with kp-core alone sees where xlmr-ner is)."""
        from kp_core.plugins.catalog import FIRST_PARTY

        super().format_commands(ctx, formatter)
        installed = set(self._families())
        missing = [(name, f"pip install {provider.split()[0]}") for name, provider in FIRST_PARTY.items()
                   if name not in installed and not name.startswith("hf-")]  # fmt: skip
        if missing:
            with formatter.section("Not installed"):
                formatter.write_dl(missing)


@click.group("train", cls=TrainGroup, invoke_without_command=False, no_args_is_help=True)
def train() -> None:
    """Train a model of a family (kp train FAMILY --help lists its options)."""
