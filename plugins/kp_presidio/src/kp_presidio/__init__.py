"""kp-presidio: Presidio's analyzer as the kp family ``presidio``."""

__version__ = "0.1.0"
