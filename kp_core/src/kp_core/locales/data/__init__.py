"""One module per language: ``LOCALE``, a dict of compact comma-separated lists."""
