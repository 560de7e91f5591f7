"""kp-gliner's entry point: registers the ``gliner`` family. Only cheap imports here (kp imports
every plugin at start-up); gliner and torch load when a model is loaded or trained."""

from __future__ import annotations

from typing import Any

from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.registry import Family


def _load(ref: str, **options: Any):
    from kp_gliner.loading import load

    return load(ref, **options)


def _train(config):
    from kp_gliner.train import train

    return train(config)


FAMILY = Family(
    name="gliner",
    description="GLiNER span detection prompted with KP types; long texts read in word windows",
    frameworks=("torch",),
    load=_load,
    train=_train,
)


@hookimpl
def kp_register_families(register):
    register(FAMILY)


@hookimpl
def kp_register_backends(register):
    from kp_gliner.backends import BACKENDS, kp_torch_installed

    if not kp_torch_installed():  # kp-torch registers these names itself
        for backend in BACKENDS:
            register(backend)
