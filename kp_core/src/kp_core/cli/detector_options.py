"""Options every command that loads a detector takes, declared once so they read alike."""

from __future__ import annotations

import click

identifier_typing_option = click.option(
    "--identifier-typing/--no-identifier-typing",
    default=True,
    show_default=True,
    help="Let kp's validators type identifier-shaped spans (a valid national ID the model called PHONE "
    "becomes NATIONAL_ID) and add validated identifiers the model missed.",
)
