"""Domain events of a community: immutable facts, named in the past tense.

Each event has an **effective** time (UTC; when it takes effect in the community). Once stored it
will also get a branch, a sequence number and a recorded time (the event store of a later stage);
replay is ordered by sequence, never by wall-clock time. This module is the domain: it imports
neither SimPy, pvlib, xarray nor any I/O.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from dataclasses import dataclass, field
from typing import ClassVar

from twin.errors import Text

POD_PATTERN = re.compile(r"^IT\d{3}E\d{8}[A-Z0-9]?$")
"""An Italian point of delivery: 'IT', the distributor's code (3 digits), 'E', 8 digits and an
optional check character (ARERA delibera 111/06 codification)."""

SYNTHETIC_DISTRIBUTOR = "000"
"""Distributor code of the PODs the twin makes up where a scenario gives none: no real
distributor has it, so a synthetic POD can never be mistaken for a real one."""


def synthetic_pod(key: str) -> str:
    """A stable made-up POD for a member or plant id (``IT000E`` + 8 digits)."""
    return f"IT{SYNTHETIC_DISTRIBUTOR}E{zlib.crc32(key.encode()) % 100_000_000:08d}"


@dataclass(frozen=True)
class MeasuredProfile:
    """A profile from a stored meter file: its SHA-256 (the file is stored beside the events),
    name, how to read it, the measured year to use and the energy of a whole year (None: the
    measured year's)."""

    sha256: str
    source_name: str
    year: int
    format: str = "auto"
    unit: str | None = None
    annual_kwh: float | None = None


@dataclass(frozen=True)
class Billing:
    """How a member's electricity is billed (BILLS.md); ``None`` fields take the default of
    the member's category (docs/bills.md).

    ``customer_class``: domestic_resident | domestic_non_resident | lv_other | mv_other;
    ``offer``: regulated_vulnerable | pun_indexed | fixed_price; ``spread_eur_per_kwh`` and
    ``fixed_eur_per_year`` of the member's own offer; ``band_price_eur_per_kwh`` F1, F2, F3
    of a fixed-price offer; ``vat_pct``; ``vat_deductible`` (a business recovers VAT);
    ``household_size`` and ``isee_eur`` (the bonus sociale of an energy-poor home).
    """

    customer_class: str | None = None
    offer: str | None = None
    spread_eur_per_kwh: float | None = None
    fixed_eur_per_year: float | None = None
    band_price_eur_per_kwh: tuple[float, ...] | None = None
    vat_pct: float | None = None
    vat_deductible: bool | None = None
    household_size: int | None = None
    isee_eur: float | None = None

    CUSTOMER_CLASSES: ClassVar[tuple[str, ...]] = (
        "domestic_resident", "domestic_non_resident", "lv_other", "mv_other")
    OFFERS: ClassVar[tuple[str, ...]] = ("regulated_vulnerable", "pun_indexed", "fixed_price")

    def __post_init__(self) -> None:
        for name, allowed in (("customer_class", self.CUSTOMER_CLASSES),
                              ("offer", self.OFFERS)):
            value = getattr(self, name)
            if value is not None and value not in allowed:
                raise ValueError(Text("billing.{name} must be one of {allowed}, found "
                                      "{value!r}", name=name, allowed=list(allowed),
                                      value=value))
        prices = self.band_price_eur_per_kwh
        if self.offer == "fixed_price" and (prices is None or len(prices) != 3):
            raise ValueError(Text("billing.band_price_eur_per_kwh: a fixed_price offer needs the "
                                  "three prices F1, F2, F3, found {prices!r}", prices=prices))
        for name in ("spread_eur_per_kwh", "fixed_eur_per_year", "vat_pct", "isee_eur"):
            value = getattr(self, name)
            if value is not None and not -1e6 < value < 1e7:
                raise ValueError(Text("billing.{name}: implausible value {value!r}", name=name,
                                      value=value))
        if self.household_size is not None and not 1 <= self.household_size <= 30:
            raise ValueError(Text("billing.household_size must be 1 to 30, found {size!r}",
                                  size=self.household_size))


@dataclass(frozen=True)
class Flexibility:
    """Demand of a member that moves toward the sun: an EV charged by ``ev_policy``
    (``immediate`` or ``solar_first``) in plug-in windows from ``plug_in_hours[0]`` to
    ``plug_in_hours[1]`` (local hours) at ``charger_kw``; ``flexible_share`` of a heat pump's
    load moved up to ``max_shift_h`` hours toward more sun, within the day."""

    ev_policy: str | None = None
    plug_in_hours: tuple[float, ...] = (18.5, 7.5)
    charger_kw: float = 7.4
    flexible_share: float = 0.0
    max_shift_h: float = 0.0


@dataclass(frozen=True, kw_only=True)
class DomainEvent:
    """Base of all events."""

    schema_version: ClassVar[int] = 1
    effective_utc: dt.datetime = field(metadata={"doc": "When the fact takes effect (UTC)."})

    def __post_init__(self) -> None:
        tz = self.effective_utc.tzinfo
        if tz is not dt.UTC and (tz is None or self.effective_utc.utcoffset() != dt.timedelta(0)):
            raise ValueError(Text("{event}.effective_utc must be a UTC datetime, found "
                                  "{utc!r}", event=type(self).__name__,
                                  utc=self.effective_utc))


@dataclass(frozen=True, kw_only=True)
class CommunityFounded(DomainEvent):
    """The CER is constituted (``effective_utc``: local midnight of ``founded_on``)."""

    name: str
    region: str
    market_zone: str
    solidarity: bool
    founded_on: dt.date


@dataclass(frozen=True, kw_only=True)
class ConfigurationRegistered(DomainEvent):
    """A configuration (one cabina primaria) is registered. v2 added ``kind``."""

    schema_version: ClassVar[int] = 2
    configuration_id: str
    name: str
    cabina_primaria: str
    kind: str = "cer"


@dataclass(frozen=True, kw_only=True)
class MemberJoined(DomainEvent):
    """A final customer's point of delivery (``member_id``) joins a configuration.

    v2 added ``tariff_exempt_share`` and ``net_metering`` (a net-metered point is refused);
    v3 added ``contracted_power_kw``; v4 added ``pod`` (the meter's POD, None if unknown); v5
    added ``billing`` (how its bill is made; None: the defaults of its category); v6 added
    ``flexibility`` (demand that moves; None: none).
    """

    schema_version: ClassVar[int] = 6
    member_id: str
    configuration_id: str
    category: str
    archetype: str
    annual_kwh: float
    group_id: str
    tariff_exempt_share: float = 0.0
    net_metering: bool = False
    contracted_power_kw: float | None = None
    pod: str | None = None
    profile: MeasuredProfile | None = None
    """The load from measured data of another year instead of the archetype (``annual_kwh`` 0:
    the measured year's energy)."""
    notified_on: dt.date | None = None
    """The day the joining was notified to GSE (None: on the day it happened)."""
    billing: Billing | None = None
    flexibility: Flexibility | None = None


@dataclass(frozen=True, kw_only=True)
class MemberLeft(DomainEvent):
    """A member's point leaves. v2 added ``notified_on`` (the day GSE was told)."""

    schema_version: ClassVar[int] = 2
    member_id: str
    notified_on: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class PlantCommissioned(DomainEvent):
    """A plant starts counting for its configuration (``effective_utc``).

    ``entry_into_operation`` is the legal date of entry into operation (it decides seniority,
    tariff eligibility and the 20-year premium window); it may be earlier than ``effective_utc``
    when an operating plant joins the community later. v2 added ``voltage``; v3 added
    ``soiling_pct_by_month``, ``horizon_elevation_deg`` and ``shading_loss_pct``; v4 added
    ``pod`` (the POD it injects through: its own, or its host member's).
    """

    schema_version: ClassVar[int] = 4
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
    soiling_pct_by_month: tuple[float, ...] | None = None
    horizon_elevation_deg: tuple[float, ...] | None = None
    shading_loss_pct: float = 0.0
    pod: str | None = None
    profile: MeasuredProfile | None = None
    """The production from measured injection of another year instead of the PV model."""
    region: str | None = None
    """Region of the plant (FC zonale) where it differs from the community's."""
    market_zone: str | None = None
    """Market zone of the plant (its zonal price) where it differs from the community's."""


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
    value: float | tuple[float, ...] | str
    valid_from: dt.date
    valid_to: dt.date | None
    source: str


@dataclass(frozen=True, kw_only=True)
class MemberProfileChanged(DomainEvent):
    """A member's consumption changes from ``effective_utc`` on (a heat pump, an EV, a vacancy).

    ``None`` keeps the current value.
    """

    member_id: str
    archetype: str | None = None
    annual_kwh: float | None = None
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class PlantOutageStarted(DomainEvent):
    """A plant stops producing (failure, maintenance) until a ``PlantOutageEnded``."""

    plant_id: str
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class PlantOutageEnded(DomainEvent):
    plant_id: str


@dataclass(frozen=True, kw_only=True)
class PlantUpgraded(DomainEvent):
    """A capacity upgrade (potenziamento) of a plant enters operation: a new section with its own
    power and date of entry into operation; only its injection earns the premium (CER_RULES
    §1.5, RO-2024 §1.2.1.2)."""

    plant_id: str
    added_capacity_kwp: float
    added_inverter_kw: float
    entry_into_operation: dt.date


@dataclass(frozen=True, kw_only=True)
class PlantDerated(DomainEvent):
    """From ``effective_utc`` the plant produces ``factor`` times what the model says (a
    correction from measured data, ``cer-twin calibrate --apply``, or a known fault)."""

    plant_id: str
    factor: float
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class StorageInstalled(DomainEvent):
    """A battery joins a configuration, behind a member's POD (``host_member``) or as a
    community battery with a POD of its own.

    v2 split ``power_kw`` into ``charge_kw`` and ``discharge_kw`` and added the state-of-charge
    limits, standby loss, capacity fade and the dispatch ``policy`` (``self_consumption``, a
    daily ``schedule`` of local hours ``charge_hours`` and ``discharge_hours``, [from, to), or
    ``community_sharing``).
    ``round_trip_efficiency`` is a fraction (0-1).
    """

    schema_version: ClassVar[int] = 2
    storage_id: str
    configuration_id: str
    capacity_kwh: float
    charge_kw: float
    discharge_kw: float
    round_trip_efficiency: float
    host_member: str | None = None
    soc_min_pct: float = 10.0
    soc_max_pct: float = 95.0
    soc_initial_pct: float = 10.0
    standby_loss_pct_per_day: float = 0.1
    fade_pct_per_cycle: float = 0.004
    fade_pct_per_year: float = 1.0
    policy: str = ""
    """``self_consumption``, ``schedule`` or ``community_sharing``; empty: the default of its
    kind (self_consumption behind a POD, community_sharing for a community battery)."""
    charge_hours: tuple[float, ...] = (10.0, 16.0)
    discharge_hours: tuple[float, ...] = (17.0, 23.0)


@dataclass(frozen=True, kw_only=True)
class MeterDataImported(DomainEvent):
    """Measured data for a point was imported: a reference to a content-hashed file, never the
    series inline, with how to read it (``format``, ``unit``: None = as the file says).

    ``quantity`` is ``"withdrawal"`` or ``"injection"``, net at the POD: a member's injection is
    the net injection of the plants behind its POD. ``effective_utc`` is the end of the period
    the file covers (the data are facts once that period is over). Imports of the same meter
    accumulate; a later one corrects the intervals it repeats. v2 added ``format`` and
    ``unit``.
    """

    schema_version: ClassVar[int] = 2
    pod: str
    member_id: str | None
    plant_id: str | None
    quantity: str
    sha256: str
    start_utc: dt.datetime
    end_utc: dt.datetime
    step: str
    source_name: str
    format: str = "auto"
    unit: str | None = None


@dataclass(frozen=True, kw_only=True)
class ProjectProposed(DomainEvent):
    """A neighbourhood project approved by the community (``effective_utc``: approval), to be
    paid by the solidarity fund when its balance allows, in order of approval."""

    project_id: str
    name: str
    cost_cents: int
    configuration_id: str | None = None
    neighbourhood: str = ""


@dataclass(frozen=True, kw_only=True)
class ProjectFunded(DomainEvent):
    """The solidarity fund pays for a project. Money in integer cents."""

    project_id: str
    name: str
    amount_cents: int
    configuration_id: str | None = None
    neighbourhood: str = ""
