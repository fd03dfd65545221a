"""Orientation options of a roof: east-west as two half-size faces, one sizing curve per
layout, and the roof taken once at its best layout."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

import twin
from tests.conftest import TESTS
from twin.scenario.candidates import Candidates
from twin.studies.expansion import Evaluator, evaluate, roof_plants
from twin.studies.portfolio import greedy

TINY = TESTS / "data" / "scenarios" / "tiny.toml"
ROOF = {"id": "flat", "configuration": "c1", "latitude": 45.47, "longitude": 9.19,
        "tilt_deg": 10.0, "azimuth_deg": 180.0, "min_kwp": 20.0, "max_kwp": 40.0,
        "step_kwp": 20.0, "layouts": ["as_given", "east_west"]}


def test_east_west_is_two_half_size_faces():
    roof = Candidates.model_validate({"roofs": [ROOF]}).roofs[0]
    east, west = roof_plants(roof, 40.0, dt.date(2026, 6, 1), layout="east_west")
    assert (east.azimuth_deg, west.azimuth_deg) == (90.0, 270.0)
    assert east.capacity_kwp == west.capacity_kwp == 20.0
    assert east.plant_id != west.plant_id


def test_each_layout_has_its_curve_and_the_roof_is_taken_once():
    spec = twin.load(TINY).spec
    candidates = Candidates.model_validate({"roofs": [ROOF]})
    evaluator = Evaluator(spec)
    ranking, curves = evaluate(spec, candidates, evaluator=evaluator)
    assert sorted(set(curves["layout"])) == ["as_given", "east_west"]
    by = curves.set_index(["layout", "kwp"])
    # At 10° tilt, the same kWp facing east and west collects less than facing south.
    assert by.loc[("east_west", 40.0), "injected_mwh"] < by.loc[("as_given", 40.0),
                                                                 "injected_mwh"]
    assert len(ranking) == 1
    best = curves.loc[curves["npv_eur"].idxmax()]
    assert ranking.loc[1, "layout"] == best["layout"]
    plan = greedy(evaluator, candidates)
    assert list(plan["candidate"]) == ["flat"]  # one roof, one step, whichever layout
    assert plan.loc[1, "layout"] in ("as_given", "east_west")
    assert np.isfinite(plan.loc[1, "npv_eur"])


def test_an_unknown_layout_is_refused():
    with pytest.raises(ValueError, match="layouts"):
        Candidates.model_validate({"roofs": [{**ROOF, "layouts": ["north"]}]})
