"""The store from the command line: init, log, append, verify, branch, state, run, explain."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
import xarray as xr

import twin
from tests.conftest import TESTS
from twin.cli import main

TINY = str(TESTS / "data" / "scenarios" / "tiny.toml")

EVENTS = """
[[events]]
type = "PlantOutageStarted"
effective = 2026-06-10
plant_id = "early"
reason = "inverter failure"

[[events]]
type = "PlantOutageEnded"
effective = 2026-06-12T12:00:00
plant_id = "early"

[[events]]
type = "MemberJoined"
effective = 2026-06-03
member_id = "bakery"
configuration_id = "c1"
category = "sme"
archetype = "shop"
annual_kwh = 15000.0
"""


@pytest.fixture
def seeded(tmp_path, capsys):
    store = str(tmp_path / "twin.db")
    assert main(["events", "init", TINY, "--store", store]) == 0
    assert "Seeded branch main" in capsys.readouterr().out
    return store


def test_init_log_append_branch_state_and_verify(seeded, tmp_path, capsys):
    store = seeded
    assert main(["events", "init", TINY, "--store", store]) == 2  # refuses a second init
    assert "already initialised" in capsys.readouterr().err
    assert main(["branch", "create", "outage", "--store", store, "--from", "main"]) == 0
    events_file = tmp_path / "events.toml"
    events_file.write_text(EVENTS)
    assert main(["events", "append", str(events_file), "--store", store,
                 "--branch", "outage"]) == 0
    assert "Appended events" in capsys.readouterr().out
    assert main(["events", "log", "--store", store, "--branch", "outage",
                 "--as-of", "2026-06-05"]) == 0
    out = capsys.readouterr().out
    assert "MemberJoined" in out and "bakery" in out and "PlantOutageStarted" not in out
    assert main(["state", "--store", store, "--branch", "outage", "--as-of",
                 "2026-06-11"]) == 0
    out = capsys.readouterr().out
    assert "(in outage)" in out and "bakery" in out
    assert main(["branch", "list", "--store", store]) == 0
    assert "outage" in capsys.readouterr().out
    assert main(["events", "verify", "--store", store]) == 0
    assert "intact" in capsys.readouterr().out


def test_verify_exits_3_on_a_tampered_store(seeded, capsys):
    with sqlite3.connect(seeded) as conn:
        conn.execute("UPDATE cer_events SET payload = replace(payload, 'homes', 'HOMES') "
                     "WHERE seq = 3")
    assert main(["events", "verify", "--store", seeded]) == 3
    assert "event 3" in capsys.readouterr().out


def test_bad_event_file_names_file_item_and_field(seeded, tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[events]]\ntype = "MemberLeft"\neffective = 2026-06-10\n')
    assert main(["events", "append", str(bad), "--store", seeded]) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and "events[0]" in err and "member_id" in err
    bad.write_text('[[events]]\ntype = "MemberLeft"\neffective = 2026-06-10\n'
                   'member_id = "nobody"\n')
    assert main(["events", "append", str(bad), "--store", seeded]) == 2
    assert "nothing was stored" in capsys.readouterr().err


def test_run_from_a_branch_is_reproducible_and_shows_the_outage(seeded, tmp_path, capsys):
    assert main(["branch", "create", "outage", "--store", seeded]) == 0
    events_file = tmp_path / "events.toml"
    events_file.write_text(EVENTS)
    assert main(["events", "append", str(events_file), "--store", seeded,
                 "--branch", "outage"]) == 0
    first = twin.load_store(seeded, "outage").run()
    second = twin.load_store(seeded, "outage").run()
    xr.testing.assert_identical(first.dataset, second.dataset)
    assert first.dataset.attrs["branch"] == "outage"
    assert first.dataset.attrs["head_hash"] and first.dataset.attrs["seed"] == 7
    early = first.dataset["injected_energy_kwh"].sel(plant="early")
    time = first.dataset["time"]
    down = (time >= np.datetime64("2026-06-09T22:00")) & (time < np.datetime64("2026-06-12T10:00"))
    assert float(early.where(down).sum()) == 0.0
    assert float(early.where(~down).sum()) > 0.0
    main_run = twin.load_store(seeded, "main").run()
    assert main_run.summary.loc["c1", "withdrawn_mwh"] < first.summary.loc["c1", "withdrawn_mwh"]
    # The scenario file and the store's main branch give the same results.
    from_file = twin.load(TINY).run()
    xr.testing.assert_allclose(from_file.dataset.drop_attrs(), main_run.dataset.drop_attrs())
    capsys.readouterr()
    assert main(["run", "--store", seeded, "--branch", "outage", "--out",
                 str(tmp_path / "out"), "--quiet"]) == 0
    assert (tmp_path / "out" / "summary.csv").exists()
    assert main(["explain", "--store", seeded, "--branch", "outage", "--hour",
                 "2026-06-11T13:00", "--configuration", "c1"]) == 0
    assert "rule version" in capsys.readouterr().out


def test_scenario_and_store_together_is_an_error(seeded, capsys):
    assert main(["run", TINY, "--store", seeded]) == 2
    assert "not both" in capsys.readouterr().err
