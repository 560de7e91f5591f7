"""kp hook specifications. Each hook receives a ``register`` callback (or the CLI group)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from kp_core.cli.lazy import LazyGroup
    from kp_core.plugins.registry import Backend, Evaluator, Family, Operator

hookspec = pluggy.HookspecMarker("kp")
hookimpl = pluggy.HookimplMarker("kp")


@hookspec
def kp_register_families(register: Callable[[Family], None]) -> None:
    """Register model families: call ``register(Family(...))`` for each."""


@hookspec
def kp_register_backends(register: Callable[[Backend], None]) -> None:
    """Register device backends: call ``register(Backend(...))`` for each."""


@hookspec
def kp_register_evaluators(register: Callable[[Evaluator], None]) -> None:
    """Register evaluators: call ``register(Evaluator(...))`` for each."""


@hookspec
def kp_register_operators(register: Callable[[Operator], None]) -> None:
    """Register anonymization operators: call ``register(Operator(...))`` for each."""


@hookspec
def kp_register_commands(cli: LazyGroup) -> None:
    """Add sub-commands to the ``kp`` group: ``cli.add_command`` or ``cli.add_lazy_command``."""
