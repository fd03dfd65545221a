"""The built-in generator against the real Milano-Linate TMYx (read from ../shared/data).

Calibrated to the file's monthly means, generated years must reproduce its monthly irradiation,
its distribution of daily clearness index (better than a clear-sky-scaling baseline), its
day-to-day persistence and its monthly temperatures; the default (UNI-calibrated) year must
reproduce UNI 10349's annual irradiation.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pvlib
import pytest
from scipy import stats

from twin.core.time import time_index
from weather import align_typical_year, generate_milan_weather, monthly_targets, read_epw

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


def test_day_to_day_persistence_within_0_1(tmyx, generated, extraterrestrial_daily):
    def lag1(k: np.ndarray) -> float:
        return float(np.corrcoef(k[:-1], k[1:])[0, 1])

    reference = lag1(daily_kt(tmyx, extraterrestrial_daily))
    ours = np.mean([lag1(daily_kt(g, extraterrestrial_daily)) for g in generated])
    assert abs(ours - reference) <= 0.1


def test_monthly_mean_temperature_within_half_a_degree(tmyx, generated):
    def monthly_t(data: pd.DataFrame) -> np.ndarray:
        local = data.tz_convert("Europe/Rome")
        return local["temp_air"].groupby(local.index.month).mean().to_numpy()

    mean = np.mean([monthly_t(g) for g in generated], axis=0)
    np.testing.assert_allclose(mean, monthly_t(tmyx), atol=0.5)


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
