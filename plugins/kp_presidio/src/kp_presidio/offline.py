"""Presidio without the network: its email recognizer validates domains with tldextract, whose
default extractor fetches the public-suffix list on first use (a failed fetch logs a traceback,
and a slow one stalls). kp reads tldextract's bundled snapshot instead, the same on every machine."""

from __future__ import annotations

from typing import Any

_offline: Any = None


def use_bundled_suffix_list() -> None:
    """Swap tldextract's module-wide extractor for one that never fetches nor caches (once)."""
    global _offline
    import tldextract.tldextract as module

    if _offline is None:
        _offline = module.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    module.TLD_EXTRACTOR = _offline
