"""kp-torch: torch device backends and the transformers + peft model families.

Nothing here imports torch at import time; the plugin module stays cheap so ``kp --help`` is fast.
"""

__version__ = "0.1.0"
