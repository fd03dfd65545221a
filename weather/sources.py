"""The weather of a run, from its settings: the built-in generator or a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from twin.errors import InputDataError
from twin.scenario import Weather
from weather import align_weather, generate_milan_weather, monthly_targets, read_weather


def load_weather(settings: Weather, index: pd.DatetimeIndex,
                 seed: int) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Weather on the simulation grid, and its metadata (source, site, repairs)."""
    if settings.source == "builtin":
        targets = None
        if settings.calibrate_to:
            data, meta = read_weather("epw", settings.calibrate_to)
            targets = monthly_targets(data, Path(settings.calibrate_to).name)
        weather, meta = generate_milan_weather(index, seed, targets=targets)
        return weather, meta
    if settings.path is None:  # the scenario schema requires it; keep the message anyway
        raise InputDataError(f"weather source {settings.source!r} needs a path")
    options: dict[str, Any] = {}
    if settings.source == "csv":
        options = {"columns": settings.columns, "time_column": settings.time_column,
                   "timezone": settings.timezone, "interval": settings.interval}
    elif settings.source == "netcdf":
        options = {"latitude": settings.latitude, "longitude": settings.longitude}
    data, meta = read_weather(settings.source, settings.path, **options)
    return align_weather(data, meta, index), meta
