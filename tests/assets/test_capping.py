"""Capping at 110 % of the contracted power, the clipped energy given back: the rounds done
with one scale per column and only the rows over the cap equal the plain rounds over the whole
array (the model as first written, here as the reference)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from twin.assets.capping import capped
from twin.assets.loads import Consumer


def plain_rounds(power: np.ndarray, cap: np.ndarray, mean_kw: np.ndarray) -> np.ndarray:
    """Clip, scale every column back to its mean, three times at most; clip once more."""
    power = power.copy()
    for _ in range(3):
        if (power <= cap).all():
            break
        power = np.minimum(power, cap)
        power = power * (mean_kw / power.mean(axis=0))
    return np.minimum(power, cap)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), members=st.integers(1, 6),
       cap_kw=st.lists(st.one_of(st.none(), st.floats(0.5, 6.0)), min_size=6, max_size=6))
def test_capping_equals_the_plain_rounds(seed, members, cap_kw):
    rng = np.random.default_rng(seed)
    power = rng.lognormal(0.0, 0.8, size=(400, members))  # kW, peaks several times the mean
    mean_kw = power.mean(axis=0)
    consumers = [Consumer(f"m{j}", "household", 8760.0 * mean_kw[j],
                          cap_kw[j] / 1.1 if cap_kw[j] else None) for j in range(members)]
    cap = np.array([c if c else np.inf for c in cap_kw[:members]])
    expected = plain_rounds(power, cap, mean_kw)
    np.testing.assert_allclose(capped(power.copy(), consumers, mean_kw), expected,
                               rtol=1e-12, atol=1e-12)


def test_a_column_under_its_cap_is_untouched():
    power = np.array([[1.0, 5.0], [2.0, 1.0], [3.0, 0.0]])  # kW; the second member peaks at 5
    consumers = [Consumer("a", "household", 1.0, 10.0), Consumer("b", "household", 1.0, 3.0)]
    out = capped(power.copy(), consumers, power.mean(axis=0))
    np.testing.assert_array_equal(out[:, 0], [1.0, 2.0, 3.0])
    assert out[:, 1].max() <= 3.3 + 1e-12
