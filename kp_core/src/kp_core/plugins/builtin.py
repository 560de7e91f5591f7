"""kp-core's own plugin. Built-ins register through the same hooks as any outside plugin.

Each table below names modules, imported only when the hook runs, that expose a tuple of items
(``FAMILIES``, ``EVALUATORS``, ``OPERATORS``): adding a built-in is one line here.
"""

from __future__ import annotations

from importlib import import_module

from kp_core.plugins.hookspecs import hookimpl

FAMILY_MODULES: tuple[str, ...] = ("kp_core.rules",)
EVALUATOR_MODULES: tuple[str, ...] = ("kp_core.evaluation.evaluators",)
OPERATOR_MODULES: tuple[str, ...] = ("kp_core.anonymize.operators",)

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
    ("bases", "kp_core.bases.cli:bases", "List, build or verify the built-in offline pretrained bases."),
    ("evaluate", "kp_core.evaluation.cli:evaluate", "Score a model or predictions in EuroPriv-Bench terms."),
    ("train", "kp_core.cli.train:train", "Train a model of a family on a dataset."),
    ("leaderboard", "kp_core.evaluation.cli:leaderboard", "Print a schema-3 leaderboard file as tables."),
)


def _register_all(register, modules: tuple[str, ...], attribute: str) -> None:
    for module in modules:
        for item in getattr(import_module(module), attribute):
            register(item)


@hookimpl
def kp_register_families(register):
    _register_all(register, FAMILY_MODULES, "FAMILIES")


@hookimpl
def kp_register_evaluators(register):
    _register_all(register, EVALUATOR_MODULES, "EVALUATORS")


@hookimpl
def kp_register_operators(register):
    _register_all(register, OPERATOR_MODULES, "OPERATORS")


@hookimpl
def kp_register_commands(cli):
    for name, target, short_help in COMMANDS:
        cli.add_lazy_command(name, target, short_help)
