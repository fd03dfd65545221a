"""Explain one hour of one configuration in words and numbers, from the audit trail."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import xarray as xr

from twin.core.locale import Say
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


def explain_hour(ds: xr.Dataset, hour_utc: pd.Timestamp, configuration: str,
                 lang: str = "en") -> str:
    """The derivation of one hour: flows, shared energy, seniority split, premium, valorization,
    in ``lang`` (en or it)."""
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
    say = Say(lang)
    lines = [
        say("explain.head", configuration=configuration, name=str(h["configuration_name"].values),
            cabina=str(h["cabina_primaria"].values), local=f"{local:%Y-%m-%d %H:%M %Z}",
            utc=f"{hour_utc:%H:%M}", version=version),
        say("explain.switches", switches=", ".join(f"{name} = {ds.attrs.get(name, '?')}"
                                                    for name in SWITCH_NAMES)),
        "",
        say("explain.shared"),
        say("explain.shared_numbers", injected=say.n(inj, 3), withdrawn=say.n(wd, 3),
            shared=say.n(shared, 3)),
        "",
        say("explain.split"),
        say("explain.ties", ties=ds.attrs.get("tie_allocation", "?")),
        f"   {say('explain.plant'):<26} {say('explain.in_operation'):<12} "
        f"{say('explain.injected'):>10} {say('explain.allocated'):>10} kWh",
    ]
    order = np.argsort(hp["plant_entry_into_operation"].to_numpy(), kind="stable")
    for j in order:
        p = hp.isel(plant=j)
        lines.append(f"   {str(p['plant'].values):<26} "
                     f"{str(p['plant_entry_into_operation'].values):<12} "
                     f"{say.n(float(p['injected_energy_kwh']), 3):>10} "
                     f"{say.n(float(p['allocated_shared_energy_kwh']), 3):>10}")
    lines += ["", say("explain.premium"),
              f"   TIP = (min[CAP; base + max(0; {say.g(reference)} − Pz)] + FC) × (1 − F × "
              "(1 − e)),",
              say("explain.premium_terms", price=say.n(price, 2), region=region,
                  exempt=say.n(exempt_share, 3))]
    premium_lines, premium_total = _premium_lines(hp, order, params, region, reference, price,
                                                  exempt_share, say)
    lines += premium_lines
    tras_e = params.scalar("tras_e_eur_per_mwh")
    valorization = float(h["valorization_eur"])
    group = str(h["configuration_kind"].values) != "cer"
    lines += [
        say("explain.premium_total", total=say.n(premium_total, 4)),
        "",
        say("explain.valorization", tras_e=say.n(tras_e, 2), shared=say.n(shared, 3),
            group=say("explain.group") if group else "", total=say.n(valorization, 4)),
        "",
        say("explain.rid", injected=say.n(inj, 3), price=say.n(price, 2),
            total=say.n(float(hp["rid_revenue_eur"].sum()), 4)),
    ]
    return "\n".join(lines)


def _premium_lines(hp: xr.Dataset, order: np.ndarray, params: Parameters, region: str,
                   reference: float, price: float, exempt_share: float,
                   say: Say) -> tuple[list[str], float]:
    """Step 3 for each plant: its band, the premium formula with the hour's numbers, the euro."""
    out: list[str] = []
    premium_total = 0.0
    for j in order:
        p = hp.isel(plant=j)
        name = str(p["plant"].values)
        if not bool(p["plant_eligible"]):
            why = str(p["plant_eligibility"].values)
            if "plant_eligibility_code" in p.coords:
                why = say.eligibility(why, p["plant_eligibility_code"].values,
                                      p["plant_eligibility_values"].values)
            out.append(say("explain.no_premium", plant=name, why=why))
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
            f"   {name}, {say.g(power)} kW: (min({say.g(band.cap_eur_per_mwh)}; "
            f"{say.g(band.base_eur_per_mwh)} + {say.n(variable, 2)}) + {say.g(fc)}) × (1 − "
            f"{say.g(f)} × {say.n(1 - exempt_share, 3)}) = {say.n(tip, 2)} €/MWh")
        out.append(say("explain.incentivised", energy=say.n(energy, 3),
                       premium=say.n(premium, 4)))
    return out, premium_total
