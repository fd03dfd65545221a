"""EnergyPlus weather (EPW) files, read with pvlib and checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pvlib

from weather.errors import WeatherDataError

CANONICAL = ["ghi", "dni", "dhi", "temp_air", "wind_speed"]

# Physically possible ranges; EPW marks missing values with 9999 (irradiance) or 99.9 (temp).
_LIMITS = {
    "ghi": (0.0, 1500.0),
    "dni": (0.0, 1400.0),
    "dhi": (0.0, 1000.0),
    "temp_air": (-60.0, 60.0),
    "wind_speed": (0.0, 60.0),
}


def check_weather(data: pd.DataFrame, source: str) -> None:
    """Raise :class:`WeatherDataError` naming the file, column and first bad row of ``data``."""
    for col in CANONICAL:
        if col not in data:
            raise WeatherDataError(f"{source}: column {col!r} is missing")
        values = data[col].to_numpy(dtype=float)
        lo, hi = _LIMITS[col]
        bad = ~np.isfinite(values) | (values < lo) | (values > hi)
        if bad.any():
            i = int(np.argmax(bad))
            raise WeatherDataError(
                f"{source}: field {col!r} at {data.index[i]} (row {i + 1}): expected a value "
                f"in [{lo}, {hi}]; found {float(values[i])!r} "
                f"({int(bad.sum())} bad value(s) in all)"
            )


SMALL_NEGATIVE_W_PER_M2 = -5.0
"""Irradiance between this and 0 is sensor or rounding noise (e.g. PVGIS writes -0.0 at night)
and is set to 0 as a documented repair, counted in the metadata; anything lower is an error."""


def repair_small_negatives(data: pd.DataFrame, source: str) -> tuple[pd.DataFrame, int]:
    """Clip irradiance in [SMALL_NEGATIVE_W_PER_M2, 0) to 0; return the data and the count."""
    data = data.copy()
    repaired = 0
    for col in ("ghi", "dni", "dhi"):
        values = data[col].to_numpy(dtype=float)
        small = (values < 0) & (values >= SMALL_NEGATIVE_W_PER_M2)
        repaired += int(small.sum())
        data[col] = np.where(small, 0.0, values)
    return data, repaired


def read_epw(path: str | Path) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Read an EPW file.

    EPW rows are hour-ending in local standard time (no DST); pvlib labels each row by its
    interval start in the file's fixed UTC offset. We convert to UTC and keep that convention.

    Returns
    -------
    data : DataFrame
        UTC index (interval start), columns ``ghi``, ``dni``, ``dhi`` [W/m²],
        ``temp_air`` [°C], ``wind_speed`` [m/s].
    metadata : dict
        Site (``latitude``, ``longitude``, ``altitude``), ``utc_offset_h``, ``interval`` = "start",
        ``source`` and the EPW header fields.
    """
    path = Path(path)
    try:
        raw, meta = pvlib.iotools.read_epw(path)
    except FileNotFoundError:
        raise WeatherDataError(f"{path}: weather file not found") from None
    except Exception as err:  # pvlib raises assorted errors on malformed files
        raise WeatherDataError(f"{path}: not a readable EPW file ({err})") from None
    data = raw[CANONICAL].astype(float)
    data.index = data.index.tz_convert("UTC")
    data.index.name = "time"
    data, repaired = repair_small_negatives(data, str(path))
    check_weather(data, str(path))
    metadata = dict(meta)
    metadata.update(
        source=f"epw:{path.name}",
        utc_offset_h=float(meta["TZ"]),
        interval="start",
        altitude=float(meta["altitude"]),
        repaired_values=repaired,
    )
    return data, metadata
