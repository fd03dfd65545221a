"""The stochastic future of a multi-year run, written as events by SimPy processes.

Each process draws from its own seeded stream (scenario seed + a name), and everything it
decides becomes a domain event (``MemberJoined``, ``MemberLeft``, ``PlantOutageStarted``,
``PlantOutageEnded``) with its effective time. The events are added to the run's log, so the
engine, the rules and the audit treat them like recorded history, and the same seed gives the
same future.

* ``arrivals``: new members of an archetype join a configuration as a Poisson process;
* ``churn``: every member leaves after an exponential time (the yearly churn probability);
* ``outages``: every plant alternates between working (exponential, mean MTBF) and broken
  (exponential, mean MTTR).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence

import simpy

from twin.core.random import member_rng
from twin.core.time import SimClock, local_midnight_utc
from twin.errors import ConsistencyError
from twin.events import (
    DomainEvent,
    MemberJoined,
    MemberLeft,
    PlantCommissioned,
    PlantOutageEnded,
    PlantOutageStarted,
    replay,
)
from twin.events.state import CommunityState, in_effective_order
from twin.scenario import Future, Growth

YEAR_S = 365.25 * 86400.0


def future_events(events: Sequence[DomainEvent], future: Future, start: dt.date, end: dt.date,
                  seed: int) -> list[DomainEvent]:
    """Events drawn for the period [start, end) by the SimPy processes of ``future``."""
    if not (future.growth or future.churn_pct_per_year or future.churn_pct_by_configuration
            or future.plant_mtbf_days):
        return []
    clock = SimClock(local_midnight_utc(start))
    horizon = clock.to_sim_time(local_midnight_utc(end))
    env = simpy.Environment()
    out: list[DomainEvent] = []
    state = replay(events, as_of=local_midnight_utc(start).to_pydatetime())
    def churn_rate(configuration: str) -> float:
        pct = future.churn_pct_by_configuration.get(configuration, future.churn_pct_per_year)
        return -math.log(1 - pct / 100) / YEAR_S if pct else 0.0

    def at() -> dt.datetime:
        return clock.to_timestamp(env.now).floor("s").to_pydatetime()

    def leave(member_id: str, rate: float) -> Iterator[simpy.Event]:
        rng = member_rng(seed, f"churn:{member_id}")
        yield env.timeout(rng.exponential(1 / rate))
        out.append(MemberLeft(effective_utc=at(), member_id=member_id))

    def arrivals(growth: Growth) -> Iterator[simpy.Event]:
        rng = member_rng(seed, f"growth:{growth.configuration}:{growth.archetype}")
        k = 0
        while True:
            yield env.timeout(rng.exponential(YEAR_S / growth.members_per_year))
            k += 1
            member_id = f"{growth.configuration}-{growth.archetype}-new-{k:04d}"
            out.append(MemberJoined(
                effective_utc=at(), member_id=member_id, configuration_id=growth.configuration,
                category=growth.category, archetype=growth.archetype,
                annual_kwh=growth.annual_kwh, group_id=f"{growth.configuration}-growth"))
            if churn_rate(growth.configuration):
                env.process(leave(member_id, churn_rate(growth.configuration)))

    def outages(plant: PlantCommissioned) -> Iterator[simpy.Event]:
        assert future.plant_mtbf_days is not None
        rng = member_rng(seed, f"outage:{plant.plant_id}")
        while True:
            yield env.timeout(rng.exponential(future.plant_mtbf_days * 86400.0))
            out.append(PlantOutageStarted(effective_utc=at(), plant_id=plant.plant_id,
                                          reason="random failure (MTBF model)"))
            yield env.timeout(rng.exponential(future.plant_mttr_days * 86400.0))
            out.append(PlantOutageEnded(effective_utc=at(), plant_id=plant.plant_id))

    for member_id, member in state.members.items():
        if churn_rate(member.configuration_id):
            env.process(leave(member_id, churn_rate(member.configuration_id)))
    for growth in future.growth:
        env.process(arrivals(growth))
    if future.plant_mtbf_days:
        plants = {e.plant_id: e for e in events if isinstance(e, PlantCommissioned)}
        for plant in plants.values():
            env.process(outages(plant))
    env.run(until=horizon)
    return _consistent(events, out)


def _consistent(events: Sequence[DomainEvent], drawn: list[DomainEvent]) -> list[DomainEvent]:
    """Drop draws the recorded history makes impossible (a member who already left, an outage
    of a plant no longer in operation), keeping the rest, in one fold in time order."""
    drawn_ids = {id(e) for e in drawn}
    state = CommunityState()
    kept: list[DomainEvent] = []
    for event in in_effective_order([*events, *drawn]):
        try:
            state.apply(event)
        except ConsistencyError:
            if id(event) not in drawn_ids:
                raise
            continue
        if id(event) in drawn_ids:
            kept.append(event)
    return kept
