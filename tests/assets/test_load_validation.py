"""Non-residential archetypes against the RSE typical days (curve_carico_input.xlsx, read from
../shared/data/load, never copied): the working day's shape, and the weekends' energy and shape
(bounds in bench/validation_targets.py). Households vs ARERA:
tests/assets/test_household_validation.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.conftest import SHARED_DATA, _require
from twin.assets.loads import Consumer, load_power_kw, reference_year_index
from twin.core.calendar import HOLIDAY, SATURDAY, day_types

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from model_metrics import (  # noqa: E402
    RSE_SHEETS,
    model_day_profile,
    model_weekend_ratios,
    rse_weekend_ratios,
)
from validation_targets import TARGETS  # noqa: E402

RSE_DAYS = SHARED_DATA / "load" / "rse_cacer" / "curve_carico_input.xlsx"
QUARTERS = reference_year_index(2023, "15min")


@pytest.fixture(scope="module")
def workbook() -> dict[str, pd.DataFrame]:
    return pd.read_excel(_require(RSE_DAYS), sheet_name=None)


def buildings(archetype: str) -> np.ndarray:
    """30 buildings of an archetype, summed, a year at 15 minutes. [kW]"""
    return load_power_kw([Consumer(f"b{i}", archetype, 10000.0) for i in range(30)], QUARTERS,
                         seed=1).sum(axis=1)


@pytest.mark.parametrize("archetype", sorted(RSE_SHEETS))
def test_weekends_draw_what_rse_buildings_draw(workbook, archetype):
    """Closed schools and offices at weekends, a gym shut on Saturday but open for Sunday
    matches, shops closed on Sunday (RSE's own numbers: 0.00 to 1.00 of a weekday)."""
    target = TARGETS["building_weekend_ratio"]
    ours = model_weekend_ratios(buildings(archetype), QUARTERS)
    reference = rse_weekend_ratios(workbook, archetype)
    for value, ref in zip(ours, reference, strict=True):
        assert target.holds(value, ref), (archetype, ours, reference)


@pytest.mark.parametrize(("archetype", "column", "day_type"), [
    ("office", "Saturday", SATURDAY), ("library", "Saturday", SATURDAY),
    ("gym", "Sunday", HOLIDAY)])
def test_weekend_opening_hours_follow_rse(workbook, archetype, column, day_type):
    reference = workbook[RSE_SHEETS[archetype]][column].to_numpy(dtype=float)
    ours = model_day_profile(buildings(archetype), QUARTERS, day_type)
    assert TARGETS["building_weekend_shape"].holds(np.corrcoef(ours, reference)[0, 1])


@pytest.mark.parametrize(("sheet", "archetype", "bound"), [
    ("scuola_500_studenti", "school", 0.8),
    ("ufficio_comunale", "office", 0.8),
    ("PA_comune", "public_building", 0.8),
    ("palestra_comunale", "gym", 0.8),
    ("biblioteca_comunale", "library", 0.7),
])
def test_public_buildings_follow_the_rse_typical_working_day(workbook, sheet, archetype, bound):
    reference = workbook[sheet]["Working_day"].to_numpy(dtype=float)
    quarters = reference_year_index(2023, "15min")
    local = quarters.tz_convert("Europe/Rome")
    power = load_power_kw([Consumer(f"b{i}", archetype, 10000.0) for i in range(30)], quarters,
                          seed=1).sum(axis=1)
    term = local.month.isin([3, 4, 5, 10, 11]) & (day_types(local.normalize()) == 0)
    quarter = local.hour * 4 + local.minute // 15
    ours = pd.Series(power[term]).groupby(quarter[term]).mean().reindex(range(96)).to_numpy()
    assert np.corrcoef(ours, reference)[0, 1] >= bound
