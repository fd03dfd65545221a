"""The solidarity fund: families first, projects in order of approval, never negative."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twin.events import MemberJoined, ProjectProposed
from twin.finance.fund import fund_timeline
from twin.scenario import Fund

T0 = dt.datetime(2025, 12, 31, 23, tzinfo=dt.UTC)  # 1 January 2026, Rome


def cash(payments: list[float], accrued: list[float]) -> pd.DataFrame:
    months = [str(p) for p in pd.period_range("2026-01", periods=len(payments), freq="M")]
    return pd.DataFrame({"premium_accrued_eur": accrued, "valorization_accrued_eur": 0.0,
                         "gse_fees_eur": 0.0, "payment_eur": payments}, index=months)


def project(pid: str, month: int, cost: float) -> ProjectProposed:
    return ProjectProposed(effective_utc=dt.datetime(2026, month, 1, tzinfo=dt.UTC)
                           - dt.timedelta(hours=2), project_id=pid, name=pid,
                           cost_cents=round(cost * 100))


def family(i: int) -> MemberJoined:
    return MemberJoined(effective_utc=T0, member_id=f"f{i}", configuration_id="c",
                        category="energy_poor_household", archetype="energy_poor_household",
                        annual_kwh=1400.0, group_id="f")


UNTIL = pd.Timestamp("2027-01-01T00:00Z")


def test_projects_wait_their_turn_and_families_come_first():
    flows = cash([1000.0] * 12, [1000.0] * 12)
    events = [family(0), family(1), project("big", 2, 5000.0), project("small", 1, 500.0)]
    monthly, projects = fund_timeline(flows, events, Fund(support_eur_per_family_per_year=1200),
                                      {"f0": "energy_poor_household",
                                       "f1": "energy_poor_household"}, UNTIL)
    np.testing.assert_allclose(monthly["support_paid_eur"], 200.0)  # 2 × 1200 / 12 each month
    funded = dict(zip(projects["project"], projects["funded"], strict=True))
    assert funded["small"] == "2026-01"  # approved first, affordable at once
    # 'big' needs 5,000: 800 a month are left after the families, from January's 300 on.
    assert funded["big"] == "2026-07"
    assert (monthly["balance_eur"] >= 0).all()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0, 5000), min_size=13, max_size=13),
       st.lists(st.floats(100, 20000), min_size=0, max_size=6),
       st.floats(0, 3000))
def test_the_balance_never_goes_negative(payments, costs, support):
    accrued = [p * 0.6 for p in payments[:12]] + [0.0]
    payments = payments[:12] + [sum(accrued) - sum(payments[:12])]  # the settlement claws back
    events = [family(0)] + [project(f"p{i}", 1 + i % 12, c) for i, c in enumerate(costs)]
    monthly, _ = fund_timeline(cash(payments, accrued), events,
                               Fund(support_eur_per_family_per_year=support),
                               {"f0": "energy_poor_household"}, UNTIL)
    assert monthly["balance_eur"].min() >= -1e-6


def test_default_scenario_fund(default_run):
    fund, projects = default_run.fund, default_run.projects
    assert (fund["balance_eur"] >= -1e-6).all()
    assert len(projects) == 4
    assert fund["inflow_eur"].sum() == pytest.approx(
        default_run.summary.loc["community", "fund_eur"], rel=1e-6)
