"""`events revert SEQ` appends the event that cancels another where the domain has one; else
it points to a fork before it (`branch create NEW --from B --at SEQ-1`)."""

from __future__ import annotations

from tests.conftest import TESTS
from twin.cli import main
from twin.events import PlantOutageEnded
from twin.events.store import EventStore

TINY = str(TESTS / "data" / "scenarios" / "tiny.toml")


def test_revert_an_outage_and_a_project_and_fork_before_a_joining(tmp_path, capsys):
    store = str(tmp_path / "s.db")
    assert main(["events", "init", TINY, "--store", store]) == 0
    events = tmp_path / "e.toml"
    events.write_text('[[events]]\ntype = "PlantOutageStarted"\neffective = 2026-06-05\n'
                      'plant_id = "early"\n\n[[events]]\ntype = "ProjectProposed"\n'
                      'effective = 2026-06-05\nproject_id = "x"\nname = "Wrong"\n'
                      'cost_cents = 500000\n', encoding="utf-8")
    assert main(["events", "append", str(events), "--store", store]) == 0
    with EventStore(store) as s:
        head = s.head("main")
    assert main(["events", "revert", str(head - 1), "--store", store]) == 0
    with EventStore(store) as s:
        stored = s.read("main")
        assert s.verify() == []
    outage, undo = stored[head - 2].event, stored[-1].event
    assert isinstance(undo, PlantOutageEnded) and undo.plant_id == "early"
    assert undo.effective_utc == outage.effective_utc  # cancelled from its own instant
    capsys.readouterr()
    for seq in (1, head):  # the founding, the proposal: no compensating event
        assert main(["events", "revert", str(seq), "--store", store]) == 2
        err = " ".join(capsys.readouterr().err.split())
        assert "has no compensating event" in err and f"--at {seq - 1}" in err
    assert main(["branch", "create", "clean", "--store", store, "--from", "main",
                 "--at", str(head - 2)]) == 0
    with EventStore(store) as s:
        assert s.head("clean") == head - 2
