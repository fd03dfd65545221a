"""Explain one hour of one configuration in words and numbers, from the audit trail."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import xarray as xr

from twin.core.time import parse_local_time, to_local
from twin.errors import Text, TwinError
from twin.rules import band_of, fc_zonale_eur_per_mwh, reduction_factor
from twin.rules.parameters import Parameters
from twin.rules.switches import SWITCH_NAMES


def parse_hour(text: str) -> pd.Timestamp:
    """An hour given as ISO text; without an offset it is local (Europe/Rome) time. → UTC."""
    try:
        return pd.Timestamp(parse_local_time(text)).floor("h")
    except ValueError:
        raise TwinError(Text("--hour: expected an ISO time such as 2026-06-15T13:00; found "
                             "{text!r}", text=text)) from None


def explain_hour(ds: xr.Dataset, hour_utc: pd.Timestamp, configuration: str) -> str:
    """The derivation of one hour: flows, shared energy, seniority split, premium, valorization."""
    configs = [str(c) for c in ds["configuration"].to_numpy()]
    if configuration not in configs:
        raise TwinError(Text("--configuration: expected one of {configs}; found {found!r}",
                             configs=configs, found=configuration))
    naive = np.datetime64(hour_utc.tz_convert("UTC").tz_localize(None))
    if naive not in ds["time"].to_numpy():
        first, last = ds["time"].to_numpy()[[0, -1]]
        raise TwinError(Text("--hour: {hour} is outside the simulated period ({first} to "
                             "{last} UTC)", hour=hour_utc, first=first, last=last))
    h = ds.sel(time=naive, configuration=configuration)
    plants = ds["plant"].where(ds["plant_configuration"] == configuration, drop=True)
    hp = h.sel(plant=plants)
    local = to_local(pd.DatetimeIndex([hour_utc]))[0]
    price = float(h["zonal_price_eur_per_mwh"])
    inj = float(h["configuration_injected_energy_kwh"])
    wd = float(h["configuration_withdrawn_energy_kwh"])
    shared = float(h["shared_energy_kwh"])
    region = str(ds.attrs.get("region", ""))
    version = str(h["rule_version"].values)
    snapshot = json.loads(ds.attrs["rule_versions"])[version]
    params = Parameters.from_snapshot(snapshot)
    reference = params.scalar("tip_reference_price_eur_per_mwh")
    exempt_share = float(h["f_exempt_share"])
    lines = [
        f"Configuration {configuration} ({str(h['configuration_name'].values)}, cabina primaria "
        f"{str(h['cabina_primaria'].values)}), hour starting {local:%Y-%m-%d %H:%M %Z} "
        f"({hour_utc:%H:%M} UTC), rule version {version}.",
        "Switches: " + ", ".join(f"{name} = {ds.attrs.get(name, '?')}" for name in SWITCH_NAMES)
        + " (docs/rules.md).",
        "",
        "1. Shared energy (TIAD via RO-2024 App. A, §2.2.2.1.2): min(injection, withdrawal) "
        "over the configuration in this hour.",
        f"   injected {inj:,.3f} kWh, withdrawn {wd:,.3f} kWh → shared = min = {shared:,.3f} kWh",
        "",
        "2. Split among plants by entry into operation, earliest first (RO-2024 App. A;",
        f"   plants entering operation on the same day: {ds.attrs.get('tie_allocation', '?')}):",
        f"   {'plant':<26} {'in operation':<12} {'injected':>10} {'allocated':>10} kWh",
    ]
    order = np.argsort(hp["plant_entry_into_operation"].to_numpy(), kind="stable")
    for j in order:
        p = hp.isel(plant=j)
        lines.append(f"   {str(p['plant'].values):<26} "
                     f"{str(p['plant_entry_into_operation'].values):<12} "
                     f"{float(p['injected_energy_kwh']):10.3f} "
                     f"{float(p['allocated_shared_energy_kwh']):10.3f}")
    lines += ["", "3. Premium, DM 414/2023 Allegato 1 (RO-2024 App. B):",
              f"   TIP = (min[CAP; base + max(0; {reference:g} − Pz)] + FC) × (1 − F × (1 − e)),",
              f"   Pz = {price:.2f} €/MWh, FC for {region}, e = share of withdrawal exempt "
              f"from F = {exempt_share:.3f}"]
    premium_lines, premium_total = _premium_lines(hp, order, params, region, reference, price,
                                                  exempt_share)
    lines += premium_lines
    tras_e = params.scalar("tras_e_eur_per_mwh")
    valorization = float(h["valorization_eur"])
    lines += [
        f"   premium of the hour: € {premium_total:.4f}",
        "",
        f"4. ARERA valorization (TIAD, RO-2024 §2.2.2.2): TRAS_E {tras_e:.2f} €/MWh × "
        f"{shared:.3f} kWh" + (" + BTAU and avoided losses (building group)"
                               if str(h["configuration_kind"].values) != "cer" else "")
        + f" = € {valorization:.4f}",
        "",
        f"5. Ritiro Dedicato to producers: {inj:.3f} kWh × {price:.2f} €/MWh = € "
        f"{float(hp['rid_revenue_eur'].sum()):.4f}",
    ]
    return "\n".join(lines)


def _premium_lines(hp: xr.Dataset, order: np.ndarray, params: Parameters, region: str,
                   reference: float, price: float, exempt_share: float) -> tuple[list[str], float]:
    """Step 3 for each plant: its band, the premium formula with the hour's numbers, the euro."""
    out: list[str] = []
    premium_total = 0.0
    for j in order:
        p = hp.isel(plant=j)
        name = str(p["plant"].values)
        if not bool(p["plant_eligible"]):
            out.append(f"   {name}: no premium: {str(p['plant_eligibility'].values)}")
            continue
        power = float(p["plant_power_kw"])
        band = band_of(power, params)
        fc = fc_zonale_eur_per_mwh(region, parameters=params)
        f = reduction_factor(float(p["plant_grant_intensity_pct"]), params)
        variable = max(0.0, reference - price)
        tip = float(p["tip_eur_per_mwh"])
        energy = float(p["incentivised_energy_kwh"])
        premium = float(p["premium_eur"])
        premium_total += premium
        out.append(
            f"   {name}, {power:g} kW: (min({band.cap_eur_per_mwh:g}; "
            f"{band.base_eur_per_mwh:g} + {variable:.2f}) + {fc:g}) × (1 − {f:g} × "
            f"{1 - exempt_share:.3f}) = "
            f"{tip:.2f} €/MWh")
        out.append(f"      × {energy:.3f} kWh incentivised = € {premium:.4f}")
    return out, premium_total
