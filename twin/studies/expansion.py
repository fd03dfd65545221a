"""Expansion: rank candidate roofs and member batches by what they add, with sizing curves.

The base scenario is simulated once; each candidate (a roof at each size, a batch of members) is
added to the base's arrays and only the rules are applied again, so a sizing curve of dozens of
sizes costs seconds (a roof behind a member's meter changes that member's own withdrawal: its
sizes are booked again from all events, as a run books them). Marginal values are the
candidate's run minus the base run over the simulated period; the finance (NPV, IRR, payback)
carries them over the incentive years (:mod:`twin.finance.investment`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd

from twin.assets.loads import Consumer
from twin.assets.pv import plant_ac_power_kw
from twin.core.calendar import MonthGrid
from twin.core.locale import Say
from twin.core.progress import Progress, silent
from twin.core.time import interval_hours, local_midnight_utc, power_to_energy_kwh
from twin.errors import ScenarioError, Text
from twin.events import ConfigurationRegistered, MemberJoined, PlantCommissioned
from twin.finance.bills import member_bills
from twin.finance.investment import (
    OPEX_EUR_PER_KWP_YEAR,
    FinanceAssumptions,
    Investment,
    cash_flows,
    irr,
    npv,
    payback_years,
    plant_capex_eur,
)
from twin.rules.configuration import holder_class
from twin.scenario.candidates import (
    BatteryCandidate,
    Candidates,
    Finance,
    MemberBatch,
    NewConfiguration,
    Roof,
)
from twin.scenario.schema import plant_event_defaults
from twin.sim.flows import CountedFlows, PhysicalFlows, book_flows, community_batteries
from twin.sim.loads import yearly_power_kw
from twin.sim.profiles import profiled_energy
from twin.sim.results import summary_table
from twin.sim.settle import bill_parameters, settle
from twin.sim.spec import RunSpec
from twin.sim.timeline import run_timeline
from twin.studies.batteries import battery_event, battery_rows, best_per_battery


def candidate_plant(plant_id: str, configuration_id: str, kwp: float, entry: dt.date,
                    **fields: object) -> PlantCommissioned:
    """A new plant of ``kwp`` (inverter sized alike), in operation and counting from ``entry``;
    every field not given takes the scenario schema's default."""
    return PlantCommissioned(**{
        **plant_event_defaults(), "effective_utc": local_midnight_utc(entry).to_pydatetime(),
        "plant_id": plant_id, "configuration_id": configuration_id, "capacity_kwp": kwp,
        "inverter_kw": kwp, "entry_into_operation": entry, "lifecycle": "new", **fields})


def roof_plants(roof: Roof, kwp: float, entry: dt.date, host: MemberJoined | None = None,
                layout: str = "as_given") -> list[PlantCommissioned]:
    """The plant events of ``kwp`` on ``roof`` in a layout, in operation and counting from
    ``entry``; behind ``host``'s POD when given. ``east_west`` is two plants of half the size,
    facing ``azimuth_deg`` - 90 and + 90."""
    behind = {} if host is None else {"host_member": host.member_id, "pod": host.pod}
    faces = [("", kwp, roof.azimuth_deg)] if layout == "as_given" else [
        ("-east", kwp / 2, (roof.azimuth_deg - 90.0) % 360.0),
        ("-west", kwp / 2, (roof.azimuth_deg + 90.0) % 360.0)]
    return [candidate_plant(f"+{roof.id}{suffix}", roof.configuration, size, entry,
                            tilt_deg=roof.tilt_deg, azimuth_deg=azimuth,
                            latitude=roof.latitude, longitude=roof.longitude,
                            mounting=roof.mounting, **behind)
            for suffix, size, azimuth in faces]


@dataclasses.dataclass(frozen=True)
class State:
    """A community as arrays: its events, physical and counted flows."""

    spec: RunSpec
    flows: PhysicalFlows
    counted: CountedFlows


class Evaluator:
    """The base run's arrays, and a way to settle them with more plants, members or
    configurations, one on top of another (only the rules run again)."""

    def __init__(self, spec: RunSpec, progress: Progress | None = None) -> None:
        self.spec = spec
        self.inputs = spec.load_inputs()
        self.state = self.booked(spec, progress)
        self.base = self.totals(self.state)
        self.start = spec.settings.simulation.start

    def booked(self, spec: RunSpec, progress: Progress | None = None) -> State:
        """The state of ``spec``'s events, its flows booked as a run books them."""
        flows, counted = book_flows(
            spec.events, self.inputs, spec.settings.simulation.seed,
            run_timeline(spec.events, self.inputs.index), spec.configuration_ids, progress,
            spec.meter_data, profiled_energy(spec.events, spec.files, self.inputs.index))
        counted = community_batteries(spec.events, self.inputs.index, spec.configuration_ids,
                                      flows, counted, spec.settings.rules.storage_grid_charge)
        return State(spec, flows, counted)

    def battery_state(self, state: State, battery: BatteryCandidate, kwh: float) -> State:
        """A state with a battery of ``kwh`` from the start (all events booked again: a
        battery changes its host's or its configuration's flows)."""
        event = battery_event(battery, kwh, self.entry())
        return self.booked(dataclasses.replace(state.spec, events=(*state.spec.events, event)))

    @property
    def per_year(self) -> float:
        """Scales the simulated period's totals to a year."""
        return 8760.0 / len(self.inputs.hourly)

    @property
    def flows(self) -> PhysicalFlows:
        return self.state.flows

    @property
    def counted(self) -> CountedFlows:
        return self.state.counted

    def _energy_kwh(self, members: list[MemberJoined]) -> np.ndarray:
        """Withdrawal of new members on the base grid and weather. [kWh], ``(time, member)``"""
        consumers = [Consumer(m.member_id, m.archetype, m.annual_kwh) for m in members]
        power = yearly_power_kw(consumers, self.inputs.index,
                                self.spec.settings.simulation.seed,
                                self.inputs.weather["temp_air"].to_numpy())
        return power_to_energy_kwh(power, interval_hours(self.inputs.index))

    def totals(self, state: State) -> pd.Series:
        """The community's totals of a state: the rules applied to its arrays, and the bills
        that plants behind members' meters avoid them."""
        ds = settle(state.spec, self.inputs, state.flows, state.counted)
        row = summary_table(ds).loc["community"]
        avoided = float(member_bills(ds, state.flows.members, bill_parameters(
            state.spec.events))["avoided_bill_eur"].sum()) if state.counted.member_months \
            .self_consumed_kwh.any() else 0.0
        return pd.Series({"shared_mwh": row["shared_mwh"], "injected_mwh": row["injected_mwh"],
                          "premium_eur": row["premium_eur"],
                          "valorization_eur": row["valorization_eur"],
                          "rid_eur": row["rid_eur"], "fees_eur": row["gse_fees_eur"],
                          "fund_eur": row["fund_eur"], "avoided_bill_eur": avoided})

    def entry(self) -> dt.date:
        """When candidates enter operation: the start of the period (or the founding)."""
        return max(self.start, self.spec.community.founded_on)

    def plus_plants(self, state: State, plants: list[PlantCommissioned],
                    extra_events: tuple = ()) -> State:
        """A state with more plants (on their own PODs), in operation from the start."""
        step_h = interval_hours(self.inputs.index)
        energy = power_to_energy_kwh(plant_ac_power_kw(plants, self.inputs.weather,
                                                     self.inputs.transposition_model), step_h)
        flows = dataclasses.replace(
            state.flows, plants=[*state.flows.plants, *plants],
            production_kwh=np.column_stack([state.flows.production_kwh, energy]),
            injection_kwh=np.column_stack([state.flows.injection_kwh, energy]))
        counted = dataclasses.replace(
            state.counted,
            plant_injection_kwh=np.column_stack([state.counted.plant_injection_kwh, energy]),
            plant_active=np.column_stack([state.counted.plant_active,
                                          np.ones(energy.shape, dtype=bool)]))
        spec = dataclasses.replace(state.spec,
                                   events=(*state.spec.events, *extra_events, *plants))
        return State(spec, flows, counted)

    def plus_members(self, state: State, members: list[MemberJoined],
                     configuration: int | None = None) -> State:
        """A state with more members from the start (``configuration``: the position of a new
        configuration's column, appended)."""
        load = self._energy_kwh(members)
        by_class = state.counted.configuration_withdrawal_by_class_kwh
        if configuration is not None and configuration >= by_class.shape[1]:
            by_class = np.concatenate([by_class, np.zeros((len(load), 1, 3))], axis=1)
        else:
            by_class = by_class.copy()
        configs = state.spec.configuration_ids
        for i, m in enumerate(members):
            by_class[:, configs.index(m.configuration_id), holder_class(m.category)] += load[:, i]
        flows = dataclasses.replace(state.flows, members=[*state.flows.members, *members])
        counted = dataclasses.replace(
            state.counted, configuration_withdrawal_by_class_kwh=by_class,
            member_withdrawal_total_kwh=np.r_[state.counted.member_withdrawal_total_kwh,
                                              load.sum(axis=0)],
            member_months=state.counted.member_months.plus(
                MonthGrid.of(self.inputs.index), load, interval_hours(self.inputs.index)))
        spec = dataclasses.replace(state.spec, events=(*state.spec.events, *members))
        return State(spec, flows, counted)

    def roof_state(self, state: State, roof: Roof, kwp: float,
                   layout: str = "as_given") -> State:
        if roof.host_member is None:
            return self.plus_plants(state, roof_plants(roof, kwp, self.entry(), layout=layout))
        host = host_of(state.spec, roof)
        # the host's own withdrawal changes: book all events again, as a run does
        plants = roof_plants(roof, kwp, self.entry(), host, layout)
        return self.booked(dataclasses.replace(state.spec,
                                               events=(*state.spec.events, *plants)))

    def batch_state(self, state: State, batch: MemberBatch) -> State:
        at = local_midnight_utc(self.start).to_pydatetime()
        members = [MemberJoined(effective_utc=at, member_id=f"+{batch.id}-{i:03d}",
                                configuration_id=batch.configuration, category=batch.category,
                                archetype=batch.archetype, annual_kwh=batch.annual_kwh,
                                group_id=f"+{batch.id}") for i in range(batch.count)]
        return self.plus_members(state, members)

    def configuration_state(self, state: State, new: NewConfiguration) -> State:
        entry = self.entry()
        at = local_midnight_utc(entry).to_pydatetime()
        config = ConfigurationRegistered(effective_utc=at, configuration_id=new.id,
                                         name=new.name or new.id,
                                         cabina_primaria=new.cabina_primaria)
        plants = [candidate_plant(f"+{new.id}-{p.id}", new.id, p.capacity_kwp, entry,
                                  tilt_deg=p.tilt_deg, azimuth_deg=p.azimuth_deg,
                                  latitude=p.latitude, longitude=p.longitude)
                  for p in new.plants]
        with_config = dataclasses.replace(state.spec, events=(*state.spec.events, config))
        state = State(with_config, state.flows, state.counted)
        members = [MemberJoined(effective_utc=at, member_id=f"+{new.id}-{g}-{i}",
                                configuration_id=new.id, category=m.category,
                                archetype=m.archetype, annual_kwh=m.annual_kwh,
                                group_id=f"+{new.id}-{g}")
                   for g, m in enumerate(new.members) for i in range(m.count)]
        column = len(state.spec.configuration_ids) - 1  # the new configuration's, appended
        state = self.plus_members(state, members, configuration=column)
        return self.plus_plants(state, plants)

    def with_plant(self, roof: Roof, kwp: float, layout: str = "as_given") -> pd.Series:
        """Marginal totals of the base plus ``kwp`` on ``roof`` in a layout from the start."""
        return self.totals(self.roof_state(self.state, roof, kwp, layout)) - self.base

    def with_members(self, batch: MemberBatch) -> pd.Series:
        """Marginal totals of the base plus a batch of members from the start."""
        return self.totals(self.batch_state(self.state, batch)) - self.base

    def with_configuration(self, new: NewConfiguration) -> tuple[pd.Series, float, float]:
        """Marginal totals of the base plus a new configuration with its plants and members,
        all from the start; also its capex and yearly O&M. [€]"""
        marginal = self.totals(self.configuration_state(self.state, new)) - self.base
        return (marginal, configuration_capex_eur(new),
                sum(p.capacity_kwp for p in new.plants) * OPEX_EUR_PER_KWP_YEAR)


def configuration_capex_eur(new: NewConfiguration) -> float:
    """Capital cost of a new configuration: its set-up cost and its plants. [€]"""
    return new.cost_eur + sum(plant_capex_eur(p.capacity_kwp, p.capex_eur_per_kwp)
                              for p in new.plants)


def host_of(spec: RunSpec, roof: Roof) -> MemberJoined:
    """The member whose POD ``roof`` sits behind (its latest joining)."""
    joined = [e for e in spec.events if isinstance(e, MemberJoined)
              and e.member_id == roof.host_member]
    if not joined or joined[-1].configuration_id != roof.configuration:
        raise ScenarioError(
            Text("candidate {roof_id!r}: host_member: expected a member of configuration "
                 "{configuration!r} (a single member, count 1); found {host!r}",
                 roof_id=roof.id, configuration=roof.configuration,
                 host=roof.host_member))
    return joined[-1]


def _finance(marginal: pd.Series, capex: float, opex: float, fin: Finance,
             replacements: tuple[tuple[int, float], ...] = ()) -> dict:
    assumptions = FinanceAssumptions(
        discount_rate_pct=fin.discount_rate_pct, years=fin.years,
        price_escalation_pct_per_year=fin.price_escalation_pct_per_year or 0.0,
        equity_share_pct=fin.equity_share_pct, loan_rate_pct=fin.loan_rate_pct,
        loan_years=fin.loan_years)
    flows = cash_flows(Investment(capex, marginal["premium_eur"], marginal["valorization_eur"],
                                  marginal["rid_eur"], marginal["fees_eur"], opex,
                                  avoided_bill_eur_year1=marginal["avoided_bill_eur"],
                                  replacements=replacements),
                       assumptions)
    return {"npv_eur": npv(flows, fin.discount_rate_pct), "irr_pct": irr(flows),
            "payback_years": payback_years(flows)}


def check_candidates(spec: RunSpec, candidates: Candidates) -> None:
    """Refuse candidates naming unknown configurations or hosts, before any work."""
    known = spec.configuration_ids
    for new in candidates.new_configurations:
        if new.id in known:
            raise ScenarioError(Text("candidate {new_id!r}: configuration already exists",
                                     new_id=new.id))
    for item in [*candidates.roofs, *candidates.member_batches, *candidates.batteries]:
        if item.configuration not in known:
            raise ScenarioError(Text("candidate {item_id!r}: unknown configuration "
                                     "{configuration!r}", item_id=item.id,
                                     configuration=item.configuration))
    for item in [*candidates.roofs, *candidates.batteries]:
        if item.host_member is not None:
            host_of(spec, item)


def roof_sizes(roof: Roof) -> np.ndarray:
    """The sizes of a roof's sizing curve. [kWp]"""
    return np.arange(roof.min_kwp, roof.max_kwp + 1e-9, roof.step_kwp)


def evaluate(spec: RunSpec, candidates: Candidates, progress: Progress | None = None,
             evaluator: Evaluator | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rank the candidates. Returns ``(ranking, curves)``: one row per candidate at its best
    size (the largest NPV), and every size of every roof; energy and euro per year."""
    say = progress or silent
    check_candidates(spec, candidates)
    evaluator = evaluator or Evaluator(spec, progress)
    total = sum(len(roof_sizes(roof)) * len(roof.layouts) for roof in candidates.roofs) + \
        len(candidates.member_batches) + len(candidates.new_configurations)
    done = 0
    say("candidates", done, total)
    fin = candidates.finance
    # Marginal values over the simulated period, scaled to a year (use a whole simulated year
    # for decisions: a shorter period carries its season's bias).
    per_year = evaluator.per_year
    curves = []
    for roof in candidates.roofs:
        for layout in roof.layouts:
            for kwp in roof_sizes(roof):
                marginal = evaluator.with_plant(roof, float(kwp), layout) * per_year
                capex = plant_capex_eur(kwp, roof.capex_eur_per_kwp)
                curves.append({"candidate": roof.id, "kind": "roof", "layout": layout,
                               "kwp": float(kwp), "capex_eur": capex, **marginal.to_dict(),
                               **_finance(marginal, capex, kwp * OPEX_EUR_PER_KWP_YEAR, fin)})
                done += 1
                say(Text("roof {id}", id=roof.id), done, total)
    curves_df = pd.DataFrame(curves)
    if len(curves_df):
        curves_df["shared_pct_of_added_injection"] = np.where(
            curves_df["injected_mwh"] > 0,
            100.0 * curves_df["shared_mwh"] / curves_df["injected_mwh"], 0.0)
    rows = []
    for roof in candidates.roofs:
        of_roof = curves_df[curves_df["candidate"] == roof.id]
        best_layout = of_roof.loc[of_roof["npv_eur"].idxmax(), "layout"]
        curve = of_roof[of_roof["layout"] == best_layout].reset_index(drop=True)
        best = curve.loc[curve["npv_eur"].idxmax()]
        rows.append({**best.to_dict(),
                     "saturation_kwp": saturation_kwp(curve, candidates.saturation_fraction),
                     **best_sizes(curve)})
    for batch in candidates.member_batches:
        marginal = evaluator.with_members(batch) * per_year
        rows.append({"candidate": batch.id, "kind": "members", "kwp": 0.0,
                     "capex_eur": batch.cost_eur, **marginal.to_dict(),
                     **_finance(marginal, batch.cost_eur, 0.0, fin), "saturation_kwp": None})
        done += 1
        say(Text("member batch {id}", id=batch.id), done, total)
    for new in candidates.new_configurations:
        marginal, capex, opex = evaluator.with_configuration(new)
        marginal = marginal * per_year
        rows.append({"candidate": new.id, "kind": "configuration",
                     "kwp": sum(p.capacity_kwp for p in new.plants), "capex_eur": capex,
                     **marginal.to_dict(), **_finance(marginal, capex, opex, fin),
                     "saturation_kwp": None})
        done += 1
        say(Text("new configuration {id}", id=new.id), done, total)
    batteries = battery_rows(evaluator, candidates,
                             lambda m, capex, opex, repl: _finance(m, capex, opex, fin, (repl,)))
    rows += best_per_battery(batteries)
    if batteries:
        curves_df = pd.concat([curves_df, pd.DataFrame(batteries)], ignore_index=True)
    ranking = pd.DataFrame(rows)
    if len(ranking):
        ranking["fund_eur_per_keur"] = np.where(
            ranking["capex_eur"] > 0, ranking["fund_eur"] / (ranking["capex_eur"] / 1000),
            np.inf)
        ranking = ranking.sort_values("npv_eur", ascending=False).reset_index(drop=True)
        ranking.index = ranking.index + 1
        ranking.index.name = "rank"
    return ranking, curves_df


def saturation_kwp(curve: pd.DataFrame, fraction: float = 0.5) -> float | None:
    """The saturation point of a sizing curve: the size beyond which each added kWp shares less
    than ``fraction`` of what the first kWp shared (the marginal shared energy per kWp of the
    curve's first size, from zero). A roof whose first kWp already shares less than
    ``fraction`` of its own injection, in a configuration whose demand is already covered,
    saturates at its smallest size. ``None``: it does not saturate within the roof's room.
    [kWp]"""
    kwp = curve["kwp"].to_numpy()
    shared = curve["shared_mwh"].to_numpy()
    injected = curve["injected_mwh"].to_numpy()
    if len(kwp) == 0:
        return None
    if shared[0] < fraction * injected[0]:
        return float(kwp[0])
    first_per_kwp = shared[0] / kwp[0]
    per_kwp = np.diff(shared) / np.diff(kwp)
    below = np.flatnonzero(per_kwp < fraction * first_per_kwp)
    return float(kwp[below[0]]) if len(below) else None


def best_sizes(curve: pd.DataFrame) -> dict[str, float]:
    """The best size of a sizing curve for each objective of ``expand --objective``: the
    largest NPV, yearly fund gain, yearly shared energy, and fund gain per € of capex. [kWp]"""
    per_euro = curve["fund_eur"] / curve["capex_eur"].where(curve["capex_eur"] > 0)
    by = {"npv": curve["npv_eur"], "fund": curve["fund_eur"],
          "shared_energy": curve["shared_mwh"], "fund_per_euro": per_euro.fillna(np.inf)}
    return {f"best_kwp_{name}": float(curve.loc[values.idxmax(), "kwp"])
            for name, values in by.items()}


def sizing_summary(row: pd.Series, fraction: float = 0.5, lang: str = "en") -> str:
    """One line on a roof's sizing, as ``expand`` prints it and the coursework notebook too:
    where it saturates and its best size per objective (``row``: the roof's ranking row)."""
    say = Say(lang)
    if row["saturation_kwp"] is None or pd.isna(row["saturation_kwp"]):
        saturation = say("expand.no_saturation")
    else:
        saturation = say("expand.saturation", kwp=say.g(row["saturation_kwp"]),
                         pct=say.n(100 * fraction))
    best = ", ".join(f"{say(f'expand.by_{name}')} {say.g(row[f'best_kwp_{name}'])}"
                     for name in ("npv", "fund", "shared_energy", "fund_per_euro"))
    return say("expand.sizing", candidate=row["candidate"], saturation=saturation, best=best)


__all__ = ["Candidates", "Evaluator", "best_sizes", "evaluate", "saturation_kwp", "sizing_summary"]
