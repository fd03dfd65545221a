"""Finance over the incentive period: cash flows, NPV, IRR and payback of an investment.

Yearly cash flow of a plant for the community (incentives go to the solidarity fund, the energy
sale to the producer, the avoided bill to the member hosting it; all are counted here, as the
community's and its members' gain):

    premium (while within its 20 years) + valorization + RID + avoided bill − GSE fee − O&M

A run's simulated years count as simulated; the years beyond are carried from the last one with
the plant's degradation, energy prices escalated as the scenario says, and the premium stopping
20 years after entry into operation (:func:`plant_finance`). Capital cost
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

from twin.core.time import to_local
from twin.scenario.economics import Finance, PlantFinance

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
    avoided_bill_eur_year1: float = 0.0
    """The bill the plant avoids its host (self-consumption; escalates like RID)."""
    replacements: tuple[tuple[int, float], ...] = ()
    """(life in years, cost) of assets replaced at the end of each life (batteries). [€]"""


def cash_flows(inv: Investment, fin: FinanceAssumptions) -> np.ndarray:
    """Yearly net cash flows, year 0 (the investment) to ``fin.years``. [€]"""
    years = np.arange(1, fin.years + 1)
    output = (1 - fin.degradation_pct_per_year / 100) ** (years - 1)
    prices = (1 + fin.price_escalation_pct_per_year / 100) ** (years - 1)
    premium_share = np.clip(inv.premium_years_left - (years - 1), 0.0, 1.0)
    revenue = (inv.premium_eur_year1 * premium_share + inv.valorization_eur_year1) * output \
        + (inv.rid_eur_year1 + inv.avoided_bill_eur_year1) * output * prices
    costs = inv.fees_eur_year1 * premium_share + inv.opex_eur_year1
    net = revenue - costs
    for life, cost in inv.replacements:
        for k in range(life, fin.years, life):  # replaced every life, while the horizon lasts
            net[k - 1] -= cost
    return financed(inv.capex_eur, net, fin.equity_share_pct, fin.loan_rate_pct,
                    fin.loan_years)


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


def financed(capex_eur: float, net_eur: np.ndarray, equity_share_pct: float,
             loan_rate_pct: float, loan_years: int) -> np.ndarray:
    """Year-0 equity and yearly net flows less the loan's annuity. [€]"""
    flows = np.r_[0.0, net_eur]
    loan = capex_eur * (1 - equity_share_pct / 100)
    flows[0] = -(capex_eur - loan)
    if loan > 0:
        r = loan_rate_pct / 100
        n = min(loan_years, len(net_eur))
        instalment = loan * r / (1 - (1 + r) ** -loan_years) if r else loan / loan_years
        flows[1:n + 1] -= instalment
    return flows


@dataclass(frozen=True)
class PlantYears:
    """One plant's simulated revenues and costs per year of the run. [€/year]"""

    premium: np.ndarray
    valorization: np.ndarray
    rid: np.ndarray
    fees: np.ndarray
    avoided_bill: np.ndarray
    premium_share: np.ndarray
    """Share of each year within the plant's premium years (0-1)."""
    output: np.ndarray
    """Output factor of each year relative to new (linear degradation, as the PV model)."""
    in_community: np.ndarray
    """Share of each year the plant counted for its configuration (0-1)."""


def project(years: PlantYears, horizon: int, degradation_pct: float,
            escalation_pct: float, premium_years_left: float) -> PlantYears:
    """The simulated years, then the last one carried to ``horizon`` years: output falls with
    the plant's degradation, energy prices (RID, avoided bill) escalate, the premium stops when
    the plant's premium years end."""
    n = len(years.premium)
    if n >= horizon:
        return PlantYears(*(getattr(years, f)[:horizon] for f in PlantYears.__dataclass_fields__))
    k = np.arange(n, horizon)
    last_output = years.output[-1]
    output = np.clip(last_output - degradation_pct / 100 * (k - n + 1), 0.0, None)
    # A plant that joined during the last year counts for whole years after it.
    last_in = years.in_community[-1]
    scale = output / last_output / last_in if last_output > 0 and last_in > 0 \
        else np.zeros(len(k))
    prices = (1 + escalation_pct / 100) ** (k - n + 1)
    share = np.clip(premium_years_left - k, 0.0, 1.0)
    per_share = np.divide(share, years.premium_share[-1]) if years.premium_share[-1] > 0 \
        else np.zeros(len(k))
    return PlantYears(
        premium=np.r_[years.premium, years.premium[-1] * per_share * scale],
        valorization=np.r_[years.valorization, years.valorization[-1] * scale],
        rid=np.r_[years.rid, years.rid[-1] * scale * prices],
        fees=np.r_[years.fees, years.fees[-1] * per_share],
        avoided_bill=np.r_[years.avoided_bill, years.avoided_bill[-1] * scale * prices],
        premium_share=np.r_[years.premium_share, share],
        output=np.r_[years.output, output],
        in_community=np.r_[years.in_community, np.ones(len(k))])


def plant_finance(ds: xr.Dataset, fin: Finance, escalation_pct: float = 0.0) -> pd.DataFrame:
    """Per plant and for the community: NPV, IRR and payback over ``fin.years``.

    The simulated years count as simulated (a run of several years is never averaged); only the
    years beyond them are projected from the last (:func:`project`). A run shorter than a year
    is scaled to one. Revenues: premium, the configuration's valorization split among its plants
    by allocated shared energy, RID on what is injected, and the bill a plant avoids its host
    (self-consumption; :mod:`twin.finance.bills`). Capex and financing per plant from
    ``fin.plants``, else ``fin``'s and the default capex by size (``CAPEX_EUR_PER_KWP``), counted
    for every plant, also the existing ones (sunk costs, shown so the community can see what its
    plants return).
    """
    per_year = yearly_plant_values(ds)
    rows = []
    for j, pid in enumerate(ds["plant"].to_numpy()):
        kwp = float(ds["plant_capacity_kwp"][j])
        own = fin.plants.get(str(pid))
        years = project(per_year[j], fin.years, float(ds["plant_degradation_pct_per_year"][j]),
                        escalation_pct, premium_years_left(ds, j))
        opex = kwp * (own.opex_eur_per_kwp_year if own and own.opex_eur_per_kwp_year
                      is not None else fin.opex_eur_per_kwp_year)
        net = (years.premium + years.valorization + years.rid + years.avoided_bill
               - years.fees * (years.premium_share > 0) - opex)
        capex = plant_capex_eur(kwp, own.capex_eur_per_kwp if own else None)
        flows = financed(capex, net, *_financing(fin, own))
        rows.append({"plant": str(pid), "configuration": str(ds["plant_configuration"][j].item()),
                     "kwp": kwp, "capex_eur": capex, "flows": flows,
                     "avoided_bill_eur": float(years.avoided_bill[0])})
    community = np.sum([r["flows"] for r in rows], axis=0) if rows else np.zeros(fin.years + 1)
    rows.append({"plant": "community", "configuration": "", "kwp": sum(r["kwp"] for r in rows),
                 "capex_eur": sum(r["capex_eur"] for r in rows), "flows": community,
                 "avoided_bill_eur": sum(r["avoided_bill_eur"] for r in rows)})
    return pd.DataFrame([{
        "plant": r["plant"], "configuration": r["configuration"], "kwp": r["kwp"],
        "capex_eur": r["capex_eur"], "year1_net_eur": float(r["flows"][1]),
        "year1_avoided_bill_eur": r["avoided_bill_eur"],
        "npv_eur": npv(r["flows"], fin.discount_rate_pct), "irr_pct": irr(r["flows"]),
        "payback_years": payback_years(r["flows"])} for r in rows]).set_index("plant")


def _financing(fin: Finance, own: PlantFinance | None) -> tuple[float, float, int]:
    def pick(name: str):  # noqa: ANN202 - the field's type
        value = getattr(own, name) if own is not None else None
        return getattr(fin, name) if value is None else value

    return pick("equity_share_pct"), pick("loan_rate_pct"), pick("loan_years")


def premium_years_left(ds: xr.Dataset, j: int) -> float:
    """Premium years of plant ``j`` left at the start of the run (0 if not eligible)."""
    if not bool(ds["plant_eligible"][j]):
        return 0.0
    entry = pd.Timestamp(str(ds["plant_entry_into_operation"][j].values))
    start = pd.Timestamp(ds["time"].values[0])
    return max(0.0, 20.0 - (start - entry).days / 365.25)


def yearly_plant_values(ds: xr.Dataset) -> list[PlantYears]:
    """Each plant's revenues and costs per local calendar year of the run (a run shorter than
    a year: that run scaled to a year; a partial last year: scaled to a full one). [€/year]"""
    local = to_local(ds["time"].to_numpy())
    year = np.asarray(local.year)
    labels = np.unique(year)
    hours = np.array([(year == y).sum() for y in labels], dtype=float)
    full = np.where(pd.to_datetime([f"{y}-12-31" for y in labels]).is_leap_year, 8784.0, 8760.0)
    scale = full / hours
    position = np.searchsorted(labels, year)
    plant_config = ds["plant_configuration"].to_numpy()
    configs = list(ds["configuration"].to_numpy())

    def by_year(values: np.ndarray) -> np.ndarray:  # (time, x) -> (year, x), scaled
        out = np.zeros((len(labels), values.shape[1]))
        np.add.at(out, position, values)
        return out * scale[:, None]

    premium = by_year(ds["premium_eur"].to_numpy())
    rid = by_year(ds["rid_revenue_eur"].to_numpy())
    allocated = by_year(ds["allocated_shared_energy_kwh"].to_numpy())
    valorization_config = by_year(ds["valorization_eur"].to_numpy())
    avoided = _avoided_by_plant(ds, labels) * scale[:, None]
    fees = ds["gse_fee_eur"].to_numpy()[None, :] * (hours / hours.sum())[:, None] \
        * scale[:, None]
    in_community = by_year(ds["plant_in_community"].to_numpy().astype(float)) / full[:, None]
    out = []
    for j in range(ds.sizes["plant"]):
        in_config = plant_config == plant_config[j]
        total = allocated[:, in_config].sum(axis=1)
        share = np.divide(allocated[:, j], total, out=np.zeros(len(labels)), where=total > 0)
        left = premium_years_left(ds, j)
        premium_share = np.clip(left - np.arange(len(labels)), 0.0, 1.0)
        degradation = float(ds["plant_degradation_pct_per_year"][j]) / 100
        entry = pd.Timestamp(str(ds["plant_entry_into_operation"][j].values))
        age = np.array([(pd.Timestamp(f"{y}-07-01") - entry).days / 365.25 for y in labels])
        out.append(PlantYears(
            premium=premium[:, j],
            valorization=valorization_config[:, configs.index(plant_config[j])] * share,
            rid=rid[:, j], fees=fees[:, j], avoided_bill=avoided[:, j],
            premium_share=premium_share,
            output=np.clip(1.0 - degradation * np.clip(age, 0.0, None), 0.0, 1.0),
            in_community=np.clip(in_community[:, j], 0.0, 1.0)))
    return out


def _avoided_by_plant(ds: xr.Dataset, labels: np.ndarray) -> np.ndarray:
    """The bill each plant avoids its host, per local year: the host's avoided bill split among
    its plants by production. ``(year, plant)`` [€]"""
    out = np.zeros((len(labels), ds.sizes["plant"]))
    if "avoided_bill_eur" not in ds:
        return out
    months = ds["month"].to_numpy()
    month_year = np.searchsorted(labels, np.array([int(m[:4]) for m in months]))
    members = list(ds["member"].to_numpy())
    hosts = ds["plant_host_member"].to_numpy()
    production = ds["plant_production_energy_kwh"].to_numpy()
    for host in set(hosts) - {""}:
        if host not in members:
            continue
        per_month = ds["avoided_bill_eur"].to_numpy()[members.index(host)]
        per_year = np.zeros(len(labels))
        np.add.at(per_year, month_year, per_month)
        cols = np.flatnonzero(hosts == host)
        weights = production[cols] / production[cols].sum() if production[cols].sum() > 0 \
            else np.full(len(cols), 1 / len(cols))
        out[:, cols] = per_year[:, None] * weights[None, :]
    return out
