"""The engine books energy only while a plant or member is active; SimPy applies the events."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from twin.engine import load_inputs, physical_flows, simulate_flows, to_hourly
from twin.spec import RunSpec
from twin.timeutil import local_midnight_utc


def _col(flows, kind: str, ident: str) -> int:
    items = flows.plants if kind == "plant" else flows.members
    key = "plant_id" if kind == "plant" else "member_id"
    return next(i for i, e in enumerate(items) if getattr(e, key) == ident)


@pytest.fixture(scope="module")
def tiny_flows():
    from tests.conftest import TESTS
    from twin.scenario import load_scenario

    spec = RunSpec.from_scenario(load_scenario(TESTS / "data" / "scenarios" / "tiny.toml"))
    inputs = load_inputs(spec)
    flows, counted = simulate_flows(spec, inputs)
    return spec, inputs, flows, counted


def test_plant_adds_no_injection_before_entry_into_operation(tiny_flows):
    _, inputs, flows, counted = tiny_flows
    j = _col(flows, "plant", "late")
    entry = local_midnight_utc(pd.Timestamp("2026-06-08").date())
    before = inputs.index < entry
    assert flows.production_kwh[before, j].sum() == 0.0
    assert counted.plant_injection_kwh[before, j].sum() == 0.0
    assert counted.plant_injection_kwh[~before, j].sum() > 1000.0  # a sunny June week, 240 kW


def test_member_who_left_adds_no_withdrawal_after_leaving(tiny_flows):
    _, inputs, flows, counted = tiny_flows
    i = _col(flows, "member", "leaver")
    left = local_midnight_utc(pd.Timestamp("2026-06-05").date())
    after = inputs.index >= left
    assert flows.withdrawal_kwh[after, i].sum() > 0  # the shop still consumes, outside the CER
    # Configuration withdrawal after leaving equals the sum over the members still active.
    active = [k for k, m in enumerate(flows.members)
              if m.member_id != "leaver" and m.member_id != "school"]
    school = _col(flows, "member", "school")
    joined = inputs.index >= local_midnight_utc(pd.Timestamp("2026-06-10").date())
    expected = flows.withdrawal_kwh[:, active].sum(axis=1) + np.where(
        joined, flows.withdrawal_kwh[:, school], 0.0)
    np.testing.assert_allclose(counted.configuration_withdrawal_kwh[after, 0], expected[after])
    # Before leaving, the shop's withdrawal counts.
    assert counted.member_withdrawal_total_kwh[i] == pytest.approx(
        flows.withdrawal_kwh[~after, i].sum())


def test_behind_the_meter_plant_injects_only_the_surplus(tiny):
    from twin.scenario import load_scenario

    spec = RunSpec.from_scenario(load_scenario())
    inputs = load_inputs(spec)
    flows = physical_flows(spec.events, inputs, spec.settings.simulation.seed)
    j = _col(flows, "plant", "bovisa-school-roof")
    i = _col(flows, "member", "bovisa-school")
    assert (flows.injection_kwh[:, j] <= flows.production_kwh[:, j] + 1e-12).all()
    # Either the school still draws from the grid or the plant injects, never both in one step.
    assert not ((flows.injection_kwh[:, j] > 1e-9) & (flows.withdrawal_kwh[:, i] > 1e-9)).any()
    assert flows.injection_kwh[:, j].sum() < 0.9 * flows.production_kwh[:, j].sum()


def test_quarter_hour_steps_sum_to_hours():
    values = np.arange(8, dtype=float).reshape(8, 1)
    np.testing.assert_array_equal(to_hourly(values, 4), [[6.0], [22.0]])


def test_quarter_hour_run_matches_hourly_run_closely(tmp_path):
    import twin
    from tests.conftest import TESTS, write_scenario

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
