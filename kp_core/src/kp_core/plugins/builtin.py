"""kp-core's own plugin. Built-ins register through the same hooks as any outside plugin.

Each hook imports, only when it runs, the modules that hold the items (``FAMILIES``,
``EVALUATORS``, ``OPERATORS``): adding a built-in is one line in its hook.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from kp_core.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    from kp_core.cli.lazy import LazyGroup
    from kp_core.plugins.registry import Evaluator, Family, Operator

T = TypeVar("T")

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("version", "kp_core.cli.info:version", "Show kp and taxonomy versions."),
    ("plugins", "kp_core.cli.info:plugins", "List loaded and failed plugins."),
    ("families", "kp_core.cli.info:families", "List registered model families."),
    ("backends", "kp_core.cli.info:backends", "List device backends and their availability."),
    ("taxonomy", "kp_core.cli.info:taxonomy", "Show the KP taxonomy (types, tiers, BIOES labels)."),
    ("data", "kp_core.cli.data:data", "Validate, inspect, split and generate datasets."),
    ("predict", "kp_core.cli.predict:predict", "Find PII in a text or a JSONL file."),
    ("calibrate", "kp_core.cli.calibrate:calibrate", "Search a model's operating point on a dev set and save it."),
    ("deidentify", "kp_core.anonymize.cli:deidentify", "De-identify a JSONL file (streaming, resumable)."),
    ("classify", "kp_core.classification.cli:classify", "Classify documents: personal data, sensitivity level, KP types."),
    ("bases", "kp_core.bases.cli:bases", "List, build or verify the built-in offline pretrained bases."),
    ("evaluate", "kp_core.evaluation.cli:evaluate", "Score a model or predictions in EuroPriv-Bench terms."),
    ("train", "kp_core.cli.train:train", "Train a model of a family on a dataset."),
    ("main", "kp_core.cli.main_job:main", "The main job: generate data, train, score on the dev slices, de-identify."),
    ("leaderboard", "kp_core.evaluation.cli:leaderboard", "Print a schema-3 leaderboard file as tables."),
    ("compare", "kp_core.evaluation.compare_cli:compare", "Compare systems head to head: McNemar, paired bootstrap, verdict."),
    ("baselines", "kp_core.evaluation.baselines_cli:baselines", "List the systems kp is compared against (the registry)."),
    ("publish", "kp_core.hub.cli:publish", "Publish a trained run with its model card to the Hugging Face Hub."),
    ("serve", "kp_core.serve.cli:serve", "Serve a model over HTTP: extract, deidentify, pseudonymize, reidentify."),
    ("export", "kp_core.cli.export:export", "Export a checkpoint to another runtime (mlx, hf-bio, onnx)."),
)


def _register_all(register: Callable[[T], None], *tables: Iterable[T]) -> None:
    for table in tables:
        for item in table:
            register(item)


@hookimpl
def kp_register_families(register: Callable[[Family], None]) -> None:
    from kp_core.rules import FAMILIES

    _register_all(register, FAMILIES)


@hookimpl
def kp_register_evaluators(register: Callable[[Evaluator], None]) -> None:
    from kp_core.evaluation.evaluators import EVALUATORS

    _register_all(register, EVALUATORS)


@hookimpl
def kp_register_operators(register: Callable[[Operator], None]) -> None:
    from kp_core.anonymize.operators import OPERATORS

    _register_all(register, OPERATORS)


@hookimpl
def kp_register_commands(cli: LazyGroup) -> None:
    for name, target, short_help in COMMANDS:
        cli.add_lazy_command(name, target, short_help)
