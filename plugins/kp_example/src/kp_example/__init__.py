"""kp-example: a gazetteer family, an initials operator and a command, as an outside author writes them."""

__version__ = "0.1.0"
