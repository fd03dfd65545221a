"""A plant behind a member's meter: the bill it avoids, and why the school's roof is worth more
behind the school's POD than on a connection of its own."""

from __future__ import annotations

import pytest

import twin
from tests.conftest import write_scenario

SCHOOL = """
schema_version = 1
[community]
name = "School CER"
founded_on = 2025-01-01
region = "Lombardia"
market_zone = "NORD"
[simulation]
start = 2026-01-01
end = 2027-01-01
seed = 3
[[configurations]]
id = "c"
name = "C"
cabina_primaria = "TEST-CP"
[[plants]]
id = "roof"
configuration = "c"
capacity_kwp = 40.0
inverter_kw = 40.0
tilt_deg = 15.0
azimuth_deg = 180.0
latitude = 45.48
longitude = 9.23
entry_into_operation = 2026-01-01
lifecycle = "new"
{host}
[[members]]
id = "school"
configuration = "c"
category = "public_body"
archetype = "school"
annual_kwh = 90000
contracted_power_kw = 60
joined_on = 2025-01-01
[members.billing]
offer = "fixed_price"
band_price_eur_per_kwh = [0.15, 0.15, 0.15]
fixed_eur_per_year = 0
[[members]]
id = "homes"
configuration = "c"
category = "household"
archetype = "household"
annual_kwh = 2000
count = 10
joined_on = 2025-01-01
"""


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("school")
    behind = twin.load(write_scenario(folder, SCHOOL.format(host='host_member = "school"'),
                                      "behind.toml")).run()
    own = twin.load(write_scenario(folder, SCHOOL.format(host=""), "own.toml")).run()
    return behind, own


def test_the_avoided_bill_is_self_consumed_kwh_times_the_avoidable_rate(runs):
    """BILLS §2 and §4.1: one self-consumed kWh of a school (22 % VAT, not deductible) avoids
    the energy price (0.15 €/kWh here), the energy parts of network (0.01539) and system charges
    (ASOS 0.031875 + ARIM 0.001614, 2026), excise (0.0125 below 200,000 kWh a month) and the VAT
    on all of them; the fixed and power parts stay."""
    behind, _ = runs
    ds = behind.dataset.sel(member="school")
    self_consumed = float(ds["member_self_consumed_by_band_kwh"].sum())
    avoidable = (0.15 + 0.01539 + 0.031875 + 0.001614 + 0.0125) * 1.22
    assert self_consumed > 10_000  # the school uses most of a 40 kWp roof's output
    assert float(ds["avoided_bill_eur"].sum()) == pytest.approx(self_consumed * avoidable,
                                                               rel=1e-3)


def test_behind_the_meter_beats_its_own_connection_when_the_school_self_consumes(runs):
    behind, own = runs
    behind_npv = behind.finance().loc["roof", "npv_eur"]
    own_npv = own.finance().loc["roof", "npv_eur"]
    assert behind.finance().loc["roof", "year1_avoided_bill_eur"] > 0
    assert own.finance().loc["roof", "year1_avoided_bill_eur"] == 0
    assert behind_npv > own_npv


def test_self_consumption_hour_by_hour_adds_up_to_the_hosts_months(runs):
    behind, own = runs
    hourly = behind.dataset["self_consumed_energy_kwh"].sel(plant="roof")
    monthly = behind.dataset["member_self_consumed_by_band_kwh"].sel(member="school")
    assert float(hourly.sum()) == pytest.approx(float(monthly.sum()), rel=1e-9)
    produced = float(behind.dataset["plant_production_energy_kwh"].sel(plant="roof"))
    injected = float(behind.dataset["injected_energy_kwh"].sel(plant="roof").sum())
    assert float(hourly.sum()) == pytest.approx(produced - injected, rel=1e-9)
    assert float(own.dataset["self_consumed_energy_kwh"].sum()) == 0.0
