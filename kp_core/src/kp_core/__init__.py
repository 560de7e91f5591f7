"""kp-core: taxonomy, spans and decoding, data, metrics, anonymization, SDK and the kp CLI.

Importing this package never imports torch, transformers, mlx or gliner.
"""

from kp_core._version import __version__
from kp_core.taxonomy import TAXONOMY_VERSION, bioes_labels
from kp_core.types import Example, Span

_SDK = ("extract_pii", "deidentify", "pseudonymize", "reidentify", "classify")

__all__ = ["TAXONOMY_VERSION", "Example", "Span", "__version__", "bioes_labels", *_SDK]


def __getattr__(name: str):
    # The SDK is imported on first use, so `import kp_core` stays light.
    if name in _SDK:
        from kp_core import sdk

        return getattr(sdk, name)
    raise AttributeError(f"module 'kp_core' has no attribute {name!r}")
