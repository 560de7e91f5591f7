"""kp-gliner: the ``gliner`` family. Lives in its own environment: gliner pins an older transformers."""

__version__ = "0.1.0"
