"""Weather from a generic CSV (declared columns, time zone and interval label) or a NetCDF file
(ERA5-style variable names and units)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pvlib

from weather.epw import CANONICAL, check_weather, repair_small_negatives
from weather.errors import WeatherDataError, found_columns


def read_weather_csv(
    path: str | Path,
    columns: dict[str, str] | None = None,
    time_column: str = "time",
    timezone: str = "UTC",
    interval: str = "start",
    latitude: float | None = None,
    longitude: float | None = None,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """A CSV with one row per interval.

    Parameters
    ----------
    columns : dict
        Canonical name → column in the file, for ``ghi``, ``dni``, ``dhi`` [W/m², mean over the
        interval], ``temp_air`` [°C], ``wind_speed`` [m/s]; default: the canonical names.
    time_column, timezone, interval
        The time column; the time zone of naive times (``"UTC"``, ``"Europe/Rome"`` with DST: the
        repeated October hour is told apart by order; or a fixed offset like ``"+01:00"``);
        whether a time labels the interval's ``"start"`` or ``"end"``.
    """
    path = Path(path)
    columns = {c: c for c in CANONICAL} | (columns or {})
    try:
        frame = pd.read_csv(path)
    except FileNotFoundError:
        raise WeatherDataError(f"{path}: weather file not found") from None
    except pd.errors.EmptyDataError:
        raise WeatherDataError(f"{path}: the weather file is empty") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise WeatherDataError(f"{path}: not a readable CSV file ({err})") from None
    for name in [time_column, *columns.values()]:
        if name not in frame:
            raise WeatherDataError(f"{path}: column {name!r} is missing "
                                   f"({found_columns(frame.columns)})")
    if interval not in ("start", "end"):
        raise WeatherDataError(f"interval: expected 'start' or 'end'; found {interval!r}")
    try:
        times = pd.DatetimeIndex(pd.to_datetime(frame[time_column], format="ISO8601"))
        if times.tz is None:
            if timezone.startswith(("+", "-")):
                times = times.tz_localize(timezone)
            else:
                times = times.tz_localize(timezone, ambiguous="infer", nonexistent="raise")
        times = times.tz_convert("UTC")
    except (ValueError, TypeError) as err:
        raise WeatherDataError(f"{path}: field {time_column!r}: expected times in {timezone} "
                             f"({err})") from None
    if times.has_duplicates:
        raise WeatherDataError(f"{path}: field {time_column!r}: duplicate time "
                             f"{times[times.duplicated()][0]}")
    if interval == "end":
        step = pd.Series(times).diff().median()
        times = times - step
    data = pd.DataFrame({c: pd.to_numeric(frame[src], errors="coerce").to_numpy()
                         for c, src in columns.items()}, index=times.rename("time"))
    data = data.sort_index()
    data, repaired = repair_small_negatives(data, str(path))
    check_weather(data, str(path))
    meta = {"source": f"csv:{path.name}", "interval": "start", "utc_offset_h": 0.0,
            "repaired_values": repaired}
    if latitude is not None and longitude is not None:
        meta |= {"latitude": latitude, "longitude": longitude}
    return data, meta


ERA5_NAMES = {"ssrd": "surface solar radiation downwards [J/m² per hour]",
              "fdir": "direct solar radiation at the surface [J/m² per hour]",
              "t2m": "2 m temperature [K]", "u10": "10 m wind u [m/s]", "v10": "10 m wind v [m/s]"}


def read_netcdf(path: str | Path, latitude: float | None = None,
                longitude: float | None = None) -> tuple[pd.DataFrame, dict[str, Any]]:
    """ERA5-style NetCDF: hourly accumulations ``ssrd`` and ``fdir`` [J/m²], ``t2m`` [K],
    ``u10``/``v10`` [m/s], on ``time`` (or ``valid_time``) and optionally latitude/longitude
    (the nearest grid point is taken).

    ERA5 accumulations are labelled at the **end** of the hour: the result is shifted to the
    interval start. ``ghi = ssrd/3600``, direct horizontal ``= fdir/3600``,
    ``dhi = ghi − direct``, ``dni = direct / cos(zenith)``.
    """
    import xarray as xr

    path = Path(path)
    try:
        ds = xr.open_dataset(path)
    except FileNotFoundError:
        raise WeatherDataError(f"{path}: weather file not found") from None
    except Exception as err:
        raise WeatherDataError(f"{path}: not a readable NetCDF file ({err})") from None
    with ds:
        missing = [v for v in ERA5_NAMES if v not in ds]
        if missing:
            raise WeatherDataError(f"{path}: variables {missing} are missing; expected ERA5 names "
                                 f"{ERA5_NAMES}")
        time_name = "time" if "time" in ds.dims else "valid_time"
        lat_name = next((n for n in ("latitude", "lat") if n in ds.coords), None)
        lon_name = next((n for n in ("longitude", "lon") if n in ds.coords), None)
        if lat_name and ds[lat_name].size > 1:
            if latitude is None or longitude is None:
                raise WeatherDataError(f"{path}: a grid needs the site's latitude and longitude")
            ds = ds.sel({lat_name: latitude, lon_name: longitude}, method="nearest")
        site_lat = float(ds[lat_name].values.ravel()[0]) if lat_name else latitude
        site_lon = float(ds[lon_name].values.ravel()[0]) if lon_name else longitude
        if site_lat is None or site_lon is None:
            raise WeatherDataError(f"{path}: no latitude/longitude in the file or the scenario")
        units = {v: str(ds[v].attrs.get("units", "")) for v in ("ssrd", "fdir", "t2m")}
        frame = {v: np.asarray(ds[v].values, dtype=float).ravel() for v in ERA5_NAMES}
        times = pd.DatetimeIndex(ds[time_name].values)
    if units["t2m"] and units["t2m"] not in ("K", "kelvin"):
        raise WeatherDataError(f"{path}: t2m: expected units K; found {units['t2m']!r}")
    for v in ("ssrd", "fdir"):
        if units[v] and "J" not in units[v]:
            raise WeatherDataError(f"{path}: {v}: expected units J m**-2; found {units[v]!r}")
    start = (times.tz_localize("UTC") if times.tz is None else times.tz_convert("UTC")) - \
        pd.Timedelta(hours=1)
    mid = start + pd.Timedelta(minutes=30)
    zenith = pvlib.solarposition.get_solarposition(mid, site_lat, site_lon)["zenith"].to_numpy()
    ghi = frame["ssrd"] / 3600.0
    direct = np.minimum(frame["fdir"] / 3600.0, ghi)
    dni = np.where(zenith < 87.0, direct / np.maximum(np.cos(np.radians(zenith)), 1e-3), 0.0)
    data = pd.DataFrame({"ghi": ghi, "dni": dni, "dhi": ghi - direct,
                         "temp_air": frame["t2m"] - 273.15,
                         "wind_speed": np.hypot(frame["u10"], frame["v10"])},
                        index=start.rename("time"))
    data, repaired = repair_small_negatives(data, str(path))
    check_weather(data, str(path))
    return data, {"source": f"netcdf:{path.name}", "latitude": site_lat, "longitude": site_lon,
                  "interval": "start", "utc_offset_h": 0.0, "repaired_values": repaired}
