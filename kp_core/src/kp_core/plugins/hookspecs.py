"""kp hook specifications. Each hook receives a ``register`` callback (or the CLI group)."""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("kp")
hookimpl = pluggy.HookimplMarker("kp")


@hookspec
def kp_register_families(register):
    """Register model families: call ``register(Family(...))`` for each."""


@hookspec
def kp_register_backends(register):
    """Register device backends: call ``register(Backend(...))`` for each."""


@hookspec
def kp_register_evaluators(register):
    """Register evaluators: call ``register(Evaluator(...))`` for each."""


@hookspec
def kp_register_operators(register):
    """Register anonymization operators: call ``register(Operator(...))`` for each."""


@hookspec
def kp_register_commands(cli):
    """Add sub-commands to the ``kp`` click group."""
