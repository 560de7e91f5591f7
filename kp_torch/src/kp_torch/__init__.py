"""kp-torch: the transformers + peft model families (torch devices come from kp-torch-runtime).

Nothing here imports torch at import time; the plugin module stays cheap so ``kp --help`` is fast.
"""

__version__ = "0.1.0"
