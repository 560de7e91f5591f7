"""``kp data``: dataset tools. Each sub-command lives with the code it drives."""

from __future__ import annotations

import click

from kp_core.cli.lazy import LazyGroup


@click.group(cls=LazyGroup)
def data() -> None:
    """Validate, inspect, split and generate datasets in the kp row format."""


SUBCOMMANDS: tuple[tuple[str, str, str], ...] = (
    ("validate", "kp_core.data.cli:validate", "Check every row of a dataset and report each defect."),
    ("stats", "kp_core.data.cli:stats", "Documents, spans per type, languages, lengths, templating."),
    ("split", "kp_core.data.cli:split", "Template-disjoint train/eval split (optional subject carve-out)."),
    ("generate", "kp_core.generate.cli:generate", "Generate a synthetic multilingual PII dataset (22 languages)."),
    ("push", "kp_core.hub.cli:data_push", "Push a dataset file with its dataset card to the Hugging Face Hub."),
)

for _name, _target, _help in SUBCOMMANDS:
    data.add_lazy_command(_name, _target, _help)
