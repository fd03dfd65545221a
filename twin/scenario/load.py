"""Loading scenario files: TOML, ``extends`` merged by id, validated by the schema, with errors
that name the file and the field."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from twin.errors import ScenarioError, Text
from twin.rules.bill_parameters import BILL_PARAMETERS
from twin.rules.parameters import DEFAULT_PARAMETERS
from twin.scenario.schema import Plant, Scenario, _Model, plant_joined_on

M = TypeVar("M", bound=BaseModel)


def builtin_scenarios_dir() -> Path:
    """Folder of the built-in scenarios: inside the installed package, or ``scenarios/`` of a
    source checkout (where the package is imported without being installed)."""
    packaged = Path(str(resources.files("twin"))) / "scenarios"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "scenarios"


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
    raise ScenarioError(Text("{path}: scenario file not found", path=path))


def read_toml(path: Path, what: str = "scenario file") -> dict[str, Any]:
    """The tables of a TOML file, or :class:`ScenarioError` naming the file."""
    what = Text(what)  # "scenario file", "sweep file", ...: each translated in the catalogue
    if path.is_dir():
        raise ScenarioError(Text("{path}: expected a {what} (a TOML file); found a folder",
                                 path=path, what=what))
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ScenarioError(Text("{path}: {what} not found", path=path, what=what)) from None
    except UnicodeDecodeError as err:
        raise ScenarioError(Text("{path}: expected a {what} in UTF-8 text; found byte "
                                 "0x{byte:02x} at position {position}",
                                 path=path, what=what, byte=err.object[err.start],
                                 position=err.start)) from None
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(Text("{path}: not valid TOML: {err}", path=path, err=err)) from None
    except OSError as err:
        raise ScenarioError(Text("{path}: cannot read the {what}: {reason}", path=path,
                                 what=what, reason=err.strerror)) from None


def read_toml_model(path: Path, model: type[M], what: str) -> M:
    """A TOML file validated by ``model``; errors name the file, each field (with the ``id`` of
    the item it sits in), what was expected and what was found."""
    raw = read_toml(path, what)
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        raise ScenarioError(validation_message(path, err, raw, what)) from None


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


def extends_of(path: Path, raw: dict[str, Any] | None = None) -> Path | None:
    """The scenario file a what-if file ``extends`` (beside it, else a built-in one), or None
    for a file that extends nothing."""
    raw = read_toml(path) if raw is None else raw
    parent = raw.get("extends")
    if parent is None:
        return None
    if not isinstance(parent, str):
        raise ScenarioError(Text("{path}: field extends: expected a file name, found {parent!r}",
                                 path=path, parent=parent))
    parent_path = (path.parent / parent).resolve()
    return parent_path if parent_path.exists() else builtin_scenarios_dir() / parent


def _raw_with_extends(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    raw = read_toml(path)
    parent_path = extends_of(path, raw)
    raw.pop("extends", None)
    if parent_path is None:
        return raw
    parent = parent_path.name
    if parent_path in seen:
        raise ScenarioError(Text("{path}: field extends: circular reference to {parent}",
                                 path=path, parent=parent))
    if not parent_path.exists():
        raise ScenarioError(Text("{path}: field extends: no scenario file named {parent!r}",
                                 path=path, parent=parent))
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


PYDANTIC_MESSAGES = {
    "greater_than": "input should be greater than {gt}",
    "greater_than_equal": "input should be greater than or equal to {ge}",
    "less_than": "input should be less than {lt}",
    "less_than_equal": "input should be less than or equal to {le}",
    "literal_error": "input should be {expected}",
    "int_parsing": "input should be a valid integer, unable to parse string as an integer",
    "int_type": "input should be a valid integer",
    "int_from_float": "input should be a valid integer, got a number with a fractional part",
    "float_parsing": "input should be a valid number, unable to parse string as a number",
    "float_type": "input should be a valid number",
    "finite_number": "input should be a finite number",
    "string_type": "input should be a valid string",
    "bool_parsing": "input should be a valid boolean, unable to interpret input",
    "bool_type": "input should be a valid boolean",
    "date_from_datetime_parsing": "input should be a valid date or datetime, {error}",
    "date_type": "input should be a valid date",
    "list_type": "input should be a valid list",
    "dict_type": "input should be a valid dictionary",
    "model_type": "input should be a valid dictionary or instance of {class_name}",
    "too_short": "{field_type} should have at least {min_length} item{expected_plural} after "
                 "validation, not {actual_length}",
}
"""The English of the pydantic errors a scenario meets most, as templates of their context
(``ctx``) so they can be translated; a message that does not come out exactly as pydantic
wrote it stays pydantic's."""


def pydantic_expected(e: dict) -> Text | str:
    """What a pydantic error says was expected, translatable when its template is known."""
    msg = e["msg"].removeprefix("Value error, ")
    msg = msg[0].lower() + msg[1:]
    error = e.get("ctx", {}).get("error")
    if e["type"] == "value_error" and isinstance(error, ValueError) and error.args \
            and isinstance(error.args[0], Text) and error.args[0] == msg:
        return error.args[0]  # one of our validators' messages, translatable
    template = PYDANTIC_MESSAGES.get(e["type"])
    if template is not None:
        ctx = {k: int(v) if isinstance(v, float) and v.is_integer() else v  # as pydantic
               for k, v in e.get("ctx", {}).items()}                       # writes them
        text = Text(template, **ctx)
        try:
            if str(text) == msg:
                return text
        except (KeyError, IndexError):
            pass
    return msg


def validation_message(path: Path, err: ValidationError, raw: dict[str, Any],
                       what: str = "scenario") -> list[Text]:
    """One line per problem of a pydantic validation error, each naming its field (the lines
    of a :class:`ScenarioError`)."""
    lines = [Text("{path}: invalid {what} ({count} problem(s))", path=path,
                  what=Text(what), count=err.error_count())]
    for e in err.errors(include_url=False):
        where = _field_path(tuple(e["loc"]), raw)
        if e["type"] == "missing":
            lines.append(Text("  {where}: required field is missing", where=where))
        elif e["type"] == "extra_forbidden":
            lines.append(Text("  {where}: unknown field (found {found!r})", where=where,
                              found=e["input"]))
        else:
            lines.append(Text("  {where}: expected: {expected}; found: {found!r}", where=where,
                              expected=pydantic_expected(e), found=e["input"]))
    return lines


def _duplicate_ids(sc: Scenario) -> list[str]:
    """Ids appear once, and a cabina primaria holds one configuration of each kind (RO-2024
    §1.1.4: every point of a configuration lies under its one cabina primaria, and a point
    belongs to one configuration; a CER runs one configuration per cabina primaria, §1.2.2)."""
    problems = []
    seen: dict[tuple[str, str], str] = {}
    for i, c in enumerate(sc.configurations):
        key = (c.cabina_primaria, c.kind)
        if key in seen:
            problems.append(Text("configurations[{i}] (id {id!r}).cabina_primaria: expected one "
                                 "{kind} configuration per cabina primaria (RO-2024 §1.1.4, "
                                 "§1.2.2); found {primaria!r}, already configuration {other!r}",
                                 i=i, id=c.id, kind=c.kind, primaria=c.cabina_primaria,
                                 other=seen[key]))
        seen.setdefault(key, c.id)
    for section in ("configurations", "plants", "members", "projects", "storage"):
        ids = [item.id for item in getattr(sc, section)]
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(Text("{section}: id {dup!r} appears more than once", section=section,
                                 dup=dup))
    return problems


def _plant_problems(sc: Scenario) -> list[str]:
    problems: list[str] = []
    configs = {c.id for c in sc.configurations}
    members = {m.id: m for m in sc.members}
    for i, p in enumerate(sc.plants):
        where = f"plants[{i}] (id {p.id!r})"
        if p.configuration not in configs:
            problems.append(Text("{where}.configuration: expected one of {configs}; found "
                                 "{configuration!r}", where=where, configs=sorted(configs),
                                 configuration=p.configuration))
        for field in ("owner", "host_member"):
            ref = getattr(p, field)
            if ref is not None and ref not in members:
                problems.append(Text("{where}.{field}: expected a member id; found {ref!r}",
                                     where=where, field=field, ref=ref))
        if p.host_member in members and members[p.host_member].count != 1:
            problems.append(Text("{where}.host_member: expected a single member (count 1); found "
                                 "group {member!r} of {count}", where=where,
                                 member=p.host_member,
                                 count=members[p.host_member].count))
        problems += _plant_dates(where, p, sc.community.founded_on)
        if p.building_obligation_kw > min(p.capacity_kwp, p.inverter_kw):
            problems.append(Text("{where}.building_obligation_kw: expected at most the plant "
                                 "power ({power} kW); found {kw}", where=where,
                                 power=min(p.capacity_kwp, p.inverter_kw),
                                 kw=p.building_obligation_kw))
    return problems


def _plant_dates(where: str, p: Plant, founded_on: dt.date) -> list[str]:
    problems = []
    joins = plant_joined_on(p, founded_on)
    if p.decommissioned_on is not None and p.decommissioned_on <= joins:
        problems.append(Text("{where}.decommissioned_on: expected a date after the plant joins "
                             "({joins}); found {on}", where=where, joins=joins,
                             on=p.decommissioned_on))
    if p.decommissioned_on is not None and p.decommissioned_on <= p.entry_into_operation:
        problems.append(Text("{where}.decommissioned_on: expected a date after "
                             "entry_into_operation ({operation}); found {on}", where=where,
                             operation=p.entry_into_operation, on=p.decommissioned_on))
    if p.joined_on is not None and p.joined_on < p.entry_into_operation:
        problems.append(Text("{where}.joined_on: expected a date on or after entry_into_operation "
                             "({operation}); found {on}", where=where,
                             operation=p.entry_into_operation, on=p.joined_on))
    return problems


def _member_and_project_problems(sc: Scenario) -> list[str]:
    problems: list[str] = []
    configs = {c.id for c in sc.configurations}
    for i, m in enumerate(sc.members):
        where = f"members[{i}] (id {m.id!r})"
        if m.pod is not None and m.count != 1:
            problems.append(Text("{where}.pod: expected a group of one member (a POD is one "
                                 "meter); found count {count}", where=where, count=m.count))
        if m.configuration not in configs:
            problems.append(Text("{where}.configuration: expected one of {configs}; found "
                                 "{configuration!r}", where=where, configs=sorted(configs),
                                 configuration=m.configuration))
        if m.left_on is not None and m.left_on <= m.joined_on:
            problems.append(Text("{where}.left_on: expected a date after joined_on ({on}); found "
                                 "{on2}", where=where, on=m.joined_on, on2=m.left_on))
        elif m.left_on is not None and m.left_on <= sc.community.founded_on:
            problems.append(Text("{where}.left_on: expected a date after community.founded_on "
                                 "({founded}); found {on}", where=where,
                                 founded=sc.community.founded_on, on=m.left_on))
    for i, project in enumerate(sc.projects):
        if project.configuration is not None and project.configuration not in configs:
            problems.append(Text("projects[{i}] (id {id!r}).configuration: expected one "
                                 "of {configs}; found {found!r}", i=i,
                                 id=project.id, configs=sorted(configs),
                                 found=project.configuration))
    return problems + _storage_problems(sc)


def _storage_problems(sc: Scenario) -> list[str]:
    """A battery sits behind a single member of its configuration, one battery per member."""
    problems: list[str] = []
    singles = {m.id: m.configuration for m in sc.members if m.count == 1}
    hosts: dict[str, str] = {}
    configs = {c.id for c in sc.configurations}
    for i, b in enumerate(sc.storage):
        where = f"storage[{i}] (id {b.id!r})"
        if b.host_member is None:
            if b.configuration not in configs:
                problems.append(Text("{where}.configuration: expected one of {configs}; "
                                     "found {configuration!r}", where=where,
                                     configs=sorted(configs),
                                     configuration=b.configuration))
            continue
        if singles.get(b.host_member or "") != b.configuration:
            problems.append(Text("{where}.host_member: expected a single member (count 1) of "
                                 "configuration {configuration!r}; found {host!r}",
                                 where=where, configuration=b.configuration,
                                 host=b.host_member))
        elif b.host_member in hosts:
            problems.append(Text("{where}.host_member: one battery per member; {host!r} "
                                 "already has {battery!r}", where=where,
                                 host=b.host_member,
                                 battery=hosts[b.host_member]))
        hosts.setdefault(b.host_member or "", b.id)
    return problems


def _parameter_problems(sc: Scenario) -> list[str]:
    """Overrides must name a rule or bill parameter and have its shape
    (twin/rules/parameters.py, twin/rules/bill_parameters.py)."""
    problems: list[str] = []
    for i, o in enumerate(sc.parameters):
        where = f"parameters[{i}]"
        known = next((p for p in (DEFAULT_PARAMETERS, BILL_PARAMETERS) if o.name in p), None)
        if known is None:
            names = sorted({r.name for p in (DEFAULT_PARAMETERS, BILL_PARAMETERS)
                            for r in p.records})
            problems.append(Text("{where}.name: expected one of {names}; found {found!r}",
                                 where=where, names=names, found=o.name))
            continue
        default = known.get(o.name)
        if isinstance(default, tuple) != isinstance(o.value, list) or (
                isinstance(default, tuple) and len(default) != len(o.value)) or \
                isinstance(default, str) != isinstance(o.value, dt.date):
            shape = (f"a list of {len(default)} numbers" if isinstance(default, tuple)
                     else "a date" if isinstance(default, str) else "a number")
            problems.append(Text("{where}.value: expected {shape}; found {found!r}",
                                 where=where, shape=shape, found=o.value))
        if o.valid_from and o.valid_to and o.valid_to <= o.valid_from:
            problems.append(Text("{where}.valid_to: expected a date after valid_from "
                                 "({valid_from}); found {valid_to}", where=where,
                                 valid_from=o.valid_from, valid_to=o.valid_to))
    return problems


def _check_references(path: Path, sc: Scenario) -> None:
    """Cross-field rules that a per-field schema cannot express."""
    problems = (_duplicate_ids(sc) + _plant_problems(sc) + _member_and_project_problems(sc)
                + _parameter_problems(sc))
    if problems:
        raise ScenarioError([Text("{path}: invalid {what} ({count} problem(s))", path=path,
                                  what=Text("scenario"), count=len(problems))]
                            + [Text("  {problem}", problem=p) for p in problems])


def _outside_paths(path: Path, sc: Scenario) -> list[str]:
    """Data paths that are absolute or leave the scenario's folder (refused unless allowed: a
    scenario from someone else must not read any file of the machine)."""
    named = [("weather.path", sc.weather.path), ("weather.calibrate_to", sc.weather.calibrate_to),
             ("prices.path", sc.prices.path)]
    named += [(f"members[{i}] (id {m.id!r}).profile.meter_file", m.profile.meter_file)
              for i, m in enumerate(sc.members) if m.profile is not None]
    named += [(f"plants[{i}] (id {p.id!r}).profile.meter_file", p.profile.meter_file)
              for i, p in enumerate(sc.plants) if p.profile is not None]
    folder = path.parent.resolve()
    return [f"{where}: expected a path inside the scenario's folder {folder}; found {value!r} "
            "(give --allow-outside-paths, or allow_outside_paths=True, to read it)"
            for where, value in named
            if value is not None and (Path(value).is_absolute()
                                      or not (folder / value).resolve().is_relative_to(folder))]


class LoadedScenario(_Model):
    """A validated scenario with where it came from."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    path: Path
    scenario: Scenario
    sha256: str = Field(description="Hash of the merged, validated scenario (provenance).")
    files: dict[str, tuple[str, bytes]] = Field(
        default_factory=dict,
        description="Data files the scenario's profiles name: as written -> (SHA-256, content).")

    def resolve(self, relative: str) -> Path:
        """A path given in the scenario file, relative to the file's folder."""
        return (self.path.parent / relative).resolve()


def load_scenario(name: str | Path | None = None,
                  allow_outside_paths: bool = False) -> LoadedScenario:
    """Read, merge (``extends``) and validate a scenario file.

    Data files (weather, prices, measured profiles) must lie in the scenario's folder or below
    it unless ``allow_outside_paths``.

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
        raise ScenarioError(validation_message(path, err, raw)) from None
    _check_references(path, scenario)
    outside = [] if allow_outside_paths else _outside_paths(path, scenario)
    if outside:
        raise ScenarioError([Text("{path}: data outside the scenario's folder ({count} "
                                  "path(s))", path=path, count=len(outside))]
                            + [f"  {p}" for p in outside])
    files = _profile_files(path, scenario)
    digest = hashlib.sha256(scenario.model_dump_json().encode()
                            + "".join(sha for sha, _ in files.values()).encode()).hexdigest()
    return LoadedScenario(path=path, scenario=scenario, sha256=digest, files=files)


def _profile_files(path: Path, sc: Scenario) -> dict[str, tuple[str, bytes]]:
    """The meter files the profiles of members and plants name (relative to the scenario)."""
    files: dict[str, tuple[str, bytes]] = {}
    owners = [(f"members[{i}] (id {m.id!r})", m.profile) for i, m in enumerate(sc.members)]
    owners += [(f"plants[{i}] (id {p.id!r})", p.profile) for i, p in enumerate(sc.plants)]
    for where, profile in owners:
        if profile is None or profile.meter_file in files:
            continue
        file = (path.parent / profile.meter_file).resolve()
        try:
            data = file.read_bytes()
        except OSError as err:
            raise ScenarioError(Text("{path}: {where}.profile.meter_file: expected a readable "
                                     "meter file; found {found!r} ({reason})",
                                     path=path, where=where,
                                     found=profile.meter_file,
                                     reason=err.strerror)) from None
        files[profile.meter_file] = (hashlib.sha256(data).hexdigest(), data)
    return files
