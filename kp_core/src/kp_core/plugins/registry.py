"""Typed registries of what plugins provide: families, backends, evaluators, operators.

The registry is the typed facade over the pluggy manager (in the manner of tox 4): call sites ask
``get_registry().family("xlmr-ner")`` and get a typed value, never a raw hook result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from kp_core.errors import KpError

if TYPE_CHECKING:
    from kp_core.detector import Detector
    from kp_core.training.recipe import Recipe


class DuplicateRegistrationError(KpError, RuntimeError):
    """Two plugins registered the same name for the same kind of thing. ``Registry.collect`` keeps
    the first and reports the second; ``Table.add`` itself refuses."""


class UnknownNameError(KpError, KeyError):
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
    """A kind of model: how it is trained and how a checkpoint becomes a Detector.

    A trainable family names its ``recipe`` (a class following
    :class:`kp_core.training.recipe.Recipe`); :func:`kp_core.training.train_family` runs it
    through kp's one training driver. Importing the recipe's module must not import its
    framework (that happens in its methods), so listing families and their options stays cheap.
    """

    name: str
    description: str
    frameworks: tuple[str, ...]
    load: Callable[..., Detector] = attrs.field(repr=False)
    recipe: type[Recipe] | None = attrs.field(default=None, repr=False)
    default_model: str | None = None
    # True for the family that reads any Hugging Face token-classification folder or Hub id.
    reads_hf_token_classification: bool = False
    provider: str = ""
    dispatch: FrameworkDispatch | None = attrs.field(default=None, repr=False, eq=False)
    # The KP types the family's models can produce, where every model of it produces the same
    # ones (the rules family); None where it depends on the checkpoint (read from its kp.json or
    # config.json) or is unknown. Asking for another type warns (SDK) or is refused (CLI).
    labels: tuple[str, ...] | None = attrs.field(default=None, converter=attrs.converters.optional(tuple))
    # "detection": ``load`` returns a span Detector; "classification": it returns a document
    # classifier (:class:`kp_core.classification.Classifier`), which only ``classify`` takes.
    task: str = attrs.field(default="detection", validator=attrs.validators.in_(("detection", "classification")))

    @property
    def recipes(self) -> tuple[type[Recipe], ...]:
        """The recipe of each framework this family trains on (one per framework)."""
        parts = self.dispatch.implementations if self.dispatch is not None else (self,)
        return tuple(p.recipe for p in parts if p.recipe is not None)

    @property
    def trainable(self) -> bool:
        return bool(self.recipes)

    def recipe_for(self, device: str) -> type[Recipe]:
        """The recipe that trains on ``device`` (``auto``: the best available framework among
        those this family can train on, so an inference-only implementation is never chosen)."""
        dispatch = self.dispatch
        if dispatch is not None and device == "auto":
            trainable = tuple(p for p in dispatch.implementations if p.recipe is not None)
            if trainable:
                dispatch = FrameworkDispatch(trainable, dispatch.backends)
        impl = dispatch.pick(device) if dispatch is not None else self
        if impl.recipe is None:
            where = ", ".join(impl.frameworks) or "any device"
            raise UnknownNameError(
                f"family {self.name!r} cannot train on {where} (plugin {impl.provider!r} provides inference only)"
            )
        return impl.recipe


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
                f"{self.kind} {item.name!r} is registered twice: first by plugin {existing.provider!r}, "
                f"then by plugin {item.provider!r}; the first is kept (skip one with KP_DISABLE_PLUGINS=<plugin>)"
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


class FamilyTable(Table[Family]):
    """Families by name. A family may have one implementation per framework (kp-torch and kp-mlx
    both provide ``xlmr-ner``): registrations of one name with non-empty, disjoint ``frameworks``
    merge into one family whose ``load`` and ``train`` dispatch on the framework of the device."""

    def __init__(self, kind: str, backends: Table[Backend]) -> None:
        super().__init__(kind)
        self._backends = backends

    def add(self, item: Family) -> None:
        existing = self._items.get(item.name)
        if existing is None or not _disjoint(existing.frameworks, item.frameworks):
            super().add(item)
            return
        parts = existing.dispatch.implementations if existing.dispatch is not None else (existing,)
        dispatch = FrameworkDispatch((*parts, item), self._backends)
        self._items[item.name] = attrs.evolve(
            existing,
            frameworks=(*existing.frameworks, *item.frameworks),
            load=dispatch.load,
            recipe=None,
            dispatch=dispatch,
            default_model=existing.default_model or item.default_model,
            reads_hf_token_classification=existing.reads_hf_token_classification or item.reads_hf_token_classification,
            provider=f"{existing.provider}+{item.provider}",
            labels=_union_labels(existing.labels, item.labels),
        )


def _disjoint(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(a) and bool(b) and not set(a) & set(b)


class FrameworkDispatch:
    """Routes a family's ``load``/``train`` to the implementation for the requested device's framework.

    A named device picks its backend's framework. ``auto`` picks the framework a checkpoint folder
    declares in ``kp.json`` (``"framework"``), else the framework of the best available backend.
    """

    def __init__(self, implementations: tuple[Family, ...], backends: Table[Backend]) -> None:
        self.implementations = implementations
        self.backends = backends

    def pick(self, device: str, ref: str | None = None) -> Family:
        by_framework = {fw: impl for impl in self.implementations for fw in impl.frameworks}
        if device != "auto":
            framework = self.backends.get(device).framework
            if framework not in by_framework:
                raise UnknownNameError(
                    f"family {self.implementations[0].name!r} has no {framework!r} implementation "
                    f"(it has: {', '.join(by_framework)})"
                )
            return by_framework[framework]
        declared = _declared_framework(ref)
        if declared in by_framework:
            return by_framework[declared]
        available = [b for b in self.backends if b.framework in by_framework and b.availability().available]
        if not available:
            return self.implementations[0]  # its own loader reports what is missing
        return by_framework[max(available, key=lambda b: (b.priority, b.name)).framework]

    def load(self, ref: str, *, device: str = "auto", **options: Any) -> Detector:
        return self.pick(device, ref).load(ref, device=device, **options)


def _union_labels(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The labels of a family made of two implementations: unknown if either's is."""
    return None if a is None or b is None else tuple(sorted({*a, *b}))


def _declared_framework(ref: str | None) -> str | None:
    """The framework a checkpoint folder's kp.json names, if any; an unreadable kp.json is left
    for the family's loader to report."""
    from pathlib import Path

    from kp_core.plugins.manifest import Manifest

    if not ref:
        return None
    try:
        manifest = Manifest.read(Path(ref).expanduser())
    except (OSError, ValueError):
        return None
    return None if manifest is None else manifest.framework


class Registry:
    """Everything the loaded plugins registered, collected through the ``kp_register_*`` hooks."""

    def __init__(self) -> None:
        self.failures: list[tuple[str, str, str]] = []  # (plugin, stage, error)
        self.backends: Table[Backend] = Table("backend")
        self.families: Table[Family] = FamilyTable("family", self.backends)
        self.evaluators: Table[Evaluator] = Table("evaluator")
        self.operators: Table[Operator] = Table("operator")

    @classmethod
    def collect(cls, pm: Any, report: Reporter | None = None) -> Registry:
        """Call every plugin's ``kp_register_*`` hooks, one plugin at a time, in load order.

        A plugin whose hook raises (or exits) contributes nothing at all, so no half-registered
        plugin is left behind; a name already taken stays with the plugin that registered it first
        (built-ins first). Each such failure goes to ``report(plugin, stage, error, traceback)``
        and to ``registry.failures``; every other plugin is unaffected.
        """
        from kp_core.plugins.manager import DUPLICATE_STAGE, PluginFailure, impls_in_load_order, plugin_code

        registry = cls()

        def record(plugin: str, stage: str, error: str, tb: str = "") -> None:
            registry.failures.append((plugin, stage, error))
            if report is not None:
                report(plugin, stage, error, tb)

        tables = registry._tables()
        by_plugin: dict[str, list[tuple[str, Any]]] = {}
        for hook_name in tables:
            for impl in impls_in_load_order(pm, hook_name):
                by_plugin.setdefault(impl.plugin_name, []).append((hook_name, impl))
        load_order = [name for name, _ in pm.list_name_plugin()]
        for plugin in sorted(
            by_plugin, key=lambda name: load_order.index(name) if name in load_order else len(load_order)
        ):
            impls = by_plugin[plugin]
            staged: list[tuple[Table, Any]] = []
            failed = False
            for hook_name, impl in impls:
                table, item_type = tables[hook_name]
                try:
                    with plugin_code():
                        _call_register_hook(impl, hook_name, table, item_type, plugin, staged)
                except PluginFailure as failure:
                    record(plugin, hook_name, failure.error, failure.traceback)
                    failed = True
                    break
            if failed:
                continue
            for table, item in staged:
                try:
                    table.add(item)
                except DuplicateRegistrationError as exc:
                    record(plugin, DUPLICATE_STAGE, str(exc))
        return registry

    def _tables(self) -> dict[str, tuple[Table, type]]:
        return {
            "kp_register_families": (self.families, Family),
            "kp_register_backends": (self.backends, Backend),
            "kp_register_evaluators": (self.evaluators, Evaluator),
            "kp_register_operators": (self.operators, Operator),
        }

    def family(self, name: str) -> Family:
        return self.families.get(name)

    def backend(self, name: str) -> Backend:
        return self.backends.get(name)

    def evaluator(self, name: str) -> Evaluator:
        return self.evaluators.get(name)

    def operator(self, name: str) -> Operator:
        return self.operators.get(name)


def _call_register_hook(
    impl: Any, hook_name: str, table: Table, item_type: type, plugin: str, staged: list[tuple[Table, Any]]
) -> None:
    """Run one plugin's hook, staging what it registers: nothing reaches a table until all of the
    plugin's hooks have run."""

    def register(item: Any) -> None:
        if not isinstance(item, item_type):
            raise TypeError(f"{hook_name}: register() takes {item_type.__name__} items, not {type(item).__name__}")
        staged.append((table, attrs.evolve(item, provider=plugin)))

    impl.function(register=register) if "register" in impl.argnames else impl.function()


Reporter = Callable[[str, str, str, str], None]

_registry: Registry | None = None


def get_registry(*, warn: bool = True) -> Registry:
    """The registry of the process-wide plugin host, built on first use. Plugin failures (of any
    stage) are warned about once, one line each, unless ``warn`` is false."""
    global _registry
    if _registry is None:
        from kp_core.plugins import get_host

        host = get_host()
        _registry = Registry.collect(host.pm, report=host.report)
        if warn:
            host.warn_failures()
    return _registry


def reset_registry() -> None:
    global _registry
    _registry = None
    from kp_core.plugins import reset_host

    reset_host()
