"""A measured year as the profile of another period: last year's school data for next year's
what-if.

Each local day of the run takes the measured day of the same kind (workday, Saturday, Sunday or
holiday, Milan's calendar) nearest to it in the calendar, preferring the same weekday: weekdays
align to weekdays, holidays to holidays. Days are copied by local clock slot, so DST is handled on
both sides: a measured 23-hour day lends its 01:00 hour to the missing 02:00 slot, a measured
25-hour day gives the mean of its two 02:00 hours, a run's 23-hour day drops the 02:00 slot and a
25-hour day repeats it. The result is scaled so that its mean power is ``annual_kwh / 8760`` (a
calendar year then holds exactly ``annual_kwh``), by default the measured year's energy.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from twin.core.calendar import day_types
from twin.core.time import interval_hours, local_days, to_local
from twin.errors import InputDataError, Text


def _clock_table(energy: pd.Series, slots_per_hour: int) -> tuple[pd.DatetimeIndex, np.ndarray]:
    """Complete local days of a series and their values by local clock slot, ``(day, slot)``."""
    local = to_local(energy.index)
    slot = (local.hour * slots_per_hour + local.minute * slots_per_hour // 60).to_numpy()
    day = pd.DatetimeIndex(local.normalize().tz_localize(None))
    frame = pd.DataFrame({"day": day, "slot": slot, "kwh": energy.to_numpy()})
    counts = frame.groupby("day")["kwh"].size()
    lived = _lived_slots(pd.DatetimeIndex(counts.index), slots_per_hour)
    whole = counts.index[counts.to_numpy() == lived]
    frame = frame[frame["day"].isin(whole)]
    table = frame.pivot_table(index="day", columns="slot", values="kwh", aggfunc="mean")
    table = table.reindex(columns=range(24 * slots_per_hour))
    # A 23-hour day has no 02:00 slot: it borrows the hour before.
    missing = table.isna()
    if missing.any().any():
        table = table.T.ffill().T
    return pd.DatetimeIndex(table.index), table.to_numpy()


def _lived_slots(days: pd.DatetimeIndex, slots_per_hour: int) -> np.ndarray:
    starts = days.tz_localize("Europe/Rome")
    ends = (days + pd.Timedelta(days=1)).tz_localize("Europe/Rome")
    return np.rint((ends - starts).total_seconds() / 3600).astype(int) * slots_per_hour


def _match_days(targets: pd.DatetimeIndex, sources: pd.DatetimeIndex) -> np.ndarray:
    """For each target day, the position of the source day of the same kind nearest in the
    calendar (circular day of year), the same weekday winning ties within three days."""
    t_kind, s_kind = day_types(targets), day_types(sources)
    t_doy, s_doy = targets.dayofyear.to_numpy(), sources.dayofyear.to_numpy()
    t_wd, s_wd = targets.day_of_week.to_numpy(), sources.day_of_week.to_numpy()
    out = np.empty(len(targets), dtype=int)
    for i in range(len(targets)):
        same = np.flatnonzero(s_kind == t_kind[i])
        if not len(same):
            same = np.arange(len(sources))
        gap = np.abs(s_doy[same] - t_doy[i])
        gap = np.minimum(gap, 365 - gap).astype(float)
        gap += np.where(s_wd[same] == t_wd[i], 0.0, 3.5)  # the same weekday up to 3 days away
        out[i] = same[int(np.argmin(gap))]
    return out


def transfer(energy_kwh: pd.Series, step: str, year: int, index: pd.DatetimeIndex,
             annual_kwh: float | None = None, where: str = "profile") -> np.ndarray:
    """Energy per step of ``index`` [kWh] shaped like the measured local calendar ``year``.

    Parameters
    ----------
    energy_kwh, step : the measured series (UTC, interval start) and its step.
    year : the local calendar year of the measurements to use.
    index : the run's grid (UTC, interval start).
    annual_kwh : energy of a whole year; default: what was measured in ``year``.
    """
    local_year = to_local(energy_kwh.index).year
    measured = energy_kwh[local_year == year]
    if measured.empty:
        raise InputDataError(Text("{where}: no measured values in {year}", where=where, year=year))
    run_step_h = interval_hours(index)
    slots = round(1.0 / run_step_h)
    source_step_h = pd.Timedelta(step).total_seconds() / 3600.0
    if source_step_h > run_step_h:  # hourly data on a 15-minute run: spread over the hour
        k = round(source_step_h / run_step_h)
        offsets = np.tile(np.arange(k), len(measured)) * pd.Timedelta(hours=run_step_h)
        measured = pd.Series(np.repeat(measured.to_numpy() / k, k),
                             index=measured.index.repeat(k) + offsets)
    elif source_step_h < run_step_h:  # quarter hours on an hourly run: summed into hours
        k = round(run_step_h / source_step_h)
        measured = measured.resample("1h").sum(min_count=k).dropna()
    days, table = _clock_table(measured, slots)
    if len(days) < 28:
        raise InputDataError(Text("{where}: {year} has {days} complete measured day(s); at "
                                  "least 28 are needed to stand for another period", where=where,
                                  year=year, days=len(days)))
    day_of, run_days = local_days(index)
    local = to_local(index)
    slot = (local.hour * slots + local.minute * slots // 60).to_numpy()
    chosen = _match_days(pd.DatetimeIndex(run_days.tz_localize(None)), days)
    values = table[chosen[day_of], slot]
    hours_measured = len(measured) * run_step_h
    annual = annual_kwh if annual_kwh is not None else \
        float(measured.sum()) * 8760.0 / hours_measured
    mean_kw = annual / 8760.0
    current = values.sum() / (len(index) * run_step_h)
    return values * (mean_kw / current)
