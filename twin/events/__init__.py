"""Domain events, their compilation from scenarios, and replay into community state."""

from twin.events.compile import compile_events, member_ids
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
from twin.events.state import CommunityState, ValidityInterval, replay, validity_intervals

__all__ = [
    "CommunityFounded",
    "CommunityState",
    "ConfigurationRegistered",
    "DomainEvent",
    "MemberJoined",
    "MemberLeft",
    "MemberProfileChanged",
    "MeterDataImported",
    "PlantCommissioned",
    "PlantDecommissioned",
    "PlantOutageEnded",
    "PlantOutageStarted",
    "ProjectFunded",
    "ProjectProposed",
    "StorageInstalled",
    "TariffParameterSet",
    "ValidityInterval",
    "compile_events",
    "member_ids",
    "replay",
    "validity_intervals",
]
