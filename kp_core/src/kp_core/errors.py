"""kp's one user-facing error class and its exit statuses.

Every error that a user can cause (a bad flag value, a file that cannot be read, a refused row, a
missing key, a model that does not resolve) is a :class:`KpError`. The ``kp`` command prints it as
one ``Error: ...`` line on stderr and exits with its ``exit_code``, never with a traceback;
``KP_DEBUG=1`` adds the traceback. Library code raises the same classes, so an SDK caller can catch
``KpError`` for everything kp refuses.
"""

from __future__ import annotations

import os

# Exit statuses of every kp command (docs/cli.md).
EXIT_OK = 0
EXIT_CHECK_FAILED = 1  # the command ran and found what it checks for (kp data validate: bad rows)
EXIT_USAGE = 2  # refused before or while working: a bad flag, file, row, key or model
EXIT_INTERNAL = 70  # a bug in kp or a plugin (the traceback is shown under KP_DEBUG=1)

DEBUG_ENV = "KP_DEBUG"


class KpError(Exception):
    """Something kp refuses, with a message that says what, where (file, line, option) and why.

    Messages never carry values of the data (no PII): offsets, types, file names and line numbers.
    """

    exit_code: int = EXIT_USAGE


def debug_enabled() -> bool:
    """``KP_DEBUG`` set to anything but empty, 0, false or no."""
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no")
