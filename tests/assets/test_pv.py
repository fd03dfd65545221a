"""The vectorised PV model equals pvlib's ModelChain with the same models."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from twin.assets.pv import plant_ac_power_kw
from twin.core.time import time_index
from twin.events import PlantCommissioned
from twin.rules import tariff_power_kw
from weather import generate_milan_weather

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from naive_twin import modelchain_kw  # noqa: E402  (the reference twin's ModelChain)


def make_plant(**changes) -> PlantCommissioned:
    base = dict(
        effective_utc=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), plant_id="p", configuration_id="c",
        source="pv", capacity_kwp=100.0, inverter_kw=90.0, tilt_deg=30.0, azimuth_deg=180.0,
        latitude=45.47, longitude=9.22, mounting="open_rack", system_losses_pct=0.0,
        degradation_pct_per_year=0.0, albedo=0.2, entry_into_operation=dt.date(2025, 1, 1),
        lifecycle="existing", grant_intensity_pct=0.0, building_obligation_kw=0.0,
        pre_constitution_exception=False, owner=None, host_member=None,
    )
    base.update(changes)
    return PlantCommissioned(**base)


@pytest.fixture(scope="module")
def year_weather():
    index = time_index(dt.date(2026, 1, 1), dt.date(2027, 1, 1), "1h")
    weather, _ = generate_milan_weather(index, seed=3)
    return weather


@pytest.mark.parametrize(("seed", "transposition"),
                         [(0, "haydavies"), (1, "haydavies"), (2, "perez")])
def test_vectorised_equals_modelchain_for_random_plants(year_weather, seed, transposition):
    """At a cell centre, so both see the same sun: Perez's sky-brightness bins jump, and the
    0.03° between a plant and its cell's centre can move an hour by 2 %."""
    rng = np.random.default_rng(seed)
    plants = []
    for k in range(4):
        kwp = float(rng.uniform(5, 900))
        plants.append(make_plant(
            plant_id=f"p{k}", capacity_kwp=kwp, inverter_kw=float(kwp * rng.uniform(0.8, 1.1)),
            tilt_deg=float(rng.uniform(0, 60)), azimuth_deg=float(rng.uniform(90, 270)),
            mounting=str(rng.choice(["open_rack", "roof_mounted", "building_integrated"])),
            albedo=float(rng.uniform(0.1, 0.3)), latitude=45.5, longitude=9.2))
    ours = plant_ac_power_kw(plants, year_weather, transposition)
    for j, plant in enumerate(plants):
        reference = modelchain_kw(plant, year_weather, transposition)
        assert ours[:, j].sum() == pytest.approx(reference.sum(), rel=1e-3)
        assert np.abs(ours[:, j] - reference).max() <= 0.005 * plant.capacity_kwp


def test_zero_at_night_and_clipped_at_inverter(year_weather):
    plant = make_plant(capacity_kwp=150.0, inverter_kw=100.0, tilt_deg=35.0)
    power = plant_ac_power_kw([plant], year_weather)[:, 0]
    assert power.max() <= 100.0 + 1e-9
    assert (power[year_weather["ghi"].to_numpy() == 0] == 0).all()
    assert tariff_power_kw(plant) == 100.0


def test_specific_yield_is_plausible_for_milan(year_weather):
    """A 30° south roof with 14 % losses: about 1,100-1,300 kWh/kWp on UNI-level irradiation
    (MILAN_FIGURES §1.3: UNI-based 1,187 at 35°, PVGIS 1,310-1,369 kWh/kWp)."""
    plant = make_plant(capacity_kwp=1.0, inverter_kw=1.0, system_losses_pct=14.0)
    annual = plant_ac_power_kw([plant], year_weather)[:, 0].sum()
    assert 1050 <= annual <= 1350


def test_no_output_before_entry_and_degradation_reduces_output(year_weather):
    plant = make_plant(entry_into_operation=dt.date(2026, 7, 1))
    power = plant_ac_power_kw([plant], year_weather)[:, 0]
    assert power[year_weather.index < pd.Timestamp("2026-06-30T22:00Z")].sum() == 0.0
    old = make_plant(entry_into_operation=dt.date(2006, 1, 1), degradation_pct_per_year=1.0)
    new = dataclasses.replace(old, entry_into_operation=dt.date(2026, 1, 1))
    both = plant_ac_power_kw([old, new], year_weather).sum(axis=0)
    assert both[0] / both[1] == pytest.approx(0.80, abs=0.01)


def test_soiling_horizon_and_shading_reduce_output_where_they_should(year_weather):
    clean = make_plant()
    soiled = make_plant(soiling_pct_by_month=(0.0,) * 6 + (10.0,) + (0.0,) * 5)  # July only
    walled = make_plant(horizon_elevation_deg=(0, 0, 0, 90, 90, 90, 0, 0))  # a wall SE to SW
    shaded = make_plant(shading_loss_pct=20.0)
    power = plant_ac_power_kw([clean, soiled, walled, shaded], year_weather)
    month = year_weather.index.tz_convert("Europe/Rome").month
    july, rest = month == 7, month != 7
    np.testing.assert_allclose(power[rest, 1], power[rest, 0])
    assert power[july, 1].sum() == pytest.approx(0.9 * power[july, 0].sum(), rel=0.02)
    assert power[:, 2].sum() < 0.7 * power[:, 0].sum()  # most of the beam comes from the south
    assert power[:, 2].sum() > 0.1 * power[:, 0].sum()  # diffuse still arrives
    assert 0.8 * power[:, 0].sum() < power[:, 3].sum() < power[:, 0].sum()


def test_plants_across_the_city_match_modelchain_at_their_own_coordinates(year_weather):
    """Plants up to ~8 km apart share one solar position; each still matches its own chain."""
    spread = [make_plant(plant_id=f"p{k}", latitude=45.42 + 0.035 * k, longitude=9.13 + 0.045 * k)
              for k in range(3)]
    ours = plant_ac_power_kw(spread, year_weather)
    for j, plant in enumerate(spread):
        reference = modelchain_kw(plant, year_weather)
        assert ours[:, j].sum() == pytest.approx(reference.sum(), rel=1e-3)
        assert np.abs(ours[:, j] - reference).max() <= 0.005 * plant.capacity_kwp


def test_a_plants_output_does_not_depend_on_the_plants_modelled_with_it(year_weather):
    """A what-if plant nearby must not move an existing plant's output (the sun is taken at
    the cell's centre, not at the mean of the plants in it)."""
    alone = plant_ac_power_kw([make_plant()], year_weather)[:, 0]
    neighbour = make_plant(plant_id="q", latitude=45.49, longitude=9.24)
    together = plant_ac_power_kw([make_plant(), neighbour], year_weather)[:, 0]
    np.testing.assert_array_equal(together, alone)
