"""``kp main``: the project's main job, offline, in one bounded run.

1. generate a multilingual synthetic training set with kp's generator;
2. rebuild the built-in base (``multilingual-e5-small``) offline, if not cached yet;
3. train a family (``xlmr-ner`` by default, found through the registry: kp-torch provides it) on it
   within a wall-clock budget (the schedule is fitted to the budget): a full finetune of the
   encoder (word embeddings frozen) at lr 1e-4 with the new head at 1e-3, which learned more per
   minute than LoRA r=16 at lr 1e-3 in a side-by-side run (docs/training.md);
4. score the model on the four EuroPriv-Bench dev slices (strict F1, F2, national-ID leak rate) and
   on the two ECHR dev files (real court text; names' leak rate), in total and per type: the model
   alone, with identifier typing (kp's default for every detector) and united with the rules;
5. de-identify a sample document.

Everything lands under ``--out`` (default ``runs/main``): the data, the model, ``scorecard.json``
and ``scorecard.md``; an ``--out`` that holds files is refused unless ``--overwrite`` (``make run``
passes it). The defaults finish within 20 minutes on 2 CPU cores. Progress goes to stderr; the
scorecard (or, with ``--json``, the summary as JSON) to stdout.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import click

from kp_core.cli.options import (
    check_overwrite,
    hidden_alias,
    json_option,
    overwrite_option,
    progress_option,
    show_progress,
)
from kp_core.errors import KpError
from kp_core.training import train_family

DEFAULT_FAMILY = "xlmr-ner"
DEFAULT_DEV_DIR = Path("..") / "shared" / "data" / "europriv-dev"
DEV_DIR_ENV = "KP_DEV_DIR"
DEFAULT_ECHR_DIR = Path("..") / "shared" / "data" / "echr-dev"
ECHR_DIR_ENV = "KP_ECHR_DIR"
# The scorecard's three ways of running the model, in the order shown.
VARIANTS = {
    "model_alone": "the model alone (--no-identifier-typing)",
    "identifier_typing": "with identifier typing (kp's default)",
    "with_rules": "with identifier typing, united with the rules family (--with-rules)",
}
# Kept back beside the measured scoring time: the eval split, merging LoRA, saving, de-identifying,
# and the last training step, which may run past the budget (one step is seconds on a loaded CPU).
FIXED_RESERVE_S = 90.0
# The main job's own eval split (kp train's default is 0.1): its training data and figures stay
# those of every earlier scorecard.
MAIN_EVAL_FRACTION = 0.05


def say(line: str) -> None:
    """A progress line of the main job: stderr, so stdout carries the scorecard (or --json) only."""
    click.echo(line, err=True)


def _fmt_duration(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}m{secs:02d}s"


def main_dev_files(dev_dir: Path | None, echr_dir: Path | None) -> dict[str, Path]:
    """The EuroPriv-Bench dev slices and the ECHR dev files, or a clear error on what to pass."""
    from kp_core.evaluation.scorecard import DevDataMissing, dev_files

    try:
        return dev_files(
            dev_dir or Path(os.environ.get(DEV_DIR_ENV) or DEFAULT_DEV_DIR),
            echr_dir or Path(os.environ.get(ECHR_DIR_ENV) or DEFAULT_ECHR_DIR),
        )
    except DevDataMissing as exc:
        raise KpError(f"{exc}; pass --data-dir/--echr-dir or set {DEV_DIR_ENV}/{ECHR_DIR_ENV}") from None


# Documents timed to estimate how long scoring the dev slices will take.
_SAMPLE_DOCS = 24


def measured_reserve(detector: Any, files: dict[str, Path]) -> float:
    """Seconds to keep back for scoring the dev slices: the freshly built model (before training)
    times a sample of the dev documents on this machine now, scaled to all of their characters."""
    from kp_core.evaluation.data import load_rows

    texts = [row["text"] for path in files.values() for row in load_rows(path)]
    step = max(1, len(texts) // _SAMPLE_DOCS)
    sample = texts[::step][:_SAMPLE_DOCS]
    detector.predict_spans(sample[:2])  # warm-up: first calls allocate and compile
    started = time.perf_counter()
    detector.predict_spans(sample)
    seconds = time.perf_counter() - started
    total_chars = sum(len(t) for t in texts)
    sample_chars = max(1, sum(len(t) for t in sample))
    estimate = seconds * total_chars / sample_chars
    reserve = estimate + FIXED_RESERVE_S
    say(
        f"      scoring reserve {reserve:.0f} s: {len(sample)} of {len(texts)} dev documents took {seconds:.1f} s "
        f"(~{estimate:.0f} s for all), plus {FIXED_RESERVE_S:.0f} s"
    )
    return reserve


def main_training_rows(docs: int, seed: int, languages: list[str] | None = None) -> Any:
    """The main job's training documents: kp's generator only, in the EuroPriv-Bench gold
    conventions the dev slices follow."""
    from kp_core.generate import generate_rows

    return generate_rows(languages, None, docs, seed, conventions="europriv")


def family_for_main(name: str) -> Any:
    """The registered family ``kp main`` trains, or a clear error naming what to install."""
    from kp_core.cli.train import missing_family_message
    from kp_core.plugins.registry import get_registry

    families = get_registry().families
    trainable = [f.name for f in families if f.trainable]
    if name not in families or not families.get(name).trainable:
        raise KpError(f"kp main trains {name}: " + missing_family_message(name, trainable))
    return families.get(name)


def main_languages(languages: str | None) -> list[str] | None:
    """``--languages``: comma-separated generator codes in any case (``RO`` is ``ro``), checked
    before anything is written."""
    from kp_core.generate import generate_rows

    if not languages:
        return None
    codes = [code.strip().lower() for code in languages.split(",") if code.strip()]
    try:
        list(generate_rows(codes, None, 0, 0))  # no documents: only the codes are checked
    except ValueError as exc:
        raise KpError(f"--languages: {exc}") from None
    return codes or None


def start_out(folder: Path, overwrite: bool) -> None:
    """Make ``--out`` ready once every check passed (:func:`check_overwrite` refused a folder that
    holds files without ``--overwrite``): the previous model goes; the data file and the
    scorecards are rewritten."""
    if overwrite:
        shutil.rmtree(folder / "model", ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)


def family_options(family: Any, device: str, wanted: dict[str, Any], given: set[str]) -> dict[str, Any]:
    """The main job's model settings that the family's recipe for ``device`` declares; a setting
    the user gave explicitly that the recipe does not take is an error, never dropped."""
    declared = {option.name for option in family.recipe_for(device).options}
    refused = sorted(name for name in given if name not in declared)
    if refused:
        flags = ", ".join("--" + name.replace("_", "-") for name in refused)
        raise click.UsageError(f"{flags}: not an option of {family.name} (kp train {family.name} --help)")
    return {k: v for k, v in wanted.items() if k in declared and v is not None}


class CachedDetector:
    """Remembers a detector's spans per text, so the model runs once when it is scored alone and
    again united with the rules family."""

    def __init__(self, detector: Any) -> None:
        self.detector = detector
        self.name = detector.name
        self.model_id = detector.model_id
        self._memo: dict[str, list] = {}

    def predict_spans(self, texts: list[str]) -> list[list]:
        todo = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if todo:
            self._memo.update(zip(todo, self.detector.predict_spans(todo), strict=True))
        return [self._memo[t] for t in texts]


def score_variants(
    model_ref: str, device: str, files: dict[str, Path], timings: dict[str, float], echo: Any, **load_options: Any
) -> tuple[dict[str, list[dict[str, Any]]], Any]:
    """The scorecard's rows for each of :data:`VARIANTS`, and the detector with identifier typing.
    The model runs once per text; typing and the rules work on its remembered spans."""
    from kp_core.evaluation.scorecard import score_sets
    from kp_core.plugins.models import load_detector
    from kp_core.rules.identifier_typing import IdentifierTyping
    from kp_core.rules.union import WithRules

    model = CachedDetector(load_detector(model_ref, device=device, identifier_typing=False, **load_options))
    typed = IdentifierTyping(model)
    detectors = {"model_alone": model, "identifier_typing": typed, "with_rules": WithRules(typed)}
    scores: dict[str, list[dict[str, Any]]] = {}
    for variant, detector in detectors.items():
        echo(f"{VARIANTS[variant]}:")
        started = time.perf_counter()
        scores[variant] = score_sets(detector, files, lambda line: echo(f"  {line}"))
        timings[f"score_{variant}_s"] = time.perf_counter() - started
    return scores, typed


@click.command("main")
@hidden_alias("--budget", "time_budget")
@hidden_alias("--dev-dir", "data_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--family", default=DEFAULT_FAMILY, show_default=True, help="The family to train (kp train lists them).")
@click.option(
    "--out", default="runs/main", show_default=True, type=click.Path(file_okay=False), help="Folder for everything."
)
@overwrite_option
@click.option(
    "--time-budget", default="20m", show_default=True, help="Wall-clock budget of the whole job (900, 900s, 15m, 1.5h)."
)
@click.option("--docs", default=6000, show_default=True, type=click.IntRange(min=50), help="Documents to generate.")
@click.option("--languages", default=None, help="Comma-separated generator languages, any case (it,RO) [default: all].")
@click.option("--base", default="multilingual-e5-small", show_default=True)
@click.option("--device", default="auto", show_default=True)
@click.option("--threads", default=None, type=click.IntRange(min=1), help="CPU threads [default: all cores].")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(min=1))
@click.option(
    "--full-finetune/--lora",
    default=True,
    show_default=True,
    help="Train the encoder's weights (word embeddings frozen), or LoRA adapters.",
)
@click.option("--lr", default=None, type=float, help="Peak learning rate [default: 1e-4, with --lora 1e-3].")
@click.option(
    "--head-lr", default=1e-3, show_default=True, type=float, help="Learning rate of the new classification head."
)
@click.option("--lora-rank", default=16, show_default=True, type=click.IntRange(min=1), help="With --lora.")
@click.option("--max-length", default=128, show_default=True, type=click.IntRange(min=16))
@click.option("--epochs", default=2.0, show_default=True, type=float, help="Upper bound; the budget usually ends it.")
@click.option("--max-steps", default=None, type=click.IntRange(min=1), help="Fixed step count (reproducible).")
@click.option("--max-eval", default=100, show_default=True, type=click.IntRange(min=1))
@click.option("--seed", default=0, show_default=True, type=int)
@click.option(
    "--data-dir",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help=f"EuroPriv-Bench dev slices [default: ${DEV_DIR_ENV} or {DEFAULT_DEV_DIR}].",
)
@click.option("--echr-dir", default=None, type=click.Path(file_okay=False, path_type=Path), help="ECHR dev files.")
@click.option(
    "--eval-reserve",
    default=None,
    type=click.FloatRange(min=0),
    help="Seconds kept for scoring [default: measured on this machine before training].",
)
@progress_option
@json_option
@click.pass_context
def main(
    ctx: click.Context,
    family: str,
    out: str,
    overwrite: bool,
    time_budget: str,
    docs: int,
    languages: str | None,
    base: str,
    device: str,
    threads: int | None,
    batch_size: int,
    full_finetune: bool,
    lr: float | None,
    head_lr: float,
    lora_rank: int,
    max_length: int,
    epochs: float,
    max_steps: int | None,
    max_eval: int,
    seed: int,
    data_dir: Path | None,
    echr_dir: Path | None,
    eval_reserve: float | None,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Generate data, train a family (xlmr-ner) on the built-in base, score it on the dev slices, de-identify."""
    from kp_core.bases import resolve_base
    from kp_core.cli.train import parse_duration
    from kp_core.generate import generate_rows, write_rows
    from kp_core.training.config import TrainConfig

    chosen = family_for_main(family)
    given = {
        name
        for name in ("full_finetune", "head_lr", "lora_rank", "max_length", "threads")
        if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT
    }
    if full_finetune and "lora_rank" in given:
        raise click.UsageError("--lora-rank sets the LoRA adapters: add --lora")
    wanted = {"full_finetune": full_finetune, "head_lr": head_lr, "max_length": max_length, "threads": threads}
    if not full_finetune:
        wanted["lora_rank"] = lora_rank
    options = family_options(chosen, device, wanted, given)
    if lr is None:
        lr = 1e-4 if options.get("full_finetune") else 1e-3
    started = time.perf_counter()
    total_budget = parse_duration(time_budget) or 0.0
    langs = main_languages(languages)
    folder = Path(out)
    check_overwrite(folder, overwrite)  # docs/cli.md: make run passes --overwrite
    files = main_dev_files(data_dir, echr_dir)
    start_out(folder, overwrite)
    timings: dict[str, float] = {}
    # The result: the scorecard on stdout, or on stderr when stdout carries --json.
    result = say if as_json else click.echo

    def elapsed() -> float:
        return time.perf_counter() - started

    say(f"kp main: budget {_fmt_duration(total_budget)}, output {folder}")
    say(f"[1/5] generating {docs} training documents ...")
    t = time.perf_counter()
    data_path = folder / "data" / "train.jsonl"
    count = write_rows(main_training_rows(docs, seed, langs), data_path)
    timings["generate_s"] = time.perf_counter() - t
    say(f"      {count} documents -> {data_path} ({timings['generate_s']:.1f} s)")

    say(f"[2/5] resolving base {base} (rebuilt offline on first use) ...")
    t = time.perf_counter()
    resolved = resolve_base(base)
    timings["base_s"] = time.perf_counter() - t
    say(f"      {resolved} ({timings['base_s']:.1f} s)")

    budget_note = {"reserve": eval_reserve}

    def train_budget_after_setup(run: Any) -> float | None:
        # The model exists now: time it on dev documents to know what scoring will need.
        if total_budget and budget_note["reserve"] is None:
            try:
                budget_note["reserve"] = measured_reserve(run.recipe.detector(), files)
            finally:
                run.recipe.train_mode()
        if not total_budget:
            return None
        return max(60.0, total_budget - elapsed() - (budget_note["reserve"] or 0.0))

    settings = ", ".join([f"lr {lr:g}", *(f"{k.replace('_', ' ')} {v}" for k, v in options.items() if k != "threads")])
    say(f"[3/5] training {family} ({settings or 'its defaults'}) within the budget ...")
    model_dir = folder / "model"
    config = TrainConfig(
        family=family,
        base=base,
        dataset=str(data_path),
        out=model_dir,
        epochs=epochs,
        lr=lr,
        batch_size=batch_size,
        max_steps=max_steps,
        max_eval=max_eval,
        eval_fraction=MAIN_EVAL_FRACTION,
        seed=seed,
        device=device,
        time_budget_s=float(total_budget) if total_budget else None,
        progress=show_progress(progress),
        options=options,
    )
    t = time.perf_counter()
    run = train_family(
        chosen, config, echo=lambda line: say(f"      {line}"), budget_after_setup=train_budget_after_setup
    )
    timings["train_total_s"] = time.perf_counter() - t
    eval_reserve = budget_note["reserve"]

    say("[4/5] scoring on the EuroPriv-Bench dev slices and the ECHR dev files ...")
    from kp_core.evaluation.scorecard import per_type_lines, summary_lines

    load_options = {"threads": threads} if threads else {}
    scores, typed = score_variants(
        str(model_dir), run.device, files, timings, lambda line: say(f"      {line}"), **load_options
    )

    say("[5/5] de-identifying a sample document ...")
    from kp_core.sdk import deidentify

    sample = next(iter(generate_rows(langs, ["administrative"], 1, seed + 1, start=docs)))["text"]
    masked = deidentify(sample, "replace", spans=typed.predict_spans([sample]))
    timings["total_s"] = elapsed()

    from kp_core.plugins.manifest import Manifest

    meta = Manifest.read(model_dir)
    if meta is None or meta.run is None or meta.training is None:
        raise KpError(f"{model_dir}: the trained model has no complete kp.json")
    summary = {
        "base": base,
        "model": str(model_dir),
        "device": run.device,
        "threads": meta.training.get("options", {}).get("threads"),
        "training": {
            "documents_generated": count,
            "train_documents": run.train_examples,
            "steps": run.steps,
            "planned_steps": meta.run["planned_steps"],
            "train_seconds": round(run.train_seconds, 1),
            "train_budget_seconds": meta.run.get("time_budget_s"),
            "scoring_reserve_seconds": round(eval_reserve, 1) if eval_reserve is not None else None,
            "samples_per_s": round(run.train_samples_per_s, 2),
            "eval_split": {k: run.metrics.get(k) for k in ("eval_f1", "eval_precision", "eval_recall", "eval_loss")},
        },
        "timings": {k: round(v, 1) for k, v in timings.items()},
        "scores": scores,
        "sample": {"original": sample, "deidentified": masked},
    }
    (folder / "scorecard.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    train_budget = summary["training"]["train_budget_seconds"]
    budget_line = (
        f"training: {run.steps} steps, {run.train_seconds:.0f} s of a {train_budget or 0:.0f} s budget, "
        f"{run.train_samples_per_s:.1f} windows/s on {run.device}"
    )
    md = [
        "# kp main: scorecard",
        "",
        f"Model: {family} on {base}, trained on {run.train_examples} generated documents. {budget_line}.",
        f"Total wall time {_fmt_duration(timings['total_s'])}.",
        "",
        "Strict entity scores on the EuroPriv-Bench dev slices (it, se, cz, dk) and the ECHR dev files",
        "(real court text, fr and es); leak: national IDs left in clear (EuroPriv), persons whose name",
        "survives (ECHR).",
    ]
    for variant, label in VARIANTS.items():
        md += ["", f"## {label[0].upper()}{label[1:]}", "", "```", *summary_lines(scores[variant]), "```"]
        md += ["", "Per type:", "", "```", *per_type_lines(scores[variant]), "```"]
    (folder / "scorecard.md").write_text("\n".join(md) + "\n", encoding="utf-8")

    result("")
    result(f"Scorecard: {family} on {base} (strict entity F1/F2; leak rates)")
    for variant, label in VARIANTS.items():
        result(f"{label}:")
        for line in summary_lines(scores[variant]):
            result(f"  {line}")
    result("per type, with identifier typing:")
    for line in per_type_lines(scores["identifier_typing"]):
        result(f"  {line}")
    result(f"  {budget_line}")
    result("")
    result("Sample document (synthetic), de-identified:")
    result("  " + masked.replace("\n", "\n  "))
    result("")
    result(f"Done in {_fmt_duration(timings['total_s'])}; scorecard in {folder / 'scorecard.md'}")
    if as_json:
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
