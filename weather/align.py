"""Put a typical-year weather file on a simulation's time grid."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from weather.errors import WeatherDataError


def _keys(local_standard: pd.DatetimeIndex) -> np.ndarray:
    ls = local_standard
    return (ls.month * 10000 + ls.day * 100 + ls.hour).to_numpy()


def align_typical_year(
    data: pd.DataFrame, metadata: dict[str, Any], index: pd.DatetimeIndex
) -> pd.DataFrame:
    """Weather for every interval of ``index``, looked up by local standard month, day and hour.

    A typical meteorological year (TMY) stands for any year: each simulated hour takes the file's
    values for the same calendar hour in the file's local standard time. 29 February takes
    28 February's values. Sub-hourly steps repeat the hour's mean values.
    """
    offset = pd.Timedelta(hours=metadata.get("utc_offset_h", 0.0))
    src_local = (data.index.tz_convert("UTC").tz_localize(None) + offset)
    src_keys = _keys(pd.DatetimeIndex(src_local))
    lookup = pd.Series(np.arange(len(data)), index=src_keys)
    lookup = lookup[~lookup.index.duplicated(keep="first")]

    target_local = pd.DatetimeIndex(index.tz_convert("UTC").tz_localize(None) + offset)
    target_keys = _keys(target_local)
    leap = (target_local.month == 2) & (target_local.day == 29)
    target_keys = np.where(leap, target_keys - 100, target_keys)  # 29 Feb → 28 Feb
    positions = lookup.reindex(target_keys).to_numpy()
    if np.isnan(positions).any():
        missing = target_local[np.isnan(positions)][0]
        raise WeatherDataError(
            f"{metadata.get('source', 'weather file')}: no data for local standard time "
            f"{missing:%m-%d %H}:00 (the file must cover a whole year)"
        )
    out = data.iloc[positions.astype(int)].copy()
    out.index = index
    return out


def align_weather(data: pd.DataFrame, metadata: dict[str, Any],
                  index: pd.DatetimeIndex) -> pd.DataFrame:
    """Weather for every interval of ``index``: the file's own hours where it covers the whole
    period (sub-hourly steps repeat the hour's means), else the file as a typical year."""
    hours = index.floor("h")
    if hours.isin(data.index).all():
        out = data.reindex(hours)
        out.index = index
        return out
    return align_typical_year(data, metadata, index)
