"""The built-in Milan weather generator: seeded, calibrated to UNI 10349."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from twin.core.time import time_index
from weather import UNI_10349_MILANO, generate_milan_weather

YEAR = time_index(dt.date(2026, 1, 1), dt.date(2027, 1, 1), "1h")
DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def monthly_ghi_kwh(data: pd.DataFrame) -> np.ndarray:
    local = data.tz_convert("Europe/Rome")
    return local["ghi"].groupby(local.index.month).sum().to_numpy() / 1000.0


def test_same_seed_same_weather_other_seed_other_weather():
    a, meta = generate_milan_weather(YEAR, seed=5)
    b, _ = generate_milan_weather(YEAR, seed=5)
    c, _ = generate_milan_weather(YEAR, seed=6)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["ghi"], c["ghi"])
    assert meta["interval"] == "start" and str(a.index.tz) == "UTC"


def test_mean_of_ten_seeds_reproduces_uni_monthly_irradiation_within_5_percent():
    """The daily draws on their own (no year-to-year factors) keep each month on target."""
    target = UNI_10349_MILANO["ghi_kwh_per_m2_day"].to_numpy() * DAYS
    mean = np.mean([monthly_ghi_kwh(generate_milan_weather(YEAR, s, interannual=False)[0])
                    for s in range(10)], axis=0)
    np.testing.assert_allclose(mean, target, rtol=0.05)
    assert mean.sum() == pytest.approx(1316.6, rel=0.03)


def test_monthly_mean_temperature_is_on_target_over_years_and_varies_between_them():
    """Nothing pins a month's mean: the daily anomaly (σ 2.5 K, lag-1 0.75) moves a month by
    about 1.2 K from year to year, and 20 years average back to UNI 10349 (standard error
    0.27 K; the cycle and the interpolation between days must not bias it)."""
    def monthly(seed: int) -> np.ndarray:
        local = generate_milan_weather(YEAR, seed)[0].tz_convert("Europe/Rome")
        return local["temp_air"].groupby(local.index.month).mean().to_numpy()

    years = np.array([monthly(s) for s in range(20)])
    np.testing.assert_allclose(years.mean(axis=0), UNI_10349_MILANO["temp_air_c"], atol=0.6)
    assert 0.6 < np.median(years.std(axis=0)) < 2.0


def test_irradiance_components_are_consistent():
    data, _ = generate_milan_weather(YEAR, seed=2)
    assert (data[["ghi", "dni", "dhi"]] >= 0).all().all()
    assert (data["dhi"] <= data["ghi"] + 1e-9).all()
    assert data["ghi"].max() < 1200
    assert (data["wind_speed"] > 0).all()


def test_quarter_hour_grid_gives_the_same_climate():
    quarter = time_index(dt.date(2026, 1, 1), dt.date(2027, 1, 1), "15min")
    data, _ = generate_milan_weather(quarter, seed=4, interannual=False)
    annual = data["ghi"].sum() * 0.25 / 1000.0
    assert annual == pytest.approx(1316.6, rel=0.08)
