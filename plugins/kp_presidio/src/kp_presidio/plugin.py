"""Entry point of kp-presidio. Only cheap imports here: kp imports every plugin at start-up."""

from __future__ import annotations

from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.registry import Family


def _load(ref: str, **options: object):
    from kp_presidio.detector import load

    return load(ref, **options)


@hookimpl
def kp_register_families(register):
    from kp_presidio.mappings import family_labels

    register(
        Family(
            name="presidio",
            description="Microsoft Presidio's analyzer: its pattern recognizers, and a spaCy NER where one is installed",
            frameworks=(),  # runs on the host CPU
            load=_load,
            default_model="auto",  # `-m presidio`: the harness's mapping where EuroPriv-Bench is installed
            labels=family_labels(),
        )
    )
