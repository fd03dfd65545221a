"""The library entry point: load a scenario, run it, get xarray results and summary tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import xarray as xr

from twin.cashflow import cash_timeline
from twin.engine import Inputs, Progress, load_inputs, simulate_flows
from twin.results import summary_table, write_outputs
from twin.scenario import LoadedScenario, load_scenario
from twin.settlement import scenario_parameters, settle


@dataclass(frozen=True)
class RunResult:
    """What a run returns.

    Attributes
    ----------
    dataset : xarray.Dataset
        Hourly results with dims ``time`` (UTC, interval start), ``plant``, ``member`` and
        ``configuration``; units in each variable's attrs (see :mod:`twin.nomenclature`).
    summary : pandas.DataFrame
        One row per configuration and one for the community (see
        :data:`twin.results.SUMMARY_COLUMNS`).
    """

    dataset: xr.Dataset
    summary: pd.DataFrame
    cash_timeline: pd.DataFrame
    """Monthly accruals, GSE advances, fees, settlement and payments (:mod:`twin.cashflow`)."""

    def write(self, out_dir: str | Path) -> dict[str, Path]:
        """Write ``results.nc``, ``summary.csv`` and ``cashflow.csv``."""
        return write_outputs(self.dataset, self.summary, self.cash_timeline, Path(out_dir))


@dataclass(frozen=True)
class Simulation:
    """A validated scenario ready to run."""

    loaded: LoadedScenario

    @property
    def name(self) -> str:
        return self.loaded.scenario.community.name

    def run(self, progress: Progress | None = None) -> RunResult:
        """Simulate the scenario's period and apply the rules."""
        inputs: Inputs = load_inputs(self.loaded)
        events, flows, counted = simulate_flows(self.loaded, inputs, progress)
        ds = settle(self.loaded, inputs, events, flows, counted)
        if progress:
            progress("applied the rules")
        return RunResult(ds, summary_table(ds), cash_timeline(ds, scenario_parameters(events)))


def load(scenario: str | Path | None = None) -> Simulation:
    """Load a scenario file (default: the built-in CER.ca.MI Solidale scenario).

    Examples
    --------
    >>> import twin
    >>> sim = twin.load()                      # doctest: +SKIP
    >>> res = sim.run()                        # doctest: +SKIP
    >>> res.summary.loc["community", "shared_mwh"]  # doctest: +SKIP
    """
    return Simulation(load_scenario(scenario))
