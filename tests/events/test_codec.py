"""JSON encoding of events and upcasting of old schema versions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from twin.events.codec import EVENT_TYPES, UPCASTERS, EventDecodeError, decode, to_json
from twin.scenario import load_scenario
from twin.scenario.compile import compile_events

FIXTURES = Path(__file__).parent.parent / "data" / "events"


def test_every_event_of_the_default_scenario_round_trips():
    for event in compile_events(load_scenario().scenario):
        back = decode(type(event).__name__, event.schema_version, json.loads(to_json(event)))
        assert back == event


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*_v*.json")), ids=lambda p: p.stem)
def test_old_schema_versions_are_upcast_on_read(fixture):
    stored = json.loads(fixture.read_text())
    event = decode(stored["type"], stored["schema_version"], stored["payload"])
    assert type(event).__name__ == stored["type"]
    assert event.schema_version > stored["schema_version"]
    assert event.effective_utc.tzinfo is not None


def test_every_upcaster_has_a_fixture():
    names = {p.stem for p in FIXTURES.glob("*_v*.json")}
    for type_name, version in UPCASTERS:
        assert f"{type_name}_v{version}" in names


def test_upcast_defaults():
    stored = json.loads((FIXTURES / "MemberJoined_v1.json").read_text())
    member = decode("MemberJoined", 1, stored["payload"])
    assert member.tariff_exempt_share == 0.0 and member.net_metering is False
    plant = decode("PlantCommissioned", 1,
                   json.loads((FIXTURES / "PlantCommissioned_v1.json").read_text())["payload"])
    assert plant.voltage == "lv" and plant.entry_into_operation == dt.date(2024, 5, 1)
    assert plant.pod is None and member.pod is None
    meter = decode("MeterDataImported", 1,
                   json.loads((FIXTURES / "MeterDataImported_v1.json").read_text())["payload"])
    assert meter.format == "auto" and meter.unit is None and meter.quantity == "withdrawal"


def test_decode_errors_say_what_is_wrong():
    with pytest.raises(EventDecodeError, match="unknown event type 'MemberVanished'"):
        decode("MemberVanished", 1, {})
    with pytest.raises(EventDecodeError, match="newer than"):
        decode("MemberLeft", 9, {"effective_utc": "2026-01-01T00:00:00+00:00", "member_id": "m"})
    with pytest.raises(EventDecodeError, match=r"missing field\(s\) \['member_id'\]"):
        decode("MemberLeft", 1, {"effective_utc": "2026-01-01T00:00:00+00:00"})
    with pytest.raises(EventDecodeError, match="a UTC offset is required"):
        decode("MemberLeft", 1, {"effective_utc": "2026-01-01T00:00:00", "member_id": "m"})


def test_catalogue_is_complete():
    assert set(EVENT_TYPES) >= {
        "CommunityFounded", "ConfigurationRegistered", "MemberJoined", "MemberLeft",
        "MemberProfileChanged", "PlantCommissioned", "PlantDecommissioned", "PlantOutageStarted",
        "PlantOutageEnded", "StorageInstalled", "TariffParameterSet", "MeterDataImported",
        "ProjectFunded"}
