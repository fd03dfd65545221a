"""Reuse across a study's variants hands out shared arrays: a run inside ``reusing`` gives what
the same run gives outside it, also when a member's profile changes during the run (its load
is spliced from two series) and when the same member set comes back."""

from __future__ import annotations

import numpy as np
import pandas as pd

import twin
from tests.conftest import TESTS
from twin.events import MemberProfileChanged
from twin.sim.flows import member_withdrawal
from twin.sim.reuse import Reuse, reusing
from twin.sim.timeline import run_timeline


def test_a_profile_change_inside_a_study_equals_it_outside():
    spec = twin.load(TESTS / "data" / "scenarios" / "tiny.toml").spec
    inputs = spec.load_inputs()
    change = MemberProfileChanged(effective_utc=pd.Timestamp("2026-06-09", tz="UTC")
                                  .to_pydatetime(), member_id="homes-001", annual_kwh=6000.0,
                                  reason="heat pump installed")
    timeline = run_timeline([*spec.events, change], inputs.index)
    members = [e for e in spec.events if getattr(e, "member_id", "").startswith("homes-00")]
    alone = member_withdrawal(members, timeline, inputs, 7)
    with reusing(Reuse()) as cache:
        first = member_withdrawal(members, timeline, inputs, 7)
        again = member_withdrawal(members, timeline, inputs, 7)  # from the cache
        assert cache.hits > 0
    np.testing.assert_array_equal(first, alone)
    np.testing.assert_array_equal(again, alone)
