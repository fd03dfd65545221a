"""A battery behind a member's POD in a run: it moves the host's own PV from midday to the
evening, so the host self-consumes more, withdraws and injects less, and pays less."""

from __future__ import annotations

import numpy as np
import pytest

import twin
from tests.conftest import write_scenario
from tests.finance.test_self_consumption import SCHOOL
from twin.core.time import to_local
from twin.errors import ScenarioError

BATTERY = """
[[storage]]
id = "school-battery"
configuration = "c"
host_member = "school"
capacity_kwh = 100
charge_kw = 50
discharge_kw = 50
installed_on = 2026-01-01
{extra}
"""


def run(tmp_path, extra: str | None):
    text = SCHOOL.format(host='host_member = "school"')
    if extra is not None:
        text += BATTERY.format(extra=extra)
    return twin.load(write_scenario(tmp_path, text, f"s{hash(extra)}.toml")).run()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("battery")
    return run(folder, None), run(folder, ""), run(folder, 'policy = "schedule"\n'
                                                           'discharge_hours = [18, 20]')


def test_the_battery_shifts_the_hosts_pv_and_lowers_its_bill(runs):
    without, with_battery, _ = runs
    a, b = without.dataset, with_battery.dataset
    charge = float(b["battery_charge_energy_kwh"].sum())
    discharge = float(b["battery_discharge_energy_kwh"].sum())
    assert charge > 1000  # a year of midday surplus
    # Round trip 90 %: what comes out is at most 90 % of what went in (it starts empty).
    assert discharge <= 0.9 * charge + 1e-6
    injected = float(a["injected_energy_kwh"].sum()) - float(b["injected_energy_kwh"].sum())
    assert injected == pytest.approx(charge, rel=1e-9)
    withdrawn = float(a["member_withdrawn_by_band_kwh"].sel(member="school").sum()) - float(
        b["member_withdrawn_by_band_kwh"].sel(member="school").sum())
    assert withdrawn == pytest.approx(discharge, rel=1e-9)
    self_a = float(a["member_self_consumed_by_band_kwh"].sel(member="school").sum())
    self_b = float(b["member_self_consumed_by_band_kwh"].sel(member="school").sum())
    assert self_b == pytest.approx(self_a + discharge, rel=1e-9)
    bill = {k: float(ds["bill_eur"].sel(member="school", bill_component="total_eur").sum())
            for k, ds in (("a", a), ("b", b))}
    assert bill["b"] < bill["a"]
    soc = b["battery_soc_kwh"].sel(battery="school-battery").to_numpy()
    # 10-95 % of 100 kWh; an idle battery's standby loss may take it a little below 10 % (at
    # 0.1 %/day, a month idle in winter costs 3 % of what it holds).
    assert soc.max() <= 95 + 1e-6 and soc.min() >= 9.0


def test_a_schedule_discharges_only_in_its_window(runs):
    _, _, scheduled = runs
    ds = scheduled.dataset
    out = ds["battery_discharge_energy_kwh"].sel(battery="school-battery").to_numpy()
    hours = to_local(ds["time"].to_numpy()).hour.to_numpy()
    assert out.sum() > 0
    assert (out[(hours < 18) | (hours >= 20)] == 0).all()


def test_a_battery_needs_a_single_member_host(tmp_path):
    text = SCHOOL.format(host="") + BATTERY.format(extra="").replace(
        'host_member = "school"', 'host_member = "homes"')
    with pytest.raises(ScenarioError, match=r"storage\[0\] \(id 'school-battery'\)\.host_member"):
        twin.load(write_scenario(tmp_path, text))
    text = SCHOOL.format(host="") + BATTERY.format(extra='policy = "schedule"').replace(
        'host_member = "school"\n', "")
    with pytest.raises(ScenarioError, match="needs a host_member; a community battery shares"):
        twin.load(write_scenario(tmp_path, text, "b.toml"))


def test_no_battery_leaves_the_run_as_it_was(runs):
    without, _, _ = runs
    assert without.dataset.sizes["battery"] == 0
    assert np.isfinite(without.dataset["bill_eur"].to_numpy()).all()
