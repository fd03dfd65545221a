"""One row per member: its energy, its share of shared energy, its bill and the support it got.

The share of a configuration's shared energy a member takes part in is allocated **pro rata of
withdrawal by local month and ARERA band**: in each month and band, the configuration's shared
energy times the member's share of the configuration's withdrawal (a stated key: GSE allocates
nothing to members, the configuration's statute does; hourly pro rata would need every member's
hourly series, which a run does not keep).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import xarray as xr

from twin.core.calendar import MonthGrid


def member_shared_kwh(ds: xr.Dataset) -> np.ndarray:
    """Each member's part of its configuration's shared energy (pro rata of withdrawal by
    month and band). [kWh]"""
    grid = MonthGrid.of(pd.DatetimeIndex(ds["time"].to_numpy()).tz_localize("UTC"))
    shared = grid.by_band(ds["shared_energy_kwh"].to_numpy())  # (config, month, band)
    withdrawn = grid.by_band(ds["configuration_withdrawn_energy_kwh"].to_numpy())
    ratio = np.divide(shared, withdrawn, out=np.zeros_like(shared), where=withdrawn > 0)
    configs = list(ds["configuration"].to_numpy())
    col = np.array([configs.index(c) for c in ds["member_configuration"].to_numpy()], dtype=int)
    member = ds["member_withdrawn_by_band_kwh"].to_numpy()
    return (member * ratio[col]).sum(axis=(1, 2)) if len(col) else np.zeros(0)


def member_table(ds: xr.Dataset, support_paid: dict[str, float]) -> pd.DataFrame:
    """``members.csv``: per member its period in figures (energy in kWh, money in €).

    ``bill_eur`` is what its bills total with taxes (after the bonus sociale), ``cost_eur`` the
    same net of VAT a business recovers, ``avoided_by_own_plant_eur`` what plants behind its POD
    save it on that basis (its bill without them is ``cost_eur`` + that), and
    ``support_received_eur`` what the solidarity fund paid it. CER membership itself does not
    change a bill (BILLS §1)."""
    withdrawn = ds["member_withdrawn_by_band_kwh"].to_numpy().sum(axis=(1, 2))
    self_consumed = ds["member_self_consumed_by_band_kwh"].to_numpy().sum(axis=(1, 2))
    bill = ds["bill_eur"].to_numpy()
    components = list(ds["bill_component"].to_numpy())
    total = bill[:, :, components.index("total_eur")].sum(axis=1)
    avoided = ds["avoided_bill_eur"].to_numpy().sum(axis=1)
    ids = ds["member"].to_numpy()
    support = np.array([support_paid.get(str(m), 0.0) for m in ids])
    table = pd.DataFrame({
        "configuration": ds["member_configuration"].to_numpy(),
        "category": ds["member_category"].to_numpy(),
        "active_days": ds["member_active_days"].to_numpy().sum(axis=1),
        "consumption_kwh": withdrawn + self_consumed,
        "withdrawn_kwh": withdrawn,
        "self_consumed_kwh": self_consumed,
        "shared_kwh": member_shared_kwh(ds),
        "bill_eur": total,
        "bonus_sociale_eur": np.abs(bill[:, :, components.index("bonus_sociale_eur")].sum(axis=1)),
        "cost_eur": ds["bill_cost_eur"].to_numpy().sum(axis=1),
        "avoided_by_own_plant_eur": avoided,
        "support_received_eur": support,
        "bill_after_support_eur": total - support,
    }, index=pd.Index(ids, name="member"))
    return table


def family_indicators(ds: xr.Dataset, fund: pd.DataFrame, income_eur_per_year: float) -> dict:
    """What the solidarity fund means to the energy-poor families (BILLS.md §8): their number,
    average bill and support per family and year, the bill as a share of an assumed income
    before and after support, and the share of the fund's inflows that went to families, to
    projects and stayed in the fund. [€, %]"""
    poor = ds["member_category"].to_numpy() == "energy_poor_household"
    days = ds["member_active_days"].to_numpy()[poor].sum(axis=1)
    years = days.sum() / 365.0
    bill = float(ds["bill_eur"].sel(bill_component="total_eur").to_numpy()[poor].sum())
    support = float(fund["support_paid_eur"].sum())
    inflow = float(fund["inflow_eur"].sum())
    projects = float(fund["projects_eur"].sum())

    def share(x: float) -> float:
        return 100.0 * x / inflow if inflow > 0 else 0.0

    mean_bill = bill / years if years else 0.0
    mean_support = support / years if years else 0.0
    return {
        "families": int(poor.sum()),
        "bill_eur_per_family_year": mean_bill,
        "support_eur_per_family_year": mean_support,
        "burden_pct": 100.0 * mean_bill / income_eur_per_year,
        "burden_after_support_pct": 100.0 * (mean_bill - mean_support) / income_eur_per_year,
        "to_families_eur": support, "to_projects_eur": projects,
        "to_families_pct": share(support), "to_projects_pct": share(projects),
        "kept_pct": share(inflow - support - projects),
    }
