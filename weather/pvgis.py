"""PVGIS weather: TMY (CSV, JSON) and hourly time series (CSV, JSON), read with pvlib.

PVGIS times are **UTC**. TMY rows are labelled at the start of each hour; hourly series carry
the minute of the satellite scan (``HH:10``), which we floor to the hour start. The irradiance
time offset PVGIS reports is kept in the metadata.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pvlib

from weather.epw import CANONICAL, check_weather, repair_small_negatives
from weather.errors import WeatherDataError


def _location(meta: Any) -> dict[str, float]:
    """Latitude, longitude and elevation from PVGIS metadata (CSV and JSON variants)."""
    flat: dict[str, Any] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, dict | list):
                    walk(value)
                else:
                    flat[str(key).lower()] = value
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(meta)
    out = {}
    for key, names in {"latitude": ("latitude", "latitude (decimal degrees)"),
                       "longitude": ("longitude", "longitude (decimal degrees)"),
                       "altitude": ("elevation", "elevation (m)")}.items():
        for name in names:
            if name in flat:
                out[key] = float(flat[name])
                break
    return out


def read_pvgis_tmy(path: str | Path) -> tuple[pd.DataFrame, dict[str, Any]]:
    """A PVGIS typical meteorological year (``.csv`` or ``.json``).

    Returns the canonical columns on a UTC index labelled by interval start; the year of each
    row is the year PVGIS picked for that month (use :func:`weather.align_typical_year`).
    """
    path = Path(path)
    try:
        raw, meta = pvlib.iotools.read_pvgis_tmy(path, map_variables=True)
    except FileNotFoundError:
        raise WeatherDataError(f"{path}: weather file not found") from None
    except Exception as err:  # pvlib raises assorted errors on malformed files
        raise WeatherDataError(f"{path}: not a readable PVGIS TMY file ({err})") from None
    missing = [c for c in CANONICAL if c not in raw]
    if missing:
        raise WeatherDataError(f"{path}: PVGIS TMY columns {missing} are missing")
    data = raw[CANONICAL].astype(float)
    data.index = pd.DatetimeIndex(data.index).tz_convert("UTC").rename("time")
    data, repaired = repair_small_negatives(data, str(path))
    check_weather(data, str(path))
    return data, {**_location(meta), "source": f"pvgis-tmy:{path.name}", "utc_offset_h": 0.0,
                  "interval": "start", "repaired_values": repaired}


def read_pvgis_hourly(path: str | Path) -> tuple[pd.DataFrame, dict[str, Any]]:
    """A PVGIS hourly series computed on a **horizontal** plane (slope 0).

    PVGIS gives plane-of-array components; on a horizontal plane the beam and sky-diffuse parts
    are the horizontal ones, so ``ghi = beam + diffuse``, ``dhi = diffuse`` and
    ``dni = beam / cos(zenith)`` (zenith at the hour's midpoint, beam dropped below 87°).
    """
    path = Path(path)
    try:
        raw, meta = pvlib.iotools.read_pvgis_hourly(path, map_variables=True)
    except FileNotFoundError:
        raise WeatherDataError(f"{path}: weather file not found") from None
    except Exception as err:
        raise WeatherDataError(f"{path}: not a readable PVGIS hourly file ({err})") from None
    slope = _slope(meta)
    if slope is None or abs(slope) > 1e-9:
        raise WeatherDataError(f"{path}: expected a series on a horizontal plane (slope 0, PVGIS "
                             f"'angle=0'); found slope {slope}")
    needed = ["poa_direct", "poa_sky_diffuse", "temp_air", "wind_speed"]
    missing = [c for c in needed if c not in raw]
    if missing:
        raise WeatherDataError(f"{path}: PVGIS hourly columns {missing} are missing (download "
                             "with components=1)")
    index = pd.DatetimeIndex(raw.index).tz_convert("UTC").floor("h").rename("time")
    location = _location(meta)
    mid = index + pd.Timedelta(minutes=30)
    zenith = pvlib.solarposition.get_solarposition(
        mid, location.get("latitude", 0.0), location.get("longitude", 0.0))["zenith"].to_numpy()
    beam = raw["poa_direct"].to_numpy(dtype=float)
    diffuse = raw["poa_sky_diffuse"].to_numpy(dtype=float)
    cos_z = np.cos(np.radians(zenith))
    dni = np.where(zenith < 87.0, beam / np.maximum(cos_z, 1e-3), 0.0)
    data = pd.DataFrame({"ghi": beam + diffuse, "dni": dni, "dhi": diffuse,
                         "temp_air": raw["temp_air"].to_numpy(dtype=float),
                         "wind_speed": raw["wind_speed"].to_numpy(dtype=float)}, index=index)
    data, repaired = repair_small_negatives(data, str(path))
    check_weather(data, str(path))
    return data, {**location, "source": f"pvgis-hourly:{path.name}", "utc_offset_h": 0.0,
                  "interval": "start", "repaired_values": repaired}


def _slope(meta: Any) -> float | None:
    """The plane's slope from PVGIS metadata (CSV: 'Slope: 0 deg.'; JSON: mounting system)."""
    if isinstance(meta, dict):
        for key, value in meta.items():
            if str(key).lower().startswith("slope"):
                text = str(value.get("value") if isinstance(value, dict) else value)
                try:
                    return float(text.split()[0])
                except (ValueError, IndexError):
                    return None
            found = _slope(value)
            if found is not None:
                return found
    return None
