"""The scenario schema: pydantic models of every section of a scenario file.

A scenario describes a community (configurations, plants, members) and how to simulate it
(period, time step, seed, weather, prices, rule switches). A what-if file may ``extend`` another
scenario and hold only the differences: tables are merged key by key, and arrays of tables
(``configurations``, ``plants``, ``members``) are merged by ``id`` (an item with a known id updates
that item, a new id appends one).

Dates in scenario files are **local (Europe/Rome) calendar dates**; the twin turns them into UTC
instants at local midnight (:func:`twin.core.time.local_midnight_utc`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from typing import Any, Literal

from pydantic import Field, create_model, model_validator

from twin.errors import Text
from twin.events.domain import POD_PATTERN
from twin.rules.switches import SWITCH_DESCRIPTIONS, Switches
from twin.scenario.bounds import (
    MAX_ANNUAL_KWH,
    MAX_MEMBERS_PER_GROUP,
    MAX_PERIOD_YEARS,
    MAX_PLANT_KWP,
    PERIOD_YEARS,
)
from twin.scenario.economics import Finance, Fund, MemberBilling, Project, _Model
from twin.scenario.storage import Storage

POD_REGEX = POD_PATTERN.pattern

MarketZone = Literal["NORD", "CNOR", "CSUD", "SUD", "CALA", "SICI", "SARD"]

Region = Literal[
    "Abruzzo", "Basilicata", "Calabria", "Campania", "Emilia-Romagna", "Friuli-Venezia Giulia",
    "Lazio", "Liguria", "Lombardia", "Marche", "Molise", "Piemonte", "Puglia", "Sardegna",
    "Sicilia", "Toscana", "Trentino-Alto Adige", "Umbria", "Valle d'Aosta", "Veneto",
]

MemberCategory = Literal[
    "household",
    "energy_poor_household",
    "sme",
    "public_body",
    "third_sector",
    "religious_body",
    "environmental_body",
    "university",
]
"""Holder categories (CER_RULES.md §10). Large enterprises cannot be CER members (RO-2024 §1.2.2.3)
and are refused by the schema."""

Mounting = Literal["open_rack", "roof_mounted", "building_integrated"]
"""How a PV plant is mounted: it decides the cell temperature (twin.assets.pv.MOUNT_STANDOFF_IN)."""

Archetype = Literal[
    "household",
    "household_working",
    "household_family",
    "household_elderly",
    "energy_poor_household",
    "heat_pump_home",
    "ev_charging",
    "vacant",
    "shop",
    "office",
    "school",
    "public_building",
    "gym",
    "library",
    "university",
    "condominium_services",
]




class Community(_Model):
    name: str = Field(description="Name of the community.")
    founded_on: dt.date = Field(
        description="Date the CER was regularly constituted (statute meeting RO-2024 §1.2.2.2)."
    )
    region: Region = Field(description="Region of the plants; decides the FC zonale of DM 414.")
    market_zone: MarketZone = Field(description="Day-ahead market zone of the zonal price Pz.")
    solidarity: bool = Field(
        True,
        description="True when incentives are not paid out to members but fund projects and "
        "energy-poor families (as in CER.ca.MI Solidale).",
    )


class Configuration(_Model):
    id: str = Field(description="Identifier used by plants and members.")
    name: str = Field(description="Human-readable name (neighbourhood).")
    cabina_primaria: str = Field(description="Code of the cabina primaria (primary substation).")
    kind: Literal["cer", "self_consumer_group"] = Field(
        "cer",
        description="cer: valorization TRAS_E only; self_consumer_group: a building-level group "
        "(AUC), which adds BTAU and avoided losses (TIAD via RO-2024 §2.2.2.2).",
    )


class MeterProfile(_Model):
    """A profile taken from measured data of another period (a meter export)."""

    meter_file: str = Field(description="The meter export, relative to the scenario file (any "
                            "format `cer-twin meters import` reads).")
    year: int = Field(ge=1990, le=2100, description="Local calendar year of the measurements "
                      "to use; weekdays align to weekdays and holidays to holidays.")
    format: Literal["auto", "daily_rows", "interval_rows", "edistribuzione", "unareti",
                    "plain"] = Field("auto", description="Layout of the file (auto: detected).")
    unit: str | None = Field(None, description="Unit of the values when the file does not say.")
    annual_kwh: float | None = Field(
        None, gt=0, description="Energy of a whole year; default: what was measured in year. "
        "[kWh]")


class Plant(_Model):
    id: str = Field(description="Identifier of the plant (unique in the scenario).")
    name: str = Field("", description="Human-readable name.")
    configuration: str = Field(description="Id of the configuration the plant belongs to.")
    source: Literal["pv"] = Field("pv", description="Technology; only PV is modelled so far.")
    capacity_kwp: float = Field(gt=0, le=MAX_PLANT_KWP, description="DC capacity at STC. [kWp]")
    inverter_kw: float = Field(gt=0, le=MAX_PLANT_KWP, description="Inverter AC rating. [kW]")
    tilt_deg: float = Field(ge=0, le=90, description="Module tilt from horizontal. [°]")
    azimuth_deg: float = Field(ge=0, lt=360, description="Module azimuth, 180 = south. [°]")
    latitude: float = Field(ge=-90, le=90, description="[°N]")
    longitude: float = Field(ge=-180, le=180, description="[°E]")
    mounting: Mounting = Field(
        "open_rack", description="Decides the cell temperature: open_rack (free-standing), "
        "roof_mounted (close to the roof, a ventilated gap) or building_integrated (no air "
        "behind); SAM's NOCT model, docs/models.md."
    )
    voltage: Literal["lv", "mv"] = Field(
        "lv", description="Connection voltage; decides c_PR of a self-consumer group."
    )
    soiling_pct_by_month: list[float] | None = Field(
        None, min_length=12, max_length=12,
        description="Soiling loss of irradiance for each month, January first. [%]")
    horizon_elevation_deg: list[float] | None = Field(
        None, min_length=4,
        description="Horizon profile: elevation of obstacles at equally spaced azimuths from "
        "north (0°) clockwise; the beam is blocked while the sun is below it. [°]")
    shading_loss_pct: float = Field(
        0.0, ge=0, lt=100, description="Uniform loss of beam irradiance by near shading. [%]")
    system_losses_pct: float = Field(14.0, ge=0, lt=100, description="DC system losses. [%]")
    degradation_pct_per_year: float = Field(0.5, ge=0, lt=10, description="[%/year]")
    albedo: float = Field(0.2, ge=0, le=1, description="Ground reflectance. [-]")
    entry_into_operation: dt.date = Field(description="Date of entry into operation.")
    joined_on: dt.date | None = Field(
        None,
        description="Date the plant starts counting for its configuration; default: the later of "
        "entry_into_operation and the community's founded_on.",
    )
    decommissioned_on: dt.date | None = Field(
        None, description="Day the plant stops producing and counting (exclusive).")
    lifecycle: Literal["existing", "new"] = Field(
        description="existing: built and operating today; new: planned (what-if, expansion). "
        "The legal 'existing plant' of DM 414 (in operation by 2021-12-15) is derived from "
        "entry_into_operation, not from this field."
    )
    grant_intensity_pct: float = Field(
        0.0, ge=0, le=100, description="Capital grant as a share of the reference cost. [%]"
    )
    building_obligation_kw: float = Field(
        0.0,
        ge=0,
        description="P0 of D.Lgs. 199/2021 art. 26 when the plant meets a new-building "
        "obligation; the premium is paid on (P - P0)/P of its energy. [kW]",
    )
    pre_constitution_exception: bool = Field(
        False,
        description="The plant entered operation before the CER was constituted but qualifies "
        "under the documented exception (built for the CER; RO-2024 §1.2.1.2 point 5).",
    )
    owner: str | None = Field(None, description="Id of the member who owns the plant.")
    host_member: str | None = Field(
        None,
        description="Id of a single member whose POD the plant sits behind; its output first "
        "covers that member's load and only the surplus is injected.",
    )
    pod: str | None = Field(
        None, pattern=POD_REGEX,
        description="POD the plant injects through (IT001E12345678); default: its host "
        "member's, or a synthetic IT000E... one (distributor code 000 is no distributor's).")
    profile: MeterProfile | None = Field(
        None, description="Take the production from measured injection of another year "
        "instead of the PV model (a plant on its own POD).")
    region: Region | None = Field(
        None, description="Region of the plant where the community spans two (FC zonale of "
        "DM 414); default: the community's.")
    market_zone: MarketZone | None = Field(
        None, description="Market zone of the plant (its hourly zonal price for the premium "
        "and RID); default: the community's.")


class MemberFlexibility(_Model):
    """Demand that moves toward the sun (docs/models.md, "Flexible demand")."""

    ev_policy: Literal["immediate", "solar_first"] | None = Field(
        None, description="An ev_charging member's sessions (drawn by SimPy): charged at once "
        "on arrival, or in the sunniest steps of the plug-in window first.")
    plug_in_hours: list[float] = Field(
        [18.5, 7.5], min_length=2, max_length=2, description="Mean local hour of arrival and "
        "hour of departure (the next day if earlier; e.g. [8.5, 17.5] at a workplace).")
    charger_kw: float = Field(7.4, gt=0, le=350, description="Charging power. [kW]")
    flexible_share: float = Field(
        0.0, ge=0, le=1, description="Share of a heat pump's (or any) load that can move. [-]")
    max_shift_h: float = Field(0.0, ge=0, le=12, description="How far it may move. [h]")

    @model_validator(mode="after")
    def _hours(self) -> MemberFlexibility:
        if not all(0 <= h < 24 for h in self.plug_in_hours):
            raise ValueError(Text("plug_in_hours: expected local hours 0-24, found {hours}",
                                  hours=self.plug_in_hours))
        return self


class MemberGroup(_Model):
    id: str = Field(description="Group id; its count members get ids `<id>-001`, `<id>-002`, ...")
    name: str = Field("", description="Human-readable name.")
    configuration: str = Field(description="Id of the configuration the members belong to.")
    category: MemberCategory = Field(
        description="Holder category (CER_RULES.md §10); large enterprises cannot be members.")
    archetype: Archetype = Field(description="Load profile model (docs/models.md).")
    annual_kwh: float | None = Field(
        None, gt=0, le=MAX_ANNUAL_KWH,
        description="Annual withdrawal of one member; required without a profile, "
        "not used with one (its energy is profile.annual_kwh, or the measured year's). [kWh]")
    profile: MeterProfile | None = Field(
        None, description="Take the load from measured data of another year instead of the "
        "archetype (a member of count 1).")
    count: int = Field(1, ge=1, le=MAX_MEMBERS_PER_GROUP,
                       description="Number of alike members in this group.")
    contracted_power_kw: float | None = Field(
        None, gt=0, description="Contracted power; the load is capped at 110 % of it, and a "
        "household takes the daily shape fitted for its ARERA power class. [kW]")
    joined_on: dt.date = Field(description="First day of membership.")
    left_on: dt.date | None = Field(None, description="Day membership ends (exclusive).")
    notified_on: dt.date | None = Field(
        None, description="Day the joining was notified to GSE; more than 120 days after "
        "joined_on, withdrawal counts only from it (GSE FAQ; default: notified at once).")
    left_notified_on: dt.date | None = Field(
        None, description="Day the leaving was notified to GSE (the same 120-day rule).")
    pod: str | None = Field(
        None, pattern=POD_REGEX,
        description="POD of the member (count 1 only); default: a synthetic IT000E... one "
        "derived from the member id (distributor code 000 is no distributor's).")
    tariff_exempt_share: float = Field(
        0.0, ge=0, le=1,
        description="Share of the withdrawal on which transmission and distribution tariffs are "
        "not applied (delibere 109/2021, 574/2014); netted out of shared energy. [-]",
    )
    billing: MemberBilling | None = Field(
        None, description="How the members' bills are made (default: by category).")
    flexibility: MemberFlexibility | None = Field(
        None, description="Demand that moves toward the sun (default: none).")

    @model_validator(mode="after")
    def _energy_once(self) -> MemberGroup:
        if self.profile is None and self.annual_kwh is None:
            raise ValueError(Text("annual_kwh is required (or a profile from measured data)"))
        if self.profile is not None and self.count != 1:
            raise ValueError(Text("a measured profile is one meter's: count must be 1"))
        return self


class Simulation(_Model):
    start: dt.date = Field(description="First local day simulated.")
    end: dt.date = Field(description="Local day after the last one simulated (exclusive).")
    time_step: Literal["1h", "15min"] = Field(
        "1h", description="Simulation step of PV and loads; the rules always run hourly.")
    seed: int = Field(0, ge=0, description="Seed of loads, prices and (by default) weather.")
    transposition_model: Literal["haydavies", "perez"] = Field(
        "haydavies", description="Sky-diffuse model of the PV plane of array: Hay-Davies or "
        "Perez (pvlib; Perez gives about 1-2 % more on tilted Milan roofs, docs/models.md).")

    def with_years(self, years: int) -> Simulation:
        """The same simulation over ``years`` calendar years from ``start``."""
        try:
            end = self.start.replace(year=self.start.year + years)
        except ValueError:  # 29 February
            end = dt.date(self.start.year + years, 3, 1)
        return self.model_copy(update={"end": end})

    @model_validator(mode="after")
    def _ordered(self) -> Simulation:
        if self.end <= self.start:
            raise ValueError(Text("end ({end}) must be after start ({start})", end=self.end,
                                  start=self.start))
        low, high = PERIOD_YEARS
        if not (low <= self.start.year and self.end <= dt.date(high + 1, 1, 1)):
            raise ValueError(Text("the period must fall in the years {low}-{high}; found {start} "
                                  "to {end}", low=low, high=high, start=self.start, end=self.end))
        if self.end > self.start.replace(year=self.start.year + MAX_PERIOD_YEARS,
                                         day=min(self.start.day, 28)):
            raise ValueError(Text("the period may be at most {max_years} years; found "
                                  "{start} to {end}", max_years=MAX_PERIOD_YEARS,
                                  start=self.start, end=self.end))
        return self


class _DataSource(_Model):
    """A built-in model or a file (``path``, relative to the scenario file)."""

    source: str = "builtin"
    path: str | None = Field(None, description="Data file, relative to the scenario file.")

    @model_validator(mode="after")
    def _path_when_file(self) -> _DataSource:
        if self.source != "builtin" and not self.path:
            raise ValueError(Text("source '{source}' needs a path", source=self.source))
        return self


class Weather(_DataSource):
    source: Literal["builtin", "epw", "pvgis_tmy", "pvgis_hourly", "csv", "netcdf"] = Field(
        "builtin", description="builtin: the Milan generator; otherwise the format of the file "
        "in path (pvgis_hourly: horizontal plane; netcdf: ERA5 names).")
    seed: int | None = Field(None, ge=0, description="Weather seed; default: simulation seed.")
    resample: Literal["none", "block_bootstrap"] = Field(
        "none", description="File sources: block_bootstrap draws another weather year from the "
        "file (blocks of 5 days, each from within 15 days of the same date, seeded by seed); "
        "Monte Carlo over a file sets it.")
    calibrate_to: str | None = Field(
        None, description="builtin only: take the monthly targets from this weather file "
        "(EPW) instead of UNI 10349 Milano.")
    columns: dict[str, str] | None = Field(
        None, description="csv only: canonical name (ghi, dni, dhi, temp_air, wind_speed) → "
        "column in the file.")
    time_column: str = Field("time", description="csv only: the time column.")
    timezone: str = Field("UTC", description="csv only: time zone of naive times (UTC, "
                          "Europe/Rome with DST, or an offset such as +01:00).")
    interval: Literal["start", "end"] = Field(
        "start", description="csv only: whether a time labels its interval's start or end.")
    latitude: float | None = Field(None, description="netcdf: the grid point to take. [°N]")
    longitude: float | None = Field(None, description="netcdf: the grid point to take. [°E]")


class Prices(_DataSource):
    source: Literal["builtin", "csv"] = Field(
        "builtin", description="builtin: the NORD price model; csv: the file in path (€/MWh).")
    column: str | None = Field(None, description="Price column; default: the market zone.")
    escalation_pct_per_year: float = Field(
        0.0, ge=-20, le=20,
        description="builtin only: yearly change of prices after the last published year. [%]")


class Growth(_Model):
    """Members arriving in a configuration over a multi-year horizon (a Poisson process)."""

    configuration: str = Field(description="Id of the configuration the members join.")
    archetype: Archetype = Field(description="Load profile model of the new members.")
    category: MemberCategory = Field("household", description="Holder category.")
    members_per_year: float = Field(gt=0, description="Mean arrivals per year. [1/year]")
    annual_kwh: float = Field(gt=0, description="Annual withdrawal of each new member. [kWh]")


class Future(_Model):
    """Stochastic future of a multi-year run: every draw becomes an event, seeded."""

    growth: list[Growth] = Field(
        default_factory=list, description="Member arrivals: [[future.growth]] tables.")
    churn_pct_per_year: float = Field(
        0.0, ge=0, lt=100, description="Yearly probability that a member leaves. [%]")
    churn_pct_by_configuration: dict[str, float] = Field(
        default_factory=dict,
        description="Per-configuration churn overriding churn_pct_per_year. [%/year]")
    plant_mtbf_days: float | None = Field(
        None, gt=0, description="Mean time between plant failures. [days]")
    plant_mttr_days: float = Field(7.0, gt=0, description="Mean time to repair. [days]")


def _switch_fields() -> dict[str, Any]:
    """The fields of ``[rules]``: one per switch of :class:`twin.rules.switches.Switches`, with
    its type, default and description from there (one copy of each)."""
    hints = typing.get_type_hints(Switches)
    return {f.name: (hints[f.name], Field(f.default, description=SWITCH_DESCRIPTIONS[f.name]))
            for f in dataclasses.fields(Switches)}


class Rules(create_model("_RulesFields", __base__=_Model, **_switch_fields())):  # type: ignore[misc]
    """Switches for readings the law leaves open (docs/rules.md gives each its source)."""

    def switches(self) -> Switches:
        """The same switches as the rules layer takes them."""
        return Switches(**self.model_dump())


class ParameterOverride(_Model):
    name: str = Field(description="Name of a rule parameter (twin/rules/parameters.py).")
    value: float | list[float] | dt.date = Field(
        description="New value, in the parameter's unit (a date for date parameters).")
    valid_from: dt.date | None = Field(None, description="First day (default: always).")
    valid_to: dt.date | None = Field(None, description="Day after the last (default: open).")
    source: str = Field(description="Where the value comes from (a decree, a delibera, ...).")


class RunSettings(_Model):
    """How to simulate: the scenario's sections other than the community itself."""

    simulation: Simulation
    weather: Weather = Weather()
    prices: Prices = Prices()
    rules: Rules = Rules()
    future: Future = Future()
    fund: Fund = Fund()
    finance: Finance = Finance()


class Scenario(_Model):
    schema_version: Literal[1] = Field(1, description="Version of the scenario file format.")
    community: Community
    simulation: Simulation
    weather: Weather = Weather()
    prices: Prices = Prices()
    rules: Rules = Rules()
    future: Future = Future()
    fund: Fund = Fund()
    finance: Finance = Finance()
    configurations: list[Configuration] = Field(min_length=1)
    plants: list[Plant] = Field(default_factory=list)
    members: list[MemberGroup] = Field(default_factory=list)
    storage: list[Storage] = Field(default_factory=list,
                                   description="Batteries behind members' PODs.")
    parameters: list[ParameterOverride] = Field(
        default_factory=list, description="Rule parameters overridden for a validity period."
    )
    projects: list[Project] = Field(default_factory=list)

def plant_joined_on(plant: Plant, founded_on: dt.date) -> dt.date:
    """The day a plant starts counting for its configuration."""
    return plant.joined_on or max(plant.entry_into_operation, founded_on)


PLANT_SCENARIO_ONLY = frozenset({"id", "name", "configuration", "joined_on", "decommissioned_on",
                                 "profile"})
"""Fields of a scenario's plant that are not fields of its ``PlantCommissioned`` event."""


def plant_event_defaults() -> dict[str, Any]:
    """Defaults of a plant's optional fields as its event takes them, from :class:`Plant` (the
    one copy of these defaults: event files and expansion candidates use it)."""
    return {name: info.get_default(call_default_factory=True)
            for name, info in Plant.model_fields.items()
            if not info.is_required() and name not in PLANT_SCENARIO_ONLY}
