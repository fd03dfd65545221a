"""The expected shape the household classes are calibrated on is what the simulation produces."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from twin.assets.archetypes import (
    household_for_power,
)
from twin.assets.loads import (
    Consumer,
    expected_shape,
    load_power_kw,
    reference_year_index,
)
from twin.core.calendar import day_types

YEAR = reference_year_index(2023)
LOCAL = YEAR.tz_convert("Europe/Rome")
DAYS = LOCAL.normalize().unique()


@pytest.mark.parametrize(("contracted_power_kw", "annual_kwh"), [(3.0, 1966.0), (10.0, 9656.0)])
def test_mean_of_simulated_households_follows_the_expected_shape(contracted_power_kw,
                                                                 annual_kwh):
    """Bumps widened by the time shifts, lighting at each day's dusk, month factors: the mean of
    300 simulated homes correlates ≥ 0.98 with the expected shape in every month and day type
    (what is left out, day factors, weeks away, appliance cycles and noise, only scales or
    averages out: the cycles are centred on times drawn from the member's own shape), at the
    class's own ARERA energy."""
    homes = [Consumer(f"h{i}", "household", annual_kwh, contracted_power_kw) for i in range(300)]
    total = load_power_kw(homes, YEAR, seed=1).sum(axis=1)
    expected = expected_shape(household_for_power(contracted_power_kw), DAYS)
    kind, step_kind = day_types(DAYS), day_types(LOCAL.normalize())
    for month in range(1, 13):
        for day in range(3):
            rows = (LOCAL.month == month) & (step_kind == day)
            ours = pd.Series(total[rows]).groupby(LOCAL.hour[rows]).mean().to_numpy()
            theirs = expected[(DAYS.month == month) & (kind == day)].mean(axis=0)
            assert np.corrcoef(ours, theirs)[0, 1] >= 0.98, (month, day)
