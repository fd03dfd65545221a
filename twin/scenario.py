"""Scenario files: TOML, validated by pydantic, with errors that name the file and the field.

A scenario describes a community (configurations, plants, members) and how to simulate it
(period, time step, seed, weather, prices, rule switches). A what-if file may ``extend`` another
scenario and hold only the differences: tables are merged key by key, and arrays of tables
(``configurations``, ``plants``, ``members``) are merged by ``id`` (an item with a known id updates
that item, a new id appends one).

Dates in scenario files are **local (Europe/Rome) calendar dates**; the twin turns them into UTC
instants at local midnight (:func:`twin.timeutil.local_midnight_utc`).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from twin.errors import ScenarioError

SCHEMA_VERSION = 1

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


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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


class Plant(_Model):
    id: str = Field(description="Identifier of the plant (unique in the scenario).")
    name: str = Field("", description="Human-readable name.")
    configuration: str = Field(description="Id of the configuration the plant belongs to.")
    source: Literal["pv"] = Field("pv", description="Technology; only PV is modelled so far.")
    capacity_kwp: float = Field(gt=0, description="DC capacity at STC. [kWp]")
    inverter_kw: float = Field(gt=0, description="Inverter AC rating. [kW]")
    tilt_deg: float = Field(ge=0, le=90, description="Module tilt from horizontal. [°]")
    azimuth_deg: float = Field(ge=0, lt=360, description="Module azimuth, 180 = south. [°]")
    latitude: float = Field(ge=-90, le=90, description="[°N]")
    longitude: float = Field(ge=-180, le=180, description="[°E]")
    mounting: Literal["open_rack", "roof_mounted"] = Field(
        "open_rack", description="Decides the SAPM cell-temperature parameters."
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


class MemberGroup(_Model):
    id: str = Field(description="Group id; its count members get ids `<id>-001`, `<id>-002`, ...")
    name: str = Field("", description="Human-readable name.")
    configuration: str = Field(description="Id of the configuration the members belong to.")
    category: MemberCategory = Field(
        description="Holder category (CER_RULES.md §10); large enterprises cannot be members.")
    archetype: Archetype = Field(description="Load profile model (docs/models.md).")
    annual_kwh: float = Field(gt=0, description="Annual withdrawal of one member. [kWh]")
    count: int = Field(1, ge=1, description="Number of alike members in this group.")
    contracted_power_kw: float | None = Field(
        None, gt=0, description="Contracted power; the load is capped at 110 % of it, and a "
        "household takes the daily shape fitted for its ARERA power class. [kW]")
    joined_on: dt.date = Field(description="First day of membership.")
    left_on: dt.date | None = Field(None, description="Day membership ends (exclusive).")
    tariff_exempt_share: float = Field(
        0.0, ge=0, le=1,
        description="Share of the withdrawal on which transmission and distribution tariffs are "
        "not applied (delibere 109/2021, 574/2014); netted out of shared energy. [-]",
    )


class Simulation(_Model):
    start: dt.date = Field(description="First local day simulated.")
    end: dt.date = Field(description="Local day after the last one simulated (exclusive).")
    time_step: Literal["1h", "15min"] = Field(
        "1h", description="Simulation step of PV and loads; the rules always run hourly.")
    seed: int = Field(0, ge=0, description="Seed of loads, prices and (by default) weather.")

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
            raise ValueError(f"end ({self.end}) must be after start ({self.start})")
        return self


class _DataSource(_Model):
    """A built-in model or a file (``path``, relative to the scenario file)."""

    source: str = "builtin"
    path: str | None = Field(None, description="Data file, relative to the scenario file.")

    @model_validator(mode="after")
    def _path_when_file(self) -> _DataSource:
        if self.source != "builtin" and not self.path:
            raise ValueError(f"source '{self.source}' needs a path")
        return self


class Weather(_DataSource):
    source: Literal["builtin", "epw", "pvgis_tmy", "pvgis_hourly", "csv", "netcdf"] = Field(
        "builtin", description="builtin: the Milan generator; otherwise the format of the file "
        "in path (pvgis_hourly: horizontal plane; netcdf: ERA5 names).")
    seed: int | None = Field(None, ge=0, description="Weather seed; default: simulation seed.")
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


class Rules(_Model):
    existing_plant_allocation: Literal["seniority", "new_plants_only"] = Field(
        "seniority",
        description="How shared energy is split when a configuration holds pre-2021-12-16 "
        "plants (CER_RULES.md §1.5, [U]).",
    )
    excess_formula: Literal["literal_2025", "proportional"] = Field(
        "literal_2025", description="Reading of the 55%/45% excess-premium rule (CER_RULES §3)."
    )
    f_exempt_allocation: Literal["pro_rata", "none"] = Field(
        "pro_rata",
        description="How the energy 'afferente' to F-exempt withdrawal points is found: hourly "
        "pro rata of their withdrawal (default), or none (F on all energy) [U, CER_RULES §2.4].",
    )
    natural_persons_f_exempt: bool = Field(
        True,
        description="Natural persons exempt from F from 2025-06-26 (DM 127/2025, RO July "
        "2025) [S].",
    )


class Project(_Model):
    """A neighbourhood project the solidarity fund pays for once approved and affordable."""

    id: str = Field(description="Identifier of the project.")
    name: str = Field(description="What the project is.")
    cost_eur: float = Field(gt=0, description="Cost of the project. [EUR]")
    approved_on: dt.date = Field(description="Approval by the community (queue order).")
    configuration: str | None = Field(None, description="Configuration it serves, if one.")
    neighbourhood: str = Field("", description="Neighbourhood it serves.")


class Fund(_Model):
    """The solidarity fund: what the incentives pay for besides projects."""

    support_eur_per_family_per_year: float = Field(
        0.0, ge=0, description="Support to each energy-poor household member, paid monthly "
        "before projects. [EUR/year]")
    host_share_pct: float = Field(
        0.0, ge=0, le=100, description="Share of the incentives returned to members hosting "
        "plants (CER.ca.MI reportedly 20 % to SME and public hosts [U]). [%]")
    opening_balance_eur: float = Field(0.0, ge=0, description="[EUR]")


class ParameterOverride(_Model):
    name: str = Field(description="Name of a rule parameter (twin/rules/parameters.py).")
    value: float | list[float] = Field(description="New value, in the parameter's unit.")
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


class Scenario(_Model):
    schema_version: Literal[1] = Field(1, description="Version of the scenario file format.")
    community: Community
    simulation: Simulation
    weather: Weather = Weather()
    prices: Prices = Prices()
    rules: Rules = Rules()
    future: Future = Future()
    fund: Fund = Fund()
    configurations: list[Configuration] = Field(min_length=1)
    plants: list[Plant] = Field(default_factory=list)
    members: list[MemberGroup] = Field(default_factory=list)
    parameters: list[ParameterOverride] = Field(
        default_factory=list, description="Rule parameters overridden for a validity period."
    )
    projects: list[Project] = Field(default_factory=list)


# ----------------------------------------------------------------------------------------------
# Loading


def builtin_scenarios_dir() -> Path:
    """Folder of the built-in scenarios: inside the installed package, or ``scenarios/`` of a
    source checkout (where the package is imported without being installed)."""
    packaged = Path(str(resources.files("twin"))) / "scenarios"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "scenarios"


DEFAULT_SCENARIO = "cercami-solidale.toml"


def resolve_scenario_path(name: str | Path | None) -> Path:
    """A scenario path as given, or the built-in file of that name (``None``: the default)."""
    if name is None:
        return builtin_scenarios_dir() / DEFAULT_SCENARIO
    path = Path(name)
    if path.exists():
        return path
    builtin = builtin_scenarios_dir() / path.name
    if path.parent == Path(".") and builtin.exists():
        return builtin
    raise ScenarioError(f"{path}: scenario file not found")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ScenarioError(f"{path}: scenario file not found") from None
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(f"{path}: not valid TOML: {err}") from None


def merge_scenarios(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``override`` onto ``base``; arrays of tables with ``id`` merge by id."""
    out = copy.deepcopy(base)
    for key, value in override.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = merge_scenarios(old, value)
        elif _is_id_list(old) and _is_id_list(value):
            merged = {item["id"]: item for item in old}
            for item in value:
                merged[item["id"]] = merge_scenarios(merged.get(item["id"], {}), item)
            out[key] = list(merged.values())
        else:
            out[key] = copy.deepcopy(value)
    return out


def _is_id_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) and "id" in v for v in value)


def _raw_with_extends(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    raw = _read_toml(path)
    parent = raw.pop("extends", None)
    if parent is None:
        return raw
    if not isinstance(parent, str):
        raise ScenarioError(f"{path}: field extends: expected a file name, found {parent!r}")
    parent_path = (path.parent / parent).resolve()
    if not parent_path.exists():
        parent_path = builtin_scenarios_dir() / parent
    if parent_path in seen:
        raise ScenarioError(f"{path}: field extends: circular reference to {parent}")
    if not parent_path.exists():
        raise ScenarioError(f"{path}: field extends: no scenario file named {parent!r}")
    return merge_scenarios(_raw_with_extends(parent_path, (*seen, path.resolve())), raw)


def _field_path(loc: tuple[Any, ...], raw: dict[str, Any]) -> str:
    """``('plants', 3, 'capacity_kwp')`` → ``plants[3] (id 'x').capacity_kwp``."""
    parts: list[str] = []
    node: Any = raw
    for item in loc:
        if isinstance(item, int):
            ident = ""
            if isinstance(node, list) and item < len(node) and isinstance(node[item], dict):
                if "id" in node[item]:
                    ident = f" (id {node[item]['id']!r})"
            parts[-1] += f"[{item}]{ident}"
        else:
            parts.append(str(item))
        try:
            node = node[item]
        except (KeyError, IndexError, TypeError):
            node = None
    return ".".join(parts) or "(top level)"


def _format_validation_error(path: Path, err: ValidationError, raw: dict[str, Any]) -> str:
    lines = [f"{path}: invalid scenario ({err.error_count()} problem(s))"]
    for e in err.errors(include_url=False):
        where = _field_path(tuple(e["loc"]), raw)
        if e["type"] == "missing":
            lines.append(f"  {where}: required field is missing")
        elif e["type"] == "extra_forbidden":
            lines.append(f"  {where}: unknown field (found {e['input']!r})")
        else:
            msg = e["msg"].removeprefix("Value error, ")
            lines.append(f"  {where}: expected: {msg[0].lower()}{msg[1:]}; found: {e['input']!r}")
    return "\n".join(lines)


def _check_references(path: Path, sc: Scenario) -> None:
    """Cross-field rules that a per-field schema cannot express."""
    problems: list[str] = []
    for section in ("configurations", "plants", "members"):
        ids = [item.id for item in getattr(sc, section)]
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(f"{section}: id {dup!r} appears more than once")
    configs = {c.id for c in sc.configurations}
    members = {m.id: m for m in sc.members}
    for i, p in enumerate(sc.plants):
        where = f"plants[{i}] (id {p.id!r})"
        if p.configuration not in configs:
            problems.append(
                f"{where}.configuration: expected one of {sorted(configs)}; "
                f"found {p.configuration!r}"
            )
        for field in ("owner", "host_member"):
            ref = getattr(p, field)
            if ref is not None and ref not in members:
                problems.append(f"{where}.{field}: expected a member id; found {ref!r}")
        if p.host_member in members and members[p.host_member].count != 1:
            problems.append(f"{where}.host_member: expected a single member (count 1); "
                            f"found group {p.host_member!r} of {members[p.host_member].count}")
        if p.decommissioned_on is not None and p.decommissioned_on <= plant_joined_on(
                p, sc.community.founded_on):
            problems.append(f"{where}.decommissioned_on: expected a date after the plant joins "
                            f"({plant_joined_on(p, sc.community.founded_on)}); "
                            f"found {p.decommissioned_on}")
        if p.decommissioned_on is not None and p.decommissioned_on <= p.entry_into_operation:
            problems.append(f"{where}.decommissioned_on: expected a date after "
                            f"entry_into_operation ({p.entry_into_operation}); "
                            f"found {p.decommissioned_on}")
        if p.joined_on is not None and p.joined_on < p.entry_into_operation:
            problems.append(f"{where}.joined_on: expected a date on or after "
                            f"entry_into_operation ({p.entry_into_operation}); found {p.joined_on}")
        if p.building_obligation_kw > min(p.capacity_kwp, p.inverter_kw):
            problems.append(f"{where}.building_obligation_kw: expected at most the plant power "
                            f"({min(p.capacity_kwp, p.inverter_kw)} kW); "
                            f"found {p.building_obligation_kw}")
    for i, m in enumerate(sc.members):
        where = f"members[{i}] (id {m.id!r})"
        if m.configuration not in configs:
            problems.append(
                f"{where}.configuration: expected one of {sorted(configs)}; "
                f"found {m.configuration!r}"
            )
        if m.left_on is not None and m.left_on <= m.joined_on:
            problems.append(f"{where}.left_on: expected a date after joined_on ({m.joined_on}); "
                            f"found {m.left_on}")
        elif m.left_on is not None and m.left_on <= sc.community.founded_on:
            problems.append(f"{where}.left_on: expected a date after community.founded_on "
                            f"({sc.community.founded_on}); found {m.left_on}")
    project_ids = [p.id for p in sc.projects]
    for dup in sorted({i for i in project_ids if project_ids.count(i) > 1}):
        problems.append(f"projects: id {dup!r} appears more than once")
    for i, project in enumerate(sc.projects):
        if project.configuration is not None and project.configuration not in configs:
            problems.append(f"projects[{i}] (id {project.id!r}).configuration: expected one of "
                            f"{sorted(configs)}; found {project.configuration!r}")
    from twin.rules.parameters import DEFAULT_PARAMETERS

    for i, o in enumerate(sc.parameters):
        where = f"parameters[{i}]"
        if o.name not in DEFAULT_PARAMETERS:
            names = sorted({r.name for r in DEFAULT_PARAMETERS.records})
            problems.append(f"{where}.name: expected one of {names}; found {o.name!r}")
            continue
        default = DEFAULT_PARAMETERS.get(o.name)
        if isinstance(default, tuple) != isinstance(o.value, list) or (
                isinstance(default, tuple) and len(default) != len(o.value)):
            shape = f"a list of {len(default)} numbers" if isinstance(default, tuple) \
                else "a number"
            problems.append(f"{where}.value: expected {shape}; found {o.value!r}")
        if o.valid_from and o.valid_to and o.valid_to <= o.valid_from:
            problems.append(f"{where}.valid_to: expected a date after valid_from "
                            f"({o.valid_from}); found {o.valid_to}")
    if problems:
        raise ScenarioError("\n".join([f"{path}: invalid scenario ({len(problems)} problem(s))"]
                                      + [f"  {p}" for p in problems]))


def plant_joined_on(plant: Plant, founded_on: dt.date) -> dt.date:
    """The day a plant starts counting for its configuration."""
    return plant.joined_on or max(plant.entry_into_operation, founded_on)


class LoadedScenario(_Model):
    """A validated scenario with where it came from."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    path: Path
    scenario: Scenario
    sha256: str = Field(description="Hash of the merged, validated scenario (provenance).")

    def resolve(self, relative: str) -> Path:
        """A path given in the scenario file, relative to the file's folder."""
        return (self.path.parent / relative).resolve()


def load_scenario(name: str | Path | None = None) -> LoadedScenario:
    """Read, merge (``extends``) and validate a scenario file.

    Raises
    ------
    ScenarioError
        With the file, the field path, what was expected and what was found.
    """
    path = resolve_scenario_path(name)
    raw = _raw_with_extends(path)
    try:
        scenario = Scenario.model_validate(raw)
    except ValidationError as err:
        raise ScenarioError(_format_validation_error(path, err, raw)) from None
    _check_references(path, scenario)
    digest = hashlib.sha256(scenario.model_dump_json().encode()).hexdigest()
    return LoadedScenario(path=path, scenario=scenario, sha256=digest)
