"""Block bootstrap: other weather years drawn from one file's days."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weather import block_bootstrap


def hourly_year(days: int = 365) -> pd.DataFrame:
    """Each row says which day and hour it is (ghi = day, temp_air = hour)."""
    index = pd.date_range("2026-01-01", periods=days * 24, freq="1h", tz="UTC")
    return pd.DataFrame({"ghi": np.repeat(np.arange(days, dtype=float), 24),
                         "temp_air": np.tile(np.arange(24, dtype=float), days)}, index=index)


def test_the_same_seed_draws_the_same_year_and_another_seed_another():
    year = hourly_year()
    a, b, c = (block_bootstrap(year, s) for s in (1, 1, 2))
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)
    assert a.index.equals(year.index)


def test_days_are_copied_whole_from_within_the_window_in_blocks():
    drawn = block_bootstrap(hourly_year(), seed=3, block_days=5, window_days=15)
    source_day = drawn["ghi"].to_numpy().reshape(-1, 24)
    hours = drawn["temp_air"].to_numpy().reshape(-1, 24)
    assert (hours == np.arange(24)).all()  # each hour stays at its clock hour
    assert (source_day == source_day[:, :1]).all()  # whole days
    target = np.arange(365)
    assert (np.abs(source_day[:, 0] - target) <= 15 + 4).all()  # window plus the block
    starts = source_day[::5, 0]
    for k, first in enumerate(starts):  # each block is 5 consecutive source days
        block = source_day[5 * k:5 * k + 5, 0]
        assert list(block) == list(first + np.arange(len(block)))


def test_a_step_that_does_not_divide_a_day_is_refused():
    index = pd.date_range("2026-01-01", periods=100, freq="7h", tz="UTC")
    with pytest.raises(Exception, match="expected a step dividing a day; found 0 days 07:00"):
        block_bootstrap(pd.DataFrame({"ghi": 0.0}, index=index), seed=1)


@settings(max_examples=40, deadline=None)
@given(days=st.integers(1, 60), seed=st.integers(0, 2**32 - 1),
       block_days=st.integers(1, 10), window_days=st.integers(0, 30))
def test_only_the_files_own_days_come_out(days, seed, block_days, window_days):
    year = hourly_year(days)
    drawn = block_bootstrap(year, seed, block_days, window_days)
    assert len(drawn) == len(year) and list(drawn.columns) == list(year.columns)
    assert set(drawn["ghi"]) <= set(year["ghi"])
    assert (drawn["temp_air"].to_numpy() == year["temp_air"].to_numpy()).all()
