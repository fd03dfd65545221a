"""Monte Carlo over weather years: the same community under many seeded weather years."""

from __future__ import annotations

import pandas as pd

from twin.core.progress import Progress
from twin.sim.results import COMPARED_METRICS as METRICS
from twin.sim.run import Simulation


def weather_monte_carlo(sim: Simulation, runs: int, first_seed: int | None = None,
                        progress: Progress | None = None
                        ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run ``sim`` under ``runs`` weather seeds; loads, prices and events stay as they are.

    Returns ``(per_run, percentiles)``: the community's figures for each weather seed, and their
    P10, P50 and P90 (P90: exceeded in 10 % of the years).
    """
    weather = sim.spec.settings.weather
    if weather.source != "builtin":
        raise ValueError("Monte Carlo over weather years needs the built-in weather generator")
    start = first_seed if first_seed is not None else (
        weather.seed if weather.seed is not None else sim.spec.settings.simulation.seed)
    rows = []
    for k in range(runs):
        seed = start + k
        result = Simulation(sim.spec.with_weather_seed(seed)).run()
        row = result.summary.loc["community", METRICS].to_dict()
        rows.append({"weather_seed": seed, **row})
        if progress:
            progress("weather years", k + 1, runs)
    per_run = pd.DataFrame(rows).set_index("weather_seed")
    percentiles = pd.DataFrame({f"P{p}": per_run.quantile(p / 100) for p in (10, 50, 90)}).T
    percentiles.index.name = "percentile"
    return per_run, percentiles
