"""JSON encoding of events, with upcasters for old schema versions.

An event is stored as its type name, its schema version and a JSON payload of its fields (dates
and datetimes as ISO 8601 strings, tuples as lists). Reading an event whose stored version is older
than the class's ``schema_version`` runs the upcasters ``v1 → v2 → …`` on the payload first, so
stored events are never edited in place (STYLE.md habit 6).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any

from twin.errors import Text, TwinError
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
    ("MemberJoined", 2): lambda p: {**p, "contracted_power_kw": None},
    ("PlantCommissioned", 1): lambda p: {**p, "voltage": "lv"},
    ("PlantCommissioned", 2): lambda p: {**p, "soiling_pct_by_month": None,
                                         "horizon_elevation_deg": None, "shading_loss_pct": 0.0},
    ("PlantCommissioned", 3): lambda p: {**p, "pod": None},
    ("MemberJoined", 3): lambda p: {**p, "pod": None},
    ("MemberJoined", 4): lambda p: {**p, "billing": None},
    ("MemberJoined", 5): lambda p: {**p, "flexibility": None},
    ("MeterDataImported", 1): lambda p: {**p, "format": "auto", "unit": None},
    ("MemberLeft", 1): lambda p: {**p, "notified_on": None},
    ("StorageInstalled", 1): lambda p: {**{k: v for k, v in p.items() if k != "power_kw"},
                                        "charge_kw": p["power_kw"],
                                        "discharge_kw": p["power_kw"]},
}
"""``(type, version) → function`` turning a version-n payload into version n+1."""


class EventDecodeError(TwinError, ValueError):
    """A stored or submitted event cannot be decoded."""


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
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


def _to_datetime(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is dt.UTC:  # what the store writes: skip the conversion
        return parsed
    if parsed.tzinfo is None:
        raise ValueError(Text("a UTC offset is required"))
    return parsed.astimezone(dt.UTC)


def _to_tuple(value: Any) -> Any:
    return tuple(float(v) for v in value) if isinstance(value, list) else value


def _to_profile(value: Any) -> domain.MeasuredProfile:
    if not isinstance(value, dict):
        raise ValueError(Text("expected a table (sha256, source_name, year, ...)"))
    return domain.MeasuredProfile(**value)


def _to_billing(value: Any) -> domain.Billing:
    if not isinstance(value, dict):
        raise ValueError(Text("expected a table (customer_class, offer, ...)"))
    prices = value.get("band_price_eur_per_kwh")
    return domain.Billing(**{**value, "band_price_eur_per_kwh": _to_tuple(prices)})


def _to_flexibility(value: Any) -> domain.Flexibility:
    if not isinstance(value, dict):
        raise ValueError(Text("expected a table (ev_policy, plug_in_hours, ...)"))
    hours = value.get("plug_in_hours")
    return domain.Flexibility(**{**value, **({"plug_in_hours": _to_tuple(hours)}
                                             if hours is not None else {})})


def _to_float(value: Any) -> Any:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


CONVERTERS: dict[type, Callable[[Any], Any]] = {
    dt.datetime: _to_datetime,
    dt.date: dt.date.fromisoformat,
    tuple: _to_tuple,
    float: _to_float,
    domain.MeasuredProfile: _to_profile,
    domain.Billing: _to_billing,
    domain.Flexibility: _to_flexibility,
}
"""How a JSON value becomes a field's type, by the field's (resolved) type."""


def _converter(annotation: Any) -> Callable[[Any], Any] | None:
    """The converter of a field's type; ``X | None`` converts as ``X``, and a number or a tuple
    (``float | tuple[float, ...]``) as a tuple when it is a list."""
    if isinstance(annotation, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if any(typing.get_origin(a) is tuple for a in options):
            return _to_tuple
        return _converter(options[0]) if len(options) == 1 else None
    return CONVERTERS.get(typing.get_origin(annotation) or annotation)


@functools.cache
def _plan(cls: type[DomainEvent]) -> tuple[frozenset[str], frozenset[str],
                                           dict[str, Callable[[Any], Any]]]:
    """Field names, required field names and converters of an event class (computed once)."""
    fields = dataclasses.fields(cls)
    hints = typing.get_type_hints(cls, vars(domain))
    required = frozenset(f.name for f in fields if f.default is dataclasses.MISSING
                         and f.default_factory is dataclasses.MISSING)
    converters = {f.name: c for f in fields if (c := _converter(hints[f.name])) is not None}
    return frozenset(f.name for f in fields), required, converters


def decode(type_name: str, version: int, payload: Payload, where: str = "event") -> DomainEvent:
    """An event from its stored form, upcast to the current schema version."""
    cls = EVENT_TYPES.get(type_name)
    if cls is None:
        raise EventDecodeError(Text("{where}: unknown event type {type_name!r}; expected one of "
                                    "{types}", where=where, type_name=type_name,
                                    types=sorted(EVENT_TYPES)))
    if version > cls.schema_version:
        raise EventDecodeError(Text("{where}: {type_name} schema version {version} is newer than "
                                    "this cer-twin's {supported}", where=where,
                                    type_name=type_name, version=version,
                                    supported=cls.schema_version))
    while version < cls.schema_version:
        payload = UPCASTERS[(type_name, version)](payload)
        version += 1
    names, required, converters = _plan(cls)
    if not names.issuperset(payload):
        raise EventDecodeError(Text("{where}: {type_name} has no field(s) {unknown}; "
                                    "its fields are {fields} (and the time)",
                                    where=where, type_name=type_name,
                                    unknown=sorted(set(payload) - names),
                                    fields=sorted(names - {'effective_utc'})))
    if not required.issubset(payload):
        raise EventDecodeError(Text("{where}: {type_name} is missing field(s) "
                                    "{missing}; required: {required}",
                                    where=where, type_name=type_name,
                                    missing=sorted(required - set(payload)),
                                    required=sorted(required - {'effective_utc'})))
    kwargs = dict(payload)
    for name, convert in converters.items():
        value = kwargs.get(name)
        if value is not None:
            try:
                kwargs[name] = convert(value)
            except (TypeError, ValueError) as err:
                raise EventDecodeError(Text("{where}.{name}: {err}; found {value!r}", where=where,
                                            name=name, err=err, value=value)) from None
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as err:
        raise EventDecodeError(Text("{where}: {err}", where=where, err=err)) from None


def from_stored_rows(rows: Sequence[tuple], where: str) -> list[DomainEvent]:
    """Decode rows starting ``(type, version, payload JSON, …)`` written by the event store.

    All payloads are parsed by one ``json.loads`` call (per-call overhead dominates small
    documents). Current-version rows are trusted: the checks of :func:`decode` were made when the
    event was appended and the hash chain guards the rows since; older versions go through
    :func:`decode` and its upcasters.
    """
    payloads = json.loads("[" + ",".join(row[2] for row in rows) + "]")
    events: list[DomainEvent] = []
    for (type_name, version, *_), payload in zip(rows, payloads, strict=True):
        cls = EVENT_TYPES.get(type_name)
        if cls is None or version != cls.schema_version:
            events.append(decode(type_name, version, payload, where))
            continue
        for name, convert in _plan(cls)[2].items():
            value = payload.get(name)
            if value is not None:
                payload[name] = convert(value)
        event = object.__new__(cls)
        event.__dict__.update(payload)  # a frozen dataclass, without re-validation
        events.append(event)
    return events
