"""operating_point_for: how every framework's loader picks the point a detector decodes at."""

from __future__ import annotations

from pathlib import Path

from kp_core.decoding import OperatingPoint
from kp_core.decoding.calibration import OPERATING_POINT_JSON, operating_point_for


def _point(bias: float) -> OperatingPoint:
    return OperatingPoint(background_stay=bias)


def test_a_given_point_wins_over_the_one_beside_the_weights(tmp_path: Path) -> None:
    _point(1.0).save(tmp_path / OPERATING_POINT_JSON)
    given = _point(-2.0)
    assert operating_point_for(given, tmp_path) is given
    elsewhere = tmp_path / "other.json"
    _point(0.5).save(elsewhere)
    assert operating_point_for(elsewhere, tmp_path) == _point(0.5)
    assert operating_point_for(str(elsewhere), None) == _point(0.5)


def test_the_calibrated_point_beside_the_weights_is_read(tmp_path: Path) -> None:
    _point(1.5).save(tmp_path / OPERATING_POINT_JSON)
    assert operating_point_for(None, tmp_path) == _point(1.5)


def test_no_point_anywhere_is_the_default(tmp_path: Path) -> None:
    assert operating_point_for(None, tmp_path) is None
    assert operating_point_for(None, None) is None
