"""Finance from simulated years: a multi-year run is never averaged and projected again."""

from __future__ import annotations

import pytest

import twin
from tests.conftest import write_scenario

STATIONARY = """
schema_version = 1
[community]
name = "Stationary CER"
founded_on = 2025-01-01
region = "Lombardia"
market_zone = "NORD"
[simulation]
start = 2026-01-01
end = 2027-01-01
seed = 11
[weather]
source = "epw"
path = "{epw}"
[[configurations]]
id = "c"
name = "C"
cabina_primaria = "TEST-CP"
[[plants]]
id = "pv"
configuration = "c"
capacity_kwp = 30.0
inverter_kw = 30.0
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
count = 200
joined_on = 2025-01-01
"""


@pytest.mark.slow
def test_one_year_projected_and_twenty_simulated_years_agree(tmp_path, milano_epw):
    """A stationary future: no growth, churn or outages, the same (TMY) weather every year,
    prices without escalation. The 20-year run's NPV (its own years discounted) and the
    one-year run's projection agree within 1 %. The configuration has far more demand than
    PV, so shared energy follows output, which both degrade alike."""
    sim = twin.load(write_scenario(tmp_path, STATIONARY.format(epw=milano_epw.as_posix())),
                    allow_outside_paths=True)
    one = sim.run().finance().loc["community", "npv_eur"]
    twenty = sim.run(years=20).finance().loc["community", "npv_eur"]
    assert abs(one) > 1000
    assert twenty == pytest.approx(one, rel=0.01)
