"""The engine books energy only while a plant or member is active; SimPy applies the events."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from tests.conftest import TESTS
from twin.core.time import local_midnight_utc, to_hourly
from twin.scenario import load_scenario
from twin.sim.flows import (
    MEMBER_BLOCK,
    book_flows,
    member_withdrawal,
    simulate_flows,
)
from twin.sim.spec import RunSpec
from twin.sim.timeline import run_timeline


def at(day: str) -> pd.Timestamp:
    return local_midnight_utc(pd.Timestamp(day).date())


@pytest.fixture(scope="module")
def tiny_case():
    spec = RunSpec.from_scenario(load_scenario(TESTS / "data" / "scenarios" / "tiny.toml"))
    inputs = spec.load_inputs()
    timeline = run_timeline(spec.events, inputs.index)
    flows, counted = simulate_flows(spec, inputs)
    return spec, inputs, timeline, flows, counted


def test_timeline_segments_follow_the_events(tiny_case):
    _, inputs, timeline, _, _ = tiny_case
    starts = [inputs.index[s.start] for s in timeline.segments]
    assert starts == [inputs.index[0], at("2026-06-05"), at("2026-06-08"), at("2026-06-10")]
    assert "leaver" in timeline.segments[0].members
    assert "leaver" not in timeline.segments[1].members
    assert "late" in timeline.segments[2].plants and "school" in timeline.segments[3].members


def test_plant_adds_no_injection_before_entry_into_operation(tiny_case):
    _, inputs, _, flows, counted = tiny_case
    j = [p.plant_id for p in flows.plants].index("late")
    before = inputs.index < at("2026-06-08")
    assert flows.production_kwh[before, j].sum() == 0.0
    assert counted.plant_injection_kwh[before, j].sum() == 0.0
    assert counted.plant_injection_kwh[~before, j].sum() > 1000.0  # a sunny June week, 240 kW


def test_member_who_left_adds_no_withdrawal_after_leaving(tiny_case):
    spec, inputs, timeline, flows, counted = tiny_case
    withdrawal = member_withdrawal(flows.members, timeline, inputs, 7)
    ids = [m.member_id for m in flows.members]
    leaver, school = ids.index("leaver"), ids.index("school")
    after = inputs.index >= at("2026-06-05")
    assert withdrawal[after, leaver].sum() > 0  # the shop still consumes, outside the CER
    others = [i for i in range(len(ids)) if i not in (leaver, school)]
    joined = inputs.index >= at("2026-06-10")
    expected = withdrawal[:, others].sum(axis=1) + np.where(joined, withdrawal[:, school], 0.0)
    np.testing.assert_allclose(counted.configuration_withdrawal_kwh[after, 0], expected[after])
    assert counted.member_withdrawal_total_kwh[leaver] == pytest.approx(
        withdrawal[~after, leaver].sum())


def test_blocks_of_members_give_the_same_result(tiny_case, monkeypatch):
    spec, inputs, timeline, _, counted = tiny_case
    import twin.sim.flows as engine

    monkeypatch.setattr(engine, "MEMBER_BLOCK", 4)
    assert engine.MEMBER_BLOCK != MEMBER_BLOCK
    _, small_blocks = book_flows(spec.events, inputs, 7, timeline, ["c1"])
    np.testing.assert_allclose(small_blocks.configuration_withdrawal_by_class_kwh,
                               counted.configuration_withdrawal_by_class_kwh, rtol=1e-12)


def test_behind_the_meter_plant_injects_only_the_surplus():
    spec = RunSpec.from_scenario(load_scenario())
    inputs = spec.load_inputs()
    timeline = run_timeline(spec.events, inputs.index)
    flows, _ = book_flows(spec.events, inputs, spec.settings.simulation.seed, timeline,
                          [c.configuration_id for c in spec.configurations])
    j = [p.plant_id for p in flows.plants].index("bovisa-school-roof")
    host = next(m for m in flows.members if m.member_id == "bovisa-school")
    load = member_withdrawal([host], timeline, inputs, spec.settings.simulation.seed)[:, 0]
    production, injection = flows.production_kwh[:, j], flows.injection_kwh[:, j]
    np.testing.assert_allclose(injection, np.maximum(production - load, 0.0))
    assert injection.sum() < 0.9 * production.sum()


def test_profile_change_shows_from_its_effective_time(tmp_path):
    import twin
    from tests.conftest import write_scenario

    text = (TESTS / "data" / "scenarios" / "tiny.toml").read_text()
    base = twin.load(write_scenario(tmp_path, text, "a.toml"))
    spec = base.spec
    inputs = spec.load_inputs()
    from twin.events import MemberProfileChanged

    change = MemberProfileChanged(effective_utc=at("2026-06-09").to_pydatetime(),
                                  member_id="homes-001", annual_kwh=6000.0,
                                  reason="heat pump installed")
    timeline = run_timeline([*spec.events, change], inputs.index)
    member = next(e for e in spec.events if getattr(e, "member_id", None) == "homes-001")
    changed = member_withdrawal([member], timeline, inputs, 7)[:, 0]
    unchanged = member_withdrawal([member], run_timeline(spec.events, inputs.index), inputs,
                                  7)[:, 0]
    since = inputs.index >= at("2026-06-09")
    np.testing.assert_allclose(changed[~since], unchanged[~since])
    # From the change on, the load is the one of a member who always had the new profile.
    always = dataclasses.replace(member, annual_kwh=6000.0)
    events = [always if e is member else e for e in spec.events]
    np.testing.assert_allclose(changed[since], member_withdrawal(
        [always], run_timeline(events, inputs.index), inputs, 7)[since, 0])
    assert changed[since].sum() > 2.5 * unchanged[since].sum()


def test_quarter_hour_steps_sum_to_hours():
    values = np.arange(8, dtype=float).reshape(8, 1)
    np.testing.assert_array_equal(to_hourly(values, 4), [[6.0], [22.0]])


def test_quarter_hour_run_matches_hourly_run_closely(tmp_path):
    import twin
    from tests.conftest import write_scenario

    text = (TESTS / "data" / "scenarios" / "tiny.toml").read_text()
    hourly = twin.load(write_scenario(tmp_path, text, "h.toml")).run().summary
    quarter = twin.load(write_scenario(
        tmp_path, text.replace('time_step = "1h"', 'time_step = "15min"'), "q.toml")).run()
    q = quarter.summary
    assert quarter.dataset.sizes["time"] == 14 * 24  # results are hourly either way
    assert q.loc["community", "injected_mwh"] == pytest.approx(
        hourly.loc["community", "injected_mwh"], rel=0.03)
    assert q.loc["community", "withdrawn_mwh"] == pytest.approx(
        hourly.loc["community", "withdrawn_mwh"], rel=0.03)
