"""Summary tables and output files of a run."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import xarray as xr

from twin.core.time import to_local

SUMMARY_COLUMNS = {
    "members": "members active at the end",
    "plants_kw": "plant power counted at the end [kW]",
    "injected_mwh": "energy injected [MWh]",
    "withdrawn_mwh": "energy withdrawn [MWh]",
    "shared_mwh": "shared energy [MWh]",
    "shared_pct_of_injected": "shared / injected [%]",
    "self_consumed_mwh": "PV used on site behind members' meters [MWh]",
    "shared_pct_of_withdrawn": "shared / withdrawn [%]",
    "self_sufficiency_pct": "(shared + self-consumed) / (withdrawn + self-consumed): members' "
                            "consumption met by the community's PV, on site or shared [%]",
    "premium_eur": "DM 414 premium (TIP) [EUR]",
    "valorization_eur": "ARERA valorization [EUR]",
    "gse_fees_eur": "GSE fees [EUR]",
    "fund_eur": "premium + valorization - GSE fees [EUR]",
    "excess_premium_eur": "premium earmarked by the 55% rule [EUR]",
    "rid_eur": "Ritiro Dedicato revenue of producers [EUR]",
}
"""Columns of ``summary.csv``. For a solidarity CER ``fund_eur`` is the solidarity fund."""

COMPARED_METRICS = ["shared_mwh", "premium_eur", "valorization_eur", "fund_eur",
                    "self_sufficiency_pct"]
"""The figures a comparison and a Monte Carlo report, per year and configuration (the columns
of :func:`yearly_table`) or for the community."""


SUMMED = ("configuration_injected_energy_kwh", "configuration_withdrawn_energy_kwh",
          "shared_energy_kwh", "member_self_consumed_by_band_kwh", "premium_eur",
          "valorization_eur", "gse_fee_eur", "member_active_at_end", "plant_power_kw",
          "plant_active_at_end", "excess_premium_eur", "rid_revenue_eur")
"""The run's variables the summary adds up (read out of the Dataset once, as numpy)."""


def summary_table(ds: xr.Dataset) -> pd.DataFrame:
    """One row per configuration and one for the community, columns :data:`SUMMARY_COLUMNS`."""
    return summary_of({name: ds[name].to_numpy() for name in
                       (*SUMMED, "plant_configuration", "member_configuration", "configuration")})


def summary_of(data: dict[str, np.ndarray]) -> pd.DataFrame:
    """:func:`summary_table` from the arrays it reads (:data:`SUMMED`, and the configuration
    of each plant and member and the configurations), by name."""
    plant_of, member_of = data["plant_configuration"], data["member_configuration"]
    configurations = data["configuration"]
    rows = {str(cid): _row(data, plant_of == cid, member_of == cid, configurations == cid)
            for cid in configurations}
    rows["community"] = _row(data, np.ones(plant_of.size, bool), np.ones(member_of.size, bool),
                             np.ones(configurations.size, bool))
    table = pd.DataFrame.from_dict(rows, orient="index")[list(SUMMARY_COLUMNS)]
    table.index.name = "configuration"
    return table


def self_sufficiency_pct(shared: float, self_consumed: float, withdrawn: float) -> float:
    """Members' consumption met by the community's PV, on site or shared (docs/guide.md,
    "Definitions"): (shared + self-consumed) / (withdrawn + self-consumed). [%]"""
    consumed = withdrawn + self_consumed
    return 100.0 * (shared + self_consumed) / consumed if consumed else 0.0


def _row(data: dict[str, np.ndarray], plants: np.ndarray, members: np.ndarray,
         configs: np.ndarray) -> dict:
    """The summary of the plants, members and configurations selected (NaN skipped, as
    xarray's sums do)."""
    def total(name: str, selection: np.ndarray, axis: int = 0) -> float:
        values = data[name]
        return float(np.nansum(values[:, selection] if axis else values[selection]))

    injected = total("configuration_injected_energy_kwh", configs, 1) / 1000.0
    withdrawn = total("configuration_withdrawn_energy_kwh", configs, 1) / 1000.0
    shared = total("shared_energy_kwh", configs, 1) / 1000.0
    on_site = total("member_self_consumed_by_band_kwh", members) / 1000.0
    premium = total("premium_eur", plants, 1)
    valorization = total("valorization_eur", configs, 1)
    fees = total("gse_fee_eur", plants)
    return {
        "members": int(data["member_active_at_end"][members].sum()),
        "plants_kw": total("plant_power_kw", plants & data["plant_active_at_end"]),
        "injected_mwh": injected,
        "withdrawn_mwh": withdrawn,
        "shared_mwh": shared,
        "shared_pct_of_injected": 100.0 * shared / injected if injected else 0.0,
        "self_consumed_mwh": on_site,
        "shared_pct_of_withdrawn": 100.0 * shared / withdrawn if withdrawn else 0.0,
        "self_sufficiency_pct": self_sufficiency_pct(shared, on_site, withdrawn),
        "premium_eur": premium,
        "valorization_eur": valorization,
        "gse_fees_eur": fees,
        "fund_eur": premium + valorization - fees,
        "excess_premium_eur": total("excess_premium_eur", configs),
        "rid_eur": total("rid_revenue_eur", plants, 1),
    }


def write_outputs(ds: xr.Dataset, summary: pd.DataFrame, cash: pd.DataFrame,
                  out_dir: Path, compress: bool = False) -> dict[str, Path]:
    """Write ``results.nc`` (NetCDF4 via h5netcdf; zlib level 1 when ``compress``: a 20-year
    default run's file is 164 instead of 409 MB, and slower to write, ``python
    bench/long_run.py``), ``summary.csv`` and ``cashflow.csv``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"results": out_dir / "results.nc", "summary": out_dir / "summary.csv",
             "cashflow": out_dir / "cashflow.csv", "yearly": out_dir / "yearly.csv"}
    cash.round(2).to_csv(paths["cashflow"])
    yearly_table(ds).round(3).to_csv(paths["yearly"])
    encoding = {name: {"zlib": True, "complevel": 1} if compress else {}
                for name in ds.data_vars}
    ds.to_netcdf(paths["results"], engine="h5netcdf", encoding=encoding)
    summary.round(3).to_csv(paths["summary"])
    return paths


def audit_table(ds: xr.Dataset) -> pd.DataFrame:
    """One row per hour and plant with shared energy: every euro of premium traced to its hour,
    plant, price, rate, reduction factor and rule version.

    Columns: ``time_utc``, ``configuration``, ``plant``, ``allocated_shared_energy_kwh``,
    ``incentivised_energy_kwh``, ``zonal_price_eur_per_mwh``, ``tip_eur_per_mwh``,
    ``grant_reduction_f`` (the plant's F with the run's parameters), ``f_exempt_share`` (share
    of the plant's incentivised energy exempt from F), ``excess_share`` (share of the
    configuration's premium over the run earmarked by the 55 % rule), ``rule_version`` and
    ``premium_eur``. The premium column adds up to the reported premium exactly.
    """
    allocated = ds["allocated_shared_energy_kwh"].to_numpy()
    rows, cols = np.nonzero(allocated > 0)
    time = ds["time"].to_numpy()
    plant_config = ds["plant_configuration"].to_numpy()
    configs = list(ds["configuration"].to_numpy())
    config_of = np.array([configs.index(c) for c in plant_config])
    grants = ds["plant_grant_intensity_pct"].to_numpy()
    premium = ds["premium_eur"].to_numpy()
    by_config = np.array([premium[:, config_of == k].sum() for k in range(len(configs))])
    excess = ds["excess_premium_eur"].to_numpy()
    excess_share = np.divide(excess, by_config, out=np.zeros(len(configs)), where=by_config > 0)
    return pd.DataFrame({
        "time_utc": time[rows],
        "configuration": plant_config[cols],
        "plant": ds["plant"].to_numpy()[cols],
        "allocated_shared_energy_kwh": allocated[rows, cols],
        "incentivised_energy_kwh": ds["incentivised_energy_kwh"].to_numpy()[rows, cols],
        "zonal_price_eur_per_mwh": ds["zonal_price_eur_per_mwh"].to_numpy()[rows],
        "tip_eur_per_mwh": ds["tip_eur_per_mwh"].to_numpy()[rows, cols],
        "grant_reduction_f": _reduction_factors(ds, grants)[rows, cols],
        "f_exempt_share": ds["plant_f_exempt_share"].to_numpy()[rows, cols],
        "excess_share": excess_share[config_of[cols]],
        "rule_version": ds["rule_version"].to_numpy()[rows],
        "premium_eur": premium[rows, cols],
    })


def _reduction_factors(ds: xr.Dataset, grants: np.ndarray) -> np.ndarray:
    """F of each plant in each hour, with the parameters of the hour's rule version (the run's
    own, overrides included). ``(time, plant)``"""
    import json

    from twin.rules import Parameters, reduction_factor

    versions = json.loads(ds.attrs["rule_versions"])
    hour_version = ds["rule_version"].to_numpy()
    out = np.zeros((len(hour_version), len(grants)))
    for version, snapshot in versions.items():
        params = Parameters.from_snapshot(snapshot)
        out[hour_version == version] = [reduction_factor(g, params) for g in grants]
    return out


def yearly_table(ds: xr.Dataset) -> pd.DataFrame:
    """Per local calendar year and configuration: shared energy, premium, valorization, fees,
    fund and self-sufficiency (the rows behind a multi-year run and a comparison)."""
    year = to_local(ds["time"].to_numpy()).year
    configs = [str(c) for c in ds["configuration"].to_numpy()]
    plant_config = ds["plant_configuration"].to_numpy()
    month_year = np.array([int(m[:4]) for m in ds["month"].to_numpy()])
    on_site = ds["member_self_consumed_by_band_kwh"].to_numpy().sum(axis=2)  # (member, month)
    member_config = ds["member_configuration"].to_numpy()
    rows = []
    for y in np.unique(year):
        sel = np.asarray(year == y)
        for k, cid in enumerate(configs):
            plants = plant_config == cid
            shared = float(ds["shared_energy_kwh"][sel, k].sum()) / 1000
            withdrawn = float(ds["configuration_withdrawn_energy_kwh"][sel, k].sum()) / 1000
            self_consumed = float(on_site[member_config == cid][:, month_year == y].sum()) / 1000
            premium = float(ds["premium_eur"][sel][:, plants].sum())
            valorization = float(ds["valorization_eur"][sel, k].sum())
            fees = float(ds["gse_fee_eur"][plants].sum()) * sel.sum() / len(sel)
            rows.append({"year": int(y), "configuration": cid, "shared_mwh": shared,
                         "premium_eur": premium, "valorization_eur": valorization,
                         "fund_eur": premium + valorization - fees,
                         "self_sufficiency_pct": self_sufficiency_pct(shared, self_consumed,
                                                                      withdrawn)})
    return pd.DataFrame(rows).set_index(["year", "configuration"])
