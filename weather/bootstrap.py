"""Other weather years from one file: a seeded block bootstrap of its days.

A typical-year file (EPW, PVGIS TMY) is one year; Monte Carlo over weather years needs many. Each
block of ``block_days`` days of the output is copied, whole, from a block of the input that
starts within ``window_days`` of the same date (so seasons stay where they are and weather
persists inside a block, as in the moving-block bootstrap of Künsch, 1989, *Ann. Statist.*
17(3)). Days are 24-hour spans from the series' first step, so the sun stands at the same clock
hours in the source and in the copy.

The spread this gives comes from the day-to-day weather of the one year in the file: it is a
lower bound of the interannual spread (anomalies lasting longer than a block are not drawn).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from weather.errors import WeatherDataError

BLOCK_DAYS = 5
"""Days copied together (weather persists over a few days: fronts, anticyclones)."""
WINDOW_DAYS = 15
"""How far from the same date a block may come from. [days]"""


def block_bootstrap(frame: pd.DataFrame, seed: int, block_days: int = BLOCK_DAYS,
                    window_days: int = WINDOW_DAYS) -> pd.DataFrame:
    """Another weather year from ``frame`` (on a regular grid): the same index, each block of
    ``block_days`` days copied from a block starting at most ``window_days`` days away. The
    same seed gives the same year."""
    index = pd.DatetimeIndex(frame.index)
    if len(index) < 2:
        return frame.copy()
    per_day = pd.Timedelta("1D") / (index[1] - index[0])
    if per_day != int(per_day):
        raise WeatherDataError(f"block bootstrap: expected a step dividing a day; found "
                               f"{index[1] - index[0]}")
    steps, per_day = len(index), int(per_day)
    block = block_days * per_day
    rng = np.random.default_rng(seed)
    rows = np.empty(steps, dtype=np.int64)
    for start in range(0, steps, block):
        length = min(block, steps - start)
        lo = max(0, start - window_days * per_day)
        hi = max(lo, min(steps - length, start + window_days * per_day))
        source = lo + per_day * int(rng.integers(0, (hi - lo) // per_day + 1))
        rows[start:start + length] = np.arange(source, source + length)
    out = frame.iloc[rows].copy()
    out.index = index
    return out
