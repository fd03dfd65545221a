"""Community state as the fold of its events (replay)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from twin.errors import ConsistencyError, Text
from twin.events.domain import (
    CommunityFounded,
    ConfigurationRegistered,
    DomainEvent,
    MemberJoined,
    MemberLeft,
    MemberProfileChanged,
    MeterDataImported,
    PlantCommissioned,
    PlantDecommissioned,
    PlantDerated,
    PlantOutageEnded,
    PlantOutageStarted,
    PlantUpgraded,
    ProjectFunded,
    ProjectProposed,
    StorageInstalled,
    TariffParameterSet,
)


@dataclass
class CommunityState:
    """Who and what is in the community at one instant.

    Built by :func:`replay`. ``apply`` checks the domain's consistency (references, order,
    uniqueness) before it changes anything, so a rejected event leaves the state as it was; the
    legal rules of who may join live in :mod:`twin.rules` and are checked at the door
    (:mod:`twin.scenario`).
    """

    founded: CommunityFounded | None = None
    configurations: dict[str, ConfigurationRegistered] = field(default_factory=dict)
    members: dict[str, MemberJoined] = field(default_factory=dict)
    plants: dict[str, PlantCommissioned] = field(default_factory=dict)
    former_members: set[str] = field(default_factory=set)
    former_plants: set[str] = field(default_factory=set)
    parameter_changes: list[TariffParameterSet] = field(default_factory=list)
    plants_in_outage: set[str] = field(default_factory=set)
    storage: dict[str, StorageInstalled] = field(default_factory=dict)
    meter_data: list[MeterDataImported] = field(default_factory=list)
    projects: list[ProjectFunded] = field(default_factory=list)
    proposals: list[ProjectProposed] = field(default_factory=list)

    def apply(self, event: DomainEvent) -> None:
        """Fold one event into the state, or raise :class:`ConsistencyError`."""
        handler = _HANDLERS.get(type(event))
        if handler is None:
            raise ConsistencyError(Text("unknown event type {event}",
                                        event=type(event).__name__))
        handler(self, event)

    def _configuration(self, cid: str, what: str) -> None:
        if cid not in self.configurations:
            raise ConsistencyError(Text("{what} unknown configuration {cid!r}", what=what,
                                        cid=cid))

    def _founded(self, e: CommunityFounded) -> None:
        if self.founded is not None:
            raise ConsistencyError(Text("the community is already founded"))
        self.founded = e

    def _configuration_registered(self, e: ConfigurationRegistered) -> None:
        if e.configuration_id in self.configurations:
            raise ConsistencyError(Text("configuration {id!r} is already registered",
                                        id=e.configuration_id))
        self.configurations[e.configuration_id] = e

    def _member_joined(self, e: MemberJoined) -> None:
        mid = e.member_id
        self._configuration(e.configuration_id, f"member {mid!r} joins")
        if mid in self.members:
            other = self.members[mid].configuration_id
            raise ConsistencyError(Text("member {mid!r} has already joined (configuration "
                                        "{other!r}); a point belongs to one configuration",
                                        mid=mid, other=other))
        self.members[mid] = e
        self.former_members.discard(mid)

    def _member_profile_changed(self, e: MemberProfileChanged) -> None:
        joined = self.members.get(e.member_id)
        if joined is None:
            raise ConsistencyError(Text("member {id!r} changes profile but is not a member",
                                        id=e.member_id))
        self.members[e.member_id] = replace(
            joined, archetype=e.archetype or joined.archetype,
            annual_kwh=e.annual_kwh if e.annual_kwh is not None else joined.annual_kwh)

    def _member_left(self, e: MemberLeft) -> None:
        joined = self.members.get(e.member_id)
        if joined is None:
            raise ConsistencyError(Text("member {id!r} leaves but is not a member",
                                        id=e.member_id))
        if e.effective_utc <= joined.effective_utc:
            raise ConsistencyError(
                Text("member {id!r} leaves ({utc:%Y-%m-%d %H:%M} UTC) before joining "
                     "({joined:%Y-%m-%d %H:%M} UTC)", id=e.member_id,
                     utc=e.effective_utc, joined=joined.effective_utc))
        del self.members[e.member_id]
        self.former_members.add(e.member_id)

    def _plant_commissioned(self, e: PlantCommissioned) -> None:
        self._configuration(e.configuration_id, f"plant {e.plant_id!r} is in")
        if e.plant_id in self.plants:
            raise ConsistencyError(Text("plant {id!r} is already commissioned", id=e.plant_id))
        self.plants[e.plant_id] = e

    def _plant_decommissioned(self, e: PlantDecommissioned) -> None:
        pid = e.plant_id
        if pid not in self.plants:
            raise ConsistencyError(Text("plant {pid!r} is decommissioned but not active", pid=pid))
        if e.effective_utc <= self.plants[pid].effective_utc:
            raise ConsistencyError(Text("plant {pid!r} is decommissioned before it was "
                                        "commissioned", pid=pid))
        del self.plants[pid]
        self.former_plants.add(pid)
        self.plants_in_outage.discard(pid)

    def _outage_started(self, e: PlantOutageStarted) -> None:
        if e.plant_id not in self.plants:
            raise ConsistencyError(Text("outage of plant {id!r}, which is not active",
                                        id=e.plant_id))
        if e.plant_id in self.plants_in_outage:
            raise ConsistencyError(Text("plant {id!r} is already in an outage", id=e.plant_id))
        self.plants_in_outage.add(e.plant_id)

    def _outage_ended(self, e: PlantOutageEnded) -> None:
        if e.plant_id not in self.plants_in_outage:
            raise ConsistencyError(Text("plant {id!r} ends an outage it is not in", id=e.plant_id))
        self.plants_in_outage.discard(e.plant_id)

    def _plant_upgraded(self, e: PlantUpgraded) -> None:
        if e.plant_id not in self.plants:
            raise ConsistencyError(Text("plant {id!r} is upgraded but not active", id=e.plant_id))
        if e.entry_into_operation <= self.plants[e.plant_id].entry_into_operation:
            raise ConsistencyError(Text("plant {id!r}: the upgrade must enter operation after the "
                                        "plant", id=e.plant_id))

    def _plant_derated(self, e: PlantDerated) -> None:
        if e.plant_id not in self.plants:
            raise ConsistencyError(Text("plant {id!r} is derated but not active", id=e.plant_id))
        if not 0.0 < e.factor <= 1.5:
            raise ConsistencyError(Text("plant {id!r}: derate factor expected in (0, 1.5]; found "
                                        "{factor}", id=e.plant_id, factor=e.factor))

    def _storage_installed(self, e: StorageInstalled) -> None:
        self._configuration(e.configuration_id, f"storage {e.storage_id!r} in")
        if e.storage_id in self.storage:
            raise ConsistencyError(Text("storage {id!r} is already installed", id=e.storage_id))
        self.storage[e.storage_id] = e

    def _meter_data_imported(self, e: MeterDataImported) -> None:
        mid, pid = e.member_id, e.plant_id
        if (mid is None) == (pid is None):
            raise ConsistencyError(Text("meter data belongs to one member or one plant"))
        if mid is not None and not (mid in self.members or mid in self.former_members):
            raise ConsistencyError(Text("meter data for unknown member {mid!r}", mid=mid))
        if pid is not None and not (pid in self.plants or pid in self.former_plants):
            raise ConsistencyError(Text("meter data for unknown plant {pid!r}", pid=pid))
        self.meter_data.append(e)

    def _project_proposed(self, e: ProjectProposed) -> None:
        if any(p.project_id == e.project_id for p in self.proposals):
            raise ConsistencyError(Text("project {id!r} is already proposed", id=e.project_id))
        self.proposals.append(e)

    def _project_funded(self, e: ProjectFunded) -> None:
        self.projects.append(e)

    def _parameter_set(self, e: TariffParameterSet) -> None:
        self.parameter_changes.append(e)


_HANDLERS: dict[type[DomainEvent], Callable[[CommunityState, Any], None]] = {
    CommunityFounded: CommunityState._founded,
    ConfigurationRegistered: CommunityState._configuration_registered,
    MemberJoined: CommunityState._member_joined,
    MemberProfileChanged: CommunityState._member_profile_changed,
    MemberLeft: CommunityState._member_left,
    PlantCommissioned: CommunityState._plant_commissioned,
    PlantDecommissioned: CommunityState._plant_decommissioned,
    PlantOutageStarted: CommunityState._outage_started,
    PlantOutageEnded: CommunityState._outage_ended,
    PlantDerated: CommunityState._plant_derated,
    PlantUpgraded: CommunityState._plant_upgraded,
    StorageInstalled: CommunityState._storage_installed,
    MeterDataImported: CommunityState._meter_data_imported,
    ProjectProposed: CommunityState._project_proposed,
    ProjectFunded: CommunityState._project_funded,
    TariffParameterSet: CommunityState._parameter_set,
}
"""One handler per event type (the codec's registry of types is :data:`twin.events.codec.
EVENT_TYPES`)."""


def in_effective_order(events: Iterable[DomainEvent]) -> list[DomainEvent]:
    """Events sorted by effective time; events of one instant keep their log order."""
    return sorted(events, key=lambda e: e.effective_utc)


def replay(events: Iterable[DomainEvent], as_of: dt.datetime | None = None) -> CommunityState:
    """State after every event effective at or before ``as_of`` (all events when ``None``).

    Events are folded in effective-time order, so an event recorded late (a past-dated join)
    takes its place in the community's history; events of one instant keep their log order.
    """
    state = CommunityState()
    for event in in_effective_order(events):
        if as_of is None or event.effective_utc <= as_of:
            state.apply(event)
    return state


@dataclass(frozen=True)
class ValidityInterval:
    """When a member or plant counted for a configuration: ``start`` ≤ t < ``end``."""

    kind: str  # "member" or "plant"
    id: str
    configuration_id: str
    start_utc: dt.datetime
    end_utc: dt.datetime | None  # None: still active


def validity_intervals(events: Iterable[DomainEvent]) -> list[ValidityInterval]:
    """Validity intervals of every member and plant, from the log (effective-time order)."""
    open_: dict[tuple[str, str], tuple[str, dt.datetime]] = {}
    out: list[ValidityInterval] = []
    for e in in_effective_order(events):
        match e:
            case MemberJoined(member_id=i, configuration_id=c):
                open_[("member", i)] = (c, e.effective_utc)
            case PlantCommissioned(plant_id=i, configuration_id=c):
                open_[("plant", i)] = (c, e.effective_utc)
            case MemberLeft(member_id=i) if ("member", i) in open_:
                c, start = open_.pop(("member", i))
                out.append(ValidityInterval("member", i, c, start, e.effective_utc))
            case PlantDecommissioned(plant_id=i) if ("plant", i) in open_:
                c, start = open_.pop(("plant", i))
                out.append(ValidityInterval("plant", i, c, start, e.effective_utc))
    out += [ValidityInterval(kind, i, c, start, None) for (kind, i), (c, start) in open_.items()]
    return sorted(out, key=lambda v: (v.kind, v.id, v.start_utc))
