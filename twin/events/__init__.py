"""Domain events, their compilation from scenarios, and replay into community state."""

from twin.events.compile import compile_events, member_ids
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
from twin.events.state import CommunityState, replay

__all__ = [
    "CommunityFounded",
    "CommunityState",
    "ConfigurationRegistered",
    "DomainEvent",
    "MemberJoined",
    "MemberLeft",
    "PlantCommissioned",
    "PlantDecommissioned",
    "TariffParameterSet",
    "compile_events",
    "member_ids",
    "replay",
]
