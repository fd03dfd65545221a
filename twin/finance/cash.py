"""The community's GSE cash timeline, month by month: advances, fees, settlement, payments.

RO-2024 §2.2.2.1.1 and §2.6 of CER_RULES.md [V]: GSE pays a monthly **advance** per incentivised
plant, ``P × H_j/12 × α × TIP_a``; the **settlement** (conguaglio) on actual hourly data for year
*a* is published by 15 May of *a*+1; payments are made once the amount due reaches **€50**, on the
last working day of the month after publication; GSE nets its fees. The valorization follows the
same mechanics with TRAS_E of the reference year in the advance.

Timing assumptions [U], documented here and in docs/models.md: the advance for month *m* (net of
that month's share of fees) is paid at the end of month *m*+1; the settlement of year *a* is paid
at the end of June *a*+1; the valorization advance uses the plant's equivalent-hours energy
``P × H_j/12 × α`` times TRAS_E; an amount below the threshold is carried to the next payment.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import xarray as xr

from twin.core.time import local_midnight_utc, to_local
from twin.rules import equivalent_hours, gse_fee_eur_per_year, monthly_advance_eur
from twin.rules.parameters import Parameters


def cash_timeline(ds: xr.Dataset, parameters: Parameters) -> pd.DataFrame:
    """Monthly accruals and GSE payments of the community. [€]

    Columns: ``premium_accrued_eur``, ``valorization_accrued_eur``, ``gse_fees_eur``,
    ``advance_eur`` (premium and valorization advances due for the month), ``settlement_eur``
    (paid that month for the previous year), ``payment_eur`` (cash received) and
    ``cumulative_payment_eur``; one row per local month from the first simulated month to the
    month the last settlement is paid. ``attrs['unpaid_eur']`` is what stays below the threshold.
    """
    region = str(ds.attrs["region"])
    local = to_local(ds["time"].to_numpy())
    month = local.tz_localize(None).to_period("M")
    months = month.unique()
    position = months.get_indexer(month)
    hours_in_month = np.array([_hours_in(p) for p in months])[position]
    hours_in_year = np.where(local.is_leap_year, 8784.0, 8760.0)

    # The premium rate is positive exactly in the hours a plant earns (eligible, within its
    # 20 years, in the community); membership of the community decides the valorization advance.
    earning = (ds["tip_eur_per_mwh"] > 0).to_numpy()
    active = ds["plant_in_community"].to_numpy().astype(bool)
    power = ds["plant_power_kw"].to_numpy()
    grants = ds["plant_grant_intensity_pct"].to_numpy()
    # Each month with the parameters in force in it (CER_RULES §4: the advance uses the values
    # of the reference year), so a later change never rewrites earlier advances.
    units = [_monthly_units(p.start_time.date(), power, grants, region, parameters)
             for p in months]
    advance_unit, valorization_unit, fee_unit = (np.array([u[i] for u in units])[position]
                                                 for i in range(3))
    hourly = pd.DataFrame({
        "premium_accrued_eur": ds["premium_eur"].sum("plant").to_numpy(),
        "valorization_accrued_eur": ds["valorization_eur"].sum("configuration").to_numpy(),
        "gse_fees_eur": (earning * fee_unit / hours_in_year[:, None]).sum(axis=1),
        "advance_eur": (earning * advance_unit / hours_in_month[:, None]).sum(axis=1)
        + (active * valorization_unit / hours_in_month[:, None]).sum(axis=1),
    }, index=month)
    table = hourly.groupby(level=0).sum()

    last_year = table.index.max().year
    settle_month = int(parameters.scalar("settlement_payment_month"))
    lag = int(parameters.scalar("advance_payment_lag_months"))
    calendar = pd.period_range(table.index.min(),
                               pd.Period(f"{last_year + 1}-{settle_month:02d}", "M"), freq="M")
    table = table.reindex(calendar, fill_value=0.0)
    table["settlement_eur"] = 0.0
    for year in sorted({p.year for p in table.index if p.year <= last_year}):
        in_year = table.index.year == year
        actual = table.loc[in_year, ["premium_accrued_eur", "valorization_accrued_eur"]].sum().sum()
        table.loc[pd.Period(f"{year + 1}-{settle_month:02d}", "M"), "settlement_eur"] = float(
            actual - table.loc[in_year, "advance_eur"].sum())

    threshold = parameters.scalar("payment_threshold_eur")
    due_next = (table["advance_eur"] - table["gse_fees_eur"]).shift(lag, fill_value=0.0)
    payments, carried = [], 0.0
    for due, settlement in zip(due_next, table["settlement_eur"], strict=True):
        carried += due + settlement
        if carried >= threshold or settlement != 0.0:
            payments.append(carried)
            carried = 0.0
        else:
            payments.append(0.0)
    unpaid = carried + float(table["advance_eur"].iloc[-1] - table["gse_fees_eur"].iloc[-1])
    table["payment_eur"] = payments
    table["cumulative_payment_eur"] = table["payment_eur"].cumsum()
    table.index = table.index.astype(str)
    table.index.name = "month"
    table.attrs["unpaid_eur"] = unpaid
    return table


def _monthly_units(first_day: dt.date, power: np.ndarray, grants: np.ndarray, region: str,
                   parameters: Parameters) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per plant, for a month: the premium advance, the valorization advance and the yearly
    GSE fee, each with the parameters in force on the month's first day. [€]"""
    advance = np.array([monthly_advance_eur(p, region, g, parameters=parameters, on=first_day)
                        for p, g in zip(power, grants, strict=True)])
    energy = power * equivalent_hours(region, parameters=parameters, on=first_day) / 12.0 * \
        parameters.scalar("advance_alpha", first_day)
    valorization = energy * parameters.scalar("tras_e_eur_per_mwh", first_day) / 1000.0
    fee = np.array([gse_fee_eur_per_year(p, parameters, first_day) for p in power])
    return advance, valorization, fee


def _hours_in(period: pd.Period) -> float:
    """Hours in a local calendar month (743 or 745 in DST-change months)."""
    start = local_midnight_utc(period.start_time.date())
    end = local_midnight_utc((period + 1).start_time.date())
    return (end - start).total_seconds() / 3600.0
