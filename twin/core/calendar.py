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


F1, F2, F3 = 0, 1, 2
"""ARERA time bands (del. 181/06, BILLS.md §6.1 [S]): F1 peak, F2 mid, F3 off-peak."""
BAND_NAMES = ("F1", "F2", "F3")


def tariff_bands(local_times: pd.DatetimeIndex) -> np.ndarray:
    """ARERA band F1, F2 or F3 of each local interval start (ARERA del. 181/06, BILLS.md §6.1).

    F1: Monday-Friday 08-19; F2: Monday-Friday 07-08 and 19-23, Saturday 07-23; F3: the other
    hours, and all hours of Sundays and national holidays. Holidays are the national ones
    (``holidays.Italy`` without a region: Milan's Sant'Ambrogio is not a band holiday); the
    library lists 4 October from 2026 (Legge 151/2025), which ARERA's treatment leaves [U].
    """
    years = sorted(set(local_times.year))
    national = holidays.Italy(years=years)
    days = local_times.normalize()
    unique_days = days.unique()
    off_day = {d: (d.date() in national) or d.day_of_week == 6 for d in unique_days}
    is_off = np.fromiter((off_day[d] for d in days), dtype=bool, count=len(days))
    hour = local_times.hour.to_numpy()
    weekday = local_times.day_of_week.to_numpy()
    workday = (weekday <= 4) & ~is_off
    saturday = (weekday == 5) & ~is_off
    f1 = workday & (hour >= 8) & (hour < 19)
    f2 = (workday & ((hour == 7) | ((hour >= 19) & (hour < 23)))) \
        | (saturday & (hour >= 7) & (hour < 23))
    return np.where(f1, F1, np.where(f2, F2, F3)).astype(np.int8)
