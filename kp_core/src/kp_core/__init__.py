"""kp-core: taxonomy, spans and decoding, data, metrics, anonymization, SDK and the kp CLI.

Importing this package never imports torch, transformers, mlx or gliner.
"""

from types import ModuleType

from kp_core._version import __version__
from kp_core.taxonomy import TAXONOMY_VERSION, bioes_labels
from kp_core.types import Example, Span


class _CallablePackage(ModuleType):
    """``kp_core.classify`` is both the SDK function and the package of its types: calling the
    package is :func:`kp_core.sdk.classify`, so ``kp_core.classify(texts)`` works whichever of the
    two was imported first (a subpackage always wins the attribute of its parent)."""

    def __call__(self, *args, **kwargs):
        from kp_core.sdk import classify

        return classify(*args, **kwargs)


import kp_core.classify  # noqa: E402  (light: the label scheme and its types, no ML)

kp_core.classify.__class__ = _CallablePackage

_SDK = ("extract_pii", "deidentify", "pseudonymize", "reidentify")

__all__ = ["TAXONOMY_VERSION", "Example", "Span", "__version__", "bioes_labels", "classify", *_SDK]


def __getattr__(name: str):
    # The SDK is imported on first use, so `import kp_core` stays light.
    if name in _SDK:
        from kp_core import sdk

        return getattr(sdk, name)
    raise AttributeError(f"module 'kp_core' has no attribute {name!r}")
