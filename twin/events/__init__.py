"""The domain: events (immutable facts), community state as their fold (replay), the codec and
the event store. Imports no numpy, pandas or anything above it: the log outlives the models."""

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
    "PlantDerated",
    "PlantOutageEnded",
    "PlantOutageStarted",
    "PlantUpgraded",
    "ProjectFunded",
    "ProjectProposed",
    "StorageInstalled",
    "TariffParameterSet",
    "ValidityInterval",
    "replay",
    "validity_intervals",
]
