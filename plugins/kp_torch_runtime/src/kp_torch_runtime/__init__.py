"""kp-torch-runtime: torch's device backends and device/thread selection, shared by every torch-based
kp distribution. Nothing here imports torch at import time, so kp's start-up stays fast."""

__version__ = "0.1.0"
