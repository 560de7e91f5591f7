"""Typed registries of what plugins provide: families, backends, evaluators, operators.

The registry is the typed facade over the pluggy manager (in the manner of tox 4): call sites ask
``get_registry().family("xlmr-ner")`` and get a typed value, never a raw hook result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

if TYPE_CHECKING:
    from kp_core.detector import Detector
    from kp_core.training import RunResult, TrainConfig


class DuplicateRegistrationError(RuntimeError):
    """Two plugins registered the same name for the same kind of thing."""


class UnknownNameError(KeyError):
    def __str__(self) -> str:  # KeyError quotes its message; we want plain text
        return str(self.args[0])


@attrs.frozen
class Availability:
    available: bool
    reason: str = ""
    hardware: str = ""


@attrs.frozen
class Backend:
    """Where a model runs: a device of a framework (``torch`` cpu/cuda/mps, ``mlx``)."""

    name: str
    framework: str
    description: str
    priority: int
    probe: Callable[[], Availability] = attrs.field(repr=False)
    provider: str = ""

    def availability(self) -> Availability:
        try:
            return self.probe()
        except Exception as exc:  # probing must never raise into the CLI
            return Availability(False, f"probe failed: {type(exc).__name__}: {exc}")


@attrs.frozen
class Family:
    """A kind of model: how it is trained and how a checkpoint becomes a Detector."""

    name: str
    description: str
    frameworks: tuple[str, ...]
    load: Callable[..., Detector] = attrs.field(repr=False)
    train: Callable[[TrainConfig], RunResult] | None = attrs.field(default=None, repr=False)
    default_model: str | None = None
    provider: str = ""


@attrs.frozen
class Evaluator:
    """Scores a detector on gold rows against an evaluation spec."""

    name: str
    description: str
    run: Callable[..., Any] = attrs.field(repr=False)
    probe: Callable[[], Availability] = attrs.field(default=lambda: Availability(True), repr=False)
    provider: str = ""

    def availability(self) -> Availability:
        try:
            return self.probe()
        except Exception as exc:
            return Availability(False, f"probe failed: {type(exc).__name__}: {exc}")


@attrs.frozen
class Operator:
    """An anonymization operator: turns a detected span into its replacement text."""

    name: str
    description: str
    factory: Callable[..., Any] = attrs.field(repr=False)
    provider: str = ""


T = TypeVar("T", Backend, Family, Evaluator, Operator)


class Table(Generic[T]):
    """Name → item, refusing duplicates with a message that names both providers."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def add(self, item: T) -> None:
        existing = self._items.get(item.name)
        if existing is not None:
            raise DuplicateRegistrationError(
                f"{self.kind} {item.name!r} is registered twice: by plugin {existing.provider!r} "
                f"and by plugin {item.provider!r}"
            )
        self._items[item.name] = item

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise UnknownNameError(f"unknown {self.kind} {name!r}; registered: {known}") from None

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[T]:
        return iter(sorted(self._items.values(), key=lambda i: i.name))

    def __len__(self) -> int:
        return len(self._items)

    def names(self) -> list[str]:
        return sorted(self._items)


class Registry:
    """Everything the loaded plugins registered, collected through the ``kp_register_*`` hooks."""

    def __init__(self) -> None:
        self.families: Table[Family] = Table("family")
        self.backends: Table[Backend] = Table("backend")
        self.evaluators: Table[Evaluator] = Table("evaluator")
        self.operators: Table[Operator] = Table("operator")

    @classmethod
    def collect(cls, pm: Any) -> Registry:
        registry = cls()
        for hook_name, table in (
            ("kp_register_families", registry.families),
            ("kp_register_backends", registry.backends),
            ("kp_register_evaluators", registry.evaluators),
            ("kp_register_operators", registry.operators),
        ):
            hook = getattr(pm.hook, hook_name)
            # Call each implementation on its own so every item knows which plugin gave it.
            for impl in hook.get_hookimpls():
                provider = impl.plugin_name

                def register(item: Any, _provider: str = provider, _table: Table = table) -> None:
                    _table.add(attrs.evolve(item, provider=_provider))

                impl.function(register=register) if "register" in impl.argnames else impl.function()
        return registry

    def family(self, name: str) -> Family:
        return self.families.get(name)

    def backend(self, name: str) -> Backend:
        return self.backends.get(name)

    def evaluator(self, name: str) -> Evaluator:
        return self.evaluators.get(name)

    def operator(self, name: str) -> Operator:
        return self.operators.get(name)


_registry: Registry | None = None


def get_registry() -> Registry:
    """The registry of the process-wide plugin host, built on first use."""
    global _registry
    if _registry is None:
        from kp_core.plugins import get_host

        _registry = Registry.collect(get_host().pm)
    return _registry


def reset_registry() -> None:
    global _registry
    _registry = None
    from kp_core.plugins import reset_host

    reset_host()
