"""The solidarity fund: families first (by policy, debts made up), projects in order, never
negative, never sitting on an affordable approved project."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twin.events import ProjectFunded, ProjectProposed
from twin.finance.fund import fund_timeline
from twin.scenario import FamilySupport, Fund

MONTHS = [str(p) for p in pd.period_range("2026-01", periods=12, freq="M")]


def cash(payments: list[float], accrued: list[float]) -> pd.DataFrame:
    months = [str(p) for p in pd.period_range("2026-01", periods=len(payments), freq="M")]
    return pd.DataFrame({"premium_accrued_eur": accrued, "valorization_accrued_eur": 0.0,
                         "gse_fees_eur": 0.0, "payment_eur": payments}, index=months)


def approved(month: int, day: int = 1) -> dt.datetime:
    """Local midnight of a day of 2026 in UTC (Rome is UTC+1 in winter, +2 in summer)."""
    offset = 2 if 4 <= month <= 10 else 1
    return dt.datetime(2026, month, day, tzinfo=dt.UTC) - dt.timedelta(hours=offset)


def project(pid: str, month: int, cost: float) -> ProjectProposed:
    return ProjectProposed(effective_utc=approved(month), project_id=pid, name=pid,
                           cost_cents=round(cost * 100))


def families(n: int, bill_eur: float = 50.0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` energy-poor families, members all year, each with a monthly bill of ``bill_eur``."""
    columns = [f"f{i}" for i in range(n)]
    return (pd.DataFrame(bill_eur, index=MONTHS, columns=columns),
            pd.DataFrame(1.0, index=MONTHS, columns=columns))


def test_projects_wait_their_turn_and_families_come_first():
    flows = cash([1000.0] * 12, [1000.0] * 12)
    events = [project("big", 2, 5000.0), project("small", 1, 500.0)]
    monthly, projects = fund_timeline(flows, events, Fund(support_eur_per_family_per_year=1200),
                                      *families(2))
    np.testing.assert_allclose(monthly["support_paid_eur"], 200.0)  # 2 × 1200 / 12 each month
    funded = dict(zip(projects["project"], projects["funded"], strict=True))
    assert funded["small"] == "2026-01"  # approved first, affordable at once
    # 'big' needs 5,000: 800 a month are left after the families, from January's 300 on.
    assert funded["big"] == "2026-07"
    assert (monthly["balance_eur"] >= 0).all()


def test_a_short_month_is_made_up_as_soon_as_money_arrives():
    # Nothing arrives in January (GSE pays the first advance a month late): the families' 100 €
    # are owed, and paid with February's support as soon as February's payment arrives.
    flows = cash([0.0] + [1000.0] * 11, [1000.0] * 12)
    monthly, _ = fund_timeline(flows, [], Fund(support_eur_per_family_per_year=600),
                               *families(2))
    assert monthly.loc["2026-01", "support_paid_eur"] == 0.0
    assert monthly.loc["2026-01", "owed_to_families_eur"] == pytest.approx(100.0)
    assert monthly.loc["2026-02", "support_paid_eur"] == pytest.approx(200.0)
    assert monthly.loc["2026-02", "owed_to_families_eur"] == 0.0
    assert monthly["support_paid_eur"].sum() == pytest.approx(1200.0)  # 2 × 600, all of it


@pytest.mark.parametrize(("support", "bill", "expected_month"), [
    (FamilySupport(policy="share_of_bill", share_of_bill_pct=40), 50.0, 20.0),
    # target 3 % of 12,000 €/year = 30 €/month: a 50 € bill gets 20 €, a 25 € bill nothing
    (FamilySupport(policy="target_burden", target_burden_pct=3, income_eur_per_year=12000),
     50.0, 20.0),
    (FamilySupport(policy="target_burden", target_burden_pct=3, income_eur_per_year=12000),
     25.0, 0.0),
])
def test_support_follows_the_policy(support, bill, expected_month):
    flows = cash([5000.0] * 12, [5000.0] * 12)
    monthly, _ = fund_timeline(flows, [], Fund(family_support=support), *families(3, bill))
    np.testing.assert_allclose(monthly.loc[MONTHS, "support_paid_eur"], 3 * expected_month)


def test_a_cap_limits_what_a_family_gets_in_a_year_and_surplus_raises_it_to_the_cap():
    flows = cash([5000.0] * 12, [5000.0] * 12)
    capped = FamilySupport(policy="share_of_bill", share_of_bill_pct=100, cap_eur_per_year=300)
    monthly, _ = fund_timeline(flows, [], Fund(family_support=capped), *families(2, 50.0))
    # 50 € a month until 300 € are reached: six months, then nothing.
    np.testing.assert_allclose(monthly.loc[MONTHS, "support_paid_eur"],
                               [100.0] * 6 + [0.0] * 6)
    small = FamilySupport(policy="fixed", cap_eur_per_year=300)
    raised, _ = fund_timeline(flows, [], Fund(support_eur_per_family_per_year=120,
                                              family_support=small, surplus="families"),
                              *families(2, 50.0))
    # The surplus of January raises each family to its 300 € cap at once.
    assert raised.loc["2026-01", "support_paid_eur"] == pytest.approx(600.0)
    assert raised.loc[MONTHS, "support_paid_eur"].sum() == pytest.approx(600.0)


def test_a_funded_project_is_paid_once_on_its_date():
    flows = cash([1000.0] * 12, [1000.0] * 12)
    decided = ProjectFunded(effective_utc=approved(5, 15), project_id="roof", name="roof",
                            amount_cents=150000)
    both = [project("roof", 2, 1500.0), decided]
    monthly, projects = fund_timeline(flows, both, Fund(), *families(0))
    assert list(projects["project"]) == ["roof"]
    assert projects.loc[0, "funded"] == "2026-05"  # on its date, not when first affordable
    assert monthly["projects_eur"].sum() == pytest.approx(1500.0)
    late = ProjectFunded(effective_utc=approved(1, 10), project_id="big", name="big",
                         amount_cents=300000)
    _, projects = fund_timeline(flows, [late], Fund(), *families(0))
    assert projects.loc[0, "funded"] == "2026-03"  # not affordable on its date: queued


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-8000, 8000), min_size=13, max_size=13),
       st.lists(st.floats(0, 5000), min_size=12, max_size=12),
       st.lists(st.tuples(st.integers(1, 12), st.floats(100, 20000), st.booleans()),
                max_size=6),
       st.floats(0, 3000), st.integers(0, 4))
def test_never_negative_and_never_sitting_on_an_affordable_project(
        payments, accrued, proposals, support, n_families):
    events = [ProjectFunded(effective_utc=approved(m, 10), project_id=f"p{i}", name="p",
                            amount_cents=round(c * 100)) if funded else project(f"p{i}", m, c)
              for i, (m, c, funded) in enumerate(proposals)]
    monthly, projects = fund_timeline(cash(payments, [*accrued, 0.0]), events,
                                      Fund(support_eur_per_family_per_year=support),
                                      *families(n_families))
    assert monthly["balance_eur"].min() >= -1e-6
    waiting = monthly["waiting_eur"]
    assert ((waiting == 0) | (waiting > monthly["available_eur"] + 1e-6)).all()
    assert projects["project"].is_unique


def test_default_scenario_fund(default_run):
    fund, projects = default_run.fund, default_run.projects
    assert (fund["balance_eur"] >= -1e-6).all()
    assert len(projects) == 4
    assert fund["inflow_eur"].sum() == pytest.approx(
        default_run.summary.loc["community", "fund_eur"], rel=1e-6)
