"""The PV model against a measured plant: the PoliTo rooftop in Turin, 2019 and 2020 (hourly
capacity factors, read from ../shared/data/pv), on the plant parameters its PVGIS simulations
use. There are no weather measurements with the series, so the model runs on the built-in
weather (Milan's UNI 10349 climate) sited at Turin: the comparison is of climates and of the
chain, not hour by hour. Bounds in bench/validation_targets.py."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.assets.test_pv import make_plant
from tests.conftest import SHARED_DATA, _require
from twin.assets.loads import reference_year_index
from twin.assets.pv import plant_ac_power_kw
from weather import generate_milan_weather

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from validation_targets import TARGETS  # noqa: E402

MEASURED = SHARED_DATA / "pv" / "measured_vs_simulated_pv_italy_hourly_normalized.csv"
TURIN = {"latitude": 45.065, "longitude": 7.659, "altitude": 240.0}
YEAR = reference_year_index(2025)
DAYLIGHT_CF = 0.01
QUANTILES = (50, 75, 90, 99)


@pytest.fixture(scope="module")
def measured() -> pd.DataFrame:
    frame = pd.read_csv(_require(MEASURED))
    return frame[["Turin2019_PV-MEAS", "Turin2020_PV-MEAS"]]


@pytest.fixture(scope="module")
def modelled() -> np.ndarray:
    """Hourly capacity factor of the plant in 20 weather years, ``(seed, hour)``."""
    plant = make_plant(capacity_kwp=604.6, inverter_kw=635.0, tilt_deg=26.0, azimuth_deg=206.0,
                       latitude=TURIN["latitude"], longitude=TURIN["longitude"],
                       mounting="building_integrated", system_losses_pct=10.0)
    return np.array([plant_ac_power_kw([plant], generate_milan_weather(YEAR, s, site=TURIN)[0])
                     [:, 0] / 604.6 for s in range(20)])


def monthly_shares_pct(cf: np.ndarray, index: pd.DatetimeIndex) -> np.ndarray:
    series = pd.Series(cf, index=index)
    by_month = series.groupby(series.index.month).sum()
    return (by_month / by_month.sum()).to_numpy() * 100


def test_full_load_hours(measured, modelled):
    target = TARGETS["pv_measured_full_load_hours"]
    assert measured.sum().mean() == pytest.approx(target.reference, abs=1)  # 1,249 and 1,191
    assert target.holds(modelled.sum(axis=1).mean()), modelled.sum(axis=1).mean()


def test_monthly_shares(measured, modelled):
    hours_2019 = pd.date_range("2019-01-01", periods=8760, freq="h", tz="UTC")
    hours_2020 = pd.date_range("2020-01-01", periods=len(measured), freq="h", tz="UTC")
    real = np.mean([monthly_shares_pct(measured.iloc[:, 0].to_numpy(), hours_2019),
                    monthly_shares_pct(measured.iloc[:, 1].to_numpy(), hours_2020)], axis=0)
    ours = np.mean([monthly_shares_pct(cf, YEAR) for cf in modelled], axis=0)
    assert TARGETS["pv_measured_monthly_share"].holds(np.abs(ours - real).max()), (ours, real)


def test_hourly_capacity_factor_distribution(measured, modelled):
    real = measured.to_numpy().ravel()
    real, ours = real[real > DAYLIGHT_CF], modelled[modelled > DAYLIGHT_CF]
    target = TARGETS["pv_measured_cf_quantiles"]
    for q in QUANTILES:
        assert target.holds(np.percentile(ours, q), np.percentile(real, q)), q
    assert len(ours) / 20 == pytest.approx(len(real) / 2, rel=0.05)  # daylight hours a year
