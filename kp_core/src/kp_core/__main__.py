"""``python -m kp_core`` runs the kp CLI."""

from kp_core.cli import main

main()
