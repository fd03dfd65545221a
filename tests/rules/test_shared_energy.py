import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from twin.rules import shared_energy_kwh

energy = st.floats(min_value=0, max_value=1e5, allow_nan=False)


def test_cer_rules_1_2_hourly_netting_gives_180_kwh():
    """CER_RULES.md §1.2: hours (80, 50), (120, 140), (0, 60), (30, 10) → 180 kWh, not 230."""
    injected = np.array([80.0, 120.0, 0.0, 30.0])
    withdrawn = np.array([50.0, 140.0, 60.0, 10.0])
    shared = shared_energy_kwh(injected, withdrawn)
    assert shared.sum() == pytest.approx(180.0)
    assert min(injected.sum(), withdrawn.sum()) == pytest.approx(230.0)  # the wrong reading


@given(st.integers(1, 50).flatmap(lambda n: st.tuples(
    arrays(float, n, elements=energy), arrays(float, n, elements=energy))))
def test_shared_never_exceeds_injection_or_withdrawal(pair):
    injected, withdrawn = pair
    shared = shared_energy_kwh(injected, withdrawn)
    assert (shared <= injected).all()
    assert (shared <= withdrawn).all()
    assert (shared >= 0).all()
    assert shared.sum() <= min(injected.sum(), withdrawn.sum()) + 1e-9


def test_negative_energy_is_refused():
    with pytest.raises(ValueError, match="non-negative"):
        shared_energy_kwh([-1.0], [2.0])
