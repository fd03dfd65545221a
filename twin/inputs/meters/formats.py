"""Readers of the load-curve exports Italian distributors deliver (../shared/docs/METER_FORMATS.md).

Every reader turns text into energy per interval on the UTC grid (interval start), per quantity:

* ``daily_rows``: ``POD;Data;1;…;24`` (or ``1;…;96``), one row per local day; the k-th value is
  the k-th interval of the day as lived (23/25 hours, 92/100 quarters on DST days); a ``Unita``
  column may give the unit per row;
* ``interval_rows``: ``POD;Data;Ora;<value>`` (Ora 1-25) or ``POD;Data;Quarto;<value>`` (1-100);
  the value column's name may give the unit (``kWh``, ``Wh``, ``MWh``, ``kW``);
* ``edistribuzione``: the e-distribuzione portal's "dettaglio quartorario" (``Giorno;00:00-00:15;
  …;23:45-00:00``, quoted values, trailing ``;``, no POD, kWh). Its DST days are not documented
  (METER_FORMATS §1.1 [U]); read here: a spring day's 02:00-02:45 columns must be blank or zero
  and are dropped; an autumn day with 100 values takes them as lived, with 96 the second 02:00
  hour is missing (reported as a gap);
* ``unareti``: the Unareti/Duereti curve export (``POD;DATA;ORA;FL_ORA_LEGALE;(CONSUMO_)ATTIVA_
  PRELEVATA;ATTIVA_IMMESSA;…;TIPO_DATO``), withdrawal and injection columns of one POD, the DST
  flag (``1``/``+01`` CET, ``2``/``+02`` CEST) per row, ``TIPO_DATO`` ``S`` = estimated; rows
  whose local time does not exist with their flag (the DST placeholders) must be zero and are
  dropped (METER_FORMATS §2.2-2.3);
* ``plain``: interval rows with a time column (``time_utc``: naive UTC; ``time``: ISO 8601 with
  an offset), one value column per quantity (``withdrawal_kwh``, ``injection_kwh``) or one
  ``energy_kwh`` (``,`` or ``;`` separated).

:func:`detect_format` picks the reader from the header. Values are strict numbers (digits with
one decimal comma or point); negatives, NaN and thousands separators are errors naming the file,
line and field.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from twin.core.time import LOCAL_TZ, local_midnight_utc
from twin.errors import InputDataError, Text
from twin.inputs.meters.series import UNITS, to_kwh, unit_in_name, unit_key

FORMATS = ("daily_rows", "interval_rows", "edistribuzione", "unareti", "plain")
UNSPECIFIED = "energy"
"""The quantity of a file with one value per interval and no word of its direction (daily and
interval rows, the e-distribuzione portal file, plain ``energy_kwh``): the import says which."""
NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_ROME = ZoneInfo(LOCAL_TZ)
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


@dataclass
class Column:
    """One quantity's values as read, in file order, with where each came from."""

    stamps_ns: list[int] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    places: list[tuple[int, str]] = field(default_factory=list)
    """(line, field) of each value, for the error naming a repeated interval."""


@dataclass
class Parsed:
    """What a file holds: its POD (if it names one), step, unit and values per quantity."""

    format: str
    pod: str | None
    step: str
    unit: str
    values: dict[str, Column] = field(default_factory=dict)
    """Quantity → UTC interval starts [ns since 1970] and values in ``unit``."""
    estimated: dict[int, bool] = field(default_factory=dict)
    """UTC interval start [ns] → marked estimated by the distributor."""
    notes: list[str] = field(default_factory=list)
    """What the reader repaired or left out, for the person importing (translatable Texts)."""


def number(text: str, where: str) -> float | None:
    """A strict non-negative number (``0,25`` or ``0.25``); ``None`` for a blank cell."""
    cell = str(text).strip().strip('"').strip()
    if not cell:
        return None
    if not NUMBER.match(cell):
        raise InputDataError(Text("{where}: expected a number such as 0,25 (no sign, no thousands "
                                  "separator); found {cell!r}", where=where, cell=cell))
    return float(cell.replace(",", "."))


def parse_date(text: str, where: str) -> dt.date:
    cell = str(text).strip().strip('"')
    day = _date_of(cell)
    if day is None:
        raise InputDataError(Text("{where}: expected a date (dd/mm/yyyy); found {cell!r}",
                                  where=where, cell=cell))
    return day


@functools.lru_cache(maxsize=1024)
def _date_of(cell: str) -> dt.date | None:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%Y%m%d"):
        try:
            return dt.datetime.strptime(cell, fmt).date()
        except ValueError:
            continue
    return None


def intervals_in(day: dt.date, per_hour: int) -> int:
    """Intervals of a local day as lived: 23/24/25 hours × ``per_hour``."""
    span = local_midnight_utc(day + dt.timedelta(days=1)) - local_midnight_utc(day)
    return round(span.total_seconds() / 3600) * per_hour


@functools.lru_cache(maxsize=4096)
def _midnight_ns(day: dt.date) -> int:
    """UTC start of a local day, in nanoseconds since 1970."""
    return int(local_midnight_utc(day).value)


MINUTE_NS = 60 * 10**9


def _stamp(day: dt.date, k: int, per_hour: int) -> int:
    """UTC start of the k-th interval (1-based) of a local day as lived. [ns]"""
    return _midnight_ns(day) + (k - 1) * (60 // per_hour) * MINUTE_NS


def rows(text: str, delimiter: str = ";") -> list[list[str]]:
    """CSV rows with surrounding blanks removed and one trailing empty field dropped."""
    out = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        if row and row[-1].strip() == "" and len(row) > 1:
            row = row[:-1]
        if any(cell.strip() for cell in row):
            out.append([cell.strip() for cell in row])
    return out


class _Put:
    """Collects values; an interval given twice is refused when the file has been read."""

    def __init__(self, parsed: Parsed, name: str) -> None:
        self.parsed, self.name = parsed, name

    def __call__(self, quantity: str, stamp_ns: int, value: float | None, line: int,
                 column: str) -> None:
        if value is None:
            return
        bucket = self.parsed.values.setdefault(quantity, Column())
        bucket.stamps_ns.append(stamp_ns)
        bucket.values.append(value)
        bucket.places.append((line, column))


def _refuse_repeats(parsed: Parsed, name: str) -> None:
    """An error naming the first interval that appears twice, if any."""
    for column in parsed.values.values():
        stamps = np.asarray(column.stamps_ns, dtype=np.int64)
        order = np.argsort(stamps, kind="stable")
        repeated = np.flatnonzero(np.diff(stamps[order]) == 0)
        if len(repeated):
            second = int(order[repeated[0] + 1])
            line, field_name = column.places[second]
            when = pd.Timestamp(int(stamps[second]), tz="UTC")
            raise InputDataError(Text("{name}: line {line}, field '{field_name}': the interval "
                                      "starting {when:%Y-%m-%d %H:%M} UTC appears twice",
                                      name=name, line=line, field_name=field_name, when=when))


def resolve_unit(declared: str | None, given: str | None, default: str | None, name: str) -> str:
    """The unit the file declares, else ``--unit``, else the format's own; a ``--unit`` that
    contradicts the file is an error."""
    wanted = unit_key(given, f"{name}: --unit") if given is not None else None
    if declared is not None and wanted is not None and declared != wanted:
        raise InputDataError(Text("{name}: --unit {given} contradicts the file, which says "
                                  "{declared}", name=name, given=given, declared=declared))
    unit = declared or wanted or default
    if unit is None:
        raise InputDataError(Text("{name}: the file does not say its unit; give --unit (kWh, Wh, "
                                  "MWh or kW)", name=name))
    return unit


def read_daily_rows(table: list[list[str]], name: str, unit: str | None) -> Parsed:
    header = table[0]
    lower = [h.lower() for h in header]
    unit_col = next((i for i, h in enumerate(lower) if h in ("unita", "unità", "unit")), None)
    numbered = sorted((i for i, h in enumerate(header) if h.isdigit()),
                      key=lambda i: int(header[i]))
    if len(numbered) not in (23, 24, 25, 92, 96, 100):
        raise InputDataError(Text("{name}: expected columns 1-24 (hours) or 1-96 (quarters) after "
                                  "POD and Data; found {columns} numbered columns",
                                  name=name, columns=len(numbered)))
    per_hour = 1 if len(numbered) <= 25 else 4
    parsed = Parsed("daily_rows", None, "1h" if per_hour == 1 else "15min", "kwh")
    put = _Put(parsed, name)
    pods = set()
    units = set()
    for line, row in enumerate(table[1:], start=2):
        cells = row + [""] * (len(header) - len(row))
        pods.add(cells[lower.index("pod")])
        day = parse_date(cells[lower.index("data")], f"{name}: line {line}, field 'Data'")
        row_unit = cells[unit_col] if unit_col is not None else None
        declared = unit_key(row_unit, f"{name}: line {line}, field '{header[unit_col]}'") \
            if row_unit else None
        units.add(resolve_unit(declared, unit, "kwh", name))
        expected = intervals_in(day, per_hour)
        for k, col in enumerate(numbered, start=1):
            where = f"{name}: line {line}, field '{header[col]}'"
            value = number(cells[col], where)
            if k > expected:
                if value is not None:
                    raise InputDataError(Text("{where}: {day} has {expected} intervals; found a "
                                              "value beyond them", where=where, day=day,
                                              expected=expected))
                continue
            if value is None:
                raise InputDataError(Text("{where}: value missing (interval {k} of {expected} on "
                                          "{day})", where=where, k=k, expected=expected, day=day))
            put(UNSPECIFIED, _stamp(day, k, per_hour), value, line, header[col])
        if expected > len(numbered):
            raise InputDataError(Text("{name}: line {line}: {day} has {expected} intervals; the "
                                      "file has columns for {columns}", name=name, line=line,
                                      day=day, expected=expected, columns=len(numbered)))
    parsed.pod = one_value(pods, name)
    parsed.unit = one_value(units, name, "unit")
    return parsed


def read_interval_rows(table: list[list[str]], name: str, unit: str | None) -> Parsed:
    header = table[0]
    lower = [h.lower() for h in header]
    index_col = lower.index("ora") if "ora" in lower else lower.index("quarto")
    per_hour = 1 if lower[index_col] == "ora" else 4
    skip = {lower.index("pod"), lower.index("data"), index_col}
    unit_col = next((i for i, h in enumerate(lower) if h in ("unita", "unità", "unit")), None)
    value_cols = [i for i in range(len(header)) if i not in skip and i != unit_col]
    if len(value_cols) != 1:
        raise InputDataError(Text("{name}: expected one value column beside POD, Data and "
                                  "{index_column}; found {columns}", name=name,
                                  index_column=header[index_col],
                                  columns=[header[i] for i in value_cols]))
    value_col = value_cols[0]
    parsed = Parsed("interval_rows", None, "1h" if per_hour == 1 else "15min", "kwh")
    put = _Put(parsed, name)
    pods, units = set(), set()
    for line, row in enumerate(table[1:], start=2):
        cells = row + [""] * (len(header) - len(row))
        pods.add(cells[lower.index("pod")])
        day = parse_date(cells[lower.index("data")], f"{name}: line {line}, field 'Data'")
        where = f"{name}: line {line}, field '{header[index_col]}'"
        try:
            k = int(cells[index_col])
        except ValueError:
            raise InputDataError(Text("{where}: expected an integer; found {found!r}",
                                      where=where, found=cells[index_col])) from None
        limit = intervals_in(day, per_hour)
        if not 1 <= k <= limit:
            raise InputDataError(Text("{where}: expected 1 to {limit} on {day}; found {k}",
                                      where=where, limit=limit, day=day, k=k))
        row_unit = cells[unit_col] if unit_col is not None and cells[unit_col] else None
        header_unit = unit_in_name(header[value_col])
        if row_unit:
            header_unit = unit_key(row_unit, f"{name}: line {line}, field '{header[unit_col]}'")
        units.add(resolve_unit(header_unit, unit, "kwh", name))
        value = number(cells[value_col], f"{name}: line {line}, field '{header[value_col]}'")
        put(UNSPECIFIED, _stamp(day, k, per_hour), value, line, header[index_col])
    parsed.pod = one_value(pods, name)
    parsed.unit = one_value(units, name, "unit")
    return parsed


def read_edistribuzione(table: list[list[str]], name: str, unit: str | None) -> Parsed:
    header = table[0]
    slots = header[1:]
    if len(slots) != 96:
        raise InputDataError(Text("{name}: expected 96 quarter-hour columns after 'Giorno'; found "
                                  "{columns}", name=name, columns=len(slots)))
    parsed = Parsed("edistribuzione", None, "15min", resolve_unit(None, unit, "kwh", name))
    put = _Put(parsed, name)
    for line, row in enumerate(table[1:], start=2):
        day = parse_date(row[0], f"{name}: line {line}, field 'Giorno'")
        cells = row[1:]
        lived = intervals_in(day, 4)
        if len(cells) == lived or (len(cells) < 96 and lived == 96):
            for k, cell in enumerate(cells, start=1):
                label = slots[k - 1] if k <= 96 else f"value {k}"
                where = f"{name}: line {line}, field '{label}'"
                put(UNSPECIFIED, _stamp(day, k, 4), number(cell, where), line, label)
            continue
        if len(cells) > 96:
            raise InputDataError(Text("{name}: line {line}: {day} has {lived} quarter hours; "
                                      "found {values} values", name=name, line=line, day=day,
                                      lived=lived, values=len(cells)))
        midnight = dt.datetime.combine(day, dt.time())
        for k, cell in enumerate(cells, start=1):  # the local clock grid of a DST day
            where = f"{name}: line {line}, field '{slots[k - 1]}'"
            value = number(cell, where)
            local = midnight + dt.timedelta(minutes=15 * (k - 1))
            stamp = _local_to_utc(local)
            if stamp is None:  # 02:00-02:45 on the spring day does not exist
                if value:
                    raise InputDataError(Text("{where}: {local:%H:%M} does not exist on {day} "
                                              "(clocks go forward); found {cell!r}", where=where,
                                              local=local, day=day, cell=cell))
                continue
            put(UNSPECIFIED, stamp.value, value, line, slots[k - 1])
        if lived == 100:
            parsed.notes.append(Text("{day}: 96 values for 100 quarter hours; the second 02:00 "
                                     "hour is missing (the model fills it)", day=day))
    return parsed


def _local_to_utc(local: dt.datetime) -> pd.Timestamp | None:
    """UTC of a local wall-clock time (the first one when it repeats); None if it does not
    exist."""
    aware = local.replace(tzinfo=_ROME, fold=0)
    utc = aware.astimezone(dt.UTC)
    if utc.astimezone(_ROME).replace(tzinfo=None) != local:
        return None
    return pd.Timestamp(utc)


PLAIN_TIME = ("time_utc", "time", "timestamp", "datetime")


def read_plain(table: list[list[str]], name: str, unit: str | None) -> Parsed:
    header = table[0]
    lower = [h.lower() for h in header]
    tcol = next(lower.index(t) for t in PLAIN_TIME if t in lower)
    naive_is_utc = lower[tcol] == "time_utc"
    pod_col = lower.index("pod") if "pod" in lower else None
    value_cols = {i: q for i, h in enumerate(lower) for q in ("withdrawal", "injection")
                  if h.startswith(q)}
    if not value_cols:
        value_cols = {i: UNSPECIFIED for i, h in enumerate(lower)
                      if i not in (tcol, pod_col) and (h.startswith("energy") or h in UNITS)}
    if not value_cols:
        raise InputDataError(Text("{name}: expected a value column (withdrawal_kwh, injection_kwh "
                                  "or energy_kwh); found {header}", name=name, header=header))
    header_units = {unit_in_name(header[i]) for i in value_cols}
    if len(header_units) > 1:
        raise InputDataError(Text("{name}: value columns in different units: {header}", name=name,
                                  header=header))
    parsed = Parsed("plain", None, "", resolve_unit(header_units.pop(), unit, None, name))
    put = _Put(parsed, name)
    texts = [(row + [""] * len(header))[tcol] for row in table[1:]]
    try:
        times = pd.to_datetime(pd.Series(texts), format="ISO8601")
    except (ValueError, TypeError) as err:
        raise InputDataError(Text("{name}: field '{field}': expected ISO 8601 times, all "
                                  "with an offset or all in a column named time_utc ({err})",
                                  name=name, field=header[tcol], err=err)) from None
    if times.dt.tz is None:
        if not naive_is_utc:
            raise InputDataError(Text("{name}: field '{field}': expected times with an "
                                      "offset (or a column named time_utc); found {found!r}",
                                      name=name, field=header[tcol], found=texts[0]))
        times = times.dt.tz_localize("UTC")
    stamps = pd.DatetimeIndex(times.dt.tz_convert("UTC")).as_unit("ns").asi8
    pods = set()
    for line, (row, stamp) in enumerate(zip(table[1:], stamps, strict=True), start=2):
        cells = row + [""] * (len(header) - len(row))
        if pod_col is not None:
            pods.add(cells[pod_col])
        for i, quantity in value_cols.items():
            put(quantity, int(stamp), number(cells[i], f"{name}: line {line}, field "
                                                       f"'{header[i]}'"), line, header[i])
    parsed.pod = one_value(pods, name) if pods else None
    unique = np.unique(stamps)
    steps = set(np.diff(unique).tolist())
    quarter, hour = 15 * MINUTE_NS, 60 * MINUTE_NS
    parsed.step = "15min" if quarter in steps else "1h"
    if steps and min(steps) < (quarter if parsed.step == "15min" else hour):
        raise InputDataError(Text("{name}: intervals of 15 minutes or one hour expected",
                                  name=name))
    return parsed


def one_value(values: set[str], name: str, what: str = "POD") -> str:
    values = {v for v in values if v}
    if len(values) != 1:
        raise InputDataError(Text("{name}: one {what} per file expected; found {found}",
                                  name=name, what=what, found=sorted(values)))
    return values.pop()


READERS: dict[str, Callable[[list[list[str]], str, str | None], Parsed]] = {
    # "unareti" is read from the text as columns: see parse_text
    "daily_rows": read_daily_rows,
    "interval_rows": read_interval_rows,
    "edistribuzione": read_edistribuzione,
    "plain": read_plain,
}


def detect_format(header: list[str]) -> str | None:
    """The format whose header this is, or ``None``."""
    lower = [h.strip().strip('"').lower() for h in header]
    if lower and lower[0] == "giorno" and len(lower) > 1 and re.match(r"\d\d:\d\d-", lower[1]):
        return "edistribuzione"
    if {"pod", "data", "ora", "fl_ora_legale"} <= set(lower):
        return "unareti"
    if {"pod", "data"} <= set(lower) and ("ora" in lower or "quarto" in lower):
        return "interval_rows"
    if {"pod", "data"} <= set(lower) and any(h.isdigit() for h in lower):
        return "daily_rows"
    if any(t in lower for t in PLAIN_TIME):
        return "plain"
    return None


def parse_text(text: str, name: str, fmt: str = "auto", unit: str | None = None) -> Parsed:
    """Read an export's text in ``fmt`` (``auto``: detected from the header)."""
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if ";" in first else ","
    header = rows(first, delimiter)
    detected = detect_format(header[0]) if header else None
    if fmt == "auto":
        if detected is None:
            raise InputDataError(Text("{name}: the header does not match a known meter format "
                                      "({formats}); give --format", name=name,
                                      formats=', '.join(FORMATS)))
        fmt = detected
    if fmt not in FORMATS:
        raise InputDataError(Text("{name}: --format: expected auto or one of {formats}; "
                                  "found {fmt!r}", name=name, formats=list(FORMATS), fmt=fmt))
    if detected != fmt:
        raise InputDataError(Text("{name}: the header is not a {fmt} header{looks}", name=name,
                                  fmt=fmt, looks=Text(" (it looks like {detected})",
                                                      detected=detected) if detected else ""))
    try:
        if fmt == "unareti":  # read as columns: a year of quarter hours is 35,040 rows
            from twin.inputs.meters.unareti import read_unareti

            parsed = read_unareti(text, name, unit)
        else:
            table = rows(text, delimiter)
            if len(table) < 2:
                raise InputDataError(Text("{name}: no data rows", name=name))
            parsed = READERS[fmt](table, name, unit)
    except (ValueError, IndexError, KeyError, TypeError) as err:
        if isinstance(err, InputDataError):
            raise
        raise InputDataError(Text("{name}: not a readable {fmt} file ({err})", name=name, fmt=fmt,
                                  err=err)) from None
    parsed.values = {q: v for q, v in parsed.values.items() if v.values}
    if not parsed.values:
        raise InputDataError(Text("{name}: no values", name=name))
    _refuse_repeats(parsed, name)
    return parsed


def to_series(parsed: Parsed) -> dict[str, pd.Series]:
    """Energy per interval [kWh] per quantity, UTC index sorted (the unit applied)."""
    step_h = pd.Timedelta(parsed.step).total_seconds() / 3600.0
    out = {}
    for quantity, column in parsed.values.items():
        stamps = np.asarray(column.stamps_ns, dtype=np.int64)
        order = np.argsort(stamps, kind="stable")
        index = pd.DatetimeIndex(stamps[order], tz="UTC").rename("time").as_unit("s")
        values = to_kwh(np.asarray(column.values, dtype=float)[order], parsed.unit, step_h)
        out[quantity] = pd.Series(values, index=index, name="energy_kwh")
    return out
