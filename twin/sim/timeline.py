"""The community's timeline: SimPy applies each event at its effective time.

A SimPy process walks the event log in effective-time order and records the intervals between
events (when nothing about the community changes, so the energy of each interval is one array
computation: DESIGN.md principle 2), who was in the community during each, and every change of a
member's consumption profile.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import simpy

from twin.assets.loads import Consumer
from twin.core.time import SimClock, interval_hours
from twin.events import DomainEvent, MemberJoined, MemberProfileChanged, replay
from twin.events.state import CommunityState, in_effective_order


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

    @functools.cached_property
    def bounds(self) -> np.ndarray:
        """Each segment's ``[start, end)``, ``(segment, 2)``."""
        return np.array([(seg.start, seg.end) for seg in self.segments],
                        dtype=np.int64).reshape(-1, 2)

    def presence(self, ids: Sequence[str], of: str = "members") -> np.ndarray:
        """Whether each of ``ids`` (members, or plants with ``of="plants"``) is in the community
        in each segment, ``(segment, id)``: built from what changes between segments (a few ids
        at a time), not by asking every id of every segment."""
        column = {key: j for j, key in enumerate(ids)}
        out = np.zeros((len(self.segments), len(ids)), dtype=bool)
        before: frozenset[str] = frozenset()
        row = np.zeros(len(ids), dtype=bool)
        for k, seg in enumerate(self.segments):
            now = getattr(seg, of)
            for key in now ^ before:
                if key in column:
                    row[column[key]] = key in now
            out[k] = row
            before = now
        return out

    @functools.cached_property
    def _member_presence(self) -> tuple[dict[str, int], np.ndarray]:
        ids = list(self.profiles)
        return {m: j for j, m in enumerate(ids)}, self.presence(ids)

    def members_present(self, ids: Sequence[str]) -> np.ndarray:
        """:meth:`presence` of members, from one matrix of every member the run knows (built
        once, sliced per block)."""
        column, matrix = self._member_presence
        return matrix[:, [column[m] for m in ids]]


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
