"""The library entry point: load a scenario or a store branch, run it, get xarray results."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import xarray as xr

from twin.core.calendar import MonthGrid
from twin.core.progress import Progress
from twin.core.time import local_date, to_local
from twin.errors import Text
from twin.events import (
    DomainEvent,
    MemberJoined,
    MemberLeft,
    PlantCommissioned,
    PlantOutageStarted,
)
from twin.finance.bills import bills_table, member_bills
from twin.finance.cash import cash_timeline
from twin.finance.fund import fund_timeline
from twin.finance.investment import plant_finance
from twin.inputs.meters.ledger import coverage_by_month, in_force
from twin.inputs.meters.stored import stored_imports
from twin.inputs.run import Inputs
from twin.rules.configuration import existing_power_warnings
from twin.rules.parameters import Parameters
from twin.scenario import Finance, RunSettings, load_scenario
from twin.scenario.bounds import SOFT_ANNUAL_KWH, SOFT_PLANT_KWP, SOFT_PRICE_EUR_PER_MWH
from twin.sim.counting import counted_membership, with_sections
from twin.sim.flows import CountedFlows, PhysicalFlows, simulate_flows
from twin.sim.future import future_events
from twin.sim.members import member_table
from twin.sim.profiles import profiles_of
from twin.sim.results import summary_of, summary_table, write_outputs
from twin.sim.settle import bill_parameters, scenario_parameters, settle, summary_arrays
from twin.sim.spec import RunSpec, settings_from_json


@dataclass(frozen=True)
class RunResult:
    """What a run returns.

    Attributes
    ----------
    dataset : xarray.Dataset
        Hourly results with dims ``time`` (UTC, interval start), ``plant``, ``member`` and
        ``configuration``; units in each variable's attrs (see :mod:`twin.core.variables`).
    summary : pandas.DataFrame
        One row per configuration and one for the community (see
        :data:`twin.sim.results.SUMMARY_COLUMNS`).
    cash_timeline : pandas.DataFrame
        Monthly accruals, GSE advances, fees, settlement and payments (:mod:`twin.finance.cash`).
    """

    dataset: xr.Dataset
    summary: pd.DataFrame
    cash_timeline: pd.DataFrame
    fund: pd.DataFrame
    """The solidarity fund month by month (:mod:`twin.finance.fund`)."""
    projects: pd.DataFrame
    """Proposed projects and the month each was funded."""
    coverage: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    """Per meter (rows) and local month (columns): the share of the month's steps where the
    run used measured values instead of the model [%]; empty without meter data."""
    events_by_year: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    """Per local year: members joining and leaving, plant outages starting, plants joining."""
    warnings: list[str] = dataclasses.field(default_factory=list)
    """Rules that flag rather than refuse (the 30 % cap on existing plants, RO-2024 §1.2.1.2),
    checked on every run with the same message as on an append."""
    settings: RunSettings | None = None
    """The run's settings (its ``[finance]`` and ``[prices]`` decide :meth:`finance`)."""

    def write(self, out_dir: str | Path, compress: bool = False) -> dict[str, Path]:
        """Write ``results.nc`` (compressed when ``compress``), ``summary.csv``,
        ``cashflow.csv``, ``yearly.csv``, ``fund.csv`` and ``projects.csv``."""
        paths = write_outputs(self.dataset, self.summary, self.cash_timeline, Path(out_dir),
                              compress)
        paths["fund"] = Path(out_dir) / "fund.csv"
        paths["projects"] = Path(out_dir) / "projects.csv"
        paths["finance"] = Path(out_dir) / "finance.csv"
        paths["bills"] = Path(out_dir) / "bills.csv"
        paths["members"] = Path(out_dir) / "members.csv"
        bills_table(self.dataset).round(2).to_csv(paths["bills"], index=False)
        member_table(self.dataset, self.fund.attrs.get(
            "support_paid_by_member_eur", {})).round(2).to_csv(paths["members"])
        self.fund.round(2).to_csv(paths["fund"])
        self.projects.to_csv(paths["projects"], index=False)
        self.finance().round(3).to_csv(paths["finance"])
        if not self.coverage.empty:
            paths["coverage"] = Path(out_dir) / "coverage.csv"
            self.coverage.round(1).to_csv(paths["coverage"])
        return paths

    def finance(self, assumptions: Finance | None = None) -> pd.DataFrame:
        """NPV, IRR and payback per plant and for the community (:mod:`twin.finance.investment`),
        with the scenario's ``[finance]`` unless ``assumptions`` are given."""
        fin = assumptions or (self.settings.finance if self.settings else Finance())
        escalation = fin.price_escalation_pct_per_year
        if escalation is None:
            escalation = self.settings.prices.escalation_pct_per_year if self.settings else 0.0
        return plant_finance(self.dataset, fin, escalation)


@dataclass(frozen=True)
class Simulated:
    """A run's flows before the rules: what :meth:`Simulation.run` settles and reports."""

    spec: RunSpec
    parameters: Parameters
    inputs: Inputs
    flows: PhysicalFlows
    counted: CountedFlows
    counting: dict[str, str]
    """Member id → how its membership counts (:mod:`twin.sim.counting`)."""
    future_events: int
    """Events the scenario's ``[future]`` drew for the run."""


@dataclass(frozen=True)
class Simulation:
    """A run ready to go: events, settings and provenance."""

    spec: RunSpec

    @property
    def name(self) -> str:
        return self.spec.name

    def run(self, progress: Progress | None = None, years: int | None = None) -> RunResult:
        """Simulate the period (or ``years`` calendar years from the start) and apply the rules.

        The scenario's ``[future]`` (member growth, churn, plant failures) is drawn first, for
        the years beyond the scenario's own period, as seeded events added to the run's log;
        ``RunResult.events_by_year`` counts them.
        """
        done = self._simulated(progress, years)
        spec, inputs, flows, counted = done.spec, done.inputs, done.flows, done.counted
        ds = settle(spec, inputs, flows, counted, done.counting)
        ds.attrs["future_events"] = done.future_events
        final = counted.final_state
        warnings = existing_power_warnings(final.configurations, final.plants.values())
        warnings += soft_bound_warnings(spec.events, inputs.price_eur_per_mwh.to_numpy())
        warnings += inputs.weather_meta.get("warnings", [])
        if progress:
            progress("applied the rules")
        ds = ds.merge(member_bills(ds, flows.members, bill_parameters(spec.events)))
        cash = cash_timeline(ds, done.parameters)
        fund, projects = fund_timeline(cash, list(spec.events), spec.settings.fund,
                                       *family_months(ds))
        coverage = coverage_by_month(in_force(spec.meter_data), inputs.index,
                                     to_local(inputs.index).strftime("%Y-%m")) \
            if spec.meter_data else pd.DataFrame()
        result = RunResult(ds, summary_table(ds), cash, fund, projects, coverage=coverage,
                           events_by_year=events_by_year(spec.events, inputs.hourly),
                           warnings=warnings, settings=spec.settings)
        check_finite(result)
        return result

    def summary(self, years: int | None = None) -> pd.DataFrame:
        """The run's :func:`~twin.sim.results.summary_table` alone: the same simulation and
        rules as :meth:`run`, added up from the rules' results without building the run's
        Dataset, and without the bills, cash timeline and fund that the summary does not read
        (a grid study's variant, :mod:`twin.studies.grid`)."""
        done = self._simulated(None, years)
        table = summary_of(summary_arrays(done.spec, done.inputs, done.flows, done.counted))
        if not np.isfinite(table.to_numpy(dtype=float)).all():
            raise RuntimeError("the run's summary holds NaN or infinity (a bug in cer-twin)")
        return table

    def _simulated(self, progress: Progress | None, years: int | None) -> Simulated:
        """The future drawn, the membership counted and the flows simulated."""
        spec = self.spec if years is None else self.spec.with_years(years)
        sim = spec.settings.simulation
        # The future is what the scenario does not know: drawn for the years a run adds beyond
        # the scenario's own period, so the scenario's year itself stays as written.
        present_end = self.spec.settings.simulation.end
        drawn = future_events(spec.events, spec.settings.future, present_end, sim.end,
                              sim.seed) if sim.end > present_end else []
        if drawn:
            spec = dataclasses.replace(spec, events=(*spec.events, *drawn))
            if progress:
                progress(Text("drew {events} future events (seed {seed})", events=len(drawn),
                              seed=sim.seed))
        parameters = scenario_parameters(list(spec.events))
        events, counting = counted_membership(with_sections(spec.events), parameters)
        spec = dataclasses.replace(spec, events=tuple(events))
        inputs = spec.load_inputs()
        flows, counted = simulate_flows(spec, inputs, progress)
        return Simulated(spec, parameters, inputs, flows, counted, counting, len(drawn))


def soft_bound_warnings(events: Sequence[DomainEvent], price_eur_per_mwh: np.ndarray) -> list[str]:
    """Values past a soft bound (:mod:`twin.scenario.bounds`): the run goes on, and says so."""
    out = [Text("plant {plant!r}: {kwp:,.0f} kWp is above the {cap:,.0f} kW premium cap "
                "(RO-2024 §1.2.1.2 b): check its eligibility", plant=e.plant_id,
                kwp=e.capacity_kwp, cap=SOFT_PLANT_KWP)
           for e in events if isinstance(e, PlantCommissioned)
           and e.capacity_kwp > SOFT_PLANT_KWP]
    out += [Text("member {member!r}: {kwh:,.0f} kWh a year is more than {soft:,.0f}: a very "
                 "large site for a CER member", member=e.member_id, kwh=e.annual_kwh,
                 soft=SOFT_ANNUAL_KWH)
            for e in events if isinstance(e, MemberJoined) and e.annual_kwh > SOFT_ANNUAL_KWH]
    low, high = SOFT_PRICE_EUR_PER_MWH
    odd = (price_eur_per_mwh < low) | (price_eur_per_mwh > high)
    if odd.any():
        out.append(Text("zonal price outside {low:g}..{high:g} EUR/MWh in {hours} hour(s) "
                        "(from {lowest:g} to {highest:g}): crisis levels, check the price file",
                        low=low, high=high, hours=int(odd.sum()),
                        lowest=price_eur_per_mwh.min(), highest=price_eur_per_mwh.max()))
    return out


def check_finite(result: RunResult) -> None:
    """A run never completes with NaN or infinity in what it reports (inputs are bounded at the
    door, so one here is a bug and stops the run rather than reach a decision)."""
    tables = {"summary": result.summary, "cash timeline": result.cash_timeline,
              "fund": result.fund}
    for name, table in tables.items():
        values = table.select_dtypes("number").to_numpy(dtype=float)
        if not np.isfinite(values).all():
            raise RuntimeError(f"the run's {name} holds NaN or infinity (a bug in cer-twin)")
    for name in ("shared_energy_kwh", "premium_eur", "bill_eur"):
        if not np.isfinite(result.dataset[name].to_numpy()).all():
            raise RuntimeError(f"the run's {name} holds NaN or infinity (a bug in cer-twin)")


def family_months(ds: xr.Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per simulated local month and energy-poor member: its bill (after the bonus sociale)
    and the share of the month it was a member (what the fund's family support reads)."""
    poor = ds["member_category"].to_numpy() == "energy_poor_household"
    months = ds["month"].to_numpy()
    # the result's hours per month over 24: 30.96 days in March, one hour less
    days_in = MonthGrid.of(pd.DatetimeIndex(ds["time"].to_numpy())).steps()[:, None] / 24.0
    bills = ds["bill_eur"].sel(bill_component="total_eur").to_numpy()[poor].T
    share = ds["member_active_days"].to_numpy()[poor].T / days_in
    columns = ds["member"].to_numpy()[poor]
    return (pd.DataFrame(bills, index=months, columns=columns),
            pd.DataFrame(share, index=months, columns=columns))


def events_by_year(events: Sequence[DomainEvent], hourly: pd.DatetimeIndex) -> pd.DataFrame:
    """Per local calendar year of the run: members joining and leaving, plant outages
    starting and plants joining (the changes a multi-year table shows)."""
    kinds = {MemberJoined: "members_joined", MemberLeft: "members_left",
             PlantOutageStarted: "plant_outages", PlantCommissioned: "plants_joined"}
    first, last = hourly[0], hourly[-1]
    rows = [(local_date(e.effective_utc).year, kinds[type(e)]) for e in events
            if type(e) in kinds and first < pd.Timestamp(e.effective_utc) <= last]
    years = sorted(set(to_local(hourly).year))
    table = pd.DataFrame(rows, columns=["year", "kind"]).value_counts().unstack(fill_value=0) \
        if rows else pd.DataFrame()
    table = table.reindex(index=years, columns=list(kinds.values()), fill_value=0)
    table.index.name = "year"
    return table.astype(int)


def load(scenario: str | Path | None = None, allow_outside_paths: bool = False) -> Simulation:
    """Load a scenario file (default: the built-in CER.ca.MI Solidale scenario). Its data files
    must lie in its folder or below unless ``allow_outside_paths``.

    Examples
    --------
    >>> import twin
    >>> sim = twin.load()                      # doctest: +SKIP
    >>> res = sim.run()                        # doctest: +SKIP
    >>> res.summary.loc["community", "shared_mwh"]  # doctest: +SKIP
    """
    return Simulation(RunSpec.from_scenario(load_scenario(scenario, allow_outside_paths)))


SETTINGS_KEY = "run_settings"
"""As :data:`twin.events.store.SETTINGS_KEY` (a test keeps them equal; this module imports the
store only when a store is read)."""


def load_store(store: str | Path, branch: str = "main", up_to_seq: int | None = None) -> Simulation:
    """Load a branch of an event store (a SQLite path or a ``postgresql://`` URL).

    The run settings are those the store was initialised with (``cer-twin events init``). The
    branch's log (and the branches it descends from) is verified first: a log whose hashes or
    head records do not match is refused (:class:`twin.events.store.TamperError`).
    """
    from twin.events.store import StoreError, TamperError, existing_store

    with existing_store(store) as s:
        problems = s.verify([branch])
        if problems:
            raise TamperError([Text("{store}: the log of branch {branch!r} fails verification, "
                                    "so it is not run:", store=store, branch=branch)]
                              + [Text("  {problem}", problem=p) for p in problems])
        text = s.get_meta(SETTINGS_KEY)
        if text is None:
            raise StoreError(Text("{store}: no run settings; initialise it with `cer-twin events "
                                  "init SCENARIO --store ...`", store=store))
        stored = s.read(branch, up_to_seq)
        head = stored[-1].seq if stored else 0
        provenance = {"store": str(store), "branch": branch, "head_seq": str(head),
                      "head_hash": stored[-1].hash if stored else ""}
        meters = tuple((event, series) for _, event, series in stored_imports(s, branch, up_to_seq))
        events = tuple(e.event for e in stored)
        files = {p.sha256: (p.source_name, s.get_blob(p.sha256)) for p in profiles_of(events)}
        return Simulation(RunSpec(events, settings_from_json(text, f"{store}"), provenance,
                                  meters, files))
