"""Scenario → events → state as of any time."""

from __future__ import annotations

import datetime as dt

import pytest

from twin.core.time import local_midnight_utc
from twin.errors import ConsistencyError
from twin.events import (
    MemberJoined,
    MemberLeft,
    PlantCommissioned,
    replay,
)
from twin.scenario.compile import compile_events, member_ids


def at(day: str) -> dt.datetime:
    return local_midnight_utc(dt.date.fromisoformat(day)).to_pydatetime()


def test_events_are_ordered_by_effective_time(tiny):
    events = compile_events(tiny.scenario)
    times = [e.effective_utc for e in events]
    assert times == sorted(times)
    assert type(events[0]).__name__ == "CommunityFounded"


def test_groups_expand_to_numbered_members(tiny):
    group = tiny.scenario.members[0]
    ids = member_ids(group)
    assert len(ids) == 20 and ids[0] == "homes-001" and ids[-1] == "homes-020"
    assert member_ids(tiny.scenario.members[1]) == ["leaver"]


def test_state_as_of_any_time(tiny):
    events = compile_events(tiny.scenario)
    before = replay(events, as_of=at("2026-06-04"))
    assert "leaver" in before.members and "school" not in before.members
    assert set(before.plants) == {"early"}
    after = replay(events, as_of=at("2026-06-12"))
    assert "leaver" not in after.members and "leaver" in after.former_members
    assert "school" in after.members
    assert set(after.plants) == {"early", "late"}
    assert len(after.members) == 21


def test_effective_times_are_local_midnight_in_utc(tiny):
    events = compile_events(tiny.scenario)
    left = next(e for e in events if isinstance(e, MemberLeft))
    assert left.effective_utc == dt.datetime(2026, 6, 4, 22, 0, tzinfo=dt.UTC)  # CEST = UTC+2


def test_domain_rules_refuse_inconsistent_events(tiny):
    events = compile_events(tiny.scenario)
    state = replay(events)
    joined = next(e for e in events if isinstance(e, MemberJoined))
    with pytest.raises(ConsistencyError, match="already joined"):
        state.apply(joined)
    with pytest.raises(ConsistencyError, match="not a member"):
        state.apply(MemberLeft(effective_utc=at("2026-07-01"), member_id="nobody"))
    plant = next(e for e in events if isinstance(e, PlantCommissioned))
    with pytest.raises(ConsistencyError, match="unknown configuration"):
        state.apply(PlantCommissioned(**{**plant.__dict__, "plant_id": "x",
                                         "configuration_id": "nowhere"}))


def test_effective_time_must_be_utc():
    with pytest.raises(ValueError, match="UTC"):
        MemberLeft(effective_utc=dt.datetime(2026, 1, 1), member_id="m")


def test_validity_intervals(tiny):
    from twin.events import validity_intervals

    intervals = {(v.kind, v.id): v for v in validity_intervals(compile_events(tiny.scenario))}
    leaver = intervals[("member", "leaver")]
    assert leaver.start_utc == at("2025-02-01") and leaver.end_utc == at("2026-06-05")
    assert intervals[("plant", "late")].end_utc is None
    assert intervals[("member", "school")].start_utc == at("2026-06-10")
