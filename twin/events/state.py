"""Community state as the fold of its events (replay)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from twin.errors import ConsistencyError
from twin.events.domain import (
    CommunityFounded,
    ConfigurationRegistered,
    DomainEvent,
    MemberJoined,
    MemberLeft,
    PlantCommissioned,
    PlantDecommissioned,
    TariffParameterSet,
)


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
                    raise ConsistencyError(f"member {mid!r} has already joined")
                self.members[mid] = event
                self.former_members.discard(mid)
            case MemberLeft(member_id=mid):
                if mid not in self.members:
                    raise ConsistencyError(f"member {mid!r} leaves but is not a member")
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
                del self.plants[pid]
                self.former_plants.add(pid)
            case TariffParameterSet():
                self.parameter_changes.append(event)
            case _:
                raise ConsistencyError(f"unknown event type {type(event).__name__}")


def replay(events: Iterable[DomainEvent], as_of: dt.datetime | None = None) -> CommunityState:
    """State after every event effective at or before ``as_of`` (all events when ``None``).

    Events are applied in the order given (their log order), skipping those not yet effective.
    """
    state = CommunityState()
    for event in events:
        if as_of is None or event.effective_utc <= as_of:
            state.apply(event)
    return state
