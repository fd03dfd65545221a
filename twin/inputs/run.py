"""The exogenous inputs of one run on its time grid: weather and hourly zonal prices."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from twin.core.random import seeded_years
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
    """Hourly zonal price of the community's market zone on ``hourly``. [€/MWh]"""
    price_meta: dict
    zone_prices: dict[str, pd.Series] = field(default_factory=dict)
    """Hourly zonal price of every other market zone a plant sits in. [€/MWh]"""
    transposition_model: str = "haydavies"
    """Sky-diffuse model of the PV chain (``[simulation] transposition_model``)."""


def _zone_price(settings: RunSettings, hourly: pd.DatetimeIndex, zone: str,
                column: str | None = None) -> tuple[pd.Series, dict]:
    sim = settings.simulation
    if settings.prices.source == "builtin":
        # drawn year by year, as the weather (the first year of a long run is the one-year run's)
        price = pd.concat([builtin_zonal_price(hourly[a:b], year, zone,
                                               settings.prices.escalation_pct_per_year)
                           for a, b, year in seeded_years(hourly, sim.seed)])
        return price, {"source": f"builtin-{zone} (seed {sim.seed})"}
    path = Path(str(settings.prices.path))
    series, meta = read_price_csv(path, column or zone)
    return align_prices(series, hourly, str(path)), meta


def load_inputs(settings: RunSettings, market_zone: str,
                other_zones: Iterable[str] = ()) -> Inputs:
    """Weather and prices for a run, from the built-in models or the files its settings name
    (absolute paths: a run's settings are resolved against the scenario file when it is read).
    ``other_zones``: market zones of plants outside the community's (their own zonal price)."""
    sim = settings.simulation
    index = time_index(sim.start, sim.end, sim.time_step)
    hourly = time_index(sim.start, sim.end, "1h")
    weather_seed = settings.weather.seed if settings.weather.seed is not None else sim.seed
    weather, weather_meta = load_weather(settings.weather, index, weather_seed)
    price, price_meta = _zone_price(settings, hourly, market_zone, settings.prices.column)
    zones = {z: _zone_price(settings, hourly, z)[0] for z in sorted(set(other_zones))
             if z != market_zone}
    return Inputs(index, hourly, weather, weather_meta, price, price_meta, zones,
                  sim.transposition_model)
