"""Hourly zonal prices Pz: a built-in NORD model that needs no download, and a file reader.

Built-in model
--------------
Monthly levels are the published monthly PUN (from 2025 the PUN Index GME) in €/MWh
(``MILAN_FIGURES.md`` §4.1; 2026 January-April from ``CER_RULES.md`` §5.2), times
:data:`NORD_TO_PUN` for the NORD zone. A month with no published figure takes the same month of the
latest year that has one [U: an assumption, not a forecast]. Within each month an hourly shape
reproduces the published band pattern (§4.3): cheap nights (F3), a morning ramp, a midday solar dip
from spring to autumn (daytime dearer in winter), the evening maximum at about 20 h, and cheaper
daytime on Sundays and holidays. A seeded day-to-day level (AR(1)) and hourly noise add
variability, and each month is finally rescaled so that its hour-weighted mean equals its target.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from twin.core.calendar import HOLIDAY, WORKDAY, day_types
from twin.core.random import ar1
from twin.core.time import LOCAL_TZ, TIME_RANGE_YEARS, local_days, to_local
from twin.errors import InputDataError, Text
from weather.errors import found_columns

PUN_MONTHLY_EUR_PER_MWH: dict[int, tuple[float, ...]] = {
    2023: (174.49, 161.07, 136.38, 134.97, 105.73, 105.34, 112.09, 111.89, 115.70, 134.26,
           121.74, 115.46),
    2024: (99.16, 87.63, 88.86, 86.80, 94.88, 103.17, 112.32, 128.44, 117.13, 116.69, 130.92,
           135.06),
    2025: (143.03, 150.36, 120.55, 99.85, 93.58, 111.78, 113.13, 108.79, 109.08, 111.04, 117.1,
           119.0),
    2026: (132.7, 114.4, 143.4, 119.5),
}
"""Monthly PUN / PUN Index GME. [€/MWh] Sources: MILAN_FIGURES.md §4.1 (2023-2025; Dec 2025 is a
month-to-17-Dec value [U]) and CER_RULES.md §5.2 (2026 January-April)."""

LAST_PUBLISHED_YEAR = max(PUN_MONTHLY_EUR_PER_MWH)
"""Escalation applies to the years after this one."""

NORD_TO_PUN = 0.975
"""NORD zonal price as a share of the PUN: the stop-gap of MILAN_FIGURES.md §6 item 3 [U]
(NORD was 2.3-2.5 % below PUN in the weekly examples of §4.2)."""

# Shape parameters (relative to the month's mean), tuned to the F1/F2/F3 ratios of §4.3.
MIDDAY_DIP = (0.0, 0.04, 0.14, 0.24, 0.28, 0.26, 0.22, 0.20, 0.16, 0.08, 0.0, 0.0)
"""Depth of the 13 h solar dip by month. [-]"""
WINTER_WORKDAY_PREMIUM = (0.12, 0.06, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.08, 0.17)
"""Extra level of workday hours 08-19 by month: in winter F1 is the dearest band. [-]"""
DAILY_LEVEL_STD = 0.12
HOURLY_NOISE_STD = 0.05


def monthly_target_eur_per_mwh(year: int, month: int, zone: str = "NORD") -> float:
    """Target monthly mean of the built-in zonal price. [€/MWh]"""
    if zone != "NORD":
        raise InputDataError(Text("the built-in price model covers the NORD zone only, not "
                                  "{zone!r}; give a price file for other zones", zone=zone))
    years = sorted(y for y, months in PUN_MONTHLY_EUR_PER_MWH.items() if len(months) >= month)
    usable = [y for y in years if y <= year] or years
    return PUN_MONTHLY_EUR_PER_MWH[usable[-1]][month - 1] * NORD_TO_PUN


def _bump(hours: np.ndarray, centre: float, width: float) -> np.ndarray:
    gap = (hours - centre + 12.0) % 24.0 - 12.0
    return np.exp(-0.5 * (gap / width) ** 2)


def _plateau(hours: np.ndarray, start: float, end: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(hours - start) / 0.5)) / (1.0 + np.exp(-(end - hours) / 0.5))


def builtin_zonal_price(index: pd.DatetimeIndex, seed: int, zone: str = "NORD",
                        escalation_pct_per_year: float = 0.0) -> pd.Series:
    """Hourly zonal price on an hourly UTC index (interval start). [€/MWh]

    Years after the last published one repeat its months, changed by
    ``escalation_pct_per_year`` per year (a scenario assumption, not a forecast).
    """
    local = to_local(index)
    hours = (local.hour + 0.5).to_numpy()
    month = local.month.to_numpy()
    day_of, days = local_days(index)
    dtype = day_types(days)[day_of]
    workday = (dtype == WORKDAY).astype(float)
    holiday = (dtype == HOLIDAY).astype(float)

    shape = (
        1.0
        - 0.13 * _bump(hours, 3.5, 2.3)
        + (0.06 + 0.14 * workday) * _bump(hours, 8.7, 1.2)
        - np.asarray(MIDDAY_DIP)[month - 1] * _bump(hours, 13.5, 2.4)
        + 0.30 * _bump(hours, 20.0, 1.6)
        - 0.07 * holiday * _bump(hours, 13.0, 4.0)
        + np.asarray(WINTER_WORKDAY_PREMIUM)[month - 1] * workday * _plateau(hours, 8.0, 19.0)
    )
    rng = np.random.default_rng(np.random.SeedSequence([seed, 0x9E1CE]))
    level = np.exp(DAILY_LEVEL_STD * ar1(rng, len(days), 0.7))[day_of]
    noise = 1.0 + HOURLY_NOISE_STD * rng.standard_normal(len(index))
    raw = shape * level * noise

    price = np.empty(len(index))
    ym = (local.year * 100 + local.month).to_numpy()
    for code in np.unique(ym):
        sel = ym == code
        year = int(code // 100)
        target = monthly_target_eur_per_mwh(year, int(code % 100), zone)
        target *= (1 + escalation_pct_per_year / 100) ** max(0, year - LAST_PUBLISHED_YEAR)
        price[sel] = raw[sel] * target / raw[sel].mean()
    return pd.Series(price, index=index, name="zonal_price_eur_per_mwh")


def _read_table(path: Path) -> pd.DataFrame:
    """A CSV with ',' separators, or ';' separators and decimal commas (Italian exports)."""
    try:
        with path.open(encoding="utf-8-sig") as f:
            header = f.readline()
        if ";" in header:
            return pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")
        return pd.read_csv(path, encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputDataError(Text("{path}: price file not found", path=path)) from None
    except pd.errors.EmptyDataError:
        raise InputDataError(Text("{path}: the price file is empty", path=path)) from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise InputDataError(Text("{path}: not a readable CSV file ({error})", path=path,
                                  error=err)) from None


def _times(frame: pd.DataFrame, path: Path) -> tuple[pd.DatetimeIndex, str]:
    """UTC interval starts from one of the supported time layouts, and the layout's name."""
    if "time_utc_start" in frame:
        try:
            return pd.DatetimeIndex(pd.to_datetime(frame["time_utc_start"].astype(str),
                                                   utc=True, format="ISO8601")), "utc"
        except (ValueError, TypeError) as err:
            raise InputDataError(Text("{path}: field 'time_utc_start': expected ISO-8601 UTC "
                                      "times ({error})", path=path, error=err)) from None
    if {"date_local", "time_local_start"} <= set(frame.columns):
        try:
            wall = pd.to_datetime(frame["date_local"].astype(str) + " "
                                  + frame["time_local_start"].astype(str))
            local = pd.DatetimeIndex(wall).tz_localize(LOCAL_TZ, ambiguous="infer",
                                                       nonexistent="raise")
        except (ValueError, TypeError) as err:
            raise InputDataError(Text("{path}: fields 'date_local', 'time_local_start': "
                                      "expected Europe/Rome wall-clock times with DST ({error})",
                                      path=path, error=err)) from None
        return local.tz_convert("UTC"), "local"
    if {"Data", "Ora"} <= set(frame.columns):
        try:
            days = pd.to_datetime(frame["Data"].astype(str), format="%Y%m%d")
            hours = pd.to_numeric(frame["Ora"], errors="raise").astype(int)
        except (ValueError, TypeError) as err:
            raise InputDataError(Text("{path}: fields 'Data' (YYYYMMDD), 'Ora' (1-25): {error}",
                                      path=path, error=err)) from None
        if ((hours < 1) | (hours > 25)).any():
            row = int(np.flatnonzero((hours < 1) | (hours > 25))[0])
            raise InputDataError(Text("{path}: field 'Ora' at line {line}: expected 1-25; "
                                      "found {found}", path=path, line=row + 2,
                                      found=hours.iloc[row]))
        midnight = pd.DatetimeIndex(days).tz_localize(LOCAL_TZ).tz_convert("UTC")
        return midnight + pd.to_timedelta(hours.to_numpy() - 1, unit="h"), "gme"
    raise InputDataError(Text("{path}: no time columns: expected 'time_utc_start' (UTC), "
                              "'date_local' + 'time_local_start' (Europe/Rome) or GME 'Data' + "
                              "'Ora'; {found}", path=path, found=_columns(frame.columns)))


def _columns(columns: object) -> Text:
    """The weather library's note on a file's columns, translatable."""
    note = found_columns(columns)
    if note.startswith("found columns "):
        return Text("found columns {names}", names=note.removeprefix("found columns "))
    return Text("its first line is not a header of named columns (is it the right file?)")


ZONAL_PRICE_BOUNDS_EUR_PER_MWH = (-500.0, 5000.0)
"""Plausible zonal prices: the day-ahead market's harmonised floor (-500) and a ceiling above
its 4,000 EUR/MWh cap, with room for a cap raised after a spike (issue 19's bound). [EUR/MWh]"""


def read_price_csv(
    path: str | Path, column: str, max_gap_h: int = 3
) -> tuple[pd.Series, dict[str, Any]]:
    """Read an hourly (or 15-minute) zonal price file. [€/MWh]

    Three time layouts are recognised: ``time_utc_start`` (ISO 8601, UTC, interval start;
    ENTSO-E style), ``date_local`` + ``time_local_start`` (Europe/Rome wall clock with DST; the
    repeated hour of the October change is told apart by order), and GME's ``Data`` (YYYYMMDD) +
    ``Ora`` (1 = 00:00-01:00 local; 23 or 25 hours on DST days), with ``;`` separators and
    decimal commas. 15-minute prices are averaged to the hour (the GME 60-minute series;
    CER_RULES.md §1.4). Gaps of up to ``max_gap_h`` hours are filled by linear interpolation and
    counted in the metadata (a documented repair); longer gaps are an error.
    """
    path = Path(path)
    frame = _read_table(path)
    if column not in frame:
        raise InputDataError(Text("{path}: column {column!r} is missing ({found})", path=path,
                                  column=column, found=_columns(frame.columns)))
    times, layout = _times(frame, path)
    low_year, high_year = TIME_RANGE_YEARS
    outside_years = (times.year < low_year) | (times.year > high_year)
    if outside_years.any():
        row = int(np.flatnonzero(outside_years)[0])
        raise InputDataError(Text("{path}: line {line}: expected a time in the years "
                                  "{low}-{high}; found {found}", path=path, line=row + 2,
                                  low=low_year, high=high_year, found=times[row]))
    values = pd.to_numeric(frame[column], errors="coerce")
    bad_text = values.isna() & frame[column].notna()
    if bad_text.any():
        row = int(np.flatnonzero(bad_text)[0])
        raise InputDataError(Text("{path}: field {column!r} at line {line}: expected a "
                                  "number; found {found!r}", path=path, column=column,
                                  line=row + 2, found=frame[column].iloc[row]))
    low, high = ZONAL_PRICE_BOUNDS_EUR_PER_MWH
    outside = ~np.isfinite(values) & values.notna() | (values < low) | (values > high)
    if outside.any():
        row = int(np.flatnonzero(outside)[0])
        raise InputDataError(Text("{path}: field {column!r} at line {line}: expected a price "
                                  "from {low:g} to {high:g} EUR/MWh (the GME market's bounds); "
                                  "found {found}", path=path, column=column, line=row + 2,
                                  low=low, high=high, found=frame[column].iloc[row]))
    series = pd.Series(values.to_numpy(), index=times.rename("time"), name=column)
    if series.index.duplicated().any():
        dup = series.index[series.index.duplicated()][0]
        raise InputDataError(Text("{path}: duplicate time {time} (UTC)", path=path, time=dup))
    series = series.sort_index().resample("1h").mean()
    missing = series.isna()
    if missing.any():
        runs = missing.ne(missing.shift()).cumsum()[missing]
        longest = int(runs.value_counts().max())
        if longest > max_gap_h:
            first = series.index[missing][0]
            raise InputDataError(Text("{path}: field {column!r}: {longest} consecutive hours "
                                      "missing (first at {first}); at most {max_gap} are filled",
                                      path=path, column=column, longest=longest, first=first,
                                      max_gap=max_gap_h))
        series = series.interpolate(limit_area="inside")
    meta = {"source": f"csv:{path.name}", "column": column, "filled_hours": int(missing.sum()),
            "interval": "start", "time_layout": layout}
    return series.rename("zonal_price_eur_per_mwh"), meta


def align_prices(series: pd.Series, index: pd.DatetimeIndex, source: str) -> pd.Series:
    """Prices on an hourly UTC index; an error names the first hour the file does not cover."""
    aligned = series.reindex(index)
    if aligned.isna().any():
        first = index[aligned.isna().to_numpy()][0]
        raise InputDataError(Text("{source}: no price for {first} (the file covers {start} "
                                  "to {end})", source=source, first=first,
                                  start=series.index.min(), end=series.index.max()))
    return aligned
