"""Load archetypes against real Italian data, read from ../shared/data/load (never copied).

* Households vs the ARERA average hourly withdrawal of Lombardy (RSE CACER simulator input) by
  month and day type.
* Public buildings vs the RSE typical working days (curve_carico_input.xlsx).
Figures are reported in docs/models.md (`python bench/validate_models.py`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.conftest import SHARED_DATA
from twin.assets.loads import (
    Consumer,
    load_power_kw,
    reference_year_index,
    typical_day,
)
from twin.core.calendar import day_types

ARERA = SHARED_DATA / "load" / "rse_cacer" / "prelievo_orario_ARERA.csv"
RSE_DAYS = SHARED_DATA / "load" / "rse_cacer" / "curve_carico_input.xlsx"
DAY_NAMES = {0: "Giorno feriale", 1: "Sabato", 2: "Domenica"}
CLASSES = {"0<P<=1.5": 1.5, "1.5<P<=3": 3.0, "3<P<=4.5": 4.5, "4.5<P<=6": 6.0, "P>6": 10.0}
YEAR = reference_year_index(2023)
LOCAL = YEAR.tz_convert("Europe/Rome")
DAY_TYPE = day_types(LOCAL.normalize())


@pytest.fixture(scope="module")
def lombardy() -> pd.DataFrame:
    if not ARERA.exists():
        pytest.fail(f"reference data not found at {ARERA}")
    frame = pd.read_csv(ARERA)
    return frame[frame["Regione"] == "Lombardia"]


def arera_profile(lombardy: pd.DataFrame, power_class: str, month: int, day: int) -> np.ndarray:
    rows = lombardy[(lombardy["Classe potenza"] == power_class) & (lombardy["Mese"] == month)
                    & (lombardy["Working day"] == DAY_NAMES[day])].sort_values("Ora")
    return rows["Prelievo medio Orario Regionale (kWh)"].to_numpy()


def arera_annual_kwh(lombardy: pd.DataFrame, power_class: str) -> float:
    """The class's annual energy on the 2023 calendar, from the file's month × day-type rows."""
    total = 0.0
    for month in range(1, 13):
        for day in DAY_NAMES:
            days = ((LOCAL.month == month) & (DAY_TYPE == day)).sum() / 24
            total += days * arera_profile(lombardy, power_class, month, day).sum()
    return total


def mean_shape(power: np.ndarray, month: int, day: int) -> np.ndarray:
    return typical_day(power, YEAR, month, day)


def test_households_match_the_typical_class_shape_every_month_and_day_type(lombardy):
    """Households of unknown contracted power take the 3 kW class (1.5 < P ≤ 3 kW, the ARERA
    'famiglia tipo'): r ≥ 0.9 in all 36 cases, as the mean of 1,000 homes (appliance cycles and
    weeks away make the mean of fewer homes noisy)."""
    homes = [Consumer(f"h{i}", "household", 2000.0) for i in range(1000)]
    total = load_power_kw(homes, YEAR, seed=1).sum(axis=1)
    worst = min(np.corrcoef(mean_shape(total, m, d), arera_profile(lombardy, "1.5<P<=3", m, d))
                [0, 1] for m in range(1, 13) for d in DAY_NAMES)
    assert worst >= 0.9


@pytest.mark.parametrize("power_class", sorted(CLASSES))
def test_households_with_a_contracted_power_follow_their_class_shape(lombardy, power_class):
    """Every class: r ≥ 0.9 for each of the 12 months × 3 day types (issue 5)."""
    homes = [Consumer(f"h{i}", "household", 2000.0, CLASSES[power_class]) for i in range(1000)]
    total = load_power_kw(homes, YEAR, seed=1).sum(axis=1)
    worst = min(np.corrcoef(mean_shape(total, m, d), arera_profile(lombardy, power_class, m, d))
                [0, 1] for m in range(1, 13) for d in DAY_NAMES)
    assert worst >= 0.9


@pytest.mark.parametrize("power_class", sorted(CLASSES))
def test_annual_energy_per_power_class_within_10_percent(lombardy, power_class):
    """Households of each class, given the class's annual energy and contracted power, deliver
    it within 10 % although their load is capped at 110 % of the contracted power."""
    annual = arera_annual_kwh(lombardy, power_class)
    homes = [Consumer(f"h{i}", "household", annual, CLASSES[power_class]) for i in range(50)]
    power = load_power_kw(homes, YEAR, seed=2)
    assert power.max() <= 1.1 * CLASSES[power_class] + 1e-9
    assert power.sum(axis=0).mean() == pytest.approx(annual, rel=0.10)


@pytest.mark.parametrize(("sheet", "archetype", "bound"), [
    ("scuola_500_studenti", "school", 0.8),
    ("ufficio_comunale", "office", 0.8),
    ("PA_comune", "public_building", 0.8),
    ("palestra_comunale", "gym", 0.8),
    ("biblioteca_comunale", "library", 0.7),
])
def test_public_buildings_follow_the_rse_typical_working_day(sheet, archetype, bound):
    if not RSE_DAYS.exists():
        pytest.fail(f"reference data not found at {RSE_DAYS}")
    reference = pd.read_excel(RSE_DAYS, sheet_name=sheet)["Working_day"].to_numpy(dtype=float)
    quarters = reference_year_index(2023, "15min")
    local = quarters.tz_convert("Europe/Rome")
    power = load_power_kw([Consumer(f"b{i}", archetype, 10000.0) for i in range(30)], quarters,
                          seed=1).sum(axis=1)
    term = local.month.isin([3, 4, 5, 10, 11]) & (day_types(local.normalize()) == 0)
    quarter = local.hour * 4 + local.minute // 15
    ours = pd.Series(power[term]).groupby(quarter[term]).mean().reindex(range(96)).to_numpy()
    assert np.corrcoef(ours, reference)[0, 1] >= bound
