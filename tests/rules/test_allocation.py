import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from twin.rules import allocate_by_seniority, shared_energy_kwh


def test_earliest_plant_is_served_first():
    shared = np.array([50.0, 100.0, 500.0])
    injected = np.array([[40.0, 80.0], [40.0, 80.0], [40.0, 80.0]])  # plant 1 is older
    allocated = allocate_by_seniority(shared, injected, seniority=[2, 1])
    np.testing.assert_allclose(allocated, [[0.0, 50.0], [20.0, 80.0], [40.0, 80.0]])


@given(st.integers(1, 20).flatmap(lambda n: st.tuples(
    arrays(float, (n, 4), elements=st.floats(0, 1e4)),
    arrays(float, n, elements=st.floats(0, 1e4)),
    st.permutations(range(4)))))
def test_allocations_sum_to_shared_energy_and_respect_injection(case):
    injected, withdrawn, order = case
    shared = shared_energy_kwh(injected.sum(axis=1), withdrawn)
    allocated = allocate_by_seniority(shared, injected, seniority=np.array(order))
    np.testing.assert_allclose(allocated.sum(axis=1), shared, rtol=1e-9, atol=1e-6)
    assert (allocated <= injected + 1e-9).all()
    assert (allocated >= 0).all()
