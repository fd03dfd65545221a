"""Event files for ``cer-twin events append``: TOML (``[[events]]``) or JSON (a list).

Each event is a table with ``type`` (an event class name), ``effective`` (a local Europe/Rome
date, or a date-time: with an offset it is taken as given, without one as local time) and the
event's fields. Optional fields of plants and members take the scenario defaults.

.. code-block:: toml

    [[events]]
    type = "MemberLeft"
    effective = 2026-09-01
    member_id = "bovisa-households-007"
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

from twin.core.time import parse_local_time
from twin.errors import ConsistencyError, TwinError
from twin.events.codec import EVENT_TYPES, EventDecodeError, decode
from twin.events.domain import DomainEvent, MemberJoined
from twin.rules.configuration import refusal
from twin.scenario.schema import plant_event_defaults

DEFAULTS: dict[str, dict[str, Any]] = {
    "PlantCommissioned": {**plant_event_defaults(), "lifecycle": "new"},
    "MemberJoined": {"tariff_exempt_share": 0.0, "net_metering": False},
}
"""Defaults for optional fields, as in scenario files (:func:`twin.scenario.schema.
plant_event_defaults`); a plant entered by event is a new one unless it says otherwise."""


class EventFileError(TwinError, ValueError):
    """An event file cannot be read."""


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
        raise EventFileError(f"{path}: event file not found") from None
    try:
        if path.suffix.lower() == ".json":
            raw = json.loads(text)
        else:
            raw = tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as err:
        raise EventFileError(f"{path}: not valid {path.suffix.lstrip('.').upper() or 'TOML'}: "
                             f"{err}") from None
    items = raw.get("events") if isinstance(raw, dict) else raw
    if not isinstance(items, list) or not items:
        raise EventFileError(f"{path}: expected a non-empty list of events "
                             "(`[[events]]` tables in TOML, a JSON list)")
    events = []
    for i, item in enumerate(items):
        where = f"{path}: events[{i}]"
        if not isinstance(item, dict):
            raise EventFileError(f"{where}: expected a table; found {item!r}")
        item = dict(item)
        type_name = item.pop("type", None)
        if type_name not in EVENT_TYPES:
            raise EventFileError(f"{where}.type: expected one of {sorted(EVENT_TYPES)}; "
                                 f"found {type_name!r}")
        where += f" ({type_name})"
        if "effective" not in item:
            raise EventFileError(f"{where}.effective: required field is missing")
        try:
            effective = parse_local_time(item.pop("effective"))
        except ValueError as err:
            raise EventFileError(f"{where}.effective: {err}") from None
        payload = {**DEFAULTS.get(type_name, {}), **{k: _plain(v) for k, v in item.items()}}
        if type_name == "MemberJoined":
            payload.setdefault("group_id", payload.get("member_id"))
        payload["effective_utc"] = effective.isoformat()
        try:
            event = decode(type_name, EVENT_TYPES[type_name].schema_version, payload, where)
        except EventDecodeError as err:
            raise EventFileError(str(err)) from None
        if isinstance(event, MemberJoined):
            reason = refusal(event.member_id, event.category, event.net_metering)
            if reason is not None:
                raise ConsistencyError(f"{where}: {reason}; nothing was stored")
        events.append(event)
    return events
