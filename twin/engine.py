"""The simulation engine: SimPy applies events at their effective times; arrays do the energy.

Between two consecutive events nothing about the community changes, so the energy of that whole
interval is one vectorised computation (DESIGN.md principle 2). A SimPy process first walks the
event timeline and records the intervals between events, who was in the community during each,
and every change of a member's consumption profile. Then PV is computed for all plants at once,
and loads are generated in blocks of members (so 10,000 members never sit in memory at once),
netted behind the meter where a plant sits on a member's POD, and booked interval by interval
per configuration and holder class.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
    MeterDataImported,
    PlantCommissioned,
    PlantDecommissioned,
    PlantOutageEnded,
    PlantOutageStarted,
    replay,
)
from twin.events.state import CommunityState, in_effective_order
from twin.meters import MeterSeries, on_grid
from twin.prices import align_prices, builtin_zonal_price, read_price_csv
from twin.progress import Progress, silent
from twin.rules.parameters import F_EXEMPT_CATEGORIES, NATURAL_PERSON_CATEGORIES
from twin.spec import RunSpec, resolve_path
from twin.timeutil import SimClock, interval_hours, power_to_energy_kwh, time_index
from weather.sources import load_weather


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
        price = builtin_zonal_price(hourly, sim.seed, zone,
                                    settings.prices.escalation_pct_per_year)
        price_meta = {"source": f"builtin-{zone} (seed {sim.seed})"}
    else:
        path = resolve_path(settings.prices.path)
        series, price_meta = read_price_csv(path, settings.prices.column or zone)
        price = align_prices(series, hourly, str(path))
    return Inputs(index, hourly, weather, weather_meta, price, price_meta)


OTHER, F_EXEMPT_BODY, NATURAL_PERSON = 0, 1, 2
"""Holder classes of withdrawal points for the F exemption (RO-2024 §2.2.2.1.2)."""

MEMBER_BLOCK = 256
"""Members whose load series are generated and booked together (bounds memory)."""


def holder_class(category: str) -> int:
    """OTHER, F_EXEMPT_BODY or NATURAL_PERSON for a member category."""
    if category in F_EXEMPT_CATEGORIES:
        return F_EXEMPT_BODY
    if category in NATURAL_PERSON_CATEGORIES:
        return NATURAL_PERSON
    return OTHER


def consumer_of(member: MemberJoined) -> Consumer:
    """The load model's view of a member (after any profile change folded into it)."""
    return Consumer(member.member_id, member.archetype, member.annual_kwh,
                    member.contracted_power_kw)


@dataclass(frozen=True)
class Segment:
    """Steps ``[start, end)`` during which the community does not change."""

    start: int
    end: int
    members: frozenset[str]
    plants: frozenset[str]


@dataclass
class Timeline:
    """What the SimPy run found: the segments, each member's profile changes, the final state."""

    segments: list[Segment]
    profiles: dict[str, list[tuple[int, Consumer]]]
    """Member id → ``(first step, consumer profile)`` in time order."""
    final_state: CommunityState


class CommunityTimeline:
    """SimPy process that applies each event at its effective time.

    It records the intervals between events (when nothing changes, so the energy of each
    interval is one array computation) and every change of a member's consumption profile
    (``MemberProfileChanged``: a heat pump, an EV, a vacancy). Event times are snapped to the
    first simulation step starting at or after them.
    """

    def __init__(self, env: simpy.Environment, clock: SimClock, index: pd.DatetimeIndex,
                 events: Sequence[DomainEvent]) -> None:
        self.env = env
        self.clock = clock
        self.index = index
        start = index[0].to_pydatetime()
        self.state = replay(events, as_of=start)
        self.pending = [e for e in in_effective_order(events) if start < e.effective_utc]
        self.segments: list[Segment] = []
        self.profiles: dict[str, list[tuple[int, Consumer]]] = {}
        for e in in_effective_order(events):  # every member's profile as it first joins
            if isinstance(e, MemberJoined) and e.member_id not in self.profiles:
                self.profiles[e.member_id] = [(0, consumer_of(e))]
        for member in self.state.members.values():  # profile changes before the start
            self.profiles[member.member_id] = [(0, consumer_of(member))]
        self.booked_until = 0
        self.process = env.process(self.run())

    def _position(self, when: dt.datetime) -> int:
        stamp = pd.Timestamp(when).ceil("us")  # the grid's resolution: never before ``when``
        return int(self.index.searchsorted(stamp, side="left"))

    def _close(self, until: int) -> None:
        if until > self.booked_until:
            self.segments.append(Segment(self.booked_until, until,
                                         frozenset(self.state.members),
                                         frozenset(self.state.plants)))
            self.booked_until = until

    def run(self):  # noqa: ANN201 - a SimPy process generator
        for event in self.pending:
            position = self._position(event.effective_utc)
            if position >= len(self.index):
                break
            yield self.env.timeout(self.clock.to_sim_time(self.index[position]) - self.env.now)
            self._close(position)
            self.state.apply(event)
            if isinstance(event, MemberProfileChanged | MemberJoined):
                profile = consumer_of(self.state.members[event.member_id])
                history = self.profiles.setdefault(event.member_id, [])
                if not history or history[-1][1] != profile:
                    history.append((position, profile))
        end = self.clock.to_sim_time(self.index[-1]) + interval_hours(self.index) * 3600
        yield self.env.timeout(end - self.env.now)
        self._close(len(self.index))


def run_timeline(events: Sequence[DomainEvent], index: pd.DatetimeIndex) -> Timeline:
    """Run the SimPy timeline over the period."""
    env = simpy.Environment()
    timeline = CommunityTimeline(env, SimClock(index[0]), index, events)
    env.run()
    return Timeline(timeline.segments, timeline.profiles, timeline.state)


@dataclass(frozen=True)
class PhysicalFlows:
    """Energy at the plants' connection points, whatever the membership. [kWh per interval]"""

    plants: list[PlantCommissioned]
    members: list[MemberJoined]
    production_kwh: np.ndarray  # (time, plant) AC output
    injection_kwh: np.ndarray  # (time, plant) after behind-the-meter self-consumption


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


def plant_production(events: Sequence[DomainEvent], plants: list[PlantCommissioned],
                     inputs: Inputs) -> np.ndarray:
    """AC energy of every plant per step, zero when decommissioned or in an outage. [kWh]"""
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
    return production


def member_withdrawal(members: Sequence[MemberJoined], timeline: Timeline, inputs: Inputs,
                      seed: int) -> np.ndarray:
    """Withdrawal of a block of members per step, following their profile changes. [kWh]"""
    step_h = interval_hours(inputs.index)
    first = [timeline.profiles[m.member_id][0][1] for m in members]
    out = load_power_kw(first, inputs.index, seed, inputs.weather["temp_air"].to_numpy())
    for i, m in enumerate(members):
        for position, profile in timeline.profiles[m.member_id][1:]:
            series = load_power_kw([profile], inputs.index, seed,
                                   inputs.weather["temp_air"].to_numpy())
            out[position:, i] = series[position:, 0]
    out *= step_h  # mean power over the step × its length = energy (power_to_energy_kwh)
    return out


def book_flows(events: Sequence[DomainEvent], inputs: Inputs, seed: int, timeline: Timeline,
               configurations: Sequence[str], progress: Progress | None = None,
               meter_data: Sequence[tuple[MeterDataImported, MeterSeries]] = (),
               ) -> tuple[PhysicalFlows, CountedFlows]:
    """Generate loads in blocks of members, net behind-the-meter plants, and book every segment
    of the timeline: what counts for the community, per configuration and holder class."""
    plants = [e for e in events if isinstance(e, PlantCommissioned)]
    members = [e for e in events if isinstance(e, MemberJoined)]
    members = list({m.member_id: m for m in members}.values())  # a rejoining POD once
    production = plant_production(events, plants, inputs)
    injection = production.copy()
    n_t, n_c = len(inputs.index), len(configurations)
    config_col = {c: k for k, c in enumerate(configurations)}
    hosted: dict[str, list[int]] = {}
    for j, p in enumerate(plants):
        if p.host_member is not None:
            hosted.setdefault(p.host_member, []).append(j)

    measured = {(e.member_id or e.plant_id, e.quantity): on_grid(series, inputs.index)
                for e, series in meter_data}
    by_class = np.zeros((n_t, n_c * 3))
    member_total = np.zeros(len(members))
    # Blocks of members of the same archetype where possible (one load model call per block).
    order = sorted(range(len(members)), key=lambda i: members[i].archetype)
    for lo in range(0, len(members), MEMBER_BLOCK):
        block_index = order[lo:lo + MEMBER_BLOCK]
        block = [members[i] for i in block_index]
        withdrawal = member_withdrawal(block, timeline, inputs, seed)
        for i, m in enumerate(block):  # measured data replaces the model where it exists
            if (m.member_id, "withdrawal") in measured:
                values, covered = measured[(m.member_id, "withdrawal")]
                withdrawal[covered, i] = values[covered]
        for i, m in enumerate(block):  # behind the meter: the host uses its plants' output first
            cols = hosted.get(m.member_id)
            if cols:
                pv = production[:, cols].sum(axis=1)
                surplus = np.maximum(pv - withdrawal[:, i], 0.0)
                share = np.divide(production[:, cols], pv[:, None],
                                  out=np.zeros((n_t, len(cols))), where=pv[:, None] > 0)
                injection[:, cols] = surplus[:, None] * share
                withdrawal[:, i] = np.maximum(withdrawal[:, i] - pv, 0.0)
        # Column (configuration, holder class) of each member, weighted by the share of its
        # withdrawal that counts for sharing (TIAD: tariff-exempt withdrawals are netted out).
        columns = np.zeros((len(block), n_c * 3))
        for i, m in enumerate(block):
            columns[i, config_col[m.configuration_id] * 3 + holder_class(m.category)] = \
                1.0 - m.tariff_exempt_share
        ids = [m.member_id for m in block]
        for seg in timeline.segments:
            active = np.array([mid in seg.members for mid in ids], dtype=float)
            if not active.any():
                continue
            a, b = seg.start, seg.end
            by_class[a:b] += withdrawal[a:b] @ (columns * active[:, None])
            member_total[block_index] += withdrawal[a:b].sum(axis=0) * active
        if progress is not None and len(members) > MEMBER_BLOCK:
            progress("member loads", min(lo + MEMBER_BLOCK, len(members)), len(members))

    for j, p in enumerate(plants):
        if (p.plant_id, "injection") in measured:
            values, covered = measured[(p.plant_id, "injection")]
            injection[covered, j] = values[covered]
    plant_injection = np.zeros_like(injection)
    plant_active = np.zeros(injection.shape, dtype=bool)
    plant_ids = [p.plant_id for p in plants]
    for seg in timeline.segments:
        active = np.array([pid in seg.plants for pid in plant_ids], dtype=bool)
        plant_injection[seg.start:seg.end] = injection[seg.start:seg.end] * active
        plant_active[seg.start:seg.end] = active
    counted = CountedFlows(plant_injection, plant_active, by_class.reshape(n_t, n_c, 3),
                           member_total, timeline.final_state, len(timeline.segments))
    return PhysicalFlows(plants, members, production, injection), counted


def to_hourly(values: np.ndarray, steps_per_hour: int) -> np.ndarray:
    """Sum energy (or any) of sub-hourly steps into hours; the first axis is time."""
    if steps_per_hour == 1:
        return values
    return values.reshape(-1, steps_per_hour, *values.shape[1:]).sum(axis=1)


def simulate_flows(spec: RunSpec, inputs: Inputs,
                   progress: Progress | None = None) -> tuple[PhysicalFlows, CountedFlows]:
    """Physical and counted flows of a run."""
    say = progress or silent
    timeline = run_timeline(spec.events, inputs.index)
    say(f"applied {len(spec.events)} events ({len(timeline.segments)} intervals)")
    flows, counted = book_flows(spec.events, inputs, spec.settings.simulation.seed, timeline,
                                [c.configuration_id for c in spec.configurations], say,
                                spec.meter_data)
    say(f"computed PV for {len(flows.plants)} plants and loads for {len(flows.members)} members")
    return flows, counted
