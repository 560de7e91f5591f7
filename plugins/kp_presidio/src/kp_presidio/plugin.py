"""Entry point of kp-presidio. Only cheap imports here: kp imports every plugin at start-up."""

from __future__ import annotations

from kp_core.plugins.hookspecs import hookimpl
from kp_core.plugins.registry import Family


def _load(ref: str, **options: object):
    from kp_presidio.detector import load

    return load(ref, **options)


@hookimpl
def kp_register_families(register):
    register(Family(name="presidio", description="Microsoft Presidio's analyzer (pattern recognizers)", frameworks=(), load=_load))
