"""Compare two runs (two scenarios, or two branches of a store): what changes, where and when."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from twin.sim.results import COMPARED_METRICS as METRICS
from twin.sim.results import yearly_table
from twin.sim.run import RunResult


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
