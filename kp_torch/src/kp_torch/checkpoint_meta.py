"""``kp.json`` for the torch families: the shared reader and writer of :mod:`kp_core.plugins.manifest`."""

from __future__ import annotations

from kp_core.decoding.calibration import OPERATING_POINT_JSON
from kp_core.plugins.manifest import FORMAT_VERSION, KP_JSON, read_kp_json, write_kp_json

__all__ = ["FORMAT_VERSION", "KP_JSON", "OPERATING_POINT_JSON", "read_kp_json", "write_kp_json"]
