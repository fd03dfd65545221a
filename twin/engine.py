"""The simulation engine: SimPy applies events at their effective times; arrays do the energy.

Between two consecutive events nothing about the community changes, so the energy of that whole
interval is one vectorised computation (DESIGN.md principle 2). The physical flows (PV output of
every plant, load of every member, behind-the-meter netting) are computed for the whole period
first; the SimPy process then walks the event timeline and, at each event, books the interval
that just ended with the plants and members that were active during it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import simpy

from twin.assets.loads import Consumer, load_power_kw
from twin.assets.pv import plant_ac_power_kw
from twin.events import (
    DomainEvent,
    MemberJoined,
    MemberProfileChanged,
    PlantCommissioned,
    PlantDecommissioned,
    PlantOutageEnded,
    PlantOutageStarted,
    replay,
)
from twin.events.state import CommunityState, in_effective_order
from twin.prices import align_prices, builtin_zonal_price, read_price_csv
from twin.rules.parameters import F_EXEMPT_CATEGORIES, NATURAL_PERSON_CATEGORIES
from twin.spec import RunSpec, resolve_path
from twin.timeutil import SimClock, interval_hours, power_to_energy_kwh, time_index
from weather.sources import load_weather

Progress = Callable[[str], None]


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


def load_inputs(spec: RunSpec) -> Inputs:
    """Weather and prices for a run, from the built-in models or the files its settings name."""
    settings = spec.settings
    sim = settings.simulation
    zone = spec.community.market_zone
    index = time_index(sim.start, sim.end, sim.time_step)
    hourly = time_index(sim.start, sim.end, "1h")
    weather_seed = settings.weather.seed if settings.weather.seed is not None else sim.seed
    weather, weather_meta = load_weather(settings.weather, index, weather_seed)
    if settings.prices.source == "builtin":
        price = builtin_zonal_price(hourly, sim.seed, zone)
        price_meta = {"source": f"builtin-{zone} (seed {sim.seed})"}
    else:
        path = resolve_path(settings.prices.path)
        series, price_meta = read_price_csv(path, settings.prices.column or zone)
        price = align_prices(series, hourly, str(path))
    return Inputs(index, hourly, weather, weather_meta, price, price_meta)


@dataclass(frozen=True)
class PhysicalFlows:
    """Energy at each connection point, whatever the membership. [kWh per interval]"""

    plants: list[PlantCommissioned]
    members: list[MemberJoined]
    production_kwh: np.ndarray  # (time, plant) AC output
    injection_kwh: np.ndarray  # (time, plant) after behind-the-meter self-consumption
    withdrawal_kwh: np.ndarray  # (time, member) after behind-the-meter self-consumption


def physical_flows(events: Sequence[DomainEvent], inputs: Inputs, seed: int) -> PhysicalFlows:
    """PV output, loads and behind-the-meter netting for every plant and member of the log."""
    plants = [e for e in events if isinstance(e, PlantCommissioned)]
    members = [e for e in events if isinstance(e, MemberJoined)]
    step_h = interval_hours(inputs.index)
    production = power_to_energy_kwh(plant_ac_power_kw(plants, inputs.weather), step_h)
    plant_col = {p.plant_id: j for j, p in enumerate(plants)}
    outage_from: dict[str, pd.Timestamp] = {}
    for e in events:  # decommissioning and outages stop production (log order)
        if isinstance(e, PlantDecommissioned):
            production[inputs.index >= e.effective_utc, plant_col[e.plant_id]] = 0.0
        elif isinstance(e, PlantOutageStarted):
            outage_from[e.plant_id] = pd.Timestamp(e.effective_utc)
        elif isinstance(e, PlantOutageEnded) and e.plant_id in outage_from:
            start = outage_from.pop(e.plant_id)
            down = (inputs.index >= start) & (inputs.index < e.effective_utc)
            production[down, plant_col[e.plant_id]] = 0.0
    for pid, start in outage_from.items():  # outages still open at the end
        production[inputs.index >= start, plant_col[pid]] = 0.0

    consumers = [Consumer(m.member_id, m.archetype, m.annual_kwh) for m in members]
    withdrawal = power_to_energy_kwh(load_power_kw(consumers, inputs.index, seed), step_h)
    member_col = {m.member_id: i for i, m in enumerate(members)}
    current = {c.member_id: c for c in consumers}
    for e in events:  # a profile change replaces the load from its effective time on
        if isinstance(e, MemberProfileChanged) and e.member_id in member_col:
            old = current[e.member_id]
            new = Consumer(old.member_id, e.archetype or old.archetype,
                           e.annual_kwh if e.annual_kwh is not None else old.annual_kwh)
            current[e.member_id] = new
            since = inputs.index >= e.effective_utc
            if since.any():
                series = power_to_energy_kwh(load_power_kw([new], inputs.index, seed), step_h)
                withdrawal[since, member_col[e.member_id]] = series[since, 0]

    injection = production.copy()
    hosts: dict[str, list[int]] = {}
    for j, p in enumerate(plants):
        if p.host_member is not None:
            hosts.setdefault(p.host_member, []).append(j)
    for host, cols in hosts.items():
        i = member_col[host]
        pv = production[:, cols].sum(axis=1)
        load = withdrawal[:, i].copy()
        surplus = np.maximum(pv - load, 0.0)
        share = np.divide(production[:, cols], pv[:, None], out=np.zeros((len(pv), len(cols))),
                          where=pv[:, None] > 0)
        injection[:, cols] = surplus[:, None] * share
        withdrawal[:, i] = np.maximum(load - pv, 0.0)
    return PhysicalFlows(plants, members, production, injection, withdrawal)


OTHER, F_EXEMPT_BODY, NATURAL_PERSON = 0, 1, 2
"""Holder classes of withdrawal points for the F exemption (RO-2024 §2.2.2.1.2)."""


def holder_class(category: str) -> int:
    """OTHER, F_EXEMPT_BODY or NATURAL_PERSON for a member category."""
    if category in F_EXEMPT_CATEGORIES:
        return F_EXEMPT_BODY
    if category in NATURAL_PERSON_CATEGORIES:
        return NATURAL_PERSON
    return OTHER


@dataclass(frozen=True)
class CountedFlows:
    """Energy that counts for the community: only while a plant or member is active in it.

    Withdrawal is the withdrawal for sharing (tariff-exempt withdrawals netted out), split by
    holder class (:data:`OTHER`, :data:`F_EXEMPT_BODY`, :data:`NATURAL_PERSON`).
    """

    plant_injection_kwh: np.ndarray  # (time, plant)
    plant_active: np.ndarray  # (time, plant) bool
    configuration_withdrawal_by_class_kwh: np.ndarray  # (time, configuration, class)
    member_withdrawal_total_kwh: np.ndarray  # (member,)
    final_state: CommunityState
    segments: int

    @property
    def configuration_withdrawal_kwh(self) -> np.ndarray:
        """Withdrawal for sharing per configuration. [kWh], ``(time, configuration)``"""
        return self.configuration_withdrawal_by_class_kwh.sum(axis=-1)


class CommunityTimeline:
    """SimPy process that applies each event at its effective time and books the intervals.

    Event times are snapped to the first simulation step starting at or after them.
    """

    def __init__(self, env: simpy.Environment, clock: SimClock, index: pd.DatetimeIndex,
                 events: Sequence[DomainEvent], flows: PhysicalFlows,
                 configurations: Sequence[str]) -> None:
        self.env = env
        self.clock = clock
        self.index = index
        start = index[0].to_pydatetime()
        self.state = replay(events, as_of=start)
        self.pending = [e for e in in_effective_order(events) if start < e.effective_utc]
        self.flows = flows
        self.plant_col = {p.plant_id: j for j, p in enumerate(flows.plants)}
        self.member_col = {m.member_id: i for i, m in enumerate(flows.members)}
        config_col = {c: k for k, c in enumerate(configurations)}
        self.n_config = len(configurations)
        # Column (configuration, holder class) of each member, weighted by the share of its
        # withdrawal that counts for sharing (TIAD: tariff-exempt withdrawals are netted out).
        self.member_columns = np.zeros((len(flows.members), self.n_config * 3))
        for i, m in enumerate(flows.members):
            column = config_col[m.configuration_id] * 3 + holder_class(m.category)
            self.member_columns[i, column] = 1.0 - m.tariff_exempt_share
        n_t = len(index)
        self.plant_injection = np.zeros((n_t, len(flows.plants)))
        self.plant_active = np.zeros((n_t, len(flows.plants)), dtype=bool)
        self.config_withdrawal = np.zeros((n_t, self.n_config * 3))
        self.member_total = np.zeros(len(flows.members))
        self.booked_until = 0
        self.segments = 0
        self.process = env.process(self.run())

    def _position(self, when: dt.datetime) -> int:
        return int(self.index.searchsorted(pd.Timestamp(when), side="left"))

    def _book(self, until: int) -> None:
        """Book steps [booked_until, until) with the community as it is now."""
        a, b = self.booked_until, until
        if b <= a:
            return
        plants = np.zeros(len(self.flows.plants), dtype=bool)
        plants[[self.plant_col[p] for p in self.state.plants]] = True
        members = np.zeros(len(self.flows.members))
        members[[self.member_col[m] for m in self.state.members]] = 1.0
        self.plant_injection[a:b] = self.flows.injection_kwh[a:b] * plants
        self.plant_active[a:b] = plants
        self.config_withdrawal[a:b] = self.flows.withdrawal_kwh[a:b] @ (
            self.member_columns * members[:, None])
        self.member_total += self.flows.withdrawal_kwh[a:b].sum(axis=0) * members
        self.booked_until = b
        self.segments += 1

    def run(self):  # noqa: ANN201 - a SimPy process generator
        for event in self.pending:
            position = self._position(event.effective_utc)
            if position >= len(self.index):
                break
            when = self.clock.to_sim_time(self.index[position])
            yield self.env.timeout(when - self.env.now)
            self._book(position)
            self.state.apply(event)
        end = self.clock.to_sim_time(self.index[-1]) + interval_hours(self.index) * 3600
        yield self.env.timeout(end - self.env.now)
        self._book(len(self.index))


def count_flows(events: Sequence[DomainEvent], index: pd.DatetimeIndex, flows: PhysicalFlows,
                configurations: Sequence[str]) -> CountedFlows:
    """Run the SimPy timeline over the period and return what counted for the community."""
    env = simpy.Environment()
    timeline = CommunityTimeline(env, SimClock(index[0]), index, events, flows, configurations)
    env.run()
    by_class = timeline.config_withdrawal.reshape(len(index), len(configurations), 3)
    return CountedFlows(timeline.plant_injection, timeline.plant_active, by_class,
                        timeline.member_total, timeline.state, timeline.segments)


def to_hourly(values: np.ndarray, steps_per_hour: int) -> np.ndarray:
    """Sum energy (or any) of sub-hourly steps into hours; the first axis is time."""
    if steps_per_hour == 1:
        return values
    return values.reshape(-1, steps_per_hour, *values.shape[1:]).sum(axis=1)


def simulate_flows(spec: RunSpec, inputs: Inputs,
                   progress: Progress | None = None) -> tuple[PhysicalFlows, CountedFlows]:
    """Physical and counted flows of a run."""
    say = progress or (lambda _msg: None)
    flows = physical_flows(spec.events, inputs, spec.settings.simulation.seed)
    say(f"computed PV for {len(flows.plants)} plants and loads for {len(flows.members)} members")
    counted = count_flows(spec.events, inputs.index, flows,
                          [c.configuration_id for c in spec.configurations])
    say(f"applied {len(spec.events)} events ({counted.segments} intervals)")
    return flows, counted
