"""Battery dispatch: the energy balance and the limits hold every step (hypothesis), and the
vectorised dispatch equals the plain loop of bench/storage.py."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from twin.assets.storage import Batteries, dispatch

sys.path.insert(0, str(Path(__file__).parent.parent.parent / "bench"))
from storage import example, reference_dispatch  # noqa: E402

STEPS, N = 96, 3
FLOWS = arrays(float, (STEPS, N), elements=st.floats(0, 50))


@st.composite
def batteries(draw: st.DrawFn) -> Batteries:
    def col(lo: float, hi: float) -> np.ndarray:
        return np.array(draw(st.lists(st.floats(lo, hi), min_size=N, max_size=N)))

    low = col(0, 30)
    return Batteries(col(1, 200), col(0, 100), col(0, 100), col(0.5, 1.0), low,
                     low + col(10, 70), col(0, 100), col(0, 5), col(0, 0.1), col(0, 5))


@settings(max_examples=80, deadline=None)
@given(b=batteries(), surplus=FLOWS, deficit=FLOWS, step_h=st.sampled_from([0.25, 1.0]))
def test_energy_balance_and_limits_hold_every_step(b, surplus, deficit, step_h):
    d = dispatch(b, surplus, deficit, step_h)
    eta = np.sqrt(b.round_trip_efficiency)
    start = b.capacity_kwh * b.soc_initial_pct / 100
    before = np.vstack([start, d.soc_kwh[:-1]])
    change = d.soc_kwh - before
    np.testing.assert_allclose(change, eta * d.charge_kwh - d.discharge_kwh / eta - d.loss_kwh,
                               atol=1e-9)
    assert (d.loss_kwh >= -1e-12).all()
    assert (d.charge_kwh <= b.charge_kw * step_h + 1e-9).all()
    assert (d.discharge_kwh <= b.discharge_kw * step_h + 1e-9).all()
    assert (d.charge_kwh <= surplus + 1e-9).all() and (d.discharge_kwh <= deficit + 1e-9).all()
    assert ((d.charge_kwh == 0) | (d.discharge_kwh == 0)).all()  # never both in one step
    assert (d.soc_kwh <= d.capacity_kwh * b.soc_max_pct / 100 + 1e-9).all()
    # Discharging never takes it below the minimum (standby alone may, slowly).
    low = d.capacity_kwh * b.soc_min_pct / 100
    assert (d.soc_kwh[d.discharge_kwh > 0] >= low[d.discharge_kwh > 0] - 1e-9).all()


def test_equals_the_plain_loop():
    b, surplus, deficit = example(5, 2000, 0.25, seed=4)
    fast = dispatch(b, surplus, deficit, 0.25).soc_kwh
    np.testing.assert_allclose(fast, reference_dispatch(b, surplus, deficit, 0.25),
                               rtol=1e-9, atol=1e-9)


def test_a_battery_with_nothing_offered_only_loses_its_standby():
    b, _, _ = example(2, 48, 1.0, seed=1)
    zero = np.zeros((48, 2))
    d = dispatch(b, zero, zero, 1.0)
    assert (d.charge_kwh == 0).all() and (d.discharge_kwh == 0).all()
    keep = (1 - b.standby_loss_pct_per_day / 100) ** (1 / 24)
    start = b.capacity_kwh * b.soc_initial_pct / 100
    np.testing.assert_allclose(d.soc_kwh[0], np.minimum(start * keep, d.capacity_kwh[0]
                                                        * b.soc_max_pct / 100), rtol=1e-12)
