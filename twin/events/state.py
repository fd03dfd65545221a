"""Community state as the fold of its events (replay)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from twin.errors import ConsistencyError
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
    PlantOutageEnded,
    PlantOutageStarted,
    ProjectFunded,
    ProjectProposed,
    StorageInstalled,
    TariffParameterSet,
)

REFUSED_CATEGORIES = frozenset({"large_enterprise"})
"""Large enterprises cannot be CER members (RO-2024 §1.2.2.2 c; D.Lgs. 199/2021 art. 31)."""


@dataclass
class CommunityState:
    """Who and what is in the community at one instant.

    Built by :func:`replay`; ``apply`` checks each domain rule before it changes anything, so a
    rejected event leaves the state as it was.
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
        match event:
            case CommunityFounded():
                if self.founded is not None:
                    raise ConsistencyError("the community is already founded")
                self.founded = event
            case ConfigurationRegistered(configuration_id=cid):
                if cid in self.configurations:
                    raise ConsistencyError(f"configuration {cid!r} is already registered")
                self.configurations[cid] = event
            case MemberJoined(member_id=mid, configuration_id=cid):
                if cid not in self.configurations:
                    raise ConsistencyError(f"member {mid!r} joins unknown configuration {cid!r}")
                if mid in self.members:
                    other = self.members[mid].configuration_id
                    raise ConsistencyError(f"member {mid!r} has already joined (configuration "
                                           f"{other!r}); a point belongs to one configuration")
                if event.category in REFUSED_CATEGORIES:
                    raise ConsistencyError(f"member {mid!r}: large enterprises cannot be CER "
                                           "members (RO-2024 §1.2.2.2)")
                if event.net_metering:
                    raise ConsistencyError(f"member {mid!r}: a point with net metering (scambio "
                                           "sul posto) cannot be a CER consumer (RO-2024 "
                                           "§1.2.2.3)")
                self.members[mid] = event
                self.former_members.discard(mid)
            case MemberProfileChanged(member_id=mid):
                if mid not in self.members:
                    raise ConsistencyError(f"member {mid!r} changes profile but is not a member")
                joined = self.members[mid]
                self.members[mid] = replace(
                    joined,
                    archetype=event.archetype or joined.archetype,
                    annual_kwh=event.annual_kwh if event.annual_kwh is not None
                    else joined.annual_kwh)
            case MemberLeft(member_id=mid):
                if mid not in self.members:
                    raise ConsistencyError(f"member {mid!r} leaves but is not a member")
                if event.effective_utc <= self.members[mid].effective_utc:
                    raise ConsistencyError(
                        f"member {mid!r} leaves ({event.effective_utc:%Y-%m-%d %H:%M} UTC) "
                        f"before joining ({self.members[mid].effective_utc:%Y-%m-%d %H:%M} UTC)")
                del self.members[mid]
                self.former_members.add(mid)
            case PlantCommissioned(plant_id=pid, configuration_id=cid):
                if cid not in self.configurations:
                    raise ConsistencyError(f"plant {pid!r} is in unknown configuration {cid!r}")
                if pid in self.plants:
                    raise ConsistencyError(f"plant {pid!r} is already commissioned")
                self.plants[pid] = event
            case PlantDecommissioned(plant_id=pid):
                if pid not in self.plants:
                    raise ConsistencyError(f"plant {pid!r} is decommissioned but not active")
                if event.effective_utc <= self.plants[pid].effective_utc:
                    raise ConsistencyError(f"plant {pid!r} is decommissioned before it was "
                                           "commissioned")
                del self.plants[pid]
                self.former_plants.add(pid)
                self.plants_in_outage.discard(pid)
            case PlantOutageStarted(plant_id=pid):
                if pid not in self.plants:
                    raise ConsistencyError(f"outage of plant {pid!r}, which is not active")
                if pid in self.plants_in_outage:
                    raise ConsistencyError(f"plant {pid!r} is already in an outage")
                self.plants_in_outage.add(pid)
            case PlantOutageEnded(plant_id=pid):
                if pid not in self.plants_in_outage:
                    raise ConsistencyError(f"plant {pid!r} ends an outage it is not in")
                self.plants_in_outage.discard(pid)
            case StorageInstalled(storage_id=sid, configuration_id=cid):
                if cid not in self.configurations:
                    raise ConsistencyError(f"storage {sid!r} in unknown configuration {cid!r}")
                if sid in self.storage:
                    raise ConsistencyError(f"storage {sid!r} is already installed")
                self.storage[sid] = event
            case MeterDataImported(member_id=mid, plant_id=pid):
                known_member = mid in self.members or mid in self.former_members
                known_plant = pid in self.plants or pid in self.former_plants
                if (mid is None) == (pid is None):
                    raise ConsistencyError("meter data belongs to one member or one plant")
                if mid is not None and not known_member:
                    raise ConsistencyError(f"meter data for unknown member {mid!r}")
                if pid is not None and not known_plant:
                    raise ConsistencyError(f"meter data for unknown plant {pid!r}")
                self.meter_data.append(event)
            case ProjectProposed(project_id=pid):
                if any(p.project_id == pid for p in self.proposals):
                    raise ConsistencyError(f"project {pid!r} is already proposed")
                self.proposals.append(event)
            case ProjectFunded():
                self.projects.append(event)
            case TariffParameterSet():
                self.parameter_changes.append(event)
            case _:
                raise ConsistencyError(f"unknown event type {type(event).__name__}")


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


EXISTING_POWER_SHARE_LIMIT = 0.30
"""Existing plants (in operation before 2021-12-16) may be up to 30 % of a configuration's plant
power (RO-2024 §1.2.1.2) [V]."""


def warnings_for(state: CommunityState) -> list[str]:
    """Rules that flag rather than refuse: the 30 % cap on existing plants' power."""
    from twin.assets.pv import tariff_power_kw
    from twin.rules.parameters import EXISTING_PLANT_CUTOFF

    out = []
    for cid in state.configurations:
        plants = [p for p in state.plants.values() if p.configuration_id == cid]
        total = sum(tariff_power_kw(p) for p in plants)
        existing = sum(tariff_power_kw(p) for p in plants
                       if p.entry_into_operation < EXISTING_PLANT_CUTOFF)
        if total and existing / total > EXISTING_POWER_SHARE_LIMIT:
            out.append(f"configuration {cid!r}: existing plants are {existing / total:.0%} of its "
                       f"plant power, above the 30 % allowed (RO-2024 §1.2.1.2)")
    return out


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
