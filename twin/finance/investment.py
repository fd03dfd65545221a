"""Finance over the incentive period: cash flows, NPV, IRR and payback of an investment.

Yearly cash flow of a plant for the community (incentives go to the solidarity fund, the energy
sale to the producer; both are counted here, as the community's and its members' gain):

    premium (while within its 20 years) + valorization + RID − GSE fee − O&M

A first-year result is carried over ``years`` with the plant's degradation, RID prices escalated
as the scenario says, and the premium stopping 20 years after entry into operation. Capital cost
is paid at year 0, partly financed by a loan (annuity). Capex defaults follow the installer list
prices in MILAN_FIGURES.md §5 (mid-points [S]); O&M the ARERA opex component (≈ 16 €/kWp·yr,
derived [U]).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import xarray as xr
from scipy import optimize

CAPEX_EUR_PER_KWP = ((20.0, 1600.0), (100.0, 1400.0), (200.0, 1250.0), (1000.0, 1150.0))
"""Default capital cost at anchor sizes ([kWp], [€/kWp]): MILAN_FIGURES §5 mid-points of
installer list prices (residential 1,250-2,000 €/kW at 20 kW; C&I 1,200-1,600 up to 100 kW,
1,000-1,300 above 200 kW) [S]. Interpolated linearly between anchors and held beyond them, so
that a larger plant never costs less in total than a smaller one (a step table made 110 kWp
cheaper than 100 kWp and put a cliff in every sizing curve)."""
OPEX_EUR_PER_KWP_YEAR = 16.0
"""Operation and maintenance: ARERA's opex component, 14 €/MWh × ~1,150 kWh/kWp [U, derived]."""


def capex_eur_per_kwp(capacity_kwp: float) -> float:
    """Default specific capital cost of a PV plant of this size. [€/kWp]"""
    sizes, costs = zip(*CAPEX_EUR_PER_KWP, strict=True)
    return float(np.interp(capacity_kwp, sizes, costs))


def plant_capex_eur(capacity_kwp: float, eur_per_kwp: float | None = None) -> float:
    """Capital cost of a PV plant: ``eur_per_kwp`` when given, else the default by size. [€]"""
    return capacity_kwp * (eur_per_kwp if eur_per_kwp is not None
                           else capex_eur_per_kwp(capacity_kwp))


@dataclass(frozen=True)
class FinanceAssumptions:
    """[finance] of a scenario or a candidates file."""

    discount_rate_pct: float = 4.0
    years: int = 20
    degradation_pct_per_year: float = 0.5
    price_escalation_pct_per_year: float = 0.0
    equity_share_pct: float = 100.0
    loan_rate_pct: float = 4.0
    loan_years: int = 10


@dataclass(frozen=True)
class Investment:
    """An investment's first-year revenues and its costs. [€]"""

    capex_eur: float
    premium_eur_year1: float
    valorization_eur_year1: float
    rid_eur_year1: float
    fees_eur_year1: float
    opex_eur_year1: float
    premium_years_left: float = 20.0


def cash_flows(inv: Investment, fin: FinanceAssumptions) -> np.ndarray:
    """Yearly net cash flows, year 0 (the investment) to ``fin.years``. [€]"""
    years = np.arange(1, fin.years + 1)
    output = (1 - fin.degradation_pct_per_year / 100) ** (years - 1)
    prices = (1 + fin.price_escalation_pct_per_year / 100) ** (years - 1)
    premium_share = np.clip(inv.premium_years_left - (years - 1), 0.0, 1.0)
    revenue = (inv.premium_eur_year1 * premium_share + inv.valorization_eur_year1) * output \
        + inv.rid_eur_year1 * output * prices
    costs = inv.fees_eur_year1 * premium_share + inv.opex_eur_year1
    flows = np.r_[0.0, revenue - costs]
    loan = inv.capex_eur * (1 - fin.equity_share_pct / 100)
    flows[0] = -(inv.capex_eur - loan)
    if loan > 0:
        r = fin.loan_rate_pct / 100
        n = fin.loan_years
        instalment = loan * r / (1 - (1 + r) ** -n) if r else loan / n
        flows[1:n + 1] -= instalment
    return flows


def npv(flows: np.ndarray, rate_pct: float) -> float:
    """Net present value of yearly flows (year 0 undiscounted). [€]"""
    return float(np.sum(flows / (1 + rate_pct / 100) ** np.arange(len(flows))))


def irr(flows: np.ndarray) -> float | None:
    """Internal rate of return [%], or None when the flows never change sign."""
    if not (flows < 0).any() or not (flows > 0).any():
        return None
    try:
        return 100 * optimize.brentq(lambda r: npv(flows, 100 * r), -0.99, 10.0)
    except ValueError:
        return None


def payback_years(flows: np.ndarray) -> float | None:
    """Years until the cumulative cash flow turns non-negative (None if never)."""
    cumulative = np.cumsum(flows)
    positive = np.flatnonzero(cumulative >= 0)
    return float(positive[0]) if len(positive) else None



def plant_finance(ds: xr.Dataset, fin: FinanceAssumptions) -> pd.DataFrame:
    """Per plant and for the community: the run's revenues carried over ``fin.years``.

    Each plant earns its premium and RID; the configuration's valorization is split among its
    plants by their share of the allocated shared energy. Capex is the default by size
    (``CAPEX_EUR_PER_KWP``), counted for every plant, also the existing ones (sunk costs, shown
    so the community can see what its plants return). The run's period is scaled to a year.
    """
    hours = ds.sizes["time"]
    per_year = 8760.0 / hours
    plant_config = ds["plant_configuration"].to_numpy()
    allocated = ds["allocated_shared_energy_kwh"].sum("time").to_numpy()
    rows = []
    for j, pid in enumerate(ds["plant"].to_numpy()):
        config = plant_config[j]
        in_config = plant_config == config
        share = allocated[j] / allocated[in_config].sum() if allocated[in_config].sum() else 0.0
        valorization = float(ds["valorization_eur"].sel(configuration=config).sum()) * share
        kwp = float(ds["plant_capacity_kwp"][j])
        entry = pd.Timestamp(str(ds["plant_entry_into_operation"][j].values))
        start = pd.Timestamp(ds["time"].values[0])
        years_left = max(0.0, 20.0 - (start - entry).days / 365.25) \
            if bool(ds["plant_eligible"][j]) else 0.0
        inv = Investment(
            capex_eur=plant_capex_eur(kwp),
            premium_eur_year1=float(ds["premium_eur"][:, j].sum()) * per_year,
            valorization_eur_year1=valorization * per_year,
            rid_eur_year1=float(ds["rid_revenue_eur"][:, j].sum()) * per_year,
            fees_eur_year1=float(ds["gse_fee_eur"][j]) * per_year,
            opex_eur_year1=kwp * OPEX_EUR_PER_KWP_YEAR, premium_years_left=years_left)
        flows = cash_flows(inv, fin)
        rows.append({"plant": str(pid), "configuration": str(config), "kwp": kwp,
                     "capex_eur": inv.capex_eur, "flows": flows})
    community = np.sum([r["flows"] for r in rows], axis=0) if rows else np.zeros(fin.years + 1)
    rows.append({"plant": "community", "configuration": "", "kwp": sum(r["kwp"] for r in rows),
                 "capex_eur": sum(r["capex_eur"] for r in rows), "flows": community})
    table = pd.DataFrame([{
        "plant": r["plant"], "configuration": r["configuration"], "kwp": r["kwp"],
        "capex_eur": r["capex_eur"], "year1_net_eur": float(r["flows"][1]),
        "npv_eur": npv(r["flows"], fin.discount_rate_pct), "irr_pct": irr(r["flows"]),
        "payback_years": payback_years(r["flows"])} for r in rows]).set_index("plant")
    return table
