"""Domain events of a community: immutable facts, named in the past tense.

Each event has an **effective** time (UTC; when it takes effect in the community). Once stored it
will also get a branch, a sequence number and a recorded time (the event store of a later stage);
replay is ordered by sequence, never by wall-clock time. This module is the domain: it imports
neither SimPy, pvlib, xarray nor any I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(frozen=True, kw_only=True)
class DomainEvent:
    """Base of all events."""

    schema_version: ClassVar[int] = 1
    effective_utc: dt.datetime = field(metadata={"doc": "When the fact takes effect (UTC)."})

    def __post_init__(self) -> None:
        if self.effective_utc.tzinfo is None or self.effective_utc.utcoffset() != dt.timedelta(0):
            raise ValueError(f"{type(self).__name__}.effective_utc must be a UTC datetime, "
                             f"found {self.effective_utc!r}")


@dataclass(frozen=True, kw_only=True)
class CommunityFounded(DomainEvent):
    name: str
    region: str
    market_zone: str
    solidarity: bool


@dataclass(frozen=True, kw_only=True)
class ConfigurationRegistered(DomainEvent):
    configuration_id: str
    name: str
    cabina_primaria: str
    kind: str = "cer"


@dataclass(frozen=True, kw_only=True)
class MemberJoined(DomainEvent):
    member_id: str
    configuration_id: str
    category: str
    archetype: str
    annual_kwh: float
    group_id: str
    tariff_exempt_share: float = 0.0


@dataclass(frozen=True, kw_only=True)
class MemberLeft(DomainEvent):
    member_id: str


@dataclass(frozen=True, kw_only=True)
class PlantCommissioned(DomainEvent):
    """A plant starts counting for its configuration (``effective_utc``).

    ``entry_into_operation`` is the legal date of entry into operation (it decides seniority,
    tariff eligibility and the 20-year premium window); it may be earlier than ``effective_utc``
    when an operating plant joins the community later.
    """

    plant_id: str
    configuration_id: str
    source: str
    capacity_kwp: float
    inverter_kw: float
    tilt_deg: float
    azimuth_deg: float
    latitude: float
    longitude: float
    mounting: str
    system_losses_pct: float
    degradation_pct_per_year: float
    albedo: float
    entry_into_operation: dt.date
    lifecycle: str
    grant_intensity_pct: float
    building_obligation_kw: float
    pre_constitution_exception: bool
    owner: str | None
    host_member: str | None
    voltage: str = "lv"


@dataclass(frozen=True, kw_only=True)
class PlantDecommissioned(DomainEvent):
    plant_id: str


@dataclass(frozen=True, kw_only=True)
class TariffParameterSet(DomainEvent):
    """A rule parameter takes a new value for a validity period (a rule change).

    ``effective_utc`` is the start of the validity; ``valid_from``/``valid_to`` are the local
    dates of the period (``valid_to`` exclusive, ``None`` = until changed). ``value`` is a number
    or a tuple of numbers in the parameter's unit.
    """

    name: str
    value: float | tuple[float, ...]
    valid_from: dt.date
    valid_to: dt.date | None
    source: str
