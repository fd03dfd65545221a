"""Typical days are averaged as ARERA averages its published profiles."""

from __future__ import annotations

import numpy as np
import pytest

from twin.assets.loads import (
    reference_year_index,
    typical_day,
)
from twin.core.calendar import HOLIDAY, WORKDAY

YEAR = reference_year_index(2023)


def test_the_hour_skipped_in_spring_counts_as_zero_and_the_repeated_one_once():
    ones = np.ones(len(YEAR))
    march_sundays = typical_day(ones, YEAR, 3, HOLIDAY)  # 5, 12, 19, 26 (spring forward)
    assert march_sundays[2] == pytest.approx(3 / 4)
    np.testing.assert_allclose(np.delete(march_sundays, 2), 1.0)
    np.testing.assert_allclose(typical_day(ones, YEAR, 10, HOLIDAY), 1.0)  # 29 Oct: 25 hours
    np.testing.assert_allclose(typical_day(ones, YEAR, 3, WORKDAY), 1.0)


def test_a_typical_day_is_the_mean_of_its_days_hour_by_hour():
    local = YEAR.tz_convert("Europe/Rome")
    values = local.hour.to_numpy() + local.day.to_numpy() / 100  # hour + day of month / 100
    typical_workday = typical_day(values, YEAR, 6, WORKDAY)
    not_workdays = (2, 3, 4, 10, 11, 17, 18, 24, 25)  # 2 June: Festa della Repubblica
    june_workdays = [d for d in range(1, 31) if d not in not_workdays]
    np.testing.assert_allclose(typical_workday, np.arange(24) + np.mean(june_workdays) / 100)
