"""The solidarity fund, month by month: what CER.ca.MI Solidale exists for.

Inflows are the community's GSE payments as they arrive (the cash timeline: advances, fees
netted, yearly settlements), less the share returned to members hosting plants. Each month, in
this order:

1. **support to energy-poor families**, by the scenario's policy (``[fund.family_support]``): a
   fixed € a year, a share of the family's bill, or what brings the bill down to a target share of
   an assumed income; capped per family and calendar year when a cap is set. What the balance
   cannot pay is a **debt to the families**, paid first as soon as money arrives;
2. **projects**: a ``ProjectFunded`` event is a decision to pay on its date (paid that month if
   affordable, else it joins the queue on that date); ``ProjectProposed`` projects wait in order of
   approval; the first in the queue is paid as soon as the balance covers it, and the ones behind
   it wait (strict order); a project is paid once, whichever events name it;
3. **surplus** (``[fund] surplus = "families"``): money beyond the reserve left after 1-2 raises
   each family's support up to its yearly cap.

GSE's monthly advances can exceed what the community earns, and the yearly settlement then
claws the difference back. The fund spends only what is earned: a reserve equal to the advances
received beyond the incentives accrued so far (plus ``reserve_eur``) is kept aside. Should a
claw-back still exceed the balance, the balance stops at zero and the rest is owed to GSE, netted
from the next payments (GSE offsets amounts due) [U], so the balance is never negative.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from twin.core.time import local_date, local_midnight_utc
from twin.events import DomainEvent, ProjectFunded, ProjectProposed
from twin.scenario import Fund


@dataclass
class _Project:
    project_id: str
    name: str
    neighbourhood: str
    cost_eur: float
    approved: pd.Timestamp
    scheduled: pd.Timestamp | None = None
    funded: str = ""

    @property
    def queued(self) -> pd.Timestamp:
        return self.scheduled if self.scheduled is not None else self.approved


def _projects(events: list[DomainEvent]) -> list[_Project]:
    """Each project once: a ProjectFunded sets (or is) its scheduled payment."""
    projects: dict[str, _Project] = {}
    for e in sorted(events, key=lambda e: e.effective_utc):
        when = pd.Timestamp(e.effective_utc)
        if isinstance(e, ProjectProposed) and e.project_id not in projects:
            projects[e.project_id] = _Project(e.project_id, e.name, e.neighbourhood,
                                              e.cost_cents / 100, when)
        elif isinstance(e, ProjectFunded):
            known = projects.setdefault(e.project_id, _Project(
                e.project_id, e.name, e.neighbourhood, e.amount_cents / 100, when))
            known.cost_eur, known.scheduled = e.amount_cents / 100, when
    return list(projects.values())


def family_due_eur(policy: Fund, bill_eur: np.ndarray, share_of_month: np.ndarray,
                   paid_this_year: np.ndarray) -> np.ndarray:
    """Support each family is due for a month under the fund's policy, within its yearly cap.

    ``bill_eur`` is each family's bill for the month (after the bonus sociale),
    ``share_of_month`` the part of the month it was a member, ``paid_this_year`` what it was
    already due this calendar year. [€]
    """
    s = policy.family_support
    if s.policy == "fixed":
        due = policy.support_eur_per_family_per_year / 12.0 * share_of_month
    elif s.policy == "share_of_bill":
        due = s.share_of_bill_pct / 100.0 * np.maximum(bill_eur, 0.0)
    else:
        affordable = s.target_burden_pct / 100.0 * s.income_eur_per_year / 12.0 * share_of_month
        due = np.maximum(bill_eur - affordable, 0.0)
    if s.cap_eur_per_year is not None:
        due = np.minimum(due, np.maximum(s.cap_eur_per_year - paid_this_year, 0.0))
    return due


def fund_timeline(cash: pd.DataFrame, events: list[DomainEvent], fund: Fund,
                  family_bills: pd.DataFrame, family_share: pd.DataFrame,
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Monthly fund balance, support to families and the projects it pays for.

    ``family_bills`` and ``family_share`` are indexed by the simulated local months with one
    column per energy-poor member: its bill [€] and the share of the month it was a member.
    Returns ``(monthly, projects)``: ``monthly`` has ``inflow_eur``, ``families``,
    ``support_due_eur``, ``support_paid_eur``, ``owed_to_families_eur``, ``projects_eur``,
    ``reserve_eur``, ``owed_to_gse_eur``, ``balance_eur``, ``available_eur`` (beyond the
    reserve), ``waiting_eur`` (the cost of the first project waiting) and ``projects_waiting``
    (the queue's length) per month of the cash timeline; ``projects`` one row per project
    with ``approved``, ``cost_eur``, ``scheduled``, ``funded`` (the month paid) and ``status``.
    """
    projects = _projects(events)
    keep = 1 - fund.host_share_pct / 100
    accrued = ((cash["premium_accrued_eur"] + cash["valorization_accrued_eur"]
                - cash["gse_fees_eur"]) * keep).cumsum()
    received = (cash["payment_eur"] * keep).cumsum()
    state = _State(balance=fund.opening_balance_eur, families=family_bills.columns)
    rows = []
    for month in cash.index:
        next_start = local_midnight_utc((pd.Period(month, "M") + 1).start_time.date())
        reserve = max(0.0, float(received[month] - accrued[month])) + fund.reserve_eur
        inflow = state.receive(float(cash.loc[month, "payment_eur"]) * keep)
        due = state.support(month, fund, family_bills, family_share, reserve)
        spent = state.pay_projects(month, next_start, projects, reserve)
        if fund.surplus == "families":
            due += state.raise_support(month, fund, family_bills, family_share, reserve)
        waiting = queue(projects, next_start)
        rows.append({"month": month, "inflow_eur": inflow, "families": state.active(month,
                                                                                    family_share),
                     "support_due_eur": due, "support_paid_eur": state.paid_now,
                     "owed_to_families_eur": state.owed_families.sum(), "projects_eur": spent,
                     "reserve_eur": reserve, "owed_to_gse_eur": state.owed_gse,
                     "balance_eur": state.balance,
                     "available_eur": max(state.balance - reserve, 0.0),
                     "waiting_eur": waiting[0].cost_eur if waiting else 0.0,
                     "projects_waiting": len(waiting)})
    monthly = pd.DataFrame(rows).set_index("month")
    monthly.attrs["support_paid_by_member_eur"] = dict(zip(
        family_bills.columns, state.paid_total.tolist(), strict=True))
    table = pd.DataFrame([{
        "project": p.project_id, "name": p.name, "neighbourhood": p.neighbourhood,
        "approved": local_date(p.approved.to_pydatetime()).isoformat(), "cost_eur": p.cost_eur,
        "scheduled": local_date(p.scheduled.to_pydatetime()).isoformat() if p.scheduled
        is not None else "", "funded": p.funded, "status": "paid" if p.funded else "waiting"}
        for p in projects], columns=["project", "name", "neighbourhood", "approved", "cost_eur",
                                     "scheduled", "funded", "status"])
    return monthly, table


class _State:
    """The fund's balance, its debts and what each family was due this year."""

    def __init__(self, balance: float, families: pd.Index) -> None:
        self.balance = balance
        self.owed_gse = 0.0
        self.owed_families = np.zeros(len(families))
        self.due_this_year = np.zeros(len(families))
        self.year = ""
        self.paid_now = 0.0
        self.paid_total = np.zeros(len(families))

    def receive(self, inflow: float) -> float:
        """Add a payment (a claw-back is negative); what the balance cannot cover is owed."""
        net = inflow - self.owed_gse
        self.owed_gse = max(-(self.balance + net), 0.0)
        self.balance = max(self.balance + net, 0.0)
        return inflow

    def active(self, month: str, share: pd.DataFrame) -> int:
        return int((share.loc[month] > 0).sum()) if month in share.index else 0

    def _pay_families(self, amount: np.ndarray, reserve: float) -> float:
        """Pay what families are owed plus ``amount``, as far as the money allows."""
        owed = self.owed_families + amount
        available = max(self.balance - reserve, 0.0)
        total = owed.sum()
        paid = owed if total <= available else owed * (available / total)
        self.owed_families = owed - paid
        self.balance -= paid.sum()
        self.paid_now += float(paid.sum())
        self.paid_total += paid
        return float(paid.sum())

    def support(self, month: str, fund: Fund, bills: pd.DataFrame, share: pd.DataFrame,
                reserve: float) -> float:
        """This month's support due (and debts paid first). [€]"""
        self.paid_now = 0.0
        if month[:4] != self.year:
            self.year, self.due_this_year[:] = month[:4], 0.0
        if month not in share.index:  # beyond the simulated months: only debts
            self._pay_families(np.zeros_like(self.owed_families), reserve)
            return 0.0
        due = family_due_eur(fund, bills.loc[month].to_numpy(), share.loc[month].to_numpy(),
                             self.due_this_year)
        self.due_this_year += due
        self._pay_families(due, reserve)
        return float(due.sum())

    def raise_support(self, month: str, fund: Fund, bills: pd.DataFrame, share: pd.DataFrame,
                      reserve: float) -> float:
        """Surplus to families, up to each one's yearly cap. [€]"""
        cap = fund.family_support.cap_eur_per_year
        if cap is None or month not in share.index or self.owed_families.any():
            return 0.0
        active = share.loc[month].to_numpy() > 0
        room = np.where(active, np.maximum(cap - self.due_this_year, 0.0), 0.0)
        available = max(self.balance - reserve, 0.0)
        extra = room if room.sum() <= available else room * (available / room.sum())
        self.due_this_year += extra
        self._pay_families(extra, reserve)
        return float(extra.sum())

    def pay_projects(self, month: str, next_start: pd.Timestamp, projects: list[_Project],
                     reserve: float) -> float:
        """Payments scheduled in the month (each if affordable), then the queue in strict
        order. [€]"""
        spent = 0.0
        start = next_start - pd.DateOffset(months=1)
        for p in sorted((p for p in projects if not p.funded and p.scheduled is not None
                         and start <= p.scheduled < next_start), key=lambda p: p.scheduled):
            if self.balance - reserve >= p.cost_eur - 1e-9:
                spent += self._pay(p, month)
        for p in queue(projects, next_start):
            if self.balance - reserve < p.cost_eur - 1e-9:
                break
            spent += self._pay(p, month)
        return spent

    def _pay(self, project: _Project, month: str) -> float:
        self.balance -= project.cost_eur
        project.funded = month
        return project.cost_eur


def queue(projects: list[_Project], before: pd.Timestamp) -> list[_Project]:
    """Unpaid projects in the queue before a time, first first: a scheduled project queues
    from its date, a proposed one from its approval."""
    return sorted((p for p in projects if not p.funded and p.queued < before),
                  key=lambda p: (p.queued, p.approved))
