"""Households of every ARERA power class, at the class's own annual energy, against the ARERA
Lombardy profiles (read from ../shared/data): the level and shape of the typical days, their
base and peak, weekends and the F1 share; bounds in bench/validation_targets.py (issue 20).
Three seeds the calibration did not see (it used 1 and 2)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.conftest import SHARED_DATA, _require
from twin.assets.loads import Consumer, load_power_kw, reference_year_index

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from model_metrics import (  # noqa: E402
    ARERA_CLASSES,
    arera_typical_days,
    day_counts,
    household_figures,
    model_typical_days,
    shape_error,
)
from validation_targets import TARGETS  # noqa: E402

YEAR = reference_year_index(2023)
SEEDS = (11, 12, 13)
HOMES = 1000


@pytest.fixture(scope="module")
def arera() -> pd.DataFrame:
    return pd.read_csv(_require(SHARED_DATA / "load" / "rse_cacer" / "prelievo_orario_ARERA.csv"))


@pytest.fixture(scope="module", params=list(ARERA_CLASSES))
def compared(request, arera):
    """(reference figures, [(model figures, shape error)] per seed) for one class."""
    reference = arera_typical_days(arera, request.param)
    counts = day_counts(2023)
    ref = household_figures(reference, counts)
    kw = ARERA_CLASSES[request.param]
    homes = [Consumer(f"h{i}", "household", ref["annual_kwh"], kw) for i in range(HOMES)]
    runs = []
    for seed in SEEDS:
        ours = model_typical_days(load_power_kw(homes, YEAR, seed).mean(axis=1), YEAR)
        runs.append((household_figures(ours, counts), shape_error(ours, reference)))
    return request.param, ref, runs


@pytest.mark.slow
def test_typical_days_within_10_percent_in_level_and_shape(compared):
    power_class, _, runs = compared
    errors = [error for _, error in runs]
    assert all(TARGETS["household_shape_error"].holds(e) for e in errors), (power_class, errors)


@pytest.mark.slow
@pytest.mark.parametrize("figure", ["min_over_mean", "peak_over_mean"])
def test_base_and_peak_of_the_typical_days(compared, figure):
    power_class, ref, runs = compared
    target = TARGETS[f"household_{figure}"]
    values = [ours[figure] for ours, _ in runs]
    assert all(target.holds(v, ref[figure]) for v in values), (power_class, values, ref[figure])


@pytest.mark.slow
def test_weekends_draw_more_than_weekdays_as_in_arera(compared):
    power_class, ref, runs = compared
    target = TARGETS["household_weekend_ratio"]
    for ours, _ in runs:
        for figure in ("saturday_ratio", "sunday_ratio"):
            assert target.holds(ours[figure], ref[figure]), (power_class, figure, ours, ref)
    assert ref["saturday_ratio"] > 1 and ref["sunday_ratio"] > 1  # the data's direction


@pytest.mark.slow
def test_f1_share(compared):
    power_class, ref, runs = compared
    target = TARGETS["household_f1_share"]
    values = [ours["f1_share_pct"] for ours, _ in runs]
    assert all(target.holds(v, ref["f1_share_pct"]) for v in values), (power_class, values)


def test_a_home_without_a_contract_gets_the_one_its_energy_implies():
    """No unbounded peaks: a 600 kWh home is held at 1.1 x 1.5 kW, a 2,700 kWh one at 3.3 kW
    and a 12 MWh one at 11 kW (the 10 kW contract above 6 kW)."""
    quarters = reference_year_index(2023, "15min")
    for annual_kwh, limit_kw in ((600.0, 1.5), (2700.0, 3.0), (12000.0, 10.0)):
        homes = [Consumer(f"h{i}", "household", annual_kwh) for i in range(40)]
        power = load_power_kw(homes, quarters, seed=3)
        assert power.max() <= 1.1 * limit_kw + 1e-9, (annual_kwh, power.max())
        assert np.percentile(power.max(axis=0), 90) > 0.5 * limit_kw  # the limit is met
