"""Demand that moves toward the sun: EV sessions (SimPy) charged `solar_first` share more than
`immediate` with the same sessions and energy; a shifted heat-pump load keeps each day's
energy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import twin
from tests.conftest import write_scenario
from twin.assets.flexible import Session, charge_sessions, shift_toward_sun
from twin.sim.ev import ev_sessions

WORKPLACE = """
schema_version = 1
[community]
name = "Workplace CER"
founded_on = 2025-01-01
region = "Lombardia"
market_zone = "NORD"
[simulation]
start = 2026-05-01
end = 2026-06-01
seed = 4
[[configurations]]
id = "c"
name = "C"
cabina_primaria = "TEST-CP"
[[plants]]
id = "pv"
configuration = "c"
capacity_kwp = 60.0
inverter_kw = 60.0
tilt_deg = 20.0
azimuth_deg = 180.0
latitude = 45.48
longitude = 9.20
entry_into_operation = 2026-01-01
lifecycle = "new"
[[members]]
id = "office"
configuration = "c"
category = "sme"
archetype = "office"
annual_kwh = 20000
joined_on = 2025-01-01
[[members]]
id = "fleet"
configuration = "c"
category = "sme"
archetype = "ev_charging"
annual_kwh = 3000
count = 10
joined_on = 2025-01-01
[members.flexibility]
ev_policy = "{policy}"
plug_in_hours = [8.5, 17.5]
charger_kw = 7.4
"""


def test_sessions_are_seeded_and_arrive_about_their_hour():
    index = pd.date_range("2026-05-01", periods=24 * 30, freq="h", tz="UTC")
    a = ev_sessions("car-1", index, 3, 3000.0, (8.5, 17.5))
    assert a == ev_sessions("car-1", index, 3, 3000.0, (8.5, 17.5))
    assert a != ev_sessions("car-2", index, 3, 3000.0, (8.5, 17.5))
    assert 8 <= len(a) <= 25  # 55 % of 30 days
    local_hour = index.tz_convert("Europe/Rome").hour.to_numpy()
    arrivals = local_hour[[s.arrive for s in a]]
    assert abs(np.median(arrivals) - 8.5) <= 1.5
    assert all(s.depart - s.arrive == 9 for s in a)


def test_both_policies_deliver_each_sessions_energy():
    sun = np.zeros(48)
    sun[10:16] = [1, 3, 5, 5, 3, 1]
    sessions = [Session(8, 18, 20.0), Session(32, 42, 30.0)]
    now = charge_sessions(sessions, 48, 7.4, "immediate", sun)
    later = charge_sessions(sessions, 48, 7.4, "solar_first", sun)
    for s in sessions:
        assert now[s.arrive:s.depart].sum() == pytest.approx(s.energy_kwh)
        assert later[s.arrive:s.depart].sum() == pytest.approx(s.energy_kwh)
    assert later[10:16].sum() > now[10:16].sum()
    np.testing.assert_allclose(now[8:11], [7.4, 7.4, 5.2])  # at once from arrival


@settings(max_examples=50, deadline=None)
@given(energy=arrays(float, 72, elements=st.floats(0, 10)),
       sun=arrays(float, 72, elements=st.floats(0, 5)),
       share=st.floats(0, 1), shift=st.integers(0, 6))
def test_a_shifted_load_keeps_each_days_energy(energy, sun, share, shift):
    day = np.repeat([0, 1, 2], 24)
    out = shift_toward_sun(energy, share, shift, sun, day)
    np.testing.assert_allclose(out.reshape(3, 24).sum(axis=1),
                               energy.reshape(3, 24).sum(axis=1), atol=1e-9)
    assert (out >= -1e-12).all()


@pytest.mark.slow
def test_solar_first_shares_more_than_immediate_with_the_same_energy(tmp_path):
    runs = {p: twin.load(write_scenario(tmp_path, WORKPLACE.format(policy=p), f"{p}.toml")).run()
            for p in ("immediate", "solar_first")}
    fleet = [f"fleet-{i:03d}" for i in range(1, 11)]
    energy = {p: float(r.dataset["member_withdrawn_by_band_kwh"].sel(member=fleet).sum())
              for p, r in runs.items()}
    assert energy["solar_first"] == pytest.approx(energy["immediate"], rel=1e-9)
    shared = {p: r.summary.loc["community", "shared_mwh"] for p, r in runs.items()}
    assert shared["solar_first"] > shared["immediate"]
