"""The solidarity fund, month by month: what CER.ca.MI Solidale exists for.

Inflows are the community's GSE payments as they arrive (the cash timeline: advances, fees
netted, yearly settlements), less the share returned to members hosting plants. Out of them, in
this order each month:

1. support to energy-poor families: the yearly amount per active ``energy_poor_household``
   member, paid monthly (paid only as far as the balance allows; a shortfall is recorded);
2. projects, strictly in order of approval (``ProjectProposed`` events): the first project in
   the queue is paid as soon as the balance covers it, and the ones behind it wait.

GSE's monthly advances can exceed what the community actually earns, and the yearly settlement
then claws the difference back. The fund therefore spends only what is earned: a reserve equal
to the advances received beyond the incentives accrued so far is kept aside, so the balance never
goes negative when the settlement arrives.
"""

from __future__ import annotations

import pandas as pd

from twin.core.time import local_date, local_midnight_utc
from twin.events import DomainEvent, ProjectProposed, validity_intervals
from twin.scenario import Fund


def fund_timeline(cash: pd.DataFrame, events: list[DomainEvent], fund: Fund,
                  member_categories: dict[str, str],
                  simulated_until: pd.Timestamp) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Monthly fund balance and the projects it pays for.

    Returns ``(monthly, projects)``: ``monthly`` has ``inflow_eur``, ``support_due_eur``,
    ``support_paid_eur``, ``projects_eur`` and ``balance_eur`` per month (the cash timeline's
    months); ``projects`` lists every proposed project with ``approved``, ``cost_eur`` and
    ``funded`` (the month paid, or empty while waiting).
    """
    proposals = sorted((e for e in events if isinstance(e, ProjectProposed)),
                       key=lambda e: e.effective_utc)
    poor = [v for v in validity_intervals(events)
            if v.kind == "member" and member_categories.get(v.id) == "energy_poor_household"]
    queue = list(proposals)
    funded: dict[str, str] = {}
    balance = fund.opening_balance_eur
    keep = 1 - fund.host_share_pct / 100
    accrued = ((cash["premium_accrued_eur"] + cash["valorization_accrued_eur"]
                - cash["gse_fees_eur"]) * keep).cumsum()
    received = (cash["payment_eur"] * keep).cumsum()
    rows = []
    for month in cash.index:
        start = local_midnight_utc(pd.Period(month, "M").start_time.date())
        next_start = local_midnight_utc((pd.Period(month, "M") + 1).start_time.date())
        inflow = float(cash.loc[month, "payment_eur"]) * keep
        balance += inflow
        reserve = max(0.0, float(received[month] - accrued[month]))
        families = sum(1 for v in poor if v.start_utc <= start.to_pydatetime()
                       and (v.end_utc is None or start.to_pydatetime() < v.end_utc))
        due = families * fund.support_eur_per_family_per_year / 12 \
            if start < simulated_until else 0.0
        paid = min(due, max(balance - reserve, 0.0))
        balance -= paid
        spent = 0.0
        while queue and queue[0].effective_utc < next_start.to_pydatetime() \
                and balance - reserve >= queue[0].cost_cents / 100:
            project = queue.pop(0)
            balance -= project.cost_cents / 100
            spent += project.cost_cents / 100
            funded[project.project_id] = month
        rows.append({"month": month, "inflow_eur": inflow, "families": families,
                     "support_due_eur": due, "support_paid_eur": paid, "projects_eur": spent,
                     "reserve_eur": reserve, "balance_eur": balance})
    monthly = pd.DataFrame(rows).set_index("month")
    projects = pd.DataFrame([{
        "project": p.project_id, "name": p.name, "neighbourhood": p.neighbourhood,
        "approved": local_date(p.effective_utc).isoformat(),
        "cost_eur": p.cost_cents / 100, "funded": funded.get(p.project_id, "")}
        for p in proposals], columns=["project", "name", "neighbourhood", "approved",
                                      "cost_eur", "funded"])
    return monthly, projects
