"""Members' electricity bills, month by month, and what a plant behind a member's POD saves.

From a run's Dataset (each member's withdrawal and self-consumption by local month and ARERA
band, :mod:`twin.sim.member_months`) and the members' billing fields, the recipe of
:mod:`twin.rules.bills` gives every component of every member's monthly bill. The bill without
the member's own plant is the same recipe on withdrawal + self-consumption; the difference is
the **avoided bill**: energy, the energy parts of network and system charges, excise and VAT
(the fixed and power parts stay; BILLS §2). A member that recovers VAT (an SME) counts its bills
net of VAT (``cost_eur``).

PUN-indexed offers use the run's own hourly zonal price as the PUN (band means per month), so a
price scenario moves the bills with the incentives [U: zonal price NORD for PUN].

Defaults by category (docs/bills.md): homes are resident domestic customers at 3 kW, energy-poor
homes on the regulated vulnerable tariff with the bonus sociale (2 people), other homes on a
PUN-indexed offer; other categories are low-voltage 'altri usi' at their peak power, on a
PUN-indexed offer, VAT 22 % (deductible for an SME).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
import xarray as xr

from twin.core.calendar import MonthGrid
from twin.core.variables import attrs_for
from twin.events import MemberJoined
from twin.events.domain import Billing
from twin.rules.bill_parameters import BILL_PARAMETERS
from twin.rules.bills import COMPONENTS, Customers, month_bills
from twin.rules.parameters import Parameters

HOME_CATEGORIES = frozenset({"household", "energy_poor_household"})
DEFAULT_HOME_POWER_KW = 3.0
"""Contracted power of a home whose power is not given (ARERA's reference customer). [kW]"""
DEFAULT_HOUSEHOLD_SIZE = 2
"""People in an energy-poor home whose size is not given (bonus sociale band 1-2) [assumed]."""


def customers_of(members: Sequence[MemberJoined], peak_kw: np.ndarray) -> Customers:
    """The billing arrays of members (their own fields, else their category's defaults)."""
    rows = [_customer(m, m.billing or Billing(), float(p))
            for m, p in zip(members, peak_kw, strict=True)]
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in range(9)]
    return Customers(
        customer_class=np.array(columns[0], dtype=object).astype(str),
        offer=np.array(columns[1], dtype=object).astype(str),
        power_kw=np.array(columns[2], dtype=float),
        spread_eur_per_kwh=np.array(columns[3], dtype=float),
        fixed_eur_per_year=np.array(columns[4], dtype=float),
        band_price_eur_per_kwh=np.array(columns[5], dtype=float).reshape(len(rows), 3),
        vat_pct=np.array(columns[6], dtype=float),
        bonus_household=np.array(columns[7], dtype=int),
        isee_eur=np.array(columns[8], dtype=float))


def _customer(m: MemberJoined, b: Billing, peak_kw: float) -> tuple:
    home = m.category in HOME_CATEGORIES
    poor = m.category == "energy_poor_household"
    power = m.contracted_power_kw or (DEFAULT_HOME_POWER_KW if home
                                      else max(1.0, math.ceil(peak_kw)))
    size = b.household_size or DEFAULT_HOUSEHOLD_SIZE
    return (b.customer_class or ("domestic_resident" if home else "lv_other"),
            b.offer or ("regulated_vulnerable" if poor else "pun_indexed"),
            power, _nan(b.spread_eur_per_kwh), _nan(b.fixed_eur_per_year),
            b.band_price_eur_per_kwh or (0.0, 0.0, 0.0), _nan(b.vat_pct),
            (0 if size <= 2 else 1 if size <= 4 else 2) if poor else -1, _nan(b.isee_eur))


def _nan(value: float | None) -> float:
    return float("nan") if value is None else float(value)


def vat_deductible(members: Sequence[MemberJoined]) -> np.ndarray:
    """Whether each member recovers VAT (default: an SME does) [D, BILLS §2]."""
    return np.array([(m.billing.vat_deductible if m.billing and m.billing.vat_deductible
                      is not None else m.category == "sme") for m in members], dtype=bool)


def pun_by_band(ds: xr.Dataset) -> np.ndarray:
    """The run's zonal price as PUN: mean per local month and band, ``(month, 3)``; a band
    without an hour in a month takes its neighbour's. [€/kWh]"""
    grid = MonthGrid.of(pd.DatetimeIndex(ds["time"].to_numpy()))
    price = ds["zonal_price_eur_per_mwh"].to_numpy()[:, None] / 1000.0
    total, hours = grid.by_band(price)[0], grid.by_band(np.ones_like(price))[0]
    mean = pd.DataFrame(np.divide(total, hours, out=np.full_like(total, np.nan),
                                  where=hours > 0))
    return mean.ffill(axis=1).bfill(axis=1).fillna(0.0).to_numpy()


def member_bills(ds: xr.Dataset, members: Sequence[MemberJoined],
                 parameters: Parameters = BILL_PARAMETERS) -> xr.Dataset:
    """Every member's monthly bill by component, and its avoided bill.

    Returns ``bill_eur`` ``(member, month, bill_component)`` (the components of
    :data:`twin.rules.bills.COMPONENTS` and ``total_eur``), ``bill_cost_eur`` (member, month:
    the total, net of VAT for a member that recovers it) and ``avoided_bill_eur`` (member,
    month: what the member's own plants save it, on the same basis). [€]
    """
    customers = customers_of(members, ds["member_peak_kw"].to_numpy())
    deductible = vat_deductible(members)
    withdrawn = ds["member_withdrawn_by_band_kwh"].to_numpy()
    gross = withdrawn + ds["member_self_consumed_by_band_kwh"].to_numpy()
    days = ds["member_active_days"].to_numpy()
    pun = pun_by_band(ds)
    n, n_months = withdrawn.shape[:2]
    bills = np.zeros((n, n_months, len(COMPONENTS) + 1))
    cost = np.zeros((n, n_months))
    avoided = np.zeros((n, n_months))
    vat = COMPONENTS.index("vat_eur")
    for k, month in enumerate(ds["month"].to_numpy()):
        first = dt.date.fromisoformat(f"{month}-01")
        with_plant = month_bills(withdrawn[:, k], days[:, k], customers, pun[k], first,
                                 parameters)
        bills[:, k, :-1] = with_plant
        bills[:, k, -1] = with_plant.sum(axis=1)
        cost[:, k] = bills[:, k, -1] - np.where(deductible, with_plant[:, vat], 0.0)
        if gross[:, k].any():
            without = month_bills(gross[:, k], days[:, k], customers, pun[k], first, parameters)
            avoided[:, k] = (without.sum(axis=1) - np.where(deductible, without[:, vat], 0.0)
                             - cost[:, k])
    coords = {"member": ds["member"].to_numpy(), "month": ds["month"].to_numpy(),
              "bill_component": [*COMPONENTS, "total_eur"]}
    return xr.Dataset({
        "bill_eur": (("member", "month", "bill_component"), bills, attrs_for("bill_eur")),
        "bill_cost_eur": (("member", "month"), cost, attrs_for("bill_cost_eur")),
        "avoided_bill_eur": (("member", "month"), avoided, attrs_for("avoided_bill_eur")),
    }, coords=coords)


def bills_table(ds: xr.Dataset) -> pd.DataFrame:
    """``bills.csv``: one row per member and month billed (active days > 0)."""
    days = ds["member_active_days"].to_numpy()
    member, month = np.nonzero(days > 0)
    bill = ds["bill_eur"].to_numpy()[member, month]
    frame = pd.DataFrame({
        "member": ds["member"].to_numpy()[member], "month": ds["month"].to_numpy()[month],
        "days": days[member, month],
        "withdrawn_kwh": ds["member_withdrawn_by_band_kwh"].to_numpy()[member, month].sum(1),
        "self_consumed_kwh":
            ds["member_self_consumed_by_band_kwh"].to_numpy()[member, month].sum(1),
    })
    for j, name in enumerate(ds["bill_component"].to_numpy()):
        frame[str(name)] = bill[:, j]
    frame["cost_eur"] = ds["bill_cost_eur"].to_numpy()[member, month]
    frame["avoided_by_own_plant_eur"] = ds["avoided_bill_eur"].to_numpy()[member, month]
    return frame
