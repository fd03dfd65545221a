"""Monte Carlo over weather years, with P-values as exceedance probabilities."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import twin
from tests.conftest import TESTS
from twin.studies.montecarlo import p_values, weather_monte_carlo

TINY = TESTS / "data" / "scenarios" / "tiny.toml"


def test_p90_is_the_value_exceeded_in_90_percent_of_years():
    """Draws 1, 2, …, 10: the 10th percentile (linear) is 1.9, the median 5.5, the 90th 9.1.
    P90 (exceeded by 90 % of draws) = 1.9; P10 (exceeded by 10 %) = 9.1."""
    p = p_values(pd.Series(np.arange(1.0, 11.0), name="x"))
    assert list(p.index) == ["P90", "P50", "P10"]
    assert p["x"].to_list() == pytest.approx([1.9, 5.5, 9.1])


def test_monte_carlo_per_configuration_and_community_with_npv():
    per_run, p = weather_monte_carlo(twin.load(TINY), runs=5)
    assert set(per_run.index.get_level_values("configuration")) == {"c1", "community"}
    assert len(per_run) == 10 and "npv_eur" in per_run
    for where in ("c1", "community"):
        shared = p.loc[where, "shared_mwh"]
        assert shared["P90"] < shared["P50"] < shared["P10"]
    draws = per_run.xs("community", level="configuration")["shared_mwh"]
    assert p.loc[("community", "P90"), "shared_mwh"] == pytest.approx(draws.quantile(0.1))
    plants = per_run.attrs["plant_npv_eur"]  # one NPV per plant and weather year
    assert plants.shape == (5, 2) and set(plants.columns) == {"early", "late"}
    plant_p = p.attrs["plant_npv_eur"]
    assert plant_p.loc["P90", "late"] == pytest.approx(plants["late"].quantile(0.1))
    assert plant_p.loc["P90", "late"] < plant_p.loc["P10", "late"]
    # The plants' NPVs add up to the community's in every weather year.
    community = per_run.xs("community", level="configuration")["npv_eur"]
    np.testing.assert_allclose(plants.sum(axis=1), community, rtol=1e-9)


def test_monte_carlo_over_an_epw_file_draws_years_from_it(milano_epw, tmp_path):
    from tests.conftest import write_scenario

    text = TINY.read_text().replace(
        "[simulation]", f'[weather]\nsource = "epw"\npath = "{milano_epw}"\n\n[simulation]')
    sim = twin.load(write_scenario(tmp_path, text), allow_outside_paths=True)
    per_run, p = weather_monte_carlo(sim, runs=5)
    shared = p.loc["community", "shared_mwh"]
    assert shared["P90"] < shared["P50"] < shared["P10"]  # years differ, the order holds
    # the file's own year is not among the draws' outcomes by construction: each is reshuffled
    plain = sim.run().summary.loc["community", "shared_mwh"]
    draws = per_run.xs("community", level="configuration")["shared_mwh"]
    assert (draws != plain).all()
