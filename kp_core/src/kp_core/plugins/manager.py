"""Loads plugins from the ``kp`` entry-point group, safely.

A plugin that raises on import is recorded with its distribution, entry point and error, and kp
keeps working. ``KP_LOAD_PLUGINS`` is an allow-list of external plugins (empty string = none);
``KP_DISABLE_PLUGINS`` a deny-list. Built-ins (distribution ``kp-core``) always load.
"""

from __future__ import annotations

import os
import threading
from importlib import metadata
from typing import Any

import attrs
import pluggy

from kp_core.plugins import hookspecs

ENTRY_POINT_GROUP = "kp"
CORE_DISTRIBUTION = "kp-core"


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
    name: str
    distribution: str
    version: str
    entry_point: str
    error: str

    def to_json(self) -> dict[str, Any]:
        return attrs.asdict(self)


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

    def load_entry_points(self) -> None:
        allow = _split_env("KP_LOAD_PLUGINS")
        deny = _split_env("KP_DISABLE_PLUGINS") or set()
        from kp_core import builtin

        self.register(builtin, name="builtin", distribution=CORE_DISTRIBUTION, version=_core_version())
        seen: set[tuple[str, str]] = set()
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            dist_name = ep.dist.name if ep.dist is not None else "?"
            dist_version = ep.dist.version if ep.dist is not None else "?"
            if (ep.name, _canonical(dist_name)) in seen:  # one distribution found twice on sys.path
                continue
            seen.add((ep.name, _canonical(dist_name)))
            if _canonical(dist_name) == CORE_DISTRIBUTION:
                continue  # built-ins were registered above
            if allow is not None and ep.name not in allow and _canonical(dist_name) not in allow:
                self.skipped.append(ep.name)
                continue
            if ep.name in deny or _canonical(dist_name) in deny:
                self.skipped.append(ep.name)
                continue
            try:
                module = ep.load()
                self.register(module, name=ep.name, distribution=dist_name, version=dist_version)
            except Exception as exc:  # a broken plugin must never take kp down
                self.failed.append(
                    FailedPlugin(
                        name=ep.name,
                        distribution=dist_name,
                        version=dist_version,
                        entry_point=ep.value,
                        error=f"{type(exc).__name__}: {exc}",
                    )
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

    def unregister(self, name: str) -> None:
        self.pm.unregister(name=name)
        self.loaded = [p for p in self.loaded if p.name != name]

    def check_pending(self) -> None:
        """Raise if a plugin implements a hook that no spec declares (a misspelled hook)."""
        self.pm.check_pending()


def _core_version() -> str:
    from kp_core._version import __version__

    return __version__


def _canonical(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


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
