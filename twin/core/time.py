"""One clock and one time-zone policy.

* Inside the twin every timestamp is tz-aware UTC and every interval is labelled by its **start**.
* ``Europe/Rome`` appears only where the law needs local time (dates in scenario files, calendar
  years of the GSE settlement, tariff bands, holidays), through the helpers below.
* SimPy time is a float: seconds since the simulation's UTC start. :class:`SimClock` converts both
  ways; nothing else does arithmetic on ``env.now``.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from twin.errors import Text

LOCAL_TZ = "Europe/Rome"
"""Time zone of the Italian rules (delibere ARERA, GSE Regole operative)."""

@functools.lru_cache(maxsize=8192)
def local_midnight_utc(day: dt.date) -> pd.Timestamp:
    """Start of a local (Europe/Rome) calendar day, as a UTC timestamp (memoised: the rules,
    bills and fund ask for the same days again and again; a Timestamp is immutable)."""
    return pd.Timestamp(day).tz_localize(LOCAL_TZ).tz_convert("UTC")


def time_index(start: dt.date, end: dt.date, step: str) -> pd.DatetimeIndex:
    """UTC interval-start labels of local days ``start`` (inclusive) to ``end`` (exclusive)."""
    return pd.date_range(
        local_midnight_utc(start),
        local_midnight_utc(end),
        freq=step,
        inclusive="left",
        name="time",
    )


def to_local(times: pd.DatetimeIndex | np.ndarray) -> pd.DatetimeIndex:
    """Local (Europe/Rome) wall-clock labels of UTC times: a tz-aware index, or the naive UTC
    values of a result Dataset's ``time`` coordinate."""
    index = pd.DatetimeIndex(times)
    if index.tz is None:
        index = index.tz_localize("UTC")
    return index.tz_convert(LOCAL_TZ)


def local_datetime(when: dt.datetime) -> dt.datetime:
    """The local (Europe/Rome) wall-clock time of a tz-aware instant."""
    return when.astimezone(ZoneInfo(LOCAL_TZ))


def local_date(when: dt.datetime) -> dt.date:
    """The local (Europe/Rome) calendar date of a tz-aware instant."""
    return local_datetime(when).date()


def local_days(index: pd.DatetimeIndex) -> tuple[np.ndarray, pd.DatetimeIndex]:
    """Local (Europe/Rome) calendar days of a UTC index.

    Returns the day number of each step (0, 1, … in order) and the local midnight of each day.
    """
    midnights = index.tz_convert(LOCAL_TZ).normalize()
    _, day_of = np.unique(midnights.asi8, return_inverse=True)
    first = np.r_[0, np.flatnonzero(np.diff(day_of)) + 1]
    return day_of, pd.DatetimeIndex(midnights[first])


TIME_RANGE_YEARS = (1990, 2100)
"""Years a date given by a user may fall in (the bounds of a scenario's period)."""


def parse_local_time(value: str | dt.date | dt.datetime) -> dt.datetime:
    """A UTC datetime from a local date (its local midnight), a local date-time, or a date-time
    with an offset. Raises ValueError with what was expected."""
    if isinstance(value, dt.datetime):
        stamp = pd.Timestamp(value)
    elif isinstance(value, dt.date):
        return local_midnight_utc(value).to_pydatetime()
    else:
        try:  # ISO 8601 only: pandas would also take "now", "today" or "-1"
            stamp = pd.Timestamp(dt.datetime.fromisoformat(str(value).strip()))
        except (ValueError, TypeError, OverflowError):
            stamp = pd.NaT
    if pd.isna(stamp) or not TIME_RANGE_YEARS[0] <= stamp.year <= TIME_RANGE_YEARS[1]:
        raise ValueError(Text("expected a date (2026-07-01) or a date-time (2026-07-01T13:00, "
                              "optionally with an offset) in the years {low}-{high}; found "
                              "{value!r}", low=TIME_RANGE_YEARS[0], high=TIME_RANGE_YEARS[1],
                              value=value))
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize(LOCAL_TZ, ambiguous=True, nonexistent="shift_forward")
    return stamp.tz_convert("UTC").to_pydatetime()


def year_spans(index: pd.DatetimeIndex) -> list[tuple[int, int]]:
    """The run's years as step ranges ``[start, end)``: from its first local day to the same
    day a year later, and so on; the last may be shorter. A run of one year (or less) is one
    span.

    Hours of the years of a run from 2026 to mid-2028 (2028 a leap year, its half-year with
    the spring's 23-hour day):

    >>> index = time_index(dt.date(2026, 1, 1), dt.date(2028, 7, 1), "1h")
    >>> [b - a for a, b in year_spans(index)]
    [8760, 8760, 4367]
    """
    if not len(index):
        return []
    first = pd.Timestamp(to_local(index[:1])[0]).normalize()
    spans, start, years = [], 0, 1
    while start < len(index):
        boundary = (first + pd.DateOffset(years=years)).tz_convert("UTC")
        end = int(index.searchsorted(boundary))
        spans.append((start, end))
        start, years = end, years + 1
    return spans


def interval_hours(index: pd.DatetimeIndex) -> float:
    """Length of one interval of a regular index. [h]"""
    if index.freq is None:
        raise ValueError("the time index has no fixed frequency")
    return pd.Timedelta(index.freq).total_seconds() / 3600.0


def power_to_energy_kwh(power_kw: np.ndarray, step_hours: float,
                        out: np.ndarray | None = None) -> np.ndarray:
    """Energy per interval from the mean power over the interval: kW × h = kWh; written in
    ``out`` when given (``power_kw`` itself converts in place).

    This is the only place where power becomes energy (STYLE.md habit 3).
    """
    if out is power_kw and step_hours == 1.0:
        return out  # an hour's mean kW is its kWh already
    return np.multiply(power_kw, step_hours, out=out)


def to_hourly(values: np.ndarray, steps_per_hour: int) -> np.ndarray:
    """Sum energy (or any additive quantity) of sub-hourly steps into hours; axis 0 is time."""
    if steps_per_hour == 1:
        return values
    return values.reshape(-1, steps_per_hour, *values.shape[1:]).sum(axis=1)


@dataclass(frozen=True)
class SimClock:
    """Maps SimPy's float time (seconds since ``start_utc``) to UTC timestamps and back."""

    start_utc: pd.Timestamp

    def to_sim_time(self, when: pd.Timestamp) -> float:
        """Seconds from the simulation start to ``when`` (tz-aware)."""
        return (when - self.start_utc).total_seconds()

    def to_timestamp(self, sim_time: float) -> pd.Timestamp:
        """The UTC timestamp of a SimPy time."""
        return self.start_utc + pd.Timedelta(seconds=sim_time)
