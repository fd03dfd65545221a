"""The built-in generator against the real Milano-Linate TMYx (read from ../shared/data).

Calibrated to the file's monthly means, generated years must reproduce its monthly irradiation,
its distribution of daily clearness index (better than a clear-sky-scaling baseline), its
day-to-day persistence beyond the seasons and share of overcast days, its daily temperature
range and the hours of its coldest and warmest hours, its diffuse fraction and what a roof yields
on it; the default (UNI-calibrated) year must reproduce UNI 10349's annual irradiation. Bounds:
bench/validation_targets.py (the table in docs/models.md).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pvlib
import pytest
from scipy import stats

from twin.core.time import time_index
from weather import (
    align_typical_year,
    generate_milan_weather,
    monthly_targets,
    read_epw,
)

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from model_metrics import (  # noqa: E402
    beam_over_extraterrestrial,
    daily_clearness,
    daily_temperature_range_k,
    deseasonalised_persistence,
    extreme_hours_solar,
    median_hourly_change_k,
    overcast_share,
)
from validation_targets import TARGETS  # noqa: E402

YEAR = time_index(dt.date(2026, 1, 1), dt.date(2027, 1, 1), "1h")
SEEDS = range(20)
KS_BOUND = 0.12


@pytest.fixture(scope="module")
def tmyx(request):
    from tests.conftest import MILANO_EPW

    if not MILANO_EPW.exists():
        pytest.fail(f"reference data not found at {MILANO_EPW}")
    data, meta = read_epw(MILANO_EPW)
    return align_typical_year(data, meta, YEAR)


@pytest.fixture(scope="module")
def extraterrestrial_daily():
    mid = YEAR + pd.Timedelta(minutes=30)
    zenith = pvlib.solarposition.get_solarposition(mid, 45.45, 9.28)["zenith"].to_numpy()
    h0 = pvlib.irradiance.get_extra_radiation(mid).to_numpy() * np.clip(
        np.cos(np.radians(zenith)), 0, None)
    return pd.Series(h0).groupby(YEAR.tz_convert("Europe/Rome").date).sum().to_numpy()


@pytest.fixture(scope="module")
def generated(tmyx):
    """Years calibrated to the TMYx months, without the year-to-year factors: a typical year is
    made of typical months, so it is compared with the generator's within-year climate."""
    targets = monthly_targets(tmyx, "TMYx")
    return [generate_milan_weather(YEAR, seed, targets=targets, interannual=False)[0]
            for seed in SEEDS]


def daily_kt(data: pd.DataFrame, extraterrestrial: np.ndarray) -> np.ndarray:
    ghi = pd.Series(data["ghi"].to_numpy()).groupby(YEAR.tz_convert("Europe/Rome").date).sum()
    return ghi.to_numpy() / extraterrestrial


def monthly_ghi(data: pd.DataFrame) -> np.ndarray:
    local = data.tz_convert("Europe/Rome")
    return local["ghi"].groupby(local.index.month).sum().to_numpy() / 1000


def test_monthly_irradiation_within_3_percent(tmyx, generated):
    mean = np.mean([monthly_ghi(g) for g in generated], axis=0)
    np.testing.assert_allclose(mean, monthly_ghi(tmyx), rtol=0.03)


def test_daily_clearness_distribution_beats_clear_sky_scaling(tmyx, generated,
                                                              extraterrestrial_daily):
    reference = daily_kt(tmyx, extraterrestrial_daily)
    ks = np.mean([stats.ks_2samp(daily_kt(g, extraterrestrial_daily), reference).statistic
                  for g in generated])
    # Baseline: the clear sky scaled to each month's irradiation, the same every day.
    location = pvlib.location.Location(45.4667, 9.2167, altitude=122)
    clear = location.get_clearsky(YEAR + pd.Timedelta(minutes=30))["ghi"].to_numpy()
    local = YEAR.tz_convert("Europe/Rome")
    ratio = (pd.Series(tmyx["ghi"].to_numpy()).groupby(local.month).sum()
             / pd.Series(clear).groupby(local.month).sum())
    baseline = pd.DataFrame({"ghi": clear * ratio.reindex(local.month).to_numpy()}, index=YEAR)
    ks_baseline = stats.ks_2samp(daily_kt(baseline, extraterrestrial_daily), reference).statistic
    assert ks < KS_BOUND < ks_baseline, (ks, ks_baseline)


def test_day_to_day_persistence_of_cloudiness_beyond_the_seasons(tmyx, generated):
    """The lag-1 autocorrelation of daily clearness with each month's mean removed (with it, the
    seasons alone give about 0.5)."""
    target = TARGETS["weather_persistence"]
    reference = deseasonalised_persistence(daily_clearness(tmyx))
    assert reference == pytest.approx(target.reference, abs=0.005)
    ours = np.mean([deseasonalised_persistence(daily_clearness(g)) for g in generated])
    assert target.holds(ours), ours


def test_share_of_overcast_days(tmyx, generated):
    target = TARGETS["weather_overcast"]
    assert overcast_share(daily_clearness(tmyx)) * 100 == pytest.approx(target.reference, abs=0.1)
    ours = np.mean([overcast_share(daily_clearness(g)) for g in generated]) * 100
    assert target.holds(ours), ours


def test_daily_temperature_range_by_month(tmyx, generated):
    ratio = (np.mean([daily_temperature_range_k(g) for g in generated], axis=0)
             / daily_temperature_range_k(tmyx).to_numpy())
    assert TARGETS["weather_daily_range"].holds(np.abs(ratio - 1).max()), ratio


def test_coldest_and_warmest_hours_by_month(tmyx, generated):
    ours = sum(extreme_hours_solar(g) for g in generated) / len(generated)
    worst = (ours - extreme_hours_solar(tmyx)).abs().to_numpy().max()
    assert TARGETS["weather_extreme_hours"].holds(worst), ours


def test_no_temperature_step_at_midnight(generated):
    ratios = [median_hourly_change_k(g, 0) / np.mean([median_hourly_change_k(g, h)
                                                      for h in (23, 1)]) for g in generated]
    assert TARGETS["weather_midnight_step"].holds(max(ratios)), ratios


def test_the_diffuse_scaled_to_the_source_leaves_a_beam_the_sun_can_give(generated):
    """Each month's DHI/GHI is the source's by construction (Erbs scaled per month); what can go
    wrong is the beam left over: DNI beyond what a clear sky lets through."""
    uni = [generate_milan_weather(YEAR, seed)[0] for seed in range(5)]
    for data in [*generated, *uni]:
        assert TARGETS["weather_beam"].holds(beam_over_extraterrestrial(data))
        assert (data["dhi"] <= data["ghi"] + 1e-9).all() and (data["dni"] >= 0).all()


def test_a_roof_yields_on_generated_years_what_it_yields_on_the_tmyx(tmyx, generated):
    """What the split, the hourly variability and the transposition make of the months'
    irradiation: the PV chain on the calibrated years against the real file."""
    from tests.assets.test_pv import make_plant
    from twin.assets.pv import plant_ac_power_kw

    roof = make_plant(capacity_kwp=1.0, inverter_kw=1.0, system_losses_pct=14.0)
    real = plant_ac_power_kw([roof], tmyx)[:, 0].sum()
    ours = np.mean([plant_ac_power_kw([roof], g)[:, 0].sum() for g in generated])
    assert TARGETS["weather_pv_yield"].holds(ours / real), (ours, real)


def test_monthly_mean_temperature_within_half_a_degree(tmyx, generated):
    """Not pinned by the generator (a month's mean varies from year to year): 20 seeds
    average back to the file's."""
    def monthly_t(data: pd.DataFrame) -> np.ndarray:
        local = data.tz_convert("Europe/Rome")
        return local["temp_air"].groupby(local.index.month).mean().to_numpy()

    mean = np.mean([monthly_t(g) for g in generated], axis=0)
    np.testing.assert_allclose(mean, monthly_t(tmyx), atol=0.6)


def test_default_year_reproduces_uni_annual_irradiation():
    calm, _ = generate_milan_weather(YEAR, seed=2026, interannual=False)
    assert calm["ghi"].sum() / 1000 == pytest.approx(1316.6, rel=0.03)
    data, _ = generate_milan_weather(YEAR, seed=2026)  # the default scenario's weather year
    assert data["ghi"].sum() / 1000 == pytest.approx(1316.6, rel=0.08)  # within 2 σ (4 %)


def test_targets_of_a_stitched_typical_year_are_not_diluted(tmyx):
    """The raw TMYx stitches months of different years: its targets equal the aligned year's."""
    from tests.conftest import MILANO_EPW

    raw, _ = read_epw(MILANO_EPW)
    np.testing.assert_allclose(monthly_targets(raw)["ghi_kwh_per_m2_day"],
                               monthly_targets(tmyx)["ghi_kwh_per_m2_day"], rtol=0.01)
