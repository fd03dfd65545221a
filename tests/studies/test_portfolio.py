"""Portfolio ranking: roofs chosen one after another, each given the ones already chosen."""

from __future__ import annotations

import pytest

import twin
from tests.conftest import TESTS, write_scenario
from twin.scenario.candidates import Candidates, Roof
from twin.studies.expansion import Evaluator, evaluate
from twin.studies.portfolio import exhaustive_check, greedy

TINY = (TESTS / "data" / "scenarios" / "tiny.toml").read_text()


def roof(rid: str, kwp: float, capex: float, azimuth: float) -> Roof:
    return Roof(id=rid, configuration="c1", latitude=45.48, longitude=9.2, tilt_deg=20.0,
                azimuth_deg=azimuth, min_kwp=kwp, max_kwp=kwp, step_kwp=kwp,
                capex_eur_per_kwp=capex)


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    """Tiny without its 250 kWp 'late' plant: 60 kWp for 22 members and a school, so three
    roofs (40, 120 and 90 kWp) together inject far more than the configuration uses at noon."""
    text = TINY.split('[[plants]]\nid = "late"')[0] + "[[members]]" + \
        TINY.split('[[plants]]\nid = "late"')[1].split("[[members]]", 1)[1]
    path = write_scenario(tmp_path_factory.mktemp("p"), text)
    spec = twin.load(path).spec
    candidates = Candidates(roofs=[roof("cheap-small", 40, 700.0, 180.0),
                                   roof("dear-large", 120, 2600.0, 180.0),
                                   roof("west", 90, 1300.0, 240.0)])
    evaluator = Evaluator(spec)
    ranking, _ = evaluate(spec, candidates, evaluator=evaluator)
    return evaluator, candidates, ranking.set_index("candidate")


def test_later_steps_add_less_than_they_would_alone(setting):
    evaluator, candidates, alone = setting
    plan = greedy(evaluator, candidates, "shared_energy")
    assert len(plan) == 3
    for _, step in plan.iloc[1:].iterrows():
        assert step.shared_mwh < alone.loc[step.candidate, "shared_mwh"] - 1e-6
    together = plan["cumulative_shared_mwh"].iloc[-1]
    assert together < alone["shared_mwh"].sum()


def test_the_order_changes_with_the_objective(setting):
    evaluator, candidates, _ = setting
    by_shared = list(greedy(evaluator, candidates, "shared_energy")["candidate"])
    by_fund_per_euro = list(greedy(evaluator, candidates, "fund_per_euro")["candidate"])
    assert by_shared[0] == "dear-large" and by_fund_per_euro[0] == "cheap-small"


def test_greedy_is_checked_against_every_subset(setting):
    evaluator, candidates, _ = setting
    plan = greedy(evaluator, candidates, "fund")
    check = exhaustive_check(evaluator, candidates, plan, "fund")
    assert check is not None and check["agrees"]
    assert check["greedy_value"] == pytest.approx(plan["cumulative_fund_eur"].iloc[-1],
                                                  rel=1e-9)
