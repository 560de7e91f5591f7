"""The training driver: the one place that loops, for every family and framework.

Order of a run: options (declared by the recipe) -> device (the registered backends of the
recipe's framework) -> seeds -> data (validated, split one way for everyone, capped) -> the
recipe builds its model and training items -> resume from the newest checkpoint (refused when
settings or data changed) -> the step loop (length-bucketed seeded batches, gradient accumulation,
warm-up + linear decay fitted to ``--time-budget``, evaluation every ``--eval-every`` steps,
checkpoints every ``--save-every``) -> the recipe finishes (merges adapters) -> eval on the split
-> the recipe saves its model -> ``kp.json`` -> push -> the run summary.

Killing a run and continuing it with ``--resume`` ends with the same weights as a run that was
never interrupted: the batch order is a pure function of (seed, epoch), the loop position and
the schedule are saved with the recipe's state, and the recipe saves its framework's RNG state.
"""

from __future__ import annotations

import json
import math
import platform
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from kp_core.training.batching import BATCHING_RULES, batches_for
from kp_core.training.config import RunResult, TrainConfig
from kp_core.training.data import PreparedData, TrainingError, describe_split, prepare_data
from kp_core.training.options import OptionError, fingerprint_options, resolve_options
from kp_core.training.recipe import Recipe, RunContext
from kp_core.training.schedule import fit_to_budget, lr_factor, planned_steps
from kp_core.training.state import (
    LoopState,
    changed_settings,
    checkpoint_name,
    checkpoint_root,
    latest_checkpoint,
    resume_refusal,
    step_folders,
    tail_mean,
)

if TYPE_CHECKING:
    from kp_core.hub.refs import HubRef
    from kp_core.plugins.registry import Family

STATE_JSON = "loop.json"
KEEP_CHECKPOINTS = 2
# The shared settings whose change makes a checkpoint belong to another run.
_FINGERPRINT_KEYS = (
    "base epochs lr batch_size grad_accum warmup_ratio weight_decay max_train max_eval max_steps eval_fraction seed"
).split()

StepHook = Callable[[LoopState], None]
BudgetHook = Callable[["TrainingRun"], "float | None"]


@attrs.define
class TrainingRun:
    """A run between setup and the loop: what ``budget_after_setup`` hooks may look at."""

    recipe: Recipe
    config: TrainConfig
    data: PreparedData
    device: str
    time_budget_s: float | None


def recipe_owner(recipe: Recipe | type) -> str:
    """How errors name a recipe: ``xlmr-ner on torch``."""
    return f"{recipe.family} on {recipe.framework or 'the host CPU'}"


def resolve_training_device(
    requested: str, framework: str | None, echo: Callable[[str], None] = print
) -> tuple[str, str]:
    """(backend name, hardware) for a recipe of ``framework``; one resolution for every family.

    A named device that is unavailable falls back to the best available one of the framework,
    with one line saying which, why and what was taken. A framework-free recipe runs in-process
    on the host CPU and takes ``auto`` or ``cpu``.
    """
    if framework is None:
        if requested not in ("auto", "cpu"):
            raise TrainingError(f"--device {requested}: this family runs on the host CPU (use auto or cpu)")
        return "cpu", f"{platform.machine() or 'cpu'}, host CPU"
    from kp_core.plugins.devices import resolve_device
    from kp_core.plugins.registry import get_registry

    choice = resolve_device(requested, get_registry(), framework=framework)
    if choice.message:
        echo(f"kp: {choice.message}")
    return choice.name, choice.backend.availability().hardware


def train_family(family: Family, config: TrainConfig, **hooks: Any) -> RunResult:
    """Train ``family`` with its recipe for ``config.device`` (``hooks`` as for
    :func:`train_with_recipe`)."""
    return train_with_recipe(family.recipe_for(config.device), config, **hooks)


def train_with_recipe(
    recipe: Recipe | Callable[[], Recipe],
    config: TrainConfig,
    *,
    echo: Callable[[str], None] = print,
    on_step: StepHook | None = None,
    budget_after_setup: BudgetHook | None = None,
    summary: Callable[[str], None] | None = None,
) -> RunResult:
    """Train ``recipe`` (an instance, or a class/factory called with no arguments) as ``config``
    says; returns the run's figures. ``echo`` takes the run's progress lines and ``summary`` its
    closing summary (default: ``echo``; ``kp train`` sends progress to stderr, the summary to
    stdout). ``on_step`` runs after every optimizer step and after any checkpoint of that step
    (tests kill runs with it); ``budget_after_setup`` may replace the time budget once the model is
    built (the main job keeps back the time scoring will take)."""
    wall_start = time.perf_counter()
    if isinstance(recipe, type) or not isinstance(recipe, Recipe):  # a class passes the protocol's check too
        recipe = recipe()
    owner = recipe_owner(recipe)
    if (rule := getattr(recipe, "batching", "by_length")) not in BATCHING_RULES:
        raise TrainingError(f"{owner}: unknown batching rule {rule!r}; known: {', '.join(BATCHING_RULES)}")
    try:
        options = resolve_options(recipe.options, config.options, owner=owner)
    except OptionError as exc:
        raise TrainingError(str(exc)) from None
    push_ref = _push_target(config)  # a bad --push name fails before any work, not after training
    device, hardware = resolve_training_device(config.device, recipe.framework, echo)
    echo(f"{recipe.family}: device {device}" + (f" ({hardware})" if hardware else ""))
    _seed_host(config.seed)

    data = prepare_data(config)
    echo(describe_split(data))
    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    if not config.resume and checkpoint_root(out).exists():
        shutil.rmtree(checkpoint_root(out))  # a fresh run never picks up another run's state
    recipe.setup(
        RunContext(config=config, options=options, data=data, device=device, hardware=hardware, out=out, echo=echo)
    )
    lengths = list(recipe.item_lengths())
    if not lengths:
        raise TrainingError(f"--data {config.dataset}: no training items after encoding (empty texts?)")
    batch_size = int(getattr(recipe, "batch_size", None) or config.batch_size)
    total = planned_steps(
        len(lengths), batch_size, epochs=config.epochs, grad_accum=config.grad_accum, max_steps=config.max_steps
    )
    state = LoopState(total_steps=total, warmup_steps=int(config.warmup_ratio * total))
    fingerprint = _fingerprint(recipe, config, options, data, batch_size)

    resumed_from = None
    if config.resume_from:
        _pull_pushed_checkpoint(config.resume_from, out, echo)
    if config.resume:
        latest = latest_checkpoint(out)
        if latest is None:
            echo(f"--resume: no checkpoint under {checkpoint_root(out)}; starting at step 0")
        else:
            state = _restore(latest, recipe, fingerprint)
            resumed_from = state.step
            echo(f"resumed from step {resumed_from} of {state.total_steps}")
    budget = config.time_budget_s
    if budget_after_setup is not None:
        budget = budget_after_setup(TrainingRun(recipe, config, data, device, budget))

    on_checkpoint = _checkpoint_pusher(push_ref, config, echo) if config.push_checkpoints else None
    _loop(
        recipe, config, data, state, lengths, batch_size, fingerprint, out, budget, resumed_from, on_step, echo,
        on_checkpoint,
    )  # fmt: skip

    figures = dict(recipe.finish())
    eval_metrics = _evaluate(recipe, data) if data.eval else {}
    metrics: dict[str, Any] = {}
    if "eval_loss" in figures:
        metrics["eval_loss"] = figures.pop("eval_loss")
    metrics.update({f"eval_{k}": v for k, v in eval_metrics.items()})
    if eval_metrics and callable(getattr(recipe, "evaluate", None)):
        metrics["eval_f1_name"] = _f1_name(recipe)
    metrics.update(
        train_loss_first=state.losses[0] if state.losses else None,
        train_loss_last=state.losses[-1] if state.losses else None,
        train_loss_final_mean=tail_mean(state.losses),
    )
    metrics.update(figures)
    family_fields = dict(recipe.save(out))
    if state.step >= state.total_steps and not config.keep_checkpoints:
        shutil.rmtree(checkpoint_root(out), ignore_errors=True)
    _write_manifest(
        out, recipe, config, options, data, state, family_fields, metrics,
        device=device, hardware=hardware, batch_size=batch_size, train_items=len(lengths), budget=budget,
        resumed_from=resumed_from, wall_start=wall_start,
    )  # fmt: skip
    run = RunResult(
        out=out,
        family=recipe.family,
        base=config.base,
        train_examples=len(data.train),
        eval_examples=len(data.eval),
        steps=state.step,
        train_seconds=state.train_seconds,
        train_samples_per_s=state.samples_per_s,
        device=device,
        metrics=metrics,
    )
    if push_ref is not None:
        from kp_core.hub.publish import plan_publish, publish

        plan = plan_publish(out, push_ref.repo_id, revision=push_ref.revision, any_name=config.any_name)
        publish(plan, private=config.push_private, keep_checkpoints=config.keep_checkpoints, echo=echo)
        run = attrs.evolve(run, pushed=True)
    (summary or echo)(run_summary(run, state))
    return run


def _push_target(config: TrainConfig) -> HubRef | None:
    """``--push ORG/NAME[@BRANCH]`` checked against the naming rule (unless ``--any-name``)."""
    if config.push_checkpoints and not config.push:
        raise TrainingError("--push-checkpoints needs --push ORG/NAME (the repository they go to)")
    if not config.push:
        return None
    from kp_core.hub.publish import repo_ref
    from kp_core.hub.refs import parse_hub_ref

    parsed = parse_hub_ref(config.push)
    if parsed is None or parsed.path:
        raise TrainingError(f"--push {config.push}: not a Hub repository id ORG/NAME[@BRANCH]")
    return repo_ref(parsed.repo_id, revision=parsed.revision, any_name=config.any_name)


def _pull_pushed_checkpoint(reference: str, out: Path, echo: Callable[[str], None]) -> None:
    """``--resume ORG/NAME``: the newest checkpoint pushed there, copied into ``out`` unless ``out``
    already holds a newer one."""
    from kp_core.hub.pull import pull_checkpoint
    from kp_core.hub.refs import HubError, parse_hub_ref

    ref = parse_hub_ref(reference)
    if ref is None:
        raise HubError(f"--resume {reference}: not a Hub repository id ORG/NAME[@BRANCH]")
    local = latest_checkpoint(out)
    pulled = pull_checkpoint(ref, out, keep_newer=local)
    if pulled is None:
        echo(f"--resume {ref}: the repository holds no pushed checkpoint")
    elif pulled != local:
        echo(f"--resume {ref}: pulled {pulled.name}")


def _checkpoint_pusher(ref: HubRef | None, config: TrainConfig, echo: Callable[[str], None]) -> Callable[[Path], None]:
    """Push each checkpoint as it is saved; a failed push is reported and training goes on (the
    next checkpoint tries again), since losing a run to a network hiccup costs more."""
    from kp_core.hub.push import push_checkpoint
    from kp_core.hub.refs import HubError

    assert ref is not None

    def push(folder: Path) -> None:
        try:
            push_checkpoint(folder, ref, private=config.push_private, echo=echo)
        except HubError as exc:
            echo(f"checkpoint push failed, training goes on: {exc}")

    return push


def eval_rows_sha256(data: PreparedData) -> str:
    """The identity of the eval split (doc ids and texts, in order): equal for every family and
    framework trained on one dataset with one seed."""
    import hashlib

    digest = hashlib.sha256()
    for example in data.eval:
        digest.update(f"{example.doc_id}\x1f{example.text}\x1e".encode())
    return digest.hexdigest()


def _seed_host(seed: int) -> None:
    import numpy as np

    random.seed(seed)
    np.random.seed(seed)


def _fingerprint(
    recipe: Recipe, config: TrainConfig, options: Mapping[str, Any], data: PreparedData, batch_size: int
) -> dict[str, Any]:
    """What must match for ``--resume`` to continue a run rather than mix two."""
    out: dict[str, Any] = {k: getattr(config, k) for k in _FINGERPRINT_KEYS}
    out.update(
        family=recipe.family,
        framework=recipe.framework,
        batch_size=batch_size,
        data_sha256=data.sha256,
        options=fingerprint_options(recipe.options, options),
    )
    return json.loads(json.dumps(out, default=str))


def _loop(
    recipe: Recipe,
    config: TrainConfig,
    data: PreparedData,
    state: LoopState,
    lengths: list[int],
    batch_size: int,
    fingerprint: dict[str, Any],
    out: Path,
    budget: float | None,
    resumed_from: int | None,
    on_step: StepHook | None,
    echo: Callable[[str], None],
    on_checkpoint: Callable[[Path], None] | None = None,
) -> None:
    from tqdm.auto import tqdm

    per_epoch = math.ceil(len(lengths) / batch_size)
    batching = getattr(recipe, "batching", "by_length")
    loss_scale = 1.0 / config.grad_accum
    bar = tqdm(
        total=state.total_steps, initial=state.step, desc="train", unit="step",
        disable=not config.progress, dynamic_ncols=True,
    )  # fmt: skip
    started = time.perf_counter() - state.train_seconds
    calibration: float | None = None
    running: float | None = None
    micro_losses: list[float] = []
    done = state.step >= state.total_steps
    while not done:
        epoch, offset = divmod(state.micro_batches, per_epoch)
        for batch in batches_for(batching, lengths, batch_size, seed=config.seed, epoch=epoch)[offset:]:
            micro = recipe.forward_backward(batch, loss_scale)
            if not math.isfinite(micro.loss):
                raise TrainingError(f"loss became {micro.loss} at step {state.step + 1}; lower --lr")
            state.micro_batches += 1
            state.samples += micro.samples
            state.tokens += micro.tokens
            micro_losses.append(micro.loss)
            if len(micro_losses) < config.grad_accum and state.micro_batches % per_epoch:
                continue
            recipe.update(lr_factor(state, state.step))
            state.step += 1
            state.losses.append(sum(micro_losses) / len(micro_losses))
            micro_losses = []
            running = state.losses[-1] if running is None else 0.9 * running + 0.1 * state.losses[-1]
            state.train_seconds = time.perf_counter() - started
            if budget is not None:
                if resumed_from is None:
                    before = state.total_steps
                    calibration = fit_to_budget(
                        state, budget_s=budget, warmup_ratio=config.warmup_ratio, calibration_start=calibration
                    )
                    if state.total_steps != before:
                        echo(f"time budget of {budget:g} s: schedule fitted to {state.total_steps} steps")
                if state.train_seconds >= budget and state.step < state.total_steps:
                    state.stopped_by_budget = True
            bar.total = state.total_steps
            bar.set_postfix(loss=f"{running:.4f}", samples_s=f"{state.samples_per_s:.1f}", refresh=False)
            bar.update(1)
            finished = state.step >= state.total_steps or state.stopped_by_budget
            if config.eval_every and data.eval and state.step % config.eval_every == 0 and not finished:
                _cadence_eval(recipe, data, state, bar)
            if config.checkpoint_every and (state.step % config.checkpoint_every == 0 or finished):
                saved = _save(out, recipe, state, fingerprint)
                if on_checkpoint is not None:
                    on_checkpoint(saved)
            if on_step is not None:
                on_step(state)
            if finished:
                done = True
                break
    bar.close()
    if state.stopped_by_budget:
        echo(f"time budget reached after {state.step} of {state.total_steps} steps")
    state.train_seconds = time.perf_counter() - started


def _evaluate(recipe: Recipe, data: PreparedData) -> dict[str, float]:
    """Strict span metrics of the recipe's detector on the eval split; a recipe whose model is
    not a span detector (a document classifier) scores itself with its own ``evaluate``, which
    returns at least ``f1``, ``precision``, ``recall`` and ``f2``."""
    own = getattr(recipe, "evaluate", None)
    if callable(own):
        return dict(own(data.eval))
    from kp_core.metrics.eval_split import span_metrics

    return span_metrics(recipe.detector(), data.eval)


def _f1_name(recipe: Recipe) -> str:
    """What the eval F1 is: strict span F1, or the recipe's own (a classifier's label-micro F1)."""
    return str(getattr(recipe, "f1_name", "strict F1")) if callable(getattr(recipe, "evaluate", None)) else "strict F1"


def _cadence_eval(recipe: Recipe, data: PreparedData, state: LoopState, bar: Any) -> None:
    try:
        metrics = _evaluate(recipe, data)
    finally:
        recipe.train_mode()
    state.evaluations.append({"step": state.step, **metrics})
    bar.write(
        f"eval at step {state.step}: {_f1_name(recipe)} {metrics['f1']:.4f} (P {metrics['precision']:.4f}, "
        f"R {metrics['recall']:.4f}), F2 {metrics['f2']:.4f}"
    )


def _save(out: Path, recipe: Recipe, state: LoopState, fingerprint: dict[str, Any]) -> Path:
    """``checkpoints/step-<N>``: the recipe's state plus the loop's, written under a temporary name
    and renamed into place (a run killed mid-write leaves no half checkpoint); the newest
    ``KEEP_CHECKPOINTS`` are kept."""
    root = checkpoint_root(out)
    root.mkdir(parents=True, exist_ok=True)
    final = root / checkpoint_name(state.step)
    # A staging folder of this writer's own (never a fixed name that another run would clobber),
    # renamed into place once complete.
    tmp = Path(tempfile.mkdtemp(dir=root, prefix=f".tmp-{final.name}-"))
    recipe.save_state(tmp)
    payload = {"loop": state.to_json(), "fingerprint": fingerprint, "host_rng": _host_rng_state()}
    (tmp / STATE_JSON).write_text(json.dumps(payload, indent=1), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    older = [p for p in step_folders(root) if p != final]
    for stale in older[: max(0, len(older) - (KEEP_CHECKPOINTS - 1))]:
        shutil.rmtree(stale, ignore_errors=True)
    return final


def _restore(folder: Path, recipe: Recipe, fingerprint: dict[str, Any]) -> LoopState:
    path = folder / STATE_JSON
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TrainingError(f"{path}: cannot read the checkpoint's loop state ({exc})") from None
    changed = changed_settings(payload.get("fingerprint", {}), fingerprint)
    if changed:
        raise TrainingError(resume_refusal(folder, changed))
    recipe.load_state(folder)
    if "host_rng" in payload:
        _set_host_rng_state(payload["host_rng"])
    return LoopState.from_json(payload["loop"])


def _host_rng_state() -> dict[str, Any]:
    """Python's and numpy's global generators (a recipe or a library it calls may draw from them)."""
    import numpy as np

    version, internal, gauss = random.getstate()
    name, keys, pos, has_gauss, cached = np.random.get_state()
    return {
        "python": [version, list(internal), gauss],
        "numpy": [name, [int(k) for k in keys], int(pos), int(has_gauss), float(cached)],
    }


def _set_host_rng_state(saved: dict[str, Any]) -> None:
    import numpy as np

    version, internal, gauss = saved["python"]
    random.setstate((version, tuple(internal), gauss))
    name, keys, pos, has_gauss, cached = saved["numpy"]
    np.random.set_state((name, np.array(keys, dtype=np.uint32), pos, has_gauss, cached))


def _write_manifest(
    out: Path,
    recipe: Recipe,
    config: TrainConfig,
    options: Mapping[str, Any],
    data: PreparedData,
    state: LoopState,
    family_fields: Mapping[str, Any],
    metrics: Mapping[str, Any],
    *,
    device: str,
    hardware: str,
    batch_size: int,
    train_items: int,
    budget: float | None,
    resumed_from: int | None,
    wall_start: float,
) -> None:
    from kp_core.plugins.manifest import write_kp_json
    from kp_core.taxonomy import TAXONOMY_VERSION

    training = config.to_json()
    training.update(batch_size=batch_size, options=json.loads(json.dumps(dict(options), default=list)))
    write_kp_json(
        out,
        {
            "family": recipe.family,
            "framework": recipe.framework,
            "base": config.base,
            "taxonomy_version": TAXONOMY_VERSION,
            **family_fields,
            "training": training,
            "data": {
                "path": str(config.dataset),
                **({"source": data.source} if data.source else {}),
                "sha256": data.sha256,
                "train_examples": len(data.train),
                "eval_examples": len(data.eval),
                "train_items": train_items,
                "eval_rows_sha256": eval_rows_sha256(data),
                "split": data.split_info,
            },
            "seed": config.seed,
            "run": {
                "device": device,
                "hardware": hardware,
                "steps": state.step,
                "planned_steps": state.total_steps,
                "time_budget_s": budget,
                "stopped_by_budget": state.stopped_by_budget,
                "resumed_from": resumed_from,
                "train_seconds": round(state.train_seconds, 2),
                "train_samples_per_s": round(state.samples_per_s, 3),
                "train_tokens": state.tokens,
                "wall_seconds": round(time.perf_counter() - wall_start, 2),
                "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
            },
            "metrics": dict(metrics),
            "evaluations": state.evaluations,
            "losses": [round(loss, 6) for loss in state.losses],  # one per optimizer step
        },
    )


def run_summary(run: RunResult, state: LoopState) -> str:
    """The lines every run ends with."""
    m = run.metrics
    lines = [
        f"run summary ({run.family}, base {run.base}, {run.device})",
        f"  data      train {run.train_examples} docs, eval {run.eval_examples} docs",
        f"  training  {run.steps} steps in {run.train_seconds:.1f} s, {run.train_samples_per_s:.1f} items/s"
        + (" (stopped at the time budget)" if state.stopped_by_budget else ""),
    ]
    if m.get("train_loss_first") is not None:
        lines.append(f"  loss      {m['train_loss_first']:.4f} -> {m['train_loss_final_mean']:.4f} (end of run)")
    if "eval_f1" in m:
        loss = f"loss {m['eval_loss']:.4f}, " if m.get("eval_loss") is not None else ""
        lines.append(
            f"  eval      {loss}{m.get('eval_f1_name', 'strict F1')} {m['eval_f1']:.4f} "
            f"(P {m['eval_precision']:.4f}, R {m['eval_recall']:.4f}), F2 {m['eval_f2']:.4f}"
        )
    lines.append(f"  saved     {run.out}" + (" (pushed)" if run.pushed else ""))
    return "\n".join(lines)
