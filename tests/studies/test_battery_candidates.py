"""Battery candidates in `expand`: each size settled on top of the base, replaced after its
life in the cash flows."""

from __future__ import annotations

import numpy as np
import pytest

import twin
from tests.conftest import write_scenario
from tests.sim.test_community_battery import SUNNY
from twin.finance.investment import FinanceAssumptions, Investment, cash_flows
from twin.scenario.candidates import Candidates
from twin.studies.expansion import evaluate


def test_a_battery_is_replaced_at_the_end_of_each_life():
    inv = Investment(capex_eur=1000.0, premium_eur_year1=0.0, valorization_eur_year1=100.0,
                     rid_eur_year1=0.0, fees_eur_year1=0.0, opex_eur_year1=0.0,
                     replacements=((7, 1000.0),))
    flows = cash_flows(inv, FinanceAssumptions(years=20, degradation_pct_per_year=0.0))
    assert flows[0] == -1000.0
    np.testing.assert_allclose(flows[[7, 14]], 100.0 - 1000.0)
    assert (flows[[1, 6, 8, 13, 15, 20]] == 100.0).all()


@pytest.mark.slow
def test_battery_candidates_are_ranked_by_their_marginal_value(tmp_path):
    spec = twin.load(write_scenario(tmp_path, SUNNY.format(kwp=120.0, rules=""))).spec
    candidates = Candidates.model_validate({"batteries": [
        {"id": "b", "configuration": "c", "min_kwh": 50, "max_kwh": 100, "step_kwh": 50}]})
    ranking, curves = evaluate(spec, candidates)
    sizes = curves[curves["kind"] == "battery"].set_index("kwh")
    assert list(sizes.index) == [50.0, 100.0]
    assert 0 < sizes.loc[50.0, "shared_mwh"] < sizes.loc[100.0, "shared_mwh"]
    assert sizes.loc[100.0, "shared_mwh"] <= 100 * 0.85 * 365 * 0.9 / 1000
    assert sizes.loc[100.0, "premium_eur"] == pytest.approx(0.0, abs=1e-6)
    # 450 EUR/kWh + 0.5 kW/kWh x 150 EUR/kW
    assert sizes.loc[100.0, "capex_eur"] == pytest.approx(100 * 450 + 50 * 150)
    assert ranking.loc[1, "candidate"] == "b" and ranking.loc[1, "kind"] == "battery"
