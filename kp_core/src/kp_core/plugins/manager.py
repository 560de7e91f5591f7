"""Loads plugins from the ``kp`` entry-point group, safely.

A plugin that fails (raises or exits on import, raises in a hook, registers a name that is taken)
is recorded against that plugin with the stage and the error, and kp keeps working.
``KP_LOAD_PLUGINS`` is an allow-list of external plugins (empty string = none);
``KP_DISABLE_PLUGINS`` a deny-list (entry-point or distribution names, comma-separated); a name in
either that matches no installed plugin is a warning naming the installed ones. Built-ins
(distribution ``kp-core``) always load, first. ``KP_DEBUG`` adds tracebacks to the warnings.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stdout
from importlib import metadata
from typing import Any

import attrs
import pluggy

from kp_core.plugins import hookspecs

ENTRY_POINT_GROUP = "kp"
CORE_DISTRIBUTION = "kp-core"
DEBUG_ENV = "KP_DEBUG"
LOAD_ENV = "KP_LOAD_PLUGINS"
DISABLE_ENV = "KP_DISABLE_PLUGINS"
IMPORT_STAGE = "import"
DUPLICATE_STAGE = "duplicate"
_MAX_ERROR = 300

log = logging.getLogger("kp_core.plugins")


@attrs.frozen
class LoadedPlugin:
    name: str
    distribution: str
    version: str
    module: str
    hooks: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return attrs.asdict(self, recurse=False) | {"hooks": list(self.hooks)}


@attrs.frozen
class FailedPlugin:
    """One failure of one plugin. ``stage`` is ``import`` (the plugin is not loaded), a hook name
    (what that hook registered is dropped) or ``duplicate`` (one name it registered was refused)."""

    name: str
    distribution: str
    version: str
    entry_point: str
    error: str
    stage: str = IMPORT_STAGE
    traceback: str = attrs.field(default="", repr=False, eq=False)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in attrs.asdict(self).items() if k != "traceback"}

    def warning(self) -> str:
        """One line for stderr; kp keeps working without what this plugin failed to give."""
        where = "at import" if self.stage == IMPORT_STAGE else f"in {self.stage}"
        if self.stage == DUPLICATE_STAGE:
            where = "with a duplicate name"
        return (
            f"kp: warning: plugin {self.name!r} ({self.distribution} {self.version}) failed {where}: "
            f"{self.error} (see `kp plugins`; {DEBUG_ENV}=1 shows the traceback)"
        )


class PluginFailure(Exception):
    """A plugin's own code raised (or exited); carries what to record."""

    def __init__(self, error: str, tb: str) -> None:
        super().__init__(error)
        self.error = error
        self.traceback = tb


def describe(exc: BaseException) -> str:
    """``Type: message`` on one line, bounded: plugin errors go into one-line warnings."""
    if isinstance(exc, SystemExit):
        text = f"SystemExit: exit code {exc.code!r}"
    else:
        try:
            message = str(exc)
        except Exception:  # noqa: BLE001 - a plugin's exception whose __str__ itself raises
            message = "<the exception's message could not be read>"
        text = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    text = " ".join(text.split())
    return text if len(text) <= _MAX_ERROR else text[: _MAX_ERROR - 3] + "..."


@contextmanager
def plugin_code() -> Iterator[None]:
    """Run a plugin's code: anything it raises, ``SystemExit`` included, becomes a
    :class:`PluginFailure`. Ctrl-C (``KeyboardInterrupt``) still interrupts kp. What the plugin
    prints goes to stderr: stdout carries kp's own output (``--json``, JSONL streams)."""
    try:
        with redirect_stdout(sys.stderr):
            yield
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # a plugin must never take kp down, not even with sys.exit()
        raise PluginFailure(describe(exc), traceback.format_exc()) from None


def impls_in_load_order(pm: pluggy.PluginManager, hook_name: str) -> list[Any]:
    """A hook's implementations in plugin registration order (built-ins first), ignoring
    ``tryfirst``/``trylast``: when two plugins claim one name, the earlier plugin wins."""
    rank = {name: i for i, (name, _) in enumerate(pm.list_name_plugin())}
    impls = getattr(pm.hook, hook_name).get_hookimpls()
    return sorted(impls, key=lambda impl: rank.get(impl.plugin_name, len(rank)))


def _split_env(name: str) -> set[str] | None:
    raw = os.environ.get(name)
    if raw is None:
        return None
    return {part.strip() for part in raw.split(",") if part.strip()}


class PluginHost:
    """Owns the pluggy manager and remembers what loaded and what failed."""

    def __init__(self) -> None:
        self.pm = pluggy.PluginManager("kp")
        self.pm.add_hookspecs(hookspecs)
        self.loaded: list[LoadedPlugin] = []
        self.failed: list[FailedPlugin] = []
        self.skipped: list[str] = []
        # KP_LOAD_PLUGINS / KP_DISABLE_PLUGINS -> the names in it that match no installed plugin.
        self.unmatched: dict[str, list[str]] = {}
        self._warned: list[FailedPlugin] = []

    def load_entry_points(self) -> None:
        allow = _split_env(LOAD_ENV)
        deny = _split_env(DISABLE_ENV) or set()
        seen: set[tuple[str, str]] = set()
        # Built-ins (kp-core's own entry points) first, then the rest sorted (stable, so sys.path
        # order still decides between two copies of one distribution): load order decides who wins
        # a duplicate name, and must not depend on the file system. The host imports no plugin
        # itself, built-ins included, so nothing the plugins import leads back to it.
        entry_points = sorted(
            metadata.entry_points(group=ENTRY_POINT_GROUP),
            key=lambda ep: (
                canonical_name(ep.dist.name) != CORE_DISTRIBUTION if ep.dist is not None else True,
                canonical_name(ep.dist.name) if ep.dist is not None else "",
                ep.name,
            ),
        )
        self._check_selectors(entry_points, {LOAD_ENV: allow or set(), DISABLE_ENV: deny})
        if not any(ep.dist is not None and canonical_name(ep.dist.name) == CORE_DISTRIBUTION for ep in entry_points):
            self.failed.append(
                FailedPlugin(
                    name="builtin",
                    distribution=CORE_DISTRIBUTION,
                    version=_core_version(),
                    entry_point="?",
                    error=f"kp-core declares no {ENTRY_POINT_GROUP!r} entry point: its metadata is stale, reinstall kp-core",
                )
            )
        for ep in entry_points:
            dist_name = (ep.dist.name if ep.dist is not None else None) or "?"
            dist_version = ep.dist.version if ep.dist is not None else "?"
            if (ep.name, canonical_name(dist_name)) in seen:  # one distribution found twice on sys.path
                continue
            seen.add((ep.name, canonical_name(dist_name)))
            builtin = canonical_name(dist_name) == CORE_DISTRIBUTION
            if builtin:
                dist_version = _core_version()
            elif allow is not None and not _named(ep.name, dist_name, allow):
                self.skipped.append(ep.name)
                continue
            if not builtin and _named(ep.name, dist_name, deny):
                self.skipped.append(ep.name)
                continue
            try:
                with plugin_code():
                    module = ep.load()
                    self.register(module, name=ep.name, distribution=dist_name, version=dist_version)
            except PluginFailure as failure:
                self.failed.append(
                    FailedPlugin(
                        name=ep.name,
                        distribution=dist_name,
                        version=dist_version,
                        entry_point=ep.value,
                        error=failure.error,
                        traceback=failure.traceback,
                    )
                )

    def _check_selectors(self, entry_points: list[metadata.EntryPoint], selectors: dict[str, set[str]]) -> None:
        """Warn (once, on stderr) about names in KP_LOAD_PLUGINS / KP_DISABLE_PLUGINS that match no
        installed plugin: a typo there silently loads, or keeps, the wrong plugins."""
        external = [ep for ep in entry_points if ep.dist is None or canonical_name(ep.dist.name) != CORE_DISTRIBUTION]
        known = {ep.name for ep in entry_points} | {canonical_name(ep.dist.name) for ep in entry_points if ep.dist}
        installed = ", ".join(sorted({ep.name for ep in external})) or "none"
        for variable, names in selectors.items():
            unknown = sorted(name for name in names if name not in known and canonical_name(name) not in known)
            if not unknown:
                continue
            self.unmatched[variable] = unknown
            log.warning(
                f"kp: warning: {variable} names {', '.join(map(repr, unknown))}, which matches no installed "
                f"plugin; installed plugins: {installed} (see `kp plugins`)"
            )

    def register(self, plugin: object, *, name: str, distribution: str = "?", version: str = "?") -> None:
        self.pm.register(plugin, name=name)
        hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
        self.loaded.append(
            LoadedPlugin(
                name=name,
                distribution=distribution,
                version=version,
                module=getattr(plugin, "__name__", type(plugin).__name__),
                hooks=hooks,
            )
        )

    def report(self, plugin: str, stage: str, error: str, tb: str = "") -> None:
        """Record a failure of a loaded plugin (a hook that raised, a refused duplicate name)."""
        info = next((p for p in self.loaded if p.name == plugin), None)
        failure = FailedPlugin(
            name=plugin,
            distribution=info.distribution if info else "?",
            version=info.version if info else "?",
            entry_point=info.module if info else "?",
            error=error,
            stage=stage,
            traceback=tb,
        )
        if failure not in self.failed:  # the registry may be collected more than once
            self.failed.append(failure)

    def warn_failures(
        self, emit: Callable[[str], None] | None = None, only: list[FailedPlugin] | None = None
    ) -> None:
        """One line per failure (of ``only``, default all) not warned about yet, with its traceback
        under ``KP_DEBUG``."""
        emit = emit or log.warning
        debug = bool(os.environ.get(DEBUG_ENV))
        for failure in self.failed if only is None else only:
            if failure in self._warned:
                continue
            self._warned.append(failure)
            emit(failure.warning())
            if debug and failure.traceback:
                emit(failure.traceback.rstrip())

    def unregister(self, name: str) -> None:
        self.pm.unregister(name=name)
        self.loaded = [p for p in self.loaded if p.name != name]

    def check_pending(self) -> None:
        """Raise if a plugin implements a hook that no spec declares (a misspelled hook)."""
        self.pm.check_pending()


def _core_version() -> str:
    from kp_core._version import __version__

    return __version__


def _named(entry_point: str, distribution: str, names: set[str]) -> bool:
    """Whether a KP_LOAD_PLUGINS / KP_DISABLE_PLUGINS list names this plugin: by its entry-point
    name, or by its distribution name in any spelling packaging treats as the same."""
    return entry_point in names or canonical_name(distribution) in {canonical_name(n) for n in names}


def canonical_name(name: str | None) -> str:
    """A distribution name as packaging compares them (``KP_Torch`` = ``kp-torch``); a
    distribution whose metadata lacks a name gives ``""``."""
    return (name or "").lower().replace("_", "-").replace(".", "-")




_host: PluginHost | None = None
_lock = threading.Lock()


def get_host() -> PluginHost:
    """The process-wide plugin host, loaded on first use."""
    global _host
    with _lock:
        if _host is None:
            host = PluginHost()
            host.load_entry_points()
            _host = host
        return _host


def reset_host() -> None:
    """Forget the loaded plugins (tests, or after changing the KP_* variables)."""
    global _host
    with _lock:
        _host = None
