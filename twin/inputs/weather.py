"""The weather of a run, from its settings: the built-in generator or a file.

The ``weather`` library raises its own :class:`weather.errors.WeatherDataError`; here, at the
twin's door, it becomes an :class:`~twin.errors.InputDataError` (exit code 2, no traceback).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

import weather
from twin.core.random import seeded_years
from twin.errors import InputDataError, Text
from twin.scenario import Weather
from weather.errors import WeatherDataError


@contextmanager
def _as_input_error() -> Iterator[None]:
    try:
        yield
    except WeatherDataError as err:
        raise InputDataError(str(err)) from None


def read_weather(source: str, path: str, **options: Any) -> tuple[pd.DataFrame, dict[str, Any]]:
    """:func:`weather.read_weather`, with the twin's error type."""
    with _as_input_error():
        return weather.read_weather(source, path, **options)


def align_weather(data: pd.DataFrame, meta: dict[str, Any],
                  index: pd.DatetimeIndex) -> pd.DataFrame:
    """:func:`weather.align_weather`, with the twin's error type."""
    with _as_input_error():
        return weather.align_weather(data, meta, index)


def monthly_targets(path: str) -> pd.DataFrame:
    """Monthly calibration targets of the built-in generator from an EPW file."""
    data, _ = read_weather("epw", path)
    with _as_input_error():
        return weather.monthly_targets(data, Path(path).name)


generate_milan_weather: Callable[..., tuple[pd.DataFrame, dict[str, Any]]] = (
    weather.generate_milan_weather)


def _joined(years: list[tuple[pd.DataFrame, dict[str, Any]]]
            ) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Years of weather end to end, with the first year's metadata."""
    if len(years) == 1:
        return years[0]
    return pd.concat([data for data, _ in years]), years[0][1]


def load_weather(settings: Weather, index: pd.DatetimeIndex,
                 seed: int) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Weather on the simulation grid, and its metadata (source, site, repairs).

    Drawn weather (the built-in generator, a block bootstrap) is drawn year by year of the run,
    each year with its own seed (:func:`~twin.core.random.year_seed`), the first with ``seed``:
    the first year of a long run is the one-year run's (decision 71)."""
    if settings.source == "builtin":
        targets = monthly_targets(settings.calibrate_to) if settings.calibrate_to else None
        years = [generate_milan_weather(index[a:b], year, targets=targets)
                 for a, b, year in seeded_years(index, seed)]
        return _joined(years)
    if settings.path is None:  # the scenario schema requires it; keep the message anyway
        raise InputDataError(Text("weather source {source!r} needs a path",
                                  source=settings.source))
    options: dict[str, Any] = {}
    if settings.source == "csv":
        options = {"columns": settings.columns, "time_column": settings.time_column,
                   "timezone": settings.timezone, "interval": settings.interval}
    elif settings.source == "netcdf":
        options = {"latitude": settings.latitude, "longitude": settings.longitude}
    data, meta = read_weather(settings.source, settings.path, **options)
    aligned = align_weather(data, meta, index)
    if settings.resample == "block_bootstrap":
        with _as_input_error():
            aligned = pd.concat([weather.block_bootstrap(aligned.iloc[a:b], year)
                                 for a, b, year in seeded_years(index, seed)])
        meta = {**meta, "resampled": f"block bootstrap of its days, seed {seed}"}
    return aligned, meta
