"""Event files for ``cer-twin events append``: TOML (``[[events]]``) or JSON (a list).

Each event is a table with ``type`` (an event class name), ``effective`` (a local Europe/Rome
date, or a date-time: with an offset it is taken as given, without one as local time) and the
event's fields (docs/event-reference.md). Optional fields of plants and members take the scenario
defaults; a ``MemberJoined`` with ``count = N`` is N alike members ``<member_id>-001``... (as a
scenario's member group).

.. code-block:: toml

    [[events]]
    type = "MemberLeft"
    effective = 2026-09-01
    member_id = "bovisa-households-007"
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from twin.core.time import parse_local_time
from twin.errors import ConsistencyError, Text, TwinError
from twin.events.codec import EVENT_TYPES, EventDecodeError, decode
from twin.events.domain import DomainEvent, MemberJoined
from twin.rules.configuration import refusal
from twin.scenario.bounds import MAX_ANNUAL_KWH, MAX_MEMBERS_PER_GROUP
from twin.scenario.load import pydantic_expected
from twin.scenario.schema import PLANT_SCENARIO_ONLY, MemberGroup, Plant, plant_event_defaults
from twin.scenario.storage import MAX_BATTERY_KWH

DEFAULTS: dict[str, dict[str, Any]] = {
    "PlantCommissioned": {**plant_event_defaults(), "lifecycle": "new"},
    "MemberJoined": {"tariff_exempt_share": 0.0, "net_metering": False},
}
"""Defaults for optional fields, as in scenario files (:func:`twin.scenario.schema.
plant_event_defaults`); a plant entered by event is a new one unless it says otherwise."""


class EventFileError(TwinError, ValueError):
    """An event file cannot be read."""


def _checked_fields(source: type[BaseModel], names: tuple[str, ...]) -> type[BaseModel]:
    """A model of some fields of a scenario model, with their types, ranges and literals."""
    fields = {n: (source.model_fields[n].annotation, source.model_fields[n]) for n in names}
    config = ConfigDict(extra="ignore", allow_inf_nan=False)
    return create_model(f"{source.__name__}Event", __config__=config, **fields)


CHECKED: dict[str, type[BaseModel]] = {
    "MemberJoined": _checked_fields(MemberGroup, (
        "category", "archetype", "contracted_power_kw", "tariff_exempt_share", "billing")),
    "PlantCommissioned": _checked_fields(Plant, tuple(
        n for n in Plant.model_fields if n not in PLANT_SCENARIO_ONLY)),
}
"""Event fields checked with the scenario schema's own fields before anything is stored: the
same types, ranges and known values as in a scenario file (one schema for every way in)."""


def _storage_problems(payload: dict[str, Any], where: str) -> list[Text]:
    """A battery event's values within the bounds of a scenario's ``[[storage]]``."""
    ranges = {"capacity_kwh": (1e-9, MAX_BATTERY_KWH), "charge_kw": (1e-9, MAX_BATTERY_KWH),
              "discharge_kw": (1e-9, MAX_BATTERY_KWH), "round_trip_efficiency": (1e-9, 1.0),
              "soc_min_pct": (0, 100), "soc_max_pct": (0, 100), "soc_initial_pct": (0, 100),
              "standby_loss_pct_per_day": (0, 10), "fade_pct_per_cycle": (0, 1),
              "fade_pct_per_year": (0, 20)}
    problems = []
    for name, (low, high) in ranges.items():
        value = payload.get(name)
        if value is None and name not in ("capacity_kwh", "charge_kw", "discharge_kw",
                                          "round_trip_efficiency"):
            continue
        if not isinstance(value, int | float) or isinstance(value, bool) or not (
                low <= value <= high):
            problems.append(Text("{where}.{name}: expected a number from {low:g} to {high:g}; "
                                 "found {found!r}", where=where, name=name, low=low, high=high,
                                 found=value))
    policies = ("self_consumption", "schedule") if payload.get("host_member") else (
        "community_sharing",)
    if payload.get("policy", policies[0]) not in policies:
        problems.append(Text("{where}.policy: expected one of {policies} ({host}); found "
                             "{found!r}", where=where, policies=list(policies),
                             host=Text("with a host_member") if payload.get("host_member")
                             else Text("without a host_member"), found=payload.get("policy")))
    return problems


def _check_values(type_name: str, payload: dict[str, Any], where: str) -> None:
    """Refuse values the scenario schema would refuse, naming every field at fault."""
    problems = []
    if type_name == "MemberJoined":
        kwh = payload.get("annual_kwh")
        if not isinstance(kwh, int | float) or isinstance(kwh, bool) or not (
                0 <= kwh <= MAX_ANNUAL_KWH):
            problems.append(Text("{where}.annual_kwh: expected a number of kWh from 0 to "
                                 "{high:g}; found {found!r}", where=where, high=MAX_ANNUAL_KWH,
                                 found=kwh))
    if type_name == "StorageInstalled":
        problems += _storage_problems(payload, where)
    model = CHECKED.get(type_name)
    if model is not None:
        try:
            model.model_validate(payload)
        except ValidationError as err:
            problems += [Text("  {where}: expected: {expected}; found: {found!r}",
                              where=f"{where}.{'.'.join(str(p) for p in e['loc'])}",
                              expected=pydantic_expected(e), found=e["input"])
                         for e in err.errors(include_url=False)]
    if problems:
        raise EventFileError([*problems, Text("nothing was stored")])


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def read_event_file(path: str | Path) -> list[DomainEvent]:
    """Events of a TOML or JSON event file, with errors naming the file, item and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EventFileError(Text("{path}: event file not found", path=path)) from None
    try:
        if path.suffix.lower() == ".json":
            raw = json.loads(text)
        else:
            raw = tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as err:
        raise EventFileError(Text("{path}: not valid {kind}: {error}", path=path,
                                  kind=path.suffix.lstrip(".").upper() or "TOML",
                                  error=err)) from None
    items = raw.get("events") if isinstance(raw, dict) else raw
    if not isinstance(items, list) or not items:
        raise EventFileError(Text("{path}: expected a non-empty list of events (`[[events]]` "
                                  "tables in TOML, a JSON list)", path=path))
    events = []
    for i, item in enumerate(items):
        where = f"{path}: events[{i}]"
        if not isinstance(item, dict):
            raise EventFileError(Text("{where}: expected a table; found {found!r}", where=where,
                                      found=item))
        item = dict(item)
        type_name = item.pop("type", None)
        if type_name not in EVENT_TYPES:
            raise EventFileError(Text("{where}.type: expected one of {types}; found {found!r}",
                                      where=where, types=sorted(EVENT_TYPES), found=type_name))
        ident = next((f" {item[k]!r}" for k in ("member_id", "plant_id", "project_id",
                                                 "storage_id", "configuration_id")
                      if isinstance(item.get(k), str)), "")
        where += f" ({type_name}{ident})"
        if "effective" not in item:
            raise EventFileError(Text("{where}.effective: required field is missing",
                                      where=where))
        try:
            effective = parse_local_time(item.pop("effective"))
        except ValueError as err:
            raise EventFileError(Text("{where}.effective: {error}", where=where,
                                      error=err)) from None
        count = item.pop("count", 1) if type_name == "MemberJoined" else 1
        if not isinstance(count, int) or isinstance(count, bool) or not (
                1 <= count <= MAX_MEMBERS_PER_GROUP):
            raise EventFileError(Text("{where}.count: expected a whole number of members from "
                                      "1 to {high:,}; found {found!r}", where=where,
                                      high=MAX_MEMBERS_PER_GROUP, found=count))
        payload = {**DEFAULTS.get(type_name, {}), **{k: _plain(v) for k, v in item.items()}}
        if type_name == "MemberJoined":
            payload.setdefault("group_id", payload.get("member_id"))
        payload["effective_utc"] = effective.isoformat()
        try:
            event = decode(type_name, EVENT_TYPES[type_name].schema_version, payload, where)
        except EventDecodeError as err:
            raise EventFileError(err.parts) from None
        if isinstance(event, MemberJoined):
            reason = refusal(event.member_id, event.category, event.net_metering)
            if reason is not None:
                raise ConsistencyError(Text("{where}: {reason}; nothing was stored",
                                            where=where, reason=reason))
        _check_values(type_name, payload, where)
        width = max(3, len(str(count)))  # ids as a scenario's member group gets them
        events += [event] if count == 1 else [
            dataclasses.replace(event, member_id=f"{event.member_id}-{k:0{width}d}",
                                group_id=event.member_id, pod=None)
            for k in range(1, count + 1)]
    return events
