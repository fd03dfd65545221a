"""Is a weather file's irradiance where the sun is? A check of its time labels by month.

Over a month, the irradiance-weighted centre of the day's intervals falls at solar noon (within
a few minutes: clouds average out); a file whose hours are labelled half an hour off, or in a
time convention other than the one declared, shows it month by month. The Milano-Linate TMYx
2004-2018 is within +0.02 to +0.12 h in every month; the 2009-2023 file, stitched from ISD and
ERA5 months, is about +0.5 h in six months and -0.5 h in the other six (shared/data README §1b).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pvlib

TIMING_TOLERANCE_H = 0.25
"""A month whose irradiance centre is further than this from solar noon is reported. [h]"""


def timing_offsets_h(data: pd.DataFrame, longitude: float) -> pd.Series:
    """Irradiance-weighted centre of each calendar month's intervals minus solar noon, from GHI
    (UTC index, interval start, regular step). [h], indexed by month 1-12 (months with no sun
    are left out)."""
    index = pd.DatetimeIndex(data.index)
    if len(index) < 2:
        return pd.Series(dtype=float, index=pd.Index([], name="month"))
    step_h = (index[1] - index[0]).total_seconds() / 3600.0
    mid = index + pd.Timedelta(hours=step_h / 2)
    hour_utc = (mid.hour + mid.minute / 60.0 + mid.second / 3600.0).to_numpy()
    doy = mid.dayofyear.to_numpy()
    noon_utc = 12.0 - longitude / 15.0 - pvlib.solarposition.equation_of_time_spencer71(doy) / 60
    ghi = data["ghi"].to_numpy(dtype=float)
    month = mid.month.to_numpy()
    weight = np.bincount(month, weights=ghi, minlength=13)
    moment = np.bincount(month, weights=ghi * (hour_utc - noon_utc), minlength=13)
    sunny = np.flatnonzero(weight > 0)
    sunny = sunny[sunny > 0]
    return pd.Series(moment[sunny] / weight[sunny], index=pd.Index(sunny, name="month"))


def timing_warning(offsets_h: pd.Series, source: str) -> str | None:
    """A sentence naming the months whose irradiance is off solar noon by more than
    :data:`TIMING_TOLERANCE_H`, or None."""
    off = offsets_h[offsets_h.abs() > TIMING_TOLERANCE_H]
    if off.empty:
        return None
    months = ", ".join(f"{pd.Timestamp(2000, m, 1):%b} {v:+.2f} h" for m, v in off.items())
    return (f"{source}: the irradiance is off solar noon by more than {TIMING_TOLERANCE_H} h in "
            f"{len(off)} month(s) ({months}): its hours are mislabelled there, so hourly shared "
            "energy is shifted (monthly and annual totals are unaffected)")
