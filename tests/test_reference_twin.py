"""The fast path agrees with the naive reference twin of bench/ (ModelChain per plant, a SimPy
process per member, Python loops for the rules) on shared energy, premium and valorization."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from twin.sim.run import Simulation

sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
from community import bench_spec  # noqa: E402
from naive_twin import naive_totals  # noqa: E402


@pytest.mark.parametrize("step", ["1h", "15min"])
def test_fast_path_equals_the_naive_twin(step):
    spec = bench_spec(members=40, plants=6, step=step, seed=3)
    community = Simulation(spec).run().summary.loc["community"]
    naive = naive_totals(spec, spec.load_inputs())
    assert community["shared_mwh"] * 1000 == pytest.approx(naive["shared_kwh"], rel=1e-6)
    assert community["premium_eur"] == pytest.approx(naive["premium_eur"], rel=1e-6)
    assert community["valorization_eur"] == pytest.approx(naive["valorization_eur"], rel=1e-6)
    assert naive["premium_eur"] > 0
