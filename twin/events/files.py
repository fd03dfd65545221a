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

from twin.errors import TwinError
from twin.events.codec import EVENT_TYPES, EventDecodeError, decode
from twin.events.domain import DomainEvent
from twin.timeutil import parse_local_time

DEFAULTS: dict[str, dict[str, Any]] = {
    "PlantCommissioned": {
        "source": "pv", "mounting": "open_rack", "system_losses_pct": 14.0,
        "degradation_pct_per_year": 0.5, "albedo": 0.2, "lifecycle": "new",
        "grant_intensity_pct": 0.0, "building_obligation_kw": 0.0,
        "pre_constitution_exception": False, "owner": None, "host_member": None,
        "voltage": "lv", "soiling_pct_by_month": None, "horizon_elevation_deg": None,
        "shading_loss_pct": 0.0,
    },
    "MemberJoined": {"tariff_exempt_share": 0.0, "net_metering": False},
}
"""Defaults for optional fields, as in scenario files (twin/scenario.py)."""


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
            events.append(decode(type_name, EVENT_TYPES[type_name].schema_version, payload,
                                 where))
        except EventDecodeError as err:
            raise EventFileError(str(err)) from None
    return events
