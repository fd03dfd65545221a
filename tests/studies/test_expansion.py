"""Expansion and finance: rankings respond to better candidates, sizing curves saturate."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import TESTS
from twin.cli import main
from twin.finance.investment import (
    FinanceAssumptions,
    Investment,
    capex_eur_per_kwp,
    cash_flows,
    irr,
    npv,
    payback_years,
)
from twin.scenario import load_scenario
from twin.scenario.candidates import Candidates
from twin.sim.spec import RunSpec
from twin.studies.expansion import evaluate, saturation_kwp

TINY = TESTS / "data" / "scenarios" / "tiny.toml"


def roof(rid: str, azimuth: float, tilt: float = 25.0, **extra) -> dict:
    return {"id": rid, "configuration": "c1", "latitude": 45.48, "longitude": 9.2,
            "tilt_deg": tilt, "azimuth_deg": azimuth, "min_kwp": 10.0, "max_kwp": 300.0,
            "step_kwp": 10.0, **extra}


@pytest.fixture(scope="module")
def tiny_ranking(tmp_path_factory):
    """The tiny community over May-June, without its big plant and with 200 homes: demand that
    a few tens of kWp can cover."""
    from tests.conftest import write_scenario

    text = TINY.read_text()
    big = text.index("[[plants]]\nid = \"late\"")
    text = text[:big] + text[text.index("[[members]]"):]
    text = (text.replace("start = 2026-06-01\nend = 2026-06-15", "start = 2026-05-01\n"
                         "end = 2026-07-01").replace("count = 20", "count = 200"))
    path = write_scenario(tmp_path_factory.mktemp("expand"), text)
    spec = RunSpec.from_scenario(load_scenario(path))
    candidates = Candidates.model_validate({
        "roofs": [roof("south", 180.0), roof("north", 0.0, tilt=40.0)],
        "member_batches": [{"id": "homes", "configuration": "c1", "archetype": "household",
                            "count": 30, "annual_kwh": 2500.0}],
    })
    return evaluate(spec, candidates)


def test_a_clearly_better_roof_ranks_higher(tiny_ranking):
    ranking, curves = tiny_ranking
    order = list(ranking["candidate"])
    assert order.index("south") < order.index("north")
    south = curves[curves["candidate"] == "south"].set_index("kwp")
    north = curves[curves["candidate"] == "north"].set_index("kwp")
    small = south.index <= 50  # before saturation the better roof shares more
    assert (south["shared_mwh"][small] > north["shared_mwh"][small]).all()
    assert (south["npv_eur"] > north["npv_eur"]).all()





def test_sizing_curve_is_concave_and_saturates(tiny_ranking):
    _, curves = tiny_ranking
    curve = curves[curves["candidate"] == "south"].sort_values("kwp")
    shared = curve["shared_mwh"].to_numpy()
    steps = np.diff(shared)
    assert (steps >= -1e-9).all()  # more PV never shares less
    assert (np.diff(steps) <= 1e-3).all()  # each added step shares no more than the one before
    assert saturation_kwp(curve) is not None  # added PV stops being shared within the range
    assert steps[-1] < 0.2 * steps[0]


def test_members_add_shared_energy_only_where_pv_is_left_unshared(tiny_ranking):
    ranking, _ = tiny_ranking
    saturated = ranking[ranking["candidate"] == "homes"].iloc[0]
    # 200 homes absorb nearly all: a few hours a year where their appliance cycles pause
    assert saturated["shared_mwh"] < 0.1
    spec = RunSpec.from_scenario(load_scenario(TINY))  # 295 kW of PV for 22 members
    ranking, _ = evaluate(spec, Candidates.model_validate({"member_batches": [
        {"id": "homes", "configuration": "c1", "archetype": "household", "count": 30,
         "annual_kwh": 2500.0}]}))
    homes = ranking.iloc[0]
    assert homes["shared_mwh"] > 0 and homes["capex_eur"] == 0 and homes["npv_eur"] > 0


def test_npv_of_a_zero_cost_plant_equals_its_discounted_revenues():
    inv = Investment(capex_eur=0.0, premium_eur_year1=1000.0, valorization_eur_year1=100.0,
                     rid_eur_year1=500.0, fees_eur_year1=50.0, opex_eur_year1=80.0)
    fin = FinanceAssumptions(discount_rate_pct=5.0, years=20, degradation_pct_per_year=0.0)
    expected = sum((1000 + 100 + 500 - 50 - 80) / 1.05**t for t in range(1, 21))
    assert npv(cash_flows(inv, fin), 5.0) == pytest.approx(expected)


def test_irr_payback_and_premium_expiry():
    inv = Investment(capex_eur=10000.0, premium_eur_year1=1000.0, valorization_eur_year1=0.0,
                     rid_eur_year1=0.0, fees_eur_year1=0.0, opex_eur_year1=0.0,
                     premium_years_left=10.0)
    flows = cash_flows(inv, FinanceAssumptions(years=20, degradation_pct_per_year=0.0))
    assert (flows[11:] == 0).all()  # the premium stops after its years
    assert irr(flows) == pytest.approx(0.0, abs=1e-6)  # 10 × 1,000 back for 10,000
    assert payback_years(flows) == 10
    loan = cash_flows(inv, FinanceAssumptions(years=20, equity_share_pct=0.0, loan_rate_pct=0.0,
                                              loan_years=10, degradation_pct_per_year=0.0))
    assert loan[0] == 0.0 and loan[1:11] == pytest.approx(0.0)


def test_cli_expand(tmp_path, capsys):
    candidates = tmp_path / "c.toml"
    candidates.write_text('[[roofs]]\nid = "r"\nconfiguration = "c1"\nlatitude = 45.48\n'
                          'longitude = 9.2\ntilt_deg = 20.0\nazimuth_deg = 180.0\n'
                          'min_kwp = 20.0\nmax_kwp = 60.0\nstep_kwp = 20.0\n')
    assert main(["expand", str(TINY), "--candidates", str(candidates), "--out",
                 str(tmp_path / "o")]) == 0
    assert "ranked by NPV" in capsys.readouterr().out
    assert (tmp_path / "o" / "sizing_curves.csv").exists()
    candidates.write_text('[[roofs]]\nid = "r"\nconfiguration = "nowhere"\nlatitude = 45.48\n'
                          'longitude = 9.2\ntilt_deg = 20.0\nazimuth_deg = 180.0\n'
                          'min_kwp = 20.0\nmax_kwp = 60.0\nstep_kwp = 20.0\n')
    assert main(["expand", str(TINY), "--candidates", str(candidates)]) == 2
    assert "unknown configuration 'nowhere'" in capsys.readouterr().err


def test_a_new_configuration_is_evaluated_on_its_own():
    spec = RunSpec.from_scenario(load_scenario(TINY))
    candidates = Candidates.model_validate({"new_configurations": [{
        "id": "c2", "plants": [{"id": "p", "capacity_kwp": 30.0, "tilt_deg": 20.0,
                                "azimuth_deg": 180.0, "latitude": 45.5, "longitude": 9.2}],
        "members": [{"archetype": "household", "count": 40, "annual_kwh": 2000.0}]}]})
    ranking, _ = evaluate(spec, candidates)
    row = ranking.iloc[0]
    assert row["kind"] == "configuration" and row["kwp"] == 30.0
    assert row["shared_mwh"] > 0 and row["premium_eur"] > 0
    assert row["capex_eur"] == pytest.approx(30 * 1575.0)  # 1600 €/kWp at 20, 1400 at 100


@given(st.floats(1, 2000), st.floats(0.1, 500))
def test_a_larger_plant_never_costs_less(kwp, extra_kwp):
    bigger = kwp + extra_kwp
    assert bigger * capex_eur_per_kwp(bigger) > kwp * capex_eur_per_kwp(kwp)
    assert capex_eur_per_kwp(bigger) <= capex_eur_per_kwp(kwp)
