"""Who is in the community in each segment, built from what changes between segments, equals
asking every id of every segment; the month counts of active steps follow from it."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from twin.core.calendar import MonthGrid
from twin.core.time import time_index
from twin.sim.timeline import Segment, Timeline

IDS = ["a", "b", "c", "d", "e"]


@st.composite
def timelines(draw) -> Timeline:
    cuts = sorted(set(draw(st.lists(st.integers(1, 99), max_size=8))))
    bounds = list(zip([0, *cuts], [*cuts, 100], strict=True))
    sets = st.frozensets(st.sampled_from(IDS))
    segments = [Segment(a, b, draw(sets), draw(sets)) for a, b in bounds]
    return Timeline(segments, {m: [] for m in IDS}, None)


@settings(max_examples=60, deadline=None)
@given(timeline=timelines(), ids=st.lists(st.sampled_from([*IDS, "never"]), unique=True))
def test_presence_equals_asking_each_segment(timeline, ids):
    for of in ("members", "plants"):
        expected = [[key in getattr(seg, of) for key in ids] for seg in timeline.segments]
        assert timeline.presence(ids, of=of).tolist() == expected


@settings(max_examples=30, deadline=None)
@given(timeline=timelines())
def test_members_present_is_presence_sliced(timeline):
    ids = ["d", "a"]
    assert (timeline.members_present(ids) == timeline.presence(ids)).all()


def test_active_steps_per_month_by_hand():
    """Steps of 12 hours from 30 March to 1 April 2026 (after the clocks change on the 29th):
    six, four in March. Segments [0, 3) and [3, 6): a member present in the first only is
    active 3 steps, all in March; another in the second only: 1 step in March, 2 in April."""
    index = time_index(pd.Timestamp("2026-03-30").date(), pd.Timestamp("2026-04-02").date(),
                       "12h")
    grid = MonthGrid.of(index)
    assert len(index) == 6
    present = np.array([[True, False], [False, True]])
    bounds = np.array([[0, 3], [3, 6]])
    assert grid.steps_active(present, bounds).tolist() == [[3.0, 0.0], [1.0, 2.0]]
