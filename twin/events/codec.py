"""JSON encoding of events, with upcasters for old schema versions.

An event is stored as its type name, its schema version and a JSON payload of its fields (dates
and datetimes as ISO 8601 strings, tuples as lists). Reading an event whose stored version is older
than the class's ``schema_version`` runs the upcasters ``v1 → v2 → …`` on the payload first, so
stored events are never edited in place (STYLE.md habit 6).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from twin.errors import TwinError
from twin.events import domain
from twin.events.domain import DomainEvent

EVENT_TYPES: dict[str, type[DomainEvent]] = {
    cls.__name__: cls
    for cls in vars(domain).values()
    if isinstance(cls, type) and issubclass(cls, DomainEvent) and cls is not DomainEvent
}
"""Every event class by name."""

Payload = dict[str, Any]
UPCASTERS: dict[tuple[str, int], Callable[[Payload], Payload]] = {
    ("ConfigurationRegistered", 1): lambda p: {**p, "kind": "cer"},
    ("MemberJoined", 1): lambda p: {**p, "tariff_exempt_share": 0.0, "net_metering": False},
    ("PlantCommissioned", 1): lambda p: {**p, "voltage": "lv"},
}
"""``(type, version) → function`` turning a version-n payload into version n+1."""


class EventDecodeError(TwinError, ValueError):
    """A stored or submitted event cannot be decoded."""


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def encode_payload(event: DomainEvent) -> Payload:
    """The event's fields as JSON-ready values."""
    return {f.name: _plain(getattr(event, f.name)) for f in dataclasses.fields(event)}


def to_json(event: DomainEvent) -> str:
    """Canonical JSON of the payload (sorted keys, no spaces): also the hashed form."""
    return json.dumps(encode_payload(event), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)


def _typed(annotation: str, value: Any, where: str) -> Any:
    if value is None:
        return None
    try:
        if "dt.datetime" in annotation:
            parsed = dt.datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                raise ValueError("a UTC offset is required")
            return parsed.astimezone(dt.UTC)
        if "dt.date" in annotation:
            return dt.date.fromisoformat(value)
        if "tuple" in annotation and isinstance(value, list):
            return tuple(float(v) for v in value)
        if annotation.startswith("float") and isinstance(value, int | float) and \
                not isinstance(value, bool):
            return float(value)
    except (TypeError, ValueError) as err:
        raise EventDecodeError(f"{where}: {err}; found {value!r}") from None
    return value


def decode(type_name: str, version: int, payload: Payload, where: str = "event") -> DomainEvent:
    """An event from its stored form, upcast to the current schema version."""
    cls = EVENT_TYPES.get(type_name)
    if cls is None:
        raise EventDecodeError(f"{where}: unknown event type {type_name!r}; expected one of "
                               f"{sorted(EVENT_TYPES)}")
    if version > cls.schema_version:
        raise EventDecodeError(f"{where}: {type_name} schema version {version} is newer than "
                               f"this cer-twin's {cls.schema_version}")
    while version < cls.schema_version:
        payload = UPCASTERS[(type_name, version)](payload)
        version += 1
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = set(payload) - set(fields)
    if unknown:
        raise EventDecodeError(f"{where}: {type_name} has no field(s) {sorted(unknown)}")
    missing = [n for n, f in fields.items() if n not in payload
               and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    if missing:
        raise EventDecodeError(f"{where}: {type_name} is missing field(s) {missing}")
    kwargs = {name: _typed(str(fields[name].type), value, f"{where}.{name}")
              for name, value in payload.items()}
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as err:
        raise EventDecodeError(f"{where}: {err}") from None


def from_json(type_name: str, version: int, text: str, where: str = "event") -> DomainEvent:
    return decode(type_name, version, json.loads(text), where)
