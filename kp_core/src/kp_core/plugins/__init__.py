"""Plugin system: hookspecs, the entry-point loader and the typed registry facade."""

from kp_core.plugins.manager import FailedPlugin, LoadedPlugin, PluginHost, get_host, reset_host

__all__ = ["FailedPlugin", "LoadedPlugin", "PluginHost", "get_host", "reset_host"]
