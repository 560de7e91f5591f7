"""kp-torch's entry point: registers the torch backends, families and commands through kp's hooks.

Nothing here imports torch; the modules named below import it when they run.
"""

from __future__ import annotations

from kp_core.plugins.hookspecs import hookimpl

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("main", "kp_torch.main_job:main", "The main job: generate data, train, score on the dev slices, de-identify."),
)


@hookimpl
def kp_register_backends(register):
    from kp_torch.backends import BACKENDS

    for backend in BACKENDS:
        register(backend)


@hookimpl
def kp_register_families(register):
    from kp_torch.moe import FAMILIES as MOE_FAMILIES
    from kp_torch.xlmr_ner import FAMILIES

    for family in FAMILIES + MOE_FAMILIES:
        register(family)


@hookimpl
def kp_register_commands(cli):
    for name, target, short_help in COMMANDS:
        cli.add_lazy_command(name, target, short_help)
