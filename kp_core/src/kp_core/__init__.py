"""kp-core: taxonomy, spans and decoding, data, metrics, anonymization, SDK and the kp CLI.

Importing this package never imports torch, transformers, mlx or gliner.
"""

from kp_core._version import __version__
from kp_core.taxonomy import TAXONOMY_VERSION, bioes_labels
from kp_core.types import Example, Span

__all__ = ["TAXONOMY_VERSION", "Example", "Span", "__version__", "bioes_labels"]
