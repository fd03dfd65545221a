"""EnergyPlus weather (EPW) files, read with pvlib and checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pvlib

from weather.errors import WeatherDataError
from weather.timing import timing_offsets_h, timing_warning

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
    check_units(data, source)


MIN_PEAK_GHI_W_PER_M2 = 20.0
"""A file whose highest GHI over more than a day stays below this holds kW/m² (or no sun at
all), not W/m²."""
SUN_MARGIN_W_PER_M2 = 50.0
"""Slack of the extraterrestrial check for an hour's mean near sunrise and sunset. [W/m²]"""
GROSS_EXCESS_W_PER_M2 = 100.0
"""An hour this far beyond what the sun allows is a wrong time zone or label, not a slightly
mislabelled hour at dawn or dusk. [W/m²]"""
FEW_HOURS_BEYOND = 24
"""Up to this many hours slightly beyond the sun's limit are reported, not refused: a file
whose months are labelled half an hour off (the Milano-Linate TMYx 2009-2023 has 15 such hours)
is still good for monthly and annual energy. [h]"""


def check_units(data: pd.DataFrame, source: str) -> None:
    """Refuse irradiance that is plausible only in kW/m² (issue 19: a file in kW/m² ran)."""
    if len(data) > 48 and float(data["ghi"].max()) < MIN_PEAK_GHI_W_PER_M2:
        raise WeatherDataError(f"{source}: field 'ghi': expected W/m² (a sunny hour reaches "
                               f"several hundred); found at most {float(data['ghi'].max()):g} "
                               "(kW/m²?)")


def check_against_sun(data: pd.DataFrame, latitude: float, longitude: float,
                      source: str) -> str | None:
    """GHI may not exceed 1.1 x the extraterrestrial irradiance on the horizontal at the site
    (+ a margin for an hour's mean at sunrise): beyond it, the time labels or the time zone are
    wrong (a file labelled in another zone has its noon sun at night). Refused when any hour is
    grossly beyond (:data:`GROSS_EXCESS_W_PER_M2`) or more than :data:`FEW_HOURS_BEYOND` are;
    a few hours slightly beyond come back as a warning."""
    step = (data.index[1] - data.index[0]) if len(data) > 1 else pd.Timedelta(hours=1)
    mid = data.index + step / 2
    zenith = pvlib.solarposition.get_solarposition(mid, latitude, longitude)["zenith"]
    cos_z = np.clip(np.cos(np.radians(zenith.to_numpy())), 0.0, None)
    limit = 1.1 * pvlib.irradiance.get_extra_radiation(mid).to_numpy() * cos_z
    excess = data["ghi"].to_numpy() - (limit + SUN_MARGIN_W_PER_M2)
    bad = excess > 0
    if not bad.any():
        return None
    i = int(np.argmax(excess))
    where = (f"{source}: field 'ghi' at {data.index[i]} UTC: {float(data['ghi'].iloc[i]):g} "
             f"W/m² while the sun allows at most {limit[i] + SUN_MARGIN_W_PER_M2:.0f} there and "
             f"then ({int(bad.sum())} hour(s) in all)")
    if excess[i] > GROSS_EXCESS_W_PER_M2 or bad.sum() > FEW_HOURS_BEYOND:
        raise WeatherDataError(f"{where}: are the time zone and the time labels right?")
    return f"{where}: a few hours at dawn or dusk are mislabelled"


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
        ``source``, the EPW header fields, ``timing_offset_h_by_month`` (irradiance centre minus
        solar noon, :mod:`weather.timing`) and ``warnings`` (sentences for the user: months
        whose irradiance is more than 0.25 h off solar noon).
    """
    path = Path(path)
    try:
        raw, meta = pvlib.iotools.read_epw(path)
    except FileNotFoundError:
        raise WeatherDataError(f"{path}: weather file not found") from None
    except Exception as err:  # pvlib raises assorted errors on malformed files
        raise WeatherDataError(f"{path}: not a readable EPW file ({err})") from None
    data = raw[CANONICAL].apply(pd.to_numeric, errors="coerce")
    text = (data.isna() & raw[CANONICAL].notna()).to_numpy()
    if text.any():
        row, col = (int(v[0]) for v in np.nonzero(text))
        raise WeatherDataError(f"{path}: field {CANONICAL[col]!r} at line {row + 9}: expected a "
                               f"number; found {raw[CANONICAL[col]].iloc[row]!r}")
    if len(data) < 2:
        raise WeatherDataError(f"{path}: expected hourly data rows after the 8 header lines; "
                               f"found {len(data)}")
    data.index = data.index.tz_convert("UTC")
    data.index.name = "time"
    data, repaired = repair_small_negatives(data, str(path))
    check_weather(data, str(path))
    offset = float(meta["TZ"])
    if abs(offset * 15.0 - float(meta["longitude"])) > 45.0:
        raise WeatherDataError(f"{path}: header field 'TZ': expected the site's UTC offset "
                               f"(about {float(meta['longitude']) / 15:+.0f} h at longitude "
                               f"{float(meta['longitude']):g}); found {offset:+g} h")
    beyond = check_against_sun(data, float(meta["latitude"]), float(meta["longitude"]),
                               str(path))
    offsets = timing_offsets_h(data, float(meta["longitude"]))
    warnings = [w for w in (timing_warning(offsets, str(path)), beyond) if w]
    metadata = dict(meta)
    metadata.update(
        source=f"epw:{path.name}",
        utc_offset_h=float(meta["TZ"]),
        interval="start",
        altitude=float(meta["altitude"]),
        repaired_values=repaired,
        timing_offset_h_by_month={int(m): round(float(v), 3) for m, v in offsets.items()},
        warnings=warnings,
    )
    return data, metadata
