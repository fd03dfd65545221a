"""`events append WHATIF.toml`: a what-if scenario file's additions as events on a branch give
the same results as running the what-if file."""

from __future__ import annotations

import pandas as pd
import pytest

import twin
from tests.conftest import write_scenario
from twin.cli import main


@pytest.mark.slow
def test_the_niguarda_whatif_appended_to_a_branch_runs_as_the_file(tmp_path, capsys):
    store = str(tmp_path / "s.db")
    assert main(["events", "init", "cercami-solidale.toml", "--store", store]) == 0
    assert main(["branch", "create", "niguarda", "--store", store]) == 0
    capsys.readouterr()
    assert main(["events", "append", "whatif-niguarda-60-households.toml", "--store", store,
                 "--branch", "niguarda", "--dry-run"]) == 0
    shown = capsys.readouterr().out
    assert "60 event(s)" in shown and "nothing appended" in shown
    assert main(["events", "append", "whatif-niguarda-60-households.toml", "--store", store,
                 "--branch", "niguarda"]) == 0
    from_store = twin.load_store(store, "niguarda").run().summary
    from_file = twin.load("whatif-niguarda-60-households.toml").run().summary
    pd.testing.assert_frame_equal(from_store, from_file, rtol=1e-9)


def test_a_whatif_that_changes_its_base_is_refused(tmp_path, capsys):
    store = str(tmp_path / "s.db")
    assert main(["events", "init", "cercami-solidale.toml", "--store", store]) == 0
    changed = write_scenario(tmp_path, 'extends = "cercami-solidale.toml"\n[simulation]\n'
                             "start = 2026-01-01\nend = 2027-01-01\nseed = 5\n", "w.toml")
    capsys.readouterr()
    assert main(["events", "append", str(changed), "--store", store]) == 2
    assert "changes how to simulate (simulation)" in " ".join(capsys.readouterr().err.split())
