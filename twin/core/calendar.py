"""Day types of the Italian calendar: what load and price models distinguish."""

from __future__ import annotations

from dataclasses import dataclass

import holidays
import numpy as np
import pandas as pd

from twin.core.time import to_local

WORKDAY, SATURDAY, HOLIDAY = 0, 1, 2
"""Day types: Monday to Friday, Saturday, and Sundays with public holidays."""


def day_types(local_days: pd.DatetimeIndex) -> np.ndarray:
    """WORKDAY, SATURDAY or HOLIDAY (Sundays and Milan's public holidays) for local dates."""
    codes, days = pd.factorize(pd.DatetimeIndex(local_days).normalize())
    it_holidays = holidays.Italy(subdiv="MI", years=sorted(set(days.year)))
    is_holiday = np.array([d in it_holidays for d in days.date], dtype=bool)[codes]
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
    codes, days = pd.factorize(local_times.normalize())  # each day once, not each hour
    national = holidays.Italy(years=sorted(set(days.year)))
    is_off = np.array([(d in national) or d.weekday() == 6 for d in days.date],
                      dtype=bool)[codes]
    hour = local_times.hour.to_numpy()
    weekday = local_times.day_of_week.to_numpy()
    workday = (weekday <= 4) & ~is_off
    saturday = (weekday == 5) & ~is_off
    f1 = workday & (hour >= 8) & (hour < 19)
    f2 = (workday & ((hour == 7) | ((hour >= 19) & (hour < 23)))) \
        | (saturday & (hour >= 7) & (hour < 23))
    return np.where(f1, F1, np.where(f2, F2, F3)).astype(np.int8)


@dataclass(frozen=True)
class MonthGrid:
    """The run's steps grouped by local calendar month, with each step's band one-hot."""

    months: tuple[str, ...]
    """Local months ``YYYY-MM``."""
    bounds: np.ndarray
    """``(month, 2)``: first step and the step after the last of each month."""
    bands: np.ndarray
    """``(time, 3)`` one-hot of F1, F2, F3 (float, for matrix products)."""

    @classmethod
    def of(cls, index: pd.DatetimeIndex) -> MonthGrid:
        """The grid of an index (computed once per index: a run asks three times)."""
        index = pd.DatetimeIndex(index)
        key = (index[0].value, index[-1].value, len(index), str(index.tz))
        if key not in _GRIDS:
            if len(_GRIDS) >= 8:
                _GRIDS.clear()
            _GRIDS[key] = cls._build(index)
        return _GRIDS[key]

    @classmethod
    def _build(cls, index: pd.DatetimeIndex) -> MonthGrid:
        local = to_local(index)
        labels = local.strftime("%Y-%m").to_numpy()
        starts = np.r_[0, np.flatnonzero(labels[1:] != labels[:-1]) + 1]
        bounds = np.c_[starts, np.r_[starts[1:], len(labels)]]
        onehot = np.eye(3)[tariff_bands(local)]
        return cls(tuple(labels[starts]), bounds, onehot)

    def steps(self) -> np.ndarray:
        """Steps in each month (an hour less or more in the DST months), ``(month,)``."""
        return np.diff(self.bounds, axis=1)[:, 0].astype(float)

    def by_band(self, energy: np.ndarray) -> np.ndarray:
        """``(time, n)`` energy summed by month and band: ``(n, month, 3)``."""
        out = np.empty((energy.shape[1], len(self.months), 3))
        for k, (a, b) in enumerate(self.bounds):
            out[:, k, :] = energy[a:b].T @ self.bands[a:b]
        return out

    def steps_active(self, present: np.ndarray, bounds: np.ndarray) -> np.ndarray:
        """Steps of each month in which each member was active, ``(member, month)``, from its
        presence in segments ``(segment, member)`` whose ``[start, end)`` are ``bounds``
        ``(segment, 2)``."""
        overlap = np.clip(np.minimum(bounds[:, 1:2], self.bounds[None, :, 1])
                          - np.maximum(bounds[:, 0:1], self.bounds[None, :, 0]), 0, None)
        return present.T.astype(float) @ overlap.astype(float)


_GRIDS: dict[tuple, MonthGrid] = {}
"""Month grids by (first, last, length, time zone) of their index."""
