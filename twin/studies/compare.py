"""Compare two runs (two scenarios, or two branches of a store): what changes, where and when."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from twin.core.progress import Progress
from twin.sim.results import COMPARED_METRICS as METRICS
from twin.sim.results import yearly_table
from twin.sim.run import RunResult, Simulation
from twin.sim.spec import RunSpec


@dataclass(frozen=True)
class Comparison:
    """B minus A, per year and configuration, and the hours that differ most."""

    name_a: str
    name_b: str
    by_year: pd.DataFrame
    """Index (year, configuration); columns ``<metric>_a``, ``<metric>_b``, ``<metric>_diff``."""
    hours: pd.DataFrame
    """The hours where the community's shared energy differs most (UTC hour start)."""


def compare(a: RunResult, b: RunResult, name_a: str, name_b: str, top: int = 10) -> Comparison:
    ya, yb = yearly_table(a.dataset), yearly_table(b.dataset)
    joined = ya.add_suffix("_a").join(yb.add_suffix("_b"), how="outer").fillna(0.0)
    for metric in METRICS:
        joined[f"{metric}_diff"] = joined[f"{metric}_b"] - joined[f"{metric}_a"]
    joined = joined[[f"{m}_{s}" for m in METRICS for s in ("a", "b", "diff")]]
    shared_a = a.dataset["shared_energy_kwh"].sum("configuration").to_series()
    shared_b = b.dataset["shared_energy_kwh"].sum("configuration").to_series()
    hours = pd.DataFrame({"shared_kwh_a": shared_a, "shared_kwh_b": shared_b}).dropna()
    hours["diff_kwh"] = hours["shared_kwh_b"] - hours["shared_kwh_a"]
    hours = hours.reindex(hours["diff_kwh"].abs().sort_values(ascending=False).index).head(top)
    hours.index.name = "time_utc"
    return Comparison(name_a, name_b, joined, hours)


INPUTS = ("simulation", "weather", "prices")
"""Settings that are inputs, not the what-if: if they differ, so does everything."""


def input_differences(a: RunSpec, b: RunSpec) -> list[str]:
    """What differs between two runs besides the what-if itself: the period, step and seed, the
    weather and the prices (one line each, naming the setting and both values)."""
    out = []
    for section in INPUTS:
        left = getattr(a.settings, section).model_dump()
        right = getattr(b.settings, section).model_dump()
        for key in sorted(set(left) | set(right)):
            if left.get(key) != right.get(key):
                out.append(f"{section}.{key}: {left.get(key)!r} vs {right.get(key)!r}")
    return out


def paired_monte_carlo(a: Simulation, b: Simulation, runs: int, years: int | None = None,
                       progress: Progress | None = None) -> pd.DataFrame:
    """B minus A under the same ``runs`` weather years (paired seeds: each seed drives both), per
    weather seed and configuration (and ``"community"``): the figures of the comparison."""
    first = a.spec.settings.weather.seed
    start = first if first is not None else a.spec.settings.simulation.seed
    rows = []
    for k in range(runs):
        seed = start + k
        ra = Simulation(a.spec.with_weather_seed(seed)).run(years=years).summary[METRICS]
        rb = Simulation(b.spec.with_weather_seed(seed)).run(years=years).summary[METRICS]
        diff = rb.sub(ra, fill_value=0.0)
        rows.append(diff.assign(weather_seed=seed))
        if progress:
            progress("paired weather years", k + 1, runs)
    return pd.concat(rows).reset_index().set_index(["weather_seed", "configuration"])
