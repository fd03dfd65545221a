"""Apply the rules to what counted for the community: shared energy and euro, hour by hour.

Takes the counted flows of the engine (sub-hourly steps are summed to the hour first: every rule
is hourly, CER_RULES.md §1.4) and returns the result Dataset with an audit trail per hour and
plant: allocated shared energy, premium rate, incentivised energy and euro.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import xarray as xr

from twin._version import __version__
from twin.assets.pv import tariff_power_kw
from twin.engine import CountedFlows, Inputs, PhysicalFlows, to_hourly
from twin.nomenclature import attrs_for
from twin.rules import (
    allocate_by_seniority,
    excess_premium_eur,
    gse_fee_eur_per_year,
    premium_eligibility,
    premium_end,
    rid_revenue_eur,
    shared_energy_kwh,
    tip_eur_per_mwh,
    tras_e_eur_per_mwh,
    valorization_eur,
)
from twin.rules.parameters import EXISTING_PLANT_CUTOFF
from twin.scenario import LoadedScenario
from twin.timeutil import LOCAL_TZ, interval_hours, local_midnight_utc


def settle(loaded: LoadedScenario, inputs: Inputs, flows: PhysicalFlows,
           counted: CountedFlows) -> xr.Dataset:
    """Shared energy, premium, valorization, RID and fees of every hour, plant and configuration."""
    sc = loaded.scenario
    community = sc.community
    steps = round(1.0 / interval_hours(inputs.index))
    hourly = inputs.hourly
    local = hourly.tz_convert(LOCAL_TZ)
    price = inputs.price_eur_per_mwh.to_numpy()
    plants = flows.plants
    configs = [c.id for c in sc.configurations]

    inj = to_hourly(counted.plant_injection_kwh, steps)
    active = to_hourly(counted.plant_active.astype(float), steps) > 0
    wd_config = to_hourly(counted.configuration_withdrawal_kwh, steps)
    plant_config = np.array([p.configuration_id for p in plants], dtype=object)
    power = np.array([tariff_power_kw(p) for p in plants])
    seniority = np.array([p.entry_into_operation.toordinal() for p in plants])
    eligibility = [
        premium_eligibility(power[j], p.entry_into_operation, community.founded_on,
                            p.grant_intensity_pct, p.pre_constitution_exception)
        for j, p in enumerate(plants)
    ]
    eligible = np.array([e.eligible for e in eligibility], dtype=bool)
    existing = np.array([p.entry_into_operation < EXISTING_PLANT_CUTOFF for p in plants])
    ends = np.array([local_midnight_utc(premium_end(p.entry_into_operation)).value
                     for p in plants])
    in_window = hourly.as_unit("ns").asi8[:, None] < ends[None, :]
    earns = eligible[None, :] & in_window & active
    obligation = np.array([1.0 - p.building_obligation_kw / power[j] if power[j] > 0 else 0.0
                           for j, p in enumerate(plants)])

    n_t, n_c, n_p = len(hourly), len(configs), len(plants)
    inj_config = np.zeros((n_t, n_c))
    shared = np.zeros((n_t, n_c))
    allocated = np.zeros((n_t, n_p))
    for k, cid in enumerate(configs):
        cols = np.flatnonzero(plant_config == cid)
        inj_config[:, k] = inj[:, cols].sum(axis=1)
        shared[:, k] = shared_energy_kwh(inj_config[:, k], wd_config[:, k])
        if sc.rules.existing_plant_allocation == "new_plants_only":
            cols = cols[~existing[cols]]
            base = shared_energy_kwh(inj[:, cols].sum(axis=1), wd_config[:, k])
        else:
            base = shared[:, k]
        if len(cols):
            allocated[:, cols] = allocate_by_seniority(base, inj[:, cols], seniority[cols])

    tip = np.zeros((n_t, n_p))
    for j, p in enumerate(plants):
        tip[:, j] = tip_eur_per_mwh(power[j], price, community.region, p.grant_intensity_pct,
                                    p.source)
    tip = np.where(earns, tip, 0.0)
    incentivised = np.where(earns, allocated * obligation[None, :], 0.0)
    premium = incentivised / 1000.0 * tip
    tras_e = np.array([tras_e_eur_per_mwh(y) for y in local.year])
    valorization = valorization_eur(shared, tras_e[:, None])
    rid = rid_revenue_eur(inj, price[:, None])

    # GSE fee: the annual fee prorated by the hours the plant earned the premium in each year.
    hours_in_year = np.where(pd.DatetimeIndex(local).is_leap_year, 8784, 8760)
    fee_share = (earns / hours_in_year[:, None]).sum(axis=0)
    fees = np.array([gse_fee_eur_per_year(pw) for pw in power]) * fee_share

    excess = np.zeros(n_c)
    years = local.year.to_numpy()
    for k, cid in enumerate(configs):
        cols = np.flatnonzero(plant_config == cid)
        for year in np.unique(years):
            rows = years == year
            earning = earns[rows][:, cols]
            excess[k] += excess_premium_eur(
                incentivised[rows][:, cols].sum(),
                (inj[rows][:, cols] * earning).sum(),
                premium[rows][:, cols].sum(),
                with_grant=bool((np.array([plants[j].grant_intensity_pct for j in cols]) > 0)
                                [earning.any(axis=0)].any()),
                formula=sc.rules.excess_formula,
            )

    time = hourly.tz_convert("UTC").tz_localize(None)
    members = flows.members
    ds = xr.Dataset(
        {
            "injected_energy_kwh": (("time", "plant"), inj),
            "allocated_shared_energy_kwh": (("time", "plant"), allocated),
            "incentivised_energy_kwh": (("time", "plant"), incentivised),
            "tip_eur_per_mwh": (("time", "plant"), tip),
            "premium_eur": (("time", "plant"), premium),
            "rid_revenue_eur": (("time", "plant"), rid),
            "configuration_injected_energy_kwh": (("time", "configuration"), inj_config),
            "configuration_withdrawn_energy_kwh": (("time", "configuration"), wd_config),
            "shared_energy_kwh": (("time", "configuration"), shared),
            "valorization_eur": (("time", "configuration"), valorization),
            "zonal_price_eur_per_mwh": (("time",), price),
            "gse_fee_eur": (("plant",), fees),
            "excess_premium_eur": (("configuration",), excess),
            "plant_production_energy_kwh": (("plant",), flows.production_kwh.sum(axis=0)),
            "member_withdrawn_energy_kwh": (("member",), counted.member_withdrawal_total_kwh),
        },
        coords={
            "time": ("time", time, {"timezone": "UTC", "interval": "start"}),
            "plant": ("plant", [p.plant_id for p in plants]),
            "member": ("member", [m.member_id for m in members]),
            "configuration": ("configuration", configs),
            "configuration_name": ("configuration", [c.name for c in sc.configurations]),
            "cabina_primaria": ("configuration", [c.cabina_primaria for c in sc.configurations]),
            "plant_configuration": ("plant", plant_config.astype(str)),
            "plant_power_kw": ("plant", power, {"units": "kW",
                                                "long_name": "min(DC STC, AC) power"}),
            "plant_capacity_kwp": ("plant", [p.capacity_kwp for p in plants], {"units": "kWp"}),
            "plant_entry_into_operation": ("plant", [str(p.entry_into_operation) for p in plants]),
            "plant_eligible": ("plant", eligible),
            "plant_grant_intensity_pct": ("plant", [p.grant_intensity_pct for p in plants],
                                          {"units": "%"}),
            "plant_building_obligation_kw": ("plant", [p.building_obligation_kw for p in plants],
                                             {"units": "kW"}),
            "plant_eligibility": ("plant", [e.reason for e in eligibility]),
            "plant_active_at_end": ("plant", [p.plant_id in counted.final_state.plants
                                              for p in plants]),
            "member_configuration": ("member", [m.configuration_id for m in members]),
            "member_category": ("member", [m.category for m in members]),
            "member_archetype": ("member", [m.archetype for m in members]),
            "member_active_at_end": ("member", [m.member_id in counted.final_state.members
                                                for m in members]),
        },
    )
    for name in ds.data_vars:
        ds[name].attrs = attrs_for(str(name))
    ds.attrs = {
        "title": f"cer-twin results: {community.name}",
        "scenario": str(loaded.path),
        "scenario_sha256": loaded.sha256,
        "seed": sc.simulation.seed,
        "region": community.region,
        "market_zone": community.market_zone,
        "time_step": sc.simulation.time_step,
        "weather_source": str(inputs.weather_meta.get("source")),
        "price_source": str(inputs.price_meta.get("source")),
        "price_filled_hours": int(inputs.price_meta.get("filled_hours", 0)),
        "existing_plant_allocation": sc.rules.existing_plant_allocation,
        "excess_formula": sc.rules.excess_formula,
        "cer_twin_version": __version__,
        "Conventions": "CF-1.8",
        "timezone": "UTC",
        "interval": "start",
    }
    return ds
