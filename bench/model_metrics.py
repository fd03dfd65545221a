"""Figures of the built-in models that the validation compares with real data, computed the same
way for the model and the reference (used by bench/validate_models.py and the validation tests).

Weather figures take local standard time (UTC+1) days and months, as the EPW files do.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pvlib

STANDARD_TIME = pd.Timedelta(hours=1)
"""Milan's standard time offset (no daylight saving): the EPW's clock."""
SITE = (45.4494, 9.2783)
"""Milano-Linate, where the TMYx was measured. [°N, °E]"""
OVERCAST_KT = 0.3
"""A day whose clearness index is below this is overcast. [-]"""


def _standard(index: pd.DatetimeIndex, step_h: float) -> pd.DatetimeIndex:
    """Interval midpoints on Milan's standard-time clock (naive)."""
    return (index + pd.Timedelta(hours=step_h / 2) + STANDARD_TIME).tz_localize(None)


def _step_h(data: pd.DataFrame) -> float:
    return (data.index[1] - data.index[0]).total_seconds() / 3600.0


def daily_clearness(data: pd.DataFrame) -> pd.Series:
    """Daily GHI over daily extraterrestrial horizontal irradiation, by standard-time day."""
    step_h = _step_h(data)
    mid = pd.DatetimeIndex(data.index) + pd.Timedelta(hours=step_h / 2)
    zenith = pvlib.solarposition.get_solarposition(mid, *SITE)["zenith"].to_numpy()
    h0 = pvlib.irradiance.get_extra_radiation(mid).to_numpy() * np.clip(
        np.cos(np.radians(zenith)), 0.0, None)
    day = _standard(data.index, step_h).normalize()
    ghi = pd.Series(data["ghi"].to_numpy(), index=day).groupby(level=0).sum()
    extra = pd.Series(h0, index=day).groupby(level=0).sum()
    return (ghi / extra)[extra > 0]


def deseasonalised_persistence(kt: pd.Series) -> float:
    """Lag-1 autocorrelation of daily clearness with each month's mean removed."""
    month = kt.index.to_period("M")
    anomaly = kt - kt.groupby(month).transform("mean")
    return float(np.corrcoef(anomaly.to_numpy()[:-1], anomaly.to_numpy()[1:])[0, 1])


def overcast_share(kt: pd.Series) -> float:
    """Share of days with clearness below :data:`OVERCAST_KT`. [-]"""
    return float((kt < OVERCAST_KT).mean())


def daily_temperature_range_k(data: pd.DataFrame) -> pd.Series:
    """Mean of (daily max - daily min) air temperature by month 1-12 (standard-time days). [K]"""
    t = pd.Series(data["temp_air"].to_numpy(), index=_standard(data.index, _step_h(data)))
    daily = t.groupby(t.index.normalize()).agg(["min", "max"])
    return (daily["max"] - daily["min"]).groupby(daily.index.month).mean()


def _centre_of_three(cycle: np.ndarray, hours: np.ndarray) -> np.ndarray:
    """Circular mean hour of the three lowest values of each row (a flat night is not decided
    by a tenth of a kelvin). [h]"""
    lowest = np.argsort(cycle, axis=1)[:, :3]
    angle = 2 * np.pi * hours[lowest] / 24.0
    mean = np.arctan2(np.sin(angle).mean(axis=1), np.cos(angle).mean(axis=1))
    return (mean * 24.0 / (2 * np.pi)) % 24.0


def extreme_hours_solar(data: pd.DataFrame, longitude: float = SITE[1]) -> pd.DataFrame:
    """Solar time of the daily minimum and maximum temperature by month: the centre of the
    three coldest and of the three warmest hours of the month's mean daily cycle
    (standard-time hours shifted to solar time at ``longitude``, without the equation of
    time's few minutes). [h]"""
    step_h = _step_h(data)
    clock = _standard(data.index, step_h)
    solar_h = (clock.hour + clock.minute / 60.0 + (longitude - 15.0) / 15.0) % 24
    frame = pd.DataFrame({"t": data["temp_air"].to_numpy(), "month": clock.month,
                          "slot": np.round(solar_h / step_h).astype(int) % round(24 / step_h)})
    cycle = frame.groupby(["month", "slot"])["t"].mean().unstack()
    hours = cycle.columns.to_numpy() * step_h
    values = cycle.to_numpy()
    return pd.DataFrame({"tmin_h": _centre_of_three(values, hours),
                         "tmax_h": _centre_of_three(-values, hours)}, index=cycle.index)


def median_hourly_change_k(data: pd.DataFrame, hour: int | None = None) -> float:
    """Median absolute change of air temperature from one hour to the next; with ``hour``,
    only the changes into that standard-time hour (0: across midnight). [K]"""
    t = pd.Series(data["temp_air"].to_numpy(), index=_standard(data.index, _step_h(data)))
    t = t.resample("1h").mean()
    change = t.diff().abs().iloc[1:]
    if hour is not None:
        change = change[change.index.hour == hour]
    return float(change.median())


def diffuse_fraction_by_month(data: pd.DataFrame) -> pd.Series:
    """Monthly DHI over GHI (energy ratio), standard-time months 1-12. [-]"""
    clock = _standard(data.index, _step_h(data))
    frame = pd.DataFrame({"ghi": data["ghi"].to_numpy(), "dhi": data["dhi"].to_numpy()})
    sums = frame.groupby(clock.month).sum()
    return sums["dhi"] / sums["ghi"]
