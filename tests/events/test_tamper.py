"""Tamper evidence to the end of the log: head records catch what the hash chain cannot (the
last events deleted, the settings edited, a log cut short and re-recorded), on both backends."""

from __future__ import annotations

import pytest

from tests.events.test_store import project, tiny_events
from twin.errors import TamperError
from twin.events.store import SETTINGS_KEY, EventStore


def test_an_untouched_store_verifies(store):
    store.append("main", tiny_events())
    store.set_meta(SETTINGS_KEY, '{"x": 1}')
    store.create_branch("what-if")
    store.append("what-if", [project(1)])
    assert store.verify() == []
    token = store.head_token("what-if")
    assert store.verify(expect_head=("what-if", token)) == []


def test_deleting_the_last_events_is_found(store):
    store.append("main", tiny_events())
    last = store.head("main")
    store.db.execute(f"DELETE FROM cer_events WHERE seq >= {last - 1}")
    problems = store.verify()
    assert any(f"the log ends at event {last - 2} but its head record says {last}" in p
               for p in problems), problems


def test_edited_settings_are_found(store):
    store.append("main", tiny_events())
    store.set_meta(SETTINGS_KEY, '{"seed": 1}')
    assert store.verify() == []
    store.db.execute(store.db.sql("UPDATE cer_meta SET value = ? WHERE key = ?"),
                     ('{"seed": 2}', SETTINGS_KEY))
    assert any("run settings were changed" in p for p in store.verify())


def test_deleted_head_records_are_found(store):
    store.append("main", tiny_events())
    store.db.execute("DELETE FROM cer_heads")
    assert any("no head record" in p for p in store.verify())


def test_a_log_cut_short_and_re_recorded_misses_the_kept_head(store):
    """Who deletes events and their head records too leaves a consistent shorter log: only a
    head kept elsewhere shows it."""
    store.append("main", tiny_events())
    kept = store.head_token("main")
    store.append("main", [project(1), project(2)])
    later = store.head_token("main")
    n = len(store._head_records("main"))
    store.db.execute(f"DELETE FROM cer_events WHERE seq > {int(kept.split(':')[0])}")
    store.db.execute(f"DELETE FROM cer_heads WHERE n = {n}")
    assert store.verify() == []  # consistent by itself
    assert store.verify(expect_head=("main", kept)) == []
    assert any("not among its head records" in p
               for p in store.verify(expect_head=("main", later)))


def test_replaced_meter_file_is_refused_on_read(store):
    import hashlib

    data = b"time,kwh\n2026-06-01T00:00Z,1.0\n"
    sha = hashlib.sha256(data).hexdigest()
    store.append("main", tiny_events(), blobs={sha: ("m.csv", data)})
    store.db.execute(store.db.sql("UPDATE cer_blobs SET data = ? WHERE sha256 = ?"),
                     ("AAAA", sha))
    with pytest.raises(Exception, match="does not match its SHA-256"):
        store.get_blob(sha)
    assert any("stored file 'm.csv'" in p and "does not match its SHA-256" in p
               for p in store.verify())


def test_run_refuses_a_broken_log(tmp_path):
    import twin
    from tests.conftest import TESTS
    from twin.cli import main

    path = tmp_path / "s.db"
    assert main(["events", "init", str(TESTS / "data" / "scenarios" / "tiny.toml"),
                 "--store", str(path)]) == 0
    with EventStore(path) as s:
        s.db.execute("DELETE FROM cer_events WHERE seq = (SELECT MAX(seq) FROM cer_events)")
    with pytest.raises(TamperError, match="fails verification"):
        twin.load_store(path)
    assert main(["run", "--store", str(path), "--quiet"]) == 3
    assert main(["events", "verify", "--store", str(path)]) == 3


def test_a_store_from_before_head_records_gets_them_on_opening(store_location):
    with EventStore(store_location) as s:
        s.append("main", tiny_events())
        s.db.execute("DELETE FROM cer_heads")
        s.db.execute("DELETE FROM cer_meta WHERE key = 'head_records'")
    with EventStore(store_location) as s:  # trust on first use, as documented
        assert s.verify() == []
        assert s.head_token("main").startswith(f"{s.head('main')}:")


def test_the_settings_key_is_the_stores():
    from twin.sim.run import SETTINGS_KEY as RUN_KEY

    assert RUN_KEY == SETTINGS_KEY
