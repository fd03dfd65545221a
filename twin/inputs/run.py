"""The exogenous inputs of one run on its time grid: weather and hourly zonal prices."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from twin.core.time import time_index
from twin.inputs.prices import align_prices, builtin_zonal_price, read_price_csv
from twin.inputs.weather import load_weather
from twin.scenario import RunSettings


@dataclass(frozen=True)
class Inputs:
    """Exogenous inputs of a run, on the simulation grid."""

    index: pd.DatetimeIndex
    """Simulation steps (UTC, interval start)."""
    hourly: pd.DatetimeIndex
    """Hours of the period (UTC, interval start): the grid of the rules."""
    weather: pd.DataFrame
    weather_meta: dict
    price_eur_per_mwh: pd.Series
    """Hourly zonal price on ``hourly``. [€/MWh]"""
    price_meta: dict


def load_inputs(settings: RunSettings, market_zone: str) -> Inputs:
    """Weather and prices for a run, from the built-in models or the files its settings name
    (absolute paths: a run's settings are resolved against the scenario file when it is read)."""
    sim = settings.simulation
    index = time_index(sim.start, sim.end, sim.time_step)
    hourly = time_index(sim.start, sim.end, "1h")
    weather_seed = settings.weather.seed if settings.weather.seed is not None else sim.seed
    weather, weather_meta = load_weather(settings.weather, index, weather_seed)
    if settings.prices.source == "builtin":
        price = builtin_zonal_price(hourly, sim.seed, market_zone,
                                    settings.prices.escalation_pct_per_year)
        price_meta = {"source": f"builtin-{market_zone} (seed {sim.seed})"}
    else:
        path = Path(str(settings.prices.path))
        series, price_meta = read_price_csv(path, settings.prices.column or market_zone)
        price = align_prices(series, hourly, str(path))
    return Inputs(index, hourly, weather, weather_meta, price, price_meta)
