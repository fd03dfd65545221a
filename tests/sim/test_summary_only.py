"""A run's summary alone (what a grid study's variant keeps) is the full run's summary."""

from __future__ import annotations

import pandas as pd

import twin
from tests.conftest import TESTS


def test_the_summary_alone_equals_the_full_runs(default_run):
    pd.testing.assert_frame_equal(twin.load().summary(), default_run.summary, check_exact=True)


def test_the_summary_alone_of_a_long_run_equals_the_full_runs():
    sim = twin.load(TESTS / "data" / "scenarios" / "three_years.toml")
    pd.testing.assert_frame_equal(sim.summary(years=2), sim.run(years=2).summary,
                                  check_exact=True)
