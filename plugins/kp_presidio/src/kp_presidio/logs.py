"""Presidio's log lines kept off kp's output."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

PRESIDIO_LOGGER = "presidio-analyzer"


@contextmanager
def presidio_quiet() -> Iterator[None]:
    """Drop Presidio's log records while kp builds its engine or runs it on texts: it logs one
    line per text, one per recognizer left out of a language, and can quote a text (its IBAN
    recognizer logs a value it failed to validate). kp reports what matters by itself."""
    logger = logging.getLogger(PRESIDIO_LOGGER)
    drop = logging.Filter(name="kp-presidio: nothing")  # matches no record's name, so drops them all
    logger.addFilter(drop)
    try:
        yield
    finally:
        logger.removeFilter(drop)
