"""The event-store contract, run against SQLite and a real PostgreSQL server."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest

from tests.conftest import TESTS
from twin.errors import ConsistencyError
from twin.events import (
    MemberJoined,
    MemberLeft,
    PlantCommissioned,
    ProjectFunded,
)
from twin.events.store import ConflictError, EventStore, StoreError
from twin.scenario import load_scenario
from twin.scenario.compile import compile_events

UTC = dt.UTC


def tiny_events():
    return compile_events(load_scenario(TESTS / "data" / "scenarios" / "tiny.toml").scenario)


def project(i: int) -> ProjectFunded:
    return ProjectFunded(effective_utc=dt.datetime(2026, 1, 1, tzinfo=UTC), project_id=f"p{i}",
                         name=f"project {i}", amount_cents=100 * i)


def test_append_and_read_back(store):
    events = tiny_events()
    result = store.append("main", events)
    assert (result.first_seq, result.last_seq) == (1, len(events))
    stored = store.read("main")
    assert [s.event for s in stored] == events
    assert [s.seq for s in stored] == list(range(1, len(events) + 1))
    assert store.head("main") == len(events)
    assert store.verify() == []


def test_a_batch_is_all_or_nothing(store):
    store.append("main", tiny_events())
    head = store.head("main")
    good = project(1)
    bad = MemberLeft(effective_utc=dt.datetime(2026, 7, 1, tzinfo=UTC), member_id="nobody")
    with pytest.raises(ConsistencyError, match="nothing was stored"):
        store.append("main", [good, bad])
    assert store.head("main") == head
    assert store.verify() == []
    store.append("main", [good])  # the store is still usable, and its cache is right
    assert store.head("main") == head + 1


def test_domain_rules_are_checked_before_storing(store):
    events = tiny_events()
    store.append("main", events)
    joined = next(e for e in events if isinstance(e, MemberJoined))
    later = dt.datetime(2026, 7, 1, tzinfo=UTC)
    with pytest.raises(ConsistencyError, match="already joined"):
        store.append("main", [dataclasses.replace(joined, effective_utc=later)])
    with pytest.raises(ConsistencyError, match="leaves but is not a member"):
        store.append("main", [MemberLeft(effective_utc=joined.effective_utc
                                         - dt.timedelta(days=1), member_id=joined.member_id)])
    plant = next(e for e in events if isinstance(e, PlantCommissioned))
    with pytest.raises(ConsistencyError, match="unknown configuration"):
        store.append("main", [dataclasses.replace(plant, plant_id="x", configuration_id="zz",
                                                  effective_utc=later)])
    old = dataclasses.replace(plant, plant_id="old", entry_into_operation=dt.date(2020, 1, 1),
                              capacity_kwp=500.0, inverter_kw=500.0, effective_utc=later)
    result = store.append("main", [old])
    assert "old" in result.state.plants  # the state after the batch, for rules that flag


def test_stale_writer_gets_a_conflict_and_can_retry(store_location):
    with EventStore(store_location) as a, EventStore(store_location) as b:
        head = a.head("main")
        a.append("main", [project(1)], expected_head=head)
        with pytest.raises(ConflictError, match="retry"):
            b.append("main", [project(2)], expected_head=head)
        b.append("main", [project(2)], expected_head=b.head("main"))
        assert [s.seq for s in a.read("main")] == [1, 2]


def test_concurrent_writers_never_leave_a_gap_or_a_duplicate(store_location):
    per_writer, errors = 25, []

    def writer(tag: int) -> None:
        try:
            with EventStore(store_location) as s:
                for i in range(per_writer):
                    s.append("main", [project(1000 * tag + i), project(1000 * tag + i + 500)])
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(t,)) for t in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with EventStore(store_location) as s:
        seqs = [e.seq for e in s.read("main")]
        assert seqs == list(range(1, 3 * per_writer * 2 + 1))
        assert s.verify() == []


def test_branches_and_branches_of_branches(store):
    events = tiny_events()
    store.append("main", events)
    fork = 5
    store.create_branch("a", "main", at_seq=fork)
    assert store.head("a") == fork
    store.append("a", [project(1)])
    store.append("main", [project(2)])
    assert [s.seq for s in store.read("a")] == [*range(1, fork + 1), fork + 1]
    assert store.read("a")[-1].event.project_id == "p1"
    assert store.read("main")[-1].event.project_id == "p2"
    store.create_branch("b", "a")
    store.append("b", [project(3)])
    assert [s.event.project_id for s in store.read("b")[-2:]] == ["p1", "p3"]
    assert [s.branch for s in store.read("b")[-3:]] == ["main", "a", "b"]
    assert store.verify() == []
    with pytest.raises(StoreError, match="already exists"):
        store.create_branch("a", "main")
    with pytest.raises(StoreError, match="no branch 'nope'"):
        store.read("nope")
    with pytest.raises(StoreError, match="--at-seq"):
        store.create_branch("c", "main", at_seq=10_000)


def test_state_as_of_any_time_on_any_branch(store):
    store.append("main", tiny_events())
    before = store.state("main", dt.datetime(2026, 6, 3, tzinfo=UTC))
    after = store.state("main", dt.datetime(2026, 6, 12, tzinfo=UTC))
    assert "leaver" in before.members and "leaver" not in after.members
    assert "school" in after.members and "late" in after.plants


def _tamper(store: EventStore, sql: str) -> None:
    store.db.execute(sql)


@pytest.mark.parametrize(("sql", "expected"), [
    ("UPDATE cer_events SET payload = replace(payload, 'homes', 'HOMES') WHERE seq = 5",
     "event 5 (MemberJoined): content does not match its hash"),
    ("DELETE FROM cer_events WHERE seq = 7", "event(s) 7 missing"),
])
def test_verify_finds_edited_and_deleted_events(store, sql, expected):
    store.append("main", tiny_events())
    _tamper(store, sql)
    problems = store.verify()
    assert any(expected in p for p in problems), problems


def test_verify_finds_reordered_events(store):
    store.append("main", tiny_events())
    for sql in ("UPDATE cer_events SET seq = -1 WHERE seq = 8",
                "UPDATE cer_events SET seq = 8 WHERE seq = 9",
                "UPDATE cer_events SET seq = 9 WHERE seq = -1"):
        _tamper(store, sql)
    problems = store.verify()
    assert any("event 8" in p for p in problems) and any("event 9" in p for p in problems)


def test_bad_locations(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        EventStore(tmp_path)
    with pytest.raises(StoreError, match="cannot connect"):
        EventStore("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
