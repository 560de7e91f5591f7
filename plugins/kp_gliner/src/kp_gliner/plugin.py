"""kp-gliner's entry point: registers the ``gliner`` family. Only cheap imports here (kp imports
every plugin at start-up); gliner and torch load when a model is loaded or trained. The torch
devices it runs on come from kp-torch-runtime's entry point, as for kp-torch."""

from __future__ import annotations

from typing import Any

from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.registry import Family
from kp_gliner.recipe import GlinerRecipe


def _load(ref: str, **options: Any):
    from kp_gliner.loading import load

    return load(ref, **options)


FAMILY = Family(
    name="gliner",
    description="GLiNER span detection prompted with KP types; long texts read in word windows",
    frameworks=("torch",),
    load=_load,
    recipe=GlinerRecipe,
)


@hookimpl
def kp_register_families(register):
    register(FAMILY)
