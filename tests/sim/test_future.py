"""Multi-year runs: the stochastic future as seeded events; Monte Carlo; per-plant finance."""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr

import twin
from tests.conftest import TESTS, write_scenario
from twin.events import MemberJoined, MemberLeft, PlantOutageStarted
from twin.scenario import load_scenario
from twin.sim.future import future_events

FUTURE = """
[future]
churn_pct_per_year = 20.0
plant_mtbf_days = 60.0
plant_mttr_days = 5.0

[[future.growth]]
configuration = "c1"
archetype = "household"
members_per_year = 24.0
annual_kwh = 2200.0
"""


@pytest.fixture
def future_tiny(tmp_path):
    text = (TESTS / "data" / "scenarios" / "tiny.toml").read_text() + FUTURE
    return write_scenario(tmp_path, text)


def test_the_future_is_drawn_as_seeded_consistent_events(future_tiny):
    sc = load_scenario(future_tiny).scenario
    from twin.scenario.compile import compile_events

    events = compile_events(sc)
    start, end = sc.simulation.start, sc.simulation.start.replace(year=2028)
    drawn = future_events(events, sc.future, start, end, seed=7)
    again = future_events(events, sc.future, start, end, seed=7)
    other = future_events(events, sc.future, start, end, seed=8)
    assert drawn == again and drawn != other
    joined = [e for e in drawn if isinstance(e, MemberJoined)]
    assert 24 <= len(joined) <= 72  # about 24 a year over ~1.6 years
    assert any(isinstance(e, MemberLeft) for e in drawn)
    assert any(isinstance(e, PlantOutageStarted) for e in drawn)
    from twin.events import replay

    replay([*events, *drawn])  # consistent with the recorded history: no error


def test_same_seed_same_multi_year_results(future_tiny):
    a = twin.load(future_tiny).run(years=2).dataset
    b = twin.load(future_tiny).run(years=2).dataset
    xr.testing.assert_identical(a, b)
    assert a.attrs["future_events"] > 0
    assert a.sizes["time"] == 731 * 24  # 2026-06-01 to 2028-06-01, 29 February 2028 included


def test_plant_finance_sums_to_the_community(tiny_run):
    table = tiny_run.finance()
    plants = table.drop(index="community")
    assert table.loc["community", "capex_eur"] == pytest.approx(plants["capex_eur"].sum())
    assert table.loc["community", "year1_net_eur"] == pytest.approx(
        plants["year1_net_eur"].sum())
    assert np.isfinite(table["npv_eur"]).all()


def test_churn_can_differ_by_configuration(future_tiny):
    from twin.scenario.compile import compile_events

    sc = load_scenario(future_tiny).scenario
    events = compile_events(sc)
    quiet = sc.future.model_copy(update={"churn_pct_by_configuration": {"c1": 0.0},
                                         "growth": [], "plant_mtbf_days": None})
    start, end = sc.simulation.start, sc.simulation.start.replace(year=2030)
    assert not any(isinstance(e, MemberLeft)
                   for e in future_events(events, quiet, start, end, seed=7))


def test_the_default_one_year_run_draws_no_future():
    """[future] is drawn only for the years a run adds beyond the scenario's own period."""
    assert twin.load().run().dataset.attrs["future_events"] == 0


@pytest.mark.slow
def test_twenty_years_of_the_default_show_joining_leaving_and_outages():
    result = twin.load().run(years=20)
    changes = result.events_by_year
    assert len(changes) == 20
    later = changes.loc[2027:]
    assert (later["members_joined"] > 0).all() and (later["members_left"] > 0).all()
    assert changes["plant_outages"].sum() >= 1
