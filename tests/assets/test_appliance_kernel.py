"""The two placements of appliance cycles, compiled loops and vectorised numpy (one search of a
running total over every member-day-hour, ``np.add.at``), written apart, agree on random loads."""

from __future__ import annotations

import numpy as np
import pytest

from twin.assets.appliances import drawn_cycles, place_cycles


@pytest.mark.parametrize(("step_h", "days", "members"), [(0.25, 20, 12), (1.0, 90, 25)])
def test_compiled_placement_equals_the_numpy_one(step_h, days, members):
    rng = np.random.default_rng(11)
    power = rng.uniform(0.02, 0.7, (round(days * 24 / step_h) - 7, members))  # a short last day
    power[:, 0] *= 0.002  # a tiny load
    total = power.sum(axis=0) * step_h
    cycles = drawn_cycles(power, [f"m{j}" for j in range(members)], total, step_h, seed=3)
    assert len(cycles[0]) > 10 * days
    compiled, vectorised = power.copy(), power.copy()
    place_cycles(compiled, *cycles, total, step_h, compiled=True)
    place_cycles(vectorised, *cycles, total, step_h, compiled=False)
    np.testing.assert_allclose(compiled, vectorised, rtol=1e-12, atol=1e-15)
    assert not np.allclose(compiled, power)  # the cycles moved something
    np.testing.assert_allclose(compiled.sum(axis=0) * step_h, total, rtol=1e-9)
