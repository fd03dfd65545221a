"""Measured meter data as Italian distributors export it, validated and put on the UTC grid.

Two layouts, semicolon-separated with decimal commas (dates ``dd/mm/yyyy`` or ``yyyy-mm-dd``,
local Europe/Rome days):

* one row per day: ``POD;Data;1;2;…;24`` (hourly) or ``POD;Data;1;…;96`` (quarter-hours), with
  a 25th hour (97th-100th quarter) on the day clocks go back and an empty last hour (quarters
  93-96) on the day they go forward: the k-th value is the k-th interval of the day as lived;
* one row per interval: ``POD;Data;Ora;<value>`` (Ora 1-25) or ``POD;Data;Quarto;<value>``
  (1-100).

Values are energy per interval in kWh; a column ``Unita`` (or a value column named ``kWh`` /
``Wh``) may declare the unit: kWh and Wh are accepted, anything else is an error. Every problem
names the file, the line and the field; nothing is returned from a file with a problem.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from twin.core.time import local_midnight_utc
from twin.errors import InputDataError

POD_PATTERN = re.compile(r"^IT\d{3}E\d{8}[A-Z0-9]?$")
"""Italian point of delivery: 'IT', distributor code (3 digits), 'E', 8 digits (+ check)."""

UNITS = {"kwh": 1.0, "wh": 0.001}


@dataclass(frozen=True)
class MeterSeries:
    """A validated meter series: energy per interval, UTC index labelled by interval start."""

    pod: str
    step: str  # "1h" or "15min"
    energy_kwh: pd.Series
    sha256: str
    source_name: str

    @property
    def start_utc(self) -> dt.datetime:
        return self.energy_kwh.index[0].to_pydatetime()

    @property
    def end_utc(self) -> dt.datetime:
        step = pd.Timedelta(self.step)
        return (self.energy_kwh.index[-1] + step).to_pydatetime()


def _intervals_in(day: dt.date, per_hour: int) -> int:
    start = local_midnight_utc(day)
    end = local_midnight_utc(day + dt.timedelta(days=1))
    return round((end - start).total_seconds() / 3600) * per_hour


def _date(text: str, where: str) -> dt.date:
    text = str(text).strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InputDataError(f"{where}: expected a date (dd/mm/yyyy); found {text!r}")


def _number(text: str, where: str) -> float:
    try:
        value = float(str(text).strip().replace(".", "").replace(",", ".")) \
            if "," in str(text) else float(str(text).strip())
    except ValueError:
        raise InputDataError(f"{where}: expected a number of kWh; found {text!r}") from None
    if not np.isfinite(value):
        raise InputDataError(f"{where}: expected a number of kWh; found {text!r}")
    if value < 0:
        raise InputDataError(f"{where}: expected energy ≥ 0; found {value:g}")
    return value


@dataclass(frozen=True)
class _Table:
    """A meter export read as text cells, with its key columns found."""

    name: str
    frame: pd.DataFrame
    lower: dict[str, str]
    pod_col: str
    date_col: str
    unit_col: str | None

    def where(self, row: int, column: str | None = None) -> str:
        return f"{self.name}: line {row + 2}" + (f", field '{column}'" if column else "")

    def day(self, row: int) -> dt.date:
        return _date(self.frame[self.date_col].iloc[row], self.where(row, "Data"))

    def unit_factor(self, row: int, header: str | None = None) -> float:
        """kWh per unit of the row (its unit column, the value column's header, or kWh)."""
        unit = header or (self.frame[self.unit_col].iloc[row] if self.unit_col else "kWh")
        factor = UNITS.get(str(unit).strip().lower())
        if factor is None:
            raise InputDataError(f"{self.where(row, self.unit_col or 'unit')}: expected kWh or "
                                 f"Wh; found {unit!r}")
        return factor


def _read_table(data: bytes, name: str) -> _Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    try:
        frame = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    except pd.errors.ParserError as err:
        raise InputDataError(f"{name}: not a semicolon-separated file ({err})") from None
    frame.columns = [str(c).strip() for c in frame.columns]
    lower = {c.lower(): c for c in frame.columns}
    if "pod" not in lower or "data" not in lower:
        raise InputDataError(f"{name}: expected columns 'POD' and 'Data'; found "
                             f"{list(frame.columns)}")
    unit_col = lower.get("unita") or lower.get("unità") or lower.get("unit")
    return _Table(name, frame, lower, lower["pod"], lower["data"], unit_col)


def _the_pod(table: _Table) -> str:
    """The one POD of the file, each checked against the POD pattern."""
    pods = table.frame[table.pod_col].str.strip()
    for i, pod in enumerate(pods):
        if not POD_PATTERN.match(pod):
            raise InputDataError(f"{table.where(i, 'POD')}: expected a POD such as "
                                 f"IT001E12345678; found {pod!r}")
    if pods.nunique() != 1:
        other = int(np.flatnonzero(pods != pods.iloc[0])[0])
        raise InputDataError(f"{table.where(other, 'POD')}: one POD per file expected "
                             f"({pods.iloc[0]}); found {pods.iloc[other]!r}")
    return str(pods.iloc[0])


def _interval_rows(table: _Table) -> tuple[dict[pd.Timestamp, float], int]:
    """Values of a file with one row per interval (``Ora`` 1-25 or ``Quarto`` 1-100)."""
    lower, frame = table.lower, table.frame
    index_col = lower.get("ora") or lower["quarto"]
    per_hour = 1 if "ora" in lower else 4
    value_cols = [c for c in frame.columns
                  if c not in (table.pod_col, table.date_col, index_col, table.unit_col)]
    if len(value_cols) != 1:
        raise InputDataError(f"{table.name}: expected one value column beside POD, Data and "
                             f"{index_col}; found {value_cols}")
    value_col = value_cols[0]
    header_unit = value_col if value_col.lower() in UNITS else None
    values: dict[pd.Timestamp, float] = {}
    counts: dict[dt.date, int] = {}
    for i in range(len(frame)):
        day = table.day(i)
        where = table.where(i, index_col)
        try:
            k = int(frame[index_col].iloc[i])
        except ValueError:
            raise InputDataError(f"{where}: expected an integer; found "
                                 f"{frame[index_col].iloc[i]!r}") from None
        limit = _intervals_in(day, per_hour)
        if not 1 <= k <= limit:
            raise InputDataError(f"{where}: expected 1 to {limit} on {day}; found {k}")
        stamp = local_midnight_utc(day) + pd.Timedelta(minutes=(k - 1) * 60 // per_hour)
        if stamp in values:
            raise InputDataError(f"{where}: interval {k} of {day} appears twice")
        values[stamp] = _number(frame[value_col].iloc[i], table.where(i, value_col)) * \
            table.unit_factor(i, header_unit)
        counts[day] = counts.get(day, 0) + 1
    for day, n in counts.items():
        if n != _intervals_in(day, per_hour):
            raise InputDataError(f"{table.name}: {day} has {n} intervals; expected "
                                 f"{_intervals_in(day, per_hour)} (missing intervals)")
    return values, per_hour


def _daily_rows(table: _Table) -> tuple[dict[pd.Timestamp, float], int]:
    """Values of a file with one row per day (columns 1-24 or 1-96, 23/25 and 92/100 on DST
    days)."""
    frame = table.frame
    numbered = sorted((c for c in frame.columns if c.isdigit()), key=int)
    if len(numbered) not in (23, 24, 25, 92, 96, 100):
        raise InputDataError(f"{table.name}: expected columns 1-24 (hours) or 1-96 (quarters) "
                             f"after POD and Data; found {len(numbered)} numbered columns")
    per_hour = 1 if len(numbered) <= 25 else 4
    values: dict[pd.Timestamp, float] = {}
    seen: set[dt.date] = set()
    for i in range(len(frame)):
        day = table.day(i)
        if day in seen:
            raise InputDataError(f"{table.where(i, 'Data')}: {day} appears twice")
        seen.add(day)
        expected = _intervals_in(day, per_hour)
        factor = table.unit_factor(i)
        for k, col in enumerate(numbered, start=1):
            cell = str(frame[col].iloc[i]).strip()
            if k > expected:
                if cell:
                    raise InputDataError(f"{table.where(i, col)}: {day} has {expected} "
                                         "intervals; found a value beyond them")
                continue
            if not cell:
                raise InputDataError(f"{table.where(i, col)}: value missing (interval {k} of "
                                     f"{expected} on {day})")
            stamp = local_midnight_utc(day) + pd.Timedelta(minutes=(k - 1) * 60 // per_hour)
            values[stamp] = _number(cell, table.where(i, col)) * factor
        if expected > len(numbered):
            raise InputDataError(f"{table.where(i)}: {day} has {expected} intervals; the file "
                                 f"has columns for {len(numbered)}")
    return values, per_hour


def parse_meter_file(data: bytes, name: str) -> MeterSeries:
    """Validate and parse a meter export (see the module docstring)."""
    digest = hashlib.sha256(data).hexdigest()
    table = _read_table(data, name)
    pod = _the_pod(table)
    if "ora" in table.lower or "quarto" in table.lower:
        values, per_hour = _interval_rows(table)
    else:
        values, per_hour = _daily_rows(table)
    if not values:
        raise InputDataError(f"{name}: no data rows")
    series = pd.Series(values).sort_index()
    series.index = pd.DatetimeIndex(series.index).rename("time")
    step = "1h" if per_hour == 1 else "15min"
    expected_index = pd.date_range(series.index[0], series.index[-1], freq=step)
    if len(expected_index) != len(series):
        missing = expected_index.difference(series.index)
        raise InputDataError(f"{name}: {len(missing)} interval(s) missing between the first and "
                             f"last day (first at {missing[0]} UTC): whole days expected")
    return MeterSeries(pod, step, series.rename("energy_kwh"), digest, name)


def read_meter_file(path: str | Path) -> tuple[MeterSeries, bytes]:
    """Read and validate a meter file; returns the series and the file's bytes (for storing)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputDataError(f"{path}: meter file not found") from None
    return parse_meter_file(data, str(path)), data


def on_grid(series: MeterSeries, index: pd.DatetimeIndex) -> tuple[np.ndarray, np.ndarray]:
    """Measured energy per simulation step, and which steps it covers. [kWh], bool

    Hourly data on a 15-minute grid is spread evenly over the hour's quarters; 15-minute data on
    an hourly grid is summed into hours.
    """
    step_h = pd.Timedelta(index.freq).total_seconds() / 3600
    data = series.energy_kwh
    if series.step == "15min" and step_h == 1.0:
        data = data.resample("1h").sum(min_count=4)
    hours = index.floor("h") if series.step == "1h" and step_h < 1.0 else index
    values = data.reindex(hours).to_numpy(dtype=float)
    if series.step == "1h" and step_h < 1.0:
        values = values * step_h
    covered = np.isfinite(values)
    return np.where(covered, values, 0.0), covered
