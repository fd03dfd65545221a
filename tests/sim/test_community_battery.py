"""A community battery (`community_sharing`): it stores a configuration's midday surplus and
injects it when the configuration withdraws more than it injects."""

from __future__ import annotations

import pytest

import twin
from tests.conftest import write_scenario

SUNNY = """
schema_version = 1
[community]
name = "Sunny CER"
founded_on = 2025-01-01
region = "Lombardia"
market_zone = "NORD"
[simulation]
start = 2026-01-01
end = 2027-01-01
seed = 9
{rules}
[[configurations]]
id = "c"
name = "C"
cabina_primaria = "TEST-CP"
[[plants]]
id = "pv"
configuration = "c"
capacity_kwp = {kwp}
inverter_kw = {kwp}
tilt_deg = 20.0
azimuth_deg = 180.0
latitude = 45.48
longitude = 9.20
entry_into_operation = 2026-01-01
lifecycle = "new"
[[members]]
id = "homes"
configuration = "c"
category = "household"
archetype = "household"
annual_kwh = 2500
count = 40
joined_on = 2025-01-01
"""
BATTERY = """
[[storage]]
id = "community-battery"
configuration = "c"
capacity_kwh = 100
charge_kw = 50
discharge_kw = 50
installed_on = 2026-01-01
"""


def run(tmp_path, name: str, kwp: float, battery: bool, rules: str = ""):
    text = SUNNY.format(kwp=kwp, rules=rules) + (BATTERY if battery else "")
    return twin.load(write_scenario(tmp_path, text, f"{name}.toml")).run()


@pytest.fixture(scope="module")
def sunny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sunny")
    return run(folder, "a", 120.0, False), run(folder, "b", 120.0, True)


def test_a_battery_raises_shared_energy_within_what_it_can_hold(sunny):
    """At most its usable capacity (100 kWh × (95 − 10) %) a day, times the round trip (90 %);
    it starts empty."""
    without, with_battery = sunny
    gain = (with_battery.summary.loc["community", "shared_mwh"]
            - without.summary.loc["community", "shared_mwh"]) * 1000
    bound = 100 * 0.85 * 365 * 0.9
    assert 0.3 * bound < gain <= bound
    out = float(with_battery.dataset["battery_discharge_energy_kwh"].sum())
    assert gain <= out + 1e-6  # shared energy grows by no more than the battery injects


def test_the_plants_premium_is_unchanged_and_the_valorization_grows(sunny):
    """The battery's injection shares, but of no plant: plants take their shared energy first,
    so the premium stays; the configuration's valorization counts the battery's part."""
    without, with_battery = sunny
    assert with_battery.summary.loc["community", "premium_eur"] == pytest.approx(
        without.summary.loc["community", "premium_eur"], rel=1e-9)
    assert (with_battery.summary.loc["community", "valorization_eur"]
            > without.summary.loc["community", "valorization_eur"])


def test_no_surplus_no_change(tmp_path):
    small = run(tmp_path, "c", 5.0, False), run(tmp_path, "d", 5.0, True)
    a, b = (r.summary.loc["community"] for r in small)
    assert float(small[1].dataset["battery_charge_energy_kwh"].sum()) == 0.0
    assert b["shared_mwh"] == pytest.approx(a["shared_mwh"], rel=1e-12)
    assert b["premium_eur"] == pytest.approx(a["premium_eur"], rel=1e-12)


def test_counting_the_grid_charge_is_a_switch(tmp_path, sunny):
    _, plain = sunny
    literal = run(tmp_path, "e", 120.0, True, '[rules]\nstorage_grid_charge = "times_efficiency"')
    assert (literal.summary.loc["community", "shared_mwh"]
            > plain.summary.loc["community", "shared_mwh"])
