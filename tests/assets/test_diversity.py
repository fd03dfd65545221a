"""Diversity of many homes: the diversified peak against a published figure, the coincidence
curve's form, and hourly energy that does not depend on the simulation step (issue 20)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from twin.assets.loads import Consumer, load_power_kw, reference_year_index

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from model_metrics import coincidence_factor  # noqa: E402
from validation_targets import TARGETS  # noqa: E402

QUARTERS = reference_year_index(2025, "15min")
HOURS = reference_year_index(2025, "1h")


@pytest.fixture(scope="module")
def thousand_homes() -> np.ndarray:
    """1,000 homes of 2,700 kWh without a contracted power, a year at 15 min. [kW]"""
    homes = [Consumer(f"h{i}", "household", 2700.0) for i in range(1000)]
    return load_power_kw(homes, QUARTERS, seed=5)


@pytest.mark.slow
def test_diversified_peak_of_a_thousand_homes_is_in_the_published_range(thousand_homes):
    half_hourly = thousand_homes.reshape(-1, 2, 1000).mean(axis=1)
    admd_kw = half_hourly.sum(axis=1).max() / 1000
    assert TARGETS["household_admd"].holds(admd_kw), admd_kw


@pytest.mark.slow
def test_coincidence_falls_with_the_number_of_homes_as_independent_homes_do(thousand_homes):
    """Rusck's form, CF(n) = CF_inf + b / sqrt(n), fits 10, 100 and 1,000 homes within 0.02:
    homes that peak independently around a common evening, not clones nor noise."""
    cf = {n: np.mean([coincidence_factor(thousand_homes[:, k:k + n])
                      for k in range(0, 1000, n)][:10]) for n in (10, 100, 1000)}
    assert cf[10] > cf[100] > cf[1000] > 0.1, cf
    n = np.array(sorted(cf), dtype=float)
    design = np.column_stack([np.ones(3), 1 / np.sqrt(n)])
    fit, *_ = np.linalg.lstsq(design, [cf[int(k)] for k in n], rcond=None)
    assert np.abs(design @ fit - [cf[int(k)] for k in n]).max() < 0.02, cf


def test_a_quarter_hour_run_summed_to_hours_has_the_hourly_spread_of_an_hourly_run():
    homes = [Consumer(f"h{i}", "household", 2700.0) for i in range(150)]
    hourly = load_power_kw(homes, HOURS, seed=2)
    summed = load_power_kw(homes, QUARTERS, seed=2).reshape(-1, 4, 150).mean(axis=1)
    target = TARGETS["household_step_quantiles"]
    for q in (50, 90, 99, 99.9):
        ratio = np.percentile(summed, q) / np.percentile(hourly, q)
        assert target.holds(ratio), (q, ratio)
    assert coincidence_factor(summed) == pytest.approx(coincidence_factor(hourly), abs=0.02)
