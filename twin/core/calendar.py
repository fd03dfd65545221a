"""Day types of the Italian calendar: what load and price models distinguish."""

from __future__ import annotations

import holidays
import numpy as np
import pandas as pd

WORKDAY, SATURDAY, HOLIDAY = 0, 1, 2
"""Day types: Monday to Friday, Saturday, and Sundays with public holidays."""


def day_types(local_days: pd.DatetimeIndex) -> np.ndarray:
    """WORKDAY, SATURDAY or HOLIDAY (Sundays and Milan's public holidays) for local dates."""
    years = sorted(set(local_days.year))
    it_holidays = holidays.Italy(subdiv="MI", years=years)
    is_holiday = np.array([d in it_holidays for d in local_days.date])
    weekday = local_days.day_of_week.to_numpy()
    return np.where(is_holiday | (weekday == 6), HOLIDAY, np.where(weekday == 5, SATURDAY, WORKDAY))
