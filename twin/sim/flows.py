"""Energy flows of a run: what each plant injects and each member withdraws, and what of it counts.

PV is computed for all plants at once; loads are generated in blocks of members (so 10,000
members never sit in memory at once), netted behind the meter where a plant sits on a member's
POD, and booked segment by segment of the timeline (:mod:`twin.sim.timeline`) per configuration
and holder class.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from twin.assets.appliances import prepare_placement
from twin.assets.loads import load_model
from twin.assets.pv import plant_ac_power_kw
from twin.assets.storage import (
    Dispatch,
    batteries_of,
    behind_the_meter_offers,
    dispatch,
    schedule_offers,
)
from twin.core.calendar import MonthGrid
from twin.core.progress import Progress, silent
from twin.core.time import interval_hours, power_to_energy_kwh, to_local
from twin.errors import Text
from twin.events import (
    DomainEvent,
    MemberJoined,
    MeterDataImported,
    PlantCommissioned,
    PlantDecommissioned,
    PlantDerated,
    PlantOutageEnded,
    PlantOutageStarted,
    StorageInstalled,
)
from twin.events.state import CommunityState
from twin.inputs.meters import MeterSeries, on_grid
from twin.inputs.meters.ledger import Meter, in_force
from twin.inputs.run import Inputs
from twin.rules.configuration import holder_class
from twin.sim.flexible import move_flexible_demand
from twin.sim.loads import member_power_kw
from twin.sim.member_months import MemberMonths
from twin.sim.profiles import Profiled, profiled_energy
from twin.sim.reuse import pv_power_kw
from twin.sim.spec import RunSpec
from twin.sim.timeline import Timeline, run_timeline

MEMBER_BLOCK = 256
"""Members whose load series are generated and booked together (bounds memory)."""



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
    member_months: MemberMonths
    """What the members' bills are made of (:mod:`twin.sim.member_months`)."""
    batteries: dict[str, Dispatch] = field(default_factory=dict)
    """What each battery did (by storage id)."""
    storage_injection_kwh: np.ndarray | None = None
    """``(time, configuration)``: what community batteries inject (None: there are none)."""

    @property
    def configuration_withdrawal_kwh(self) -> np.ndarray:
        """Withdrawal for sharing per configuration. [kWh], ``(time, configuration)``"""
        return self.configuration_withdrawal_by_class_kwh.sum(axis=-1)


def plant_production(events: Sequence[DomainEvent], plants: list[PlantCommissioned],
                     inputs: Inputs, profiles: Profiled | None = None) -> np.ndarray:
    """AC energy of every plant per step (the PV model's, or a measured profile's), zero when
    decommissioned or in an outage. [kWh]"""
    step_h = interval_hours(inputs.index)
    production = power_to_energy_kwh(pv_power_kw(plants, inputs.weather,
                                                 inputs.transposition_model, plant_ac_power_kw),
                                     step_h)
    plant_col = {p.plant_id: j for j, p in enumerate(plants)}
    for (kind, key), energy in (profiles or {}).items():
        if kind == "plant":
            production[:, plant_col[key]] = energy
    outage_from: dict[str, pd.Timestamp] = {}
    for e in events:  # decommissioning and outages stop production (log order)
        if isinstance(e, PlantDerated):
            production[inputs.index >= e.effective_utc, plant_col[e.plant_id]] *= e.factor
        elif isinstance(e, PlantDecommissioned):
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
                      seed: int, throughout: Collection[str] = (),
                      out: np.ndarray | None = None) -> np.ndarray:
    """Withdrawal of a block of members per step, following their profile changes, modelled
    in the years they need (:func:`twin.sim.loads.member_power_kw`; ``throughout``: the hosts
    of plants and batteries; ``out``: a buffer to write in). [kWh]"""
    power = member_power_kw(members, timeline, inputs.index, seed,
                            inputs.weather["temp_air"].to_numpy(), throughout, out)
    # in place, unless the array is a study's cache (read-only, shared between variants)
    return power_to_energy_kwh(power, interval_hours(inputs.index),
                               out=power if power.flags.writeable else None)


Measured = dict[Meter, tuple[np.ndarray, np.ndarray]]
"""Each meter's measured energy on the run's grid and which steps it covers."""


def measured_on_grid(meter_data: Sequence[tuple[MeterDataImported, MeterSeries]],
                     index: pd.DatetimeIndex) -> Measured:
    """Every meter's series in force (later imports correct earlier ones) on the run's grid."""
    return {meter: on_grid(f.energy_kwh, f.step, index)
            for meter, f in in_force(meter_data).items()}


BatteryStep = Callable[[str, np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray] | None]
"""(host member id, its load after PV, its plants' surplus) -> (charge, discharge) per step, or
None for a member without a battery."""


def behind_the_meter(block: list[MemberJoined], withdrawal: np.ndarray,
                     production: np.ndarray, injection: np.ndarray,
                     hosted: dict[str, list[int]], measured: Measured,
                     battery: BatteryStep | None = None) -> tuple[list[int], np.ndarray]:
    """Net each host's load with its plants' output (the host uses it first, the surplus is
    injected), then put the measured values in, as measured: a POD's withdrawal and injection
    are net of what sits behind it, so nothing is subtracted from them again. In place.

    A battery behind the host's POD (``battery``) then charges from what its plants would inject
    and discharges into what it would withdraw; what it delivers counts as self-consumed.

    Returns the positions in the block of its members hosting plants, and the energy each of
    them self-consumes per step (the modelled ``min(load, output)`` plus what its battery
    delivers), ``(time, host)`` [kWh]; the others self-consume nothing."""
    n_t = len(withdrawal)
    hosts = [i for i, m in enumerate(block) if hosted.get(m.member_id)]
    self_consumed = np.zeros((n_t, len(hosts)))
    for i, m in enumerate(block):
        cols = hosted.get(m.member_id)
        if cols:
            h = hosts.index(i)
            pv = production[:, cols].sum(axis=1)
            share = np.divide(production[:, cols], pv[:, None],
                              out=np.full((n_t, len(cols)), 1.0 / len(cols)),
                              where=pv[:, None] > 0)
            injection[:, cols] = np.maximum(pv - withdrawal[:, i], 0.0)[:, None] * share
            self_consumed[:, h] = np.minimum(withdrawal[:, i], pv)
            withdrawal[:, i] -= self_consumed[:, h]
            done = battery(m.member_id, withdrawal[:, i], injection[:, cols].sum(axis=1)) \
                if battery is not None else None
            if done is not None:
                charge, discharge = done
                injection[:, cols] -= charge[:, None] * share
                np.maximum(injection[:, cols], 0.0, out=injection[:, cols])
                withdrawal[:, i] -= discharge
                self_consumed[:, h] += discharge
            if ("member", m.member_id, "injection") in measured:
                values, covered = measured[("member", m.member_id, "injection")]
                injection[np.ix_(covered, cols)] = values[covered, None] * share[covered]
        if ("member", m.member_id, "withdrawal") in measured:
            values, covered = measured[("member", m.member_id, "withdrawal")]
            withdrawal[covered, i] = values[covered]
    return hosts, self_consumed


def batteries_behind_meters(events: Sequence[DomainEvent]) -> dict[str, StorageInstalled]:
    """Each battery behind a member's POD, by its host."""
    return {e.host_member: e for e in events
            if isinstance(e, StorageInstalled) and e.host_member is not None}


def battery_runner(events: Sequence[DomainEvent], index: pd.DatetimeIndex,
                   record: dict[str, Dispatch]) -> BatteryStep:
    """Dispatches the battery behind a host's POD by its policy, from its installation on,
    and records what it did (by storage id)."""
    by_host = batteries_behind_meters(events)
    step_h = interval_hours(index)
    local = to_local(index) if by_host else index[:0]  # local clock only for batteries
    hour = (local.hour + local.minute / 60.0).to_numpy()

    def run(member_id: str, load: np.ndarray, surplus: np.ndarray):  # noqa: ANN202
        e = by_host.get(member_id)
        if e is None:
            return None
        live = (index >= e.effective_utc)[:, None]
        if (e.policy or "self_consumption") == "schedule":
            offer_in, offer_out = schedule_offers(
                hour, tuple(e.charge_hours), tuple(e.discharge_hours), surplus[:, None],
                load[:, None])
        else:
            offer_in, offer_out = behind_the_meter_offers(surplus[:, None], load[:, None])
        done = dispatch(batteries_of([e]), np.where(live, offer_in, 0.0),
                        np.where(live, offer_out, 0.0), step_h)
        record[e.storage_id] = done
        return done.charge_kwh[:, 0], done.discharge_kwh[:, 0]

    return run


def book_active(withdrawal: np.ndarray, self_consumed: np.ndarray, hosts: list[int],
                present: np.ndarray, lengths: np.ndarray, columns: np.ndarray,
                by_class: np.ndarray) -> None:
    """Zero what a block's members withdraw, and its ``hosts`` self-consume, while not present
    (``(segment, member)``, segments of ``lengths`` steps; only what is withdrawn while active
    counts, and is billed here), and add the rest to the withdrawal by configuration and holder
    class, all in place."""
    mask = np.repeat(present, lengths, axis=0)  # (time, member)
    withdrawal *= mask
    self_consumed *= mask[:, hosts]
    by_class += withdrawal @ columns


def plant_counts(plants: list[PlantCommissioned], timeline: Timeline, injection: np.ndarray,
                 measured: Measured) -> tuple[np.ndarray, np.ndarray]:
    """Measured injections put in (in place), then what each plant injects while it counts
    and whether it counts, ``(time, plant)``."""
    for j, p in enumerate(plants):
        if ("plant", p.plant_id, "injection") in measured:
            values, covered = measured[("plant", p.plant_id, "injection")]
            injection[covered, j] = values[covered]
    bounds = timeline.bounds
    plant_active = np.repeat(timeline.presence([p.plant_id for p in plants], of="plants"),
                             bounds[:, 1] - bounds[:, 0], axis=0)
    return injection * plant_active, plant_active


def book_flows(events: Sequence[DomainEvent], inputs: Inputs, seed: int, timeline: Timeline,
               configurations: Sequence[str], progress: Progress | None = None,
               meter_data: Sequence[tuple[MeterDataImported, MeterSeries]] = (),
               profiles: Profiled | None = None,
               ) -> tuple[PhysicalFlows, CountedFlows]:
    """Generate loads in blocks of members, net behind-the-meter plants, and book every segment
    of the timeline: what counts for the community, per configuration and holder class.

    ``profiles`` (:mod:`twin.sim.profiles`) replace the models of the members and plants whose
    profile comes from measured data of another year."""
    profiles = profiles or {}
    plants = [e for e in events if isinstance(e, PlantCommissioned)]
    members = [e for e in events if isinstance(e, MemberJoined)]
    members = list({m.member_id: m for m in members}.values())  # a rejoining POD once
    production = plant_production(events, plants, inputs, profiles)
    injection = production.copy()
    n_t, n_c = len(inputs.index), len(configurations)
    config_col = {c: k for k, c in enumerate(configurations)}
    hosted: dict[str, list[int]] = {}
    for j, p in enumerate(plants):
        if p.host_member is not None:
            hosted.setdefault(p.host_member, []).append(j)
    # a host's load decides what its plants inject and its battery does, member or not
    hosted_or_storing = set(hosted) | set(batteries_behind_meters(events))
    measured = measured_on_grid(meter_data, inputs.index)
    dispatched: dict[str, Dispatch] = {}
    batteries = battery_runner(events, inputs.index, dispatched)
    sun = by_configuration(production, plants, config_col)  # where flexible demand goes
    by_class = np.zeros((n_t, n_c * 3))
    member_total = np.zeros(len(members))
    grid = MonthGrid.of(inputs.index)
    months = MemberMonths.empty(grid, len(members))
    step_h = interval_hours(inputs.index)
    bounds = timeline.bounds
    lengths = bounds[:, 1] - bounds[:, 0]
    prepare_placement(len(members) * n_t)
    buffer = np.empty(n_t * min(MEMBER_BLOCK, len(members)))  # every block's loads (long runs)
    # Blocks of members of the same load model where possible (one model call per block, and
    # each model's columns side by side in a block), in order of membership (the members a
    # year models then sit side by side too).
    model = [load_model(timeline.profiles[m.member_id][0][1]).name for m in members]
    presence = timeline.members_present([m.member_id for m in members])  # (segment, member)
    first, last = presence.argmax(axis=0), len(presence) - presence[::-1].argmax(axis=0)
    order = sorted(range(len(members)),
                   key=lambda i: (members[i].archetype, model[i], first[i], last[i]))
    for lo in range(0, len(members), MEMBER_BLOCK):
        block_index = order[lo:lo + MEMBER_BLOCK]
        block = [members[i] for i in block_index]
        withdrawal = member_withdrawal(block, timeline, inputs, seed, hosted_or_storing,
                                       buffer[:n_t * len(block)].reshape(n_t, len(block)))
        for i, m in enumerate(block):
            if ("member", m.member_id) in profiles:
                withdrawal[:, i] = profiles[("member", m.member_id)]
        move_flexible_demand(block, withdrawal, inputs.index, seed, sun, config_col)
        months.peak_kw[block_index] = withdrawal.max(axis=0, initial=0.0) / step_h
        hosts, self_consumed = behind_the_meter(block, withdrawal, production, injection,
                                                hosted, measured, batteries)
        # Column (configuration, holder class) of each member, weighted by the share of its
        # withdrawal that counts for sharing (TIAD: tariff-exempt withdrawals are netted out).
        columns = np.zeros((len(block), n_c * 3))
        for i, m in enumerate(block):
            columns[i, config_col[m.configuration_id] * 3 + holder_class(m.category)] = \
                1.0 - m.tariff_exempt_share
        present = presence[:, block_index]
        book_active(withdrawal, self_consumed, hosts, present, lengths, columns, by_class)
        member_total[block_index] += withdrawal.sum(axis=0)
        months.withdrawn_kwh[block_index] = grid.by_band(withdrawal)
        months.self_consumed_kwh[[block_index[i] for i in hosts]] = grid.by_band(self_consumed)
        months.active_steps[block_index] = grid.steps_active(present, bounds)
        if progress is not None and len(members) > MEMBER_BLOCK:
            progress("member loads", min(lo + MEMBER_BLOCK, len(members)), len(members))

    plant_injection, plant_active = plant_counts(plants, timeline, injection, measured)
    counted = CountedFlows(plant_injection, plant_active, by_class.reshape(n_t, n_c, 3),
                           member_total, timeline.final_state, len(timeline.segments), months,
                           dispatched)
    return PhysicalFlows(plants, members, production, injection), counted


def by_configuration(values: np.ndarray, plants: Sequence[PlantCommissioned],
                     column: dict[str, int]) -> np.ndarray:
    """Plants' ``(time, plant)`` values summed by configuration, ``(time, configuration)``."""
    out = np.zeros((len(values), len(column)))
    for j, p in enumerate(plants):
        out[:, column[p.configuration_id]] += values[:, j]
    return out


def community_batteries(events: Sequence[DomainEvent], index: pd.DatetimeIndex,
                        configurations: Sequence[str], flows: PhysicalFlows,
                        counted: CountedFlows, grid_charge: str) -> CountedFlows:
    """Dispatch the community batteries (``community_sharing``): each charges while its
    configuration injects more than it withdraws and discharges while it withdraws more, on
    what the batteries before it left. Their discharge is injection of the configuration; their
    grid charge counts for sharing as the ``storage_grid_charge`` switch says."""
    stored = [e for e in events if isinstance(e, StorageInstalled) and e.host_member is None]
    if not stored:
        return counted
    col = {c: k for k, c in enumerate(configurations)}
    injection = by_configuration(counted.plant_injection_kwh, flows.plants, col)
    withdrawal = counted.configuration_withdrawal_by_class_kwh.copy()
    out = np.zeros_like(injection)
    dispatched = dict(counted.batteries)
    step_h = interval_hours(index)
    for e in stored:
        k = col[e.configuration_id]
        net = injection[:, k] + out[:, k] - withdrawal[:, k].sum(axis=1)
        live = index >= e.effective_utc
        done = dispatch(batteries_of([e]), np.where(live, np.maximum(net, 0.0), 0.0)[:, None],
                        np.where(live, np.maximum(-net, 0.0), 0.0)[:, None], step_h)
        dispatched[e.storage_id] = done
        out[:, k] += done.discharge_kwh[:, 0]
        if grid_charge == "times_efficiency":
            withdrawal[:, k, 0] += done.charge_kwh[:, 0] * e.round_trip_efficiency
    return dataclasses.replace(counted, configuration_withdrawal_by_class_kwh=withdrawal,
                               batteries=dispatched, storage_injection_kwh=out)


def simulate_flows(spec: RunSpec, inputs: Inputs,
                   progress: Progress | None = None) -> tuple[PhysicalFlows, CountedFlows]:
    """Physical and counted flows of a run."""
    say = progress or silent
    timeline = run_timeline(spec.events, inputs.index)
    say(Text("applied {events} events ({intervals} intervals)", events=len(spec.events),
             intervals=len(timeline.segments)))
    flows, counted = book_flows(spec.events, inputs, spec.settings.simulation.seed, timeline,
                                spec.configuration_ids, say,
                                spec.meter_data,
                                profiled_energy(spec.events, spec.files, inputs.index))
    say(Text("computed PV for {plants} plants and loads for {members} members",
             plants=len(flows.plants), members=len(flows.members)))
    counted = community_batteries(spec.events, inputs.index, spec.configuration_ids, flows,
                                  counted, spec.settings.rules.storage_grid_charge)
    return flows, counted
