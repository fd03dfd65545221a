"""Monte Carlo over weather years: the same community under many seeded weather years.

Each seed is a weather year of the built-in generator; with a weather file, a year drawn from
the file by a seeded block bootstrap of its days (:mod:`weather.bootstrap`: a lower bound of
the interannual spread, since it only reshuffles the file's own year).

P-values follow the energy industry's convention: **P90 is the value exceeded in 90 % of the
years** (the prudent figure a budget uses), P50 the median, P10 the value exceeded in only 10 %
(the optimistic one). So P90 is the 10th percentile of the draws and P10 the 90th.
"""

from __future__ import annotations

import pandas as pd

from twin.core.progress import Progress
from twin.sim.results import COMPARED_METRICS
from twin.sim.run import RunResult, Simulation

METRICS = [*COMPARED_METRICS, "npv_eur", "ghi_kwh_per_m2"]
"""Figures drawn per weather year, per configuration and for the community (with the weather
year's global horizontal irradiation, a year's worth [kWh/m²])."""

EXCEEDANCE = {"P90": 0.90, "P50": 0.50, "P10": 0.10}
"""P-value → probability that a year exceeds it."""


def p_values(samples: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """P90, P50 and P10 of each column: the values exceeded with probability 90 %, 50 %, 10 %
    (the 10th, 50th and 90th percentiles). Rows in that order, prudent first."""
    frame = samples.to_frame() if isinstance(samples, pd.Series) else samples
    out = pd.DataFrame({name: frame.quantile(1.0 - p) for name, p in EXCEEDANCE.items()}).T
    out.index.name = "p_value"
    return out


def _figures(result: RunResult) -> pd.DataFrame:
    """The metrics of one run, per configuration and for the community."""
    table = result.summary[COMPARED_METRICS].copy()
    finance = result.finance()
    plants = finance.drop(index="community")
    table["npv_eur"] = plants.groupby("configuration")["npv_eur"].sum().reindex(
        table.index, fill_value=0.0)
    table.loc["community", "npv_eur"] = finance.loc["community", "npv_eur"]
    table["ghi_kwh_per_m2"] = result.dataset.attrs["ghi_kwh_per_m2_per_year"]
    return table


def weather_monte_carlo(sim: Simulation, runs: int, first_seed: int | None = None,
                        progress: Progress | None = None, years: int | None = None,
                        ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run ``sim`` under ``runs`` weather seeds; loads, prices and events stay as they are.

    With ``years`` each path simulates that many years (a new weather year each year, from its
    own seed). Returns ``(per_run, p)``: per weather seed and configuration (and
    ``"community"``) the figures of :data:`METRICS`; and per configuration their P90, P50 and
    P10 (:func:`p_values`).
    """
    weather = sim.spec.settings.weather
    start = first_seed if first_seed is not None else (
        weather.seed if weather.seed is not None else sim.spec.settings.simulation.seed)
    frames, plants = [], {}
    for k in range(runs):
        seed = start + k
        result = Simulation(sim.spec.with_weather_seed(seed)).run(years=years)
        frames.append(_figures(result).assign(weather_seed=seed))
        plants[seed] = result.finance()["npv_eur"].drop(index="community")
        if progress:
            progress("weather years", k + 1, runs)
    per_run = pd.concat(frames).reset_index().set_index(["weather_seed", "configuration"])
    p = per_run.groupby(level="configuration", sort=False).apply(p_values)
    per_run = per_run.sort_index()
    plant_npv = pd.DataFrame(plants).T.rename_axis(index="weather_seed", columns="plant")
    per_run.attrs["plant_npv_eur"] = plant_npv
    p.attrs["plant_npv_eur"] = p_values(plant_npv)
    return per_run, p
