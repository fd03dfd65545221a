"""Apply the rules to what counted for the community: shared energy and euro, hour by hour.

Takes the counted flows of the engine (sub-hourly steps are summed to the hour first: every rule
is hourly, CER_RULES.md §1.4) and returns the result Dataset with an audit trail per hour and
plant: allocated shared energy, premium rate, incentivised energy, euro and the rule version (a
hash of every parameter in force that hour). :func:`apply_rules` is the array core, usable on its
own (benchmarks, notebooks).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import xarray as xr

from twin._version import __version__
from twin.assets.pv import tariff_power_kw
from twin.engine import (
    F_EXEMPT_BODY,
    NATURAL_PERSON,
    CountedFlows,
    Inputs,
    PhysicalFlows,
    to_hourly,
)
from twin.events import TariffParameterSet
from twin.nomenclature import attrs_for
from twin.rules import (
    allocate_by_seniority,
    excess_premium_eur,
    group_valorization_extra_eur,
    gse_fee_eur_per_year,
    premium_eligibility,
    premium_end,
    rid_revenue_eur,
    shared_energy_kwh,
    tip_eur_per_mwh,
    valorization_eur,
)
from twin.rules.parameters import (
    DEFAULT_PARAMETERS,
    EXISTING_PLANT_CUTOFF,
    NATURAL_PERSONS_F_EXEMPT_FROM,
    Parameter,
    Parameters,
)
from twin.scenario import Rules
from twin.spec import RunSpec
from twin.timeutil import interval_hours, local_days, local_midnight_utc

DEFAULT_RULES = Rules()


@dataclass(frozen=True)
class PlantTerms:
    """What the rules need to know about one plant."""

    configuration: int
    power_kw: float
    entry_into_operation: dt.date
    eligible: bool
    grant_intensity_pct: float = 0.0
    building_obligation_kw: float = 0.0
    source: str = "pv"
    voltage: str = "lv"

    @property
    def existing(self) -> bool:
        return self.entry_into_operation < EXISTING_PLANT_CUTOFF


def apply_rules(
    hourly: pd.DatetimeIndex,
    price_eur_per_mwh: np.ndarray,
    injected_kwh: np.ndarray,
    plant_active: np.ndarray,
    withdrawn_by_class_kwh: np.ndarray,
    plants: list[PlantTerms],
    configuration_kinds: list[str],
    region: str,
    rules: Rules = DEFAULT_RULES,
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> dict[str, Any]:
    """Every rule on hourly arrays.

    Parameters
    ----------
    hourly : DatetimeIndex
        UTC hour starts.
    price_eur_per_mwh : ndarray (time,)
        Hourly zonal price. [€/MWh]
    injected_kwh, plant_active : ndarray (time, plant)
        Injection that counts for the community and whether the plant is in it. [kWh], bool
    withdrawn_by_class_kwh : ndarray (time, configuration, 3)
        Withdrawal for sharing by holder class (other, F-exempt body, natural person). [kWh]
    plants, configuration_kinds, region, rules, parameters
        Plant terms, ``"cer"`` or ``"self_consumer_group"`` per configuration, the region of the
        plants, rule switches and parameters.

    Returns
    -------
    dict
        Arrays named as the result variables (see :mod:`twin.nomenclature`) plus
        ``rule_version`` per hour and ``rule_versions`` (version → parameter values).
    """
    n_t, n_p = injected_kwh.shape
    n_c = len(configuration_kinds)
    price = np.asarray(price_eur_per_mwh, dtype=float)
    withdrawn = withdrawn_by_class_kwh.sum(axis=-1)
    day_of, days = local_days(hourly)
    day_dates = days.date
    local_date = day_dates[day_of]
    years = np.array([d.year for d in day_dates])[day_of]
    hours_in_year = np.where(np.array([pd.Timestamp(d).is_leap_year for d in day_dates])[day_of],
                             8784.0, 8760.0)

    # F applies to the energy not afferent to exempt withdrawal points (RO-2024 §2.2.2.1.2).
    if rules.f_exempt_allocation == "none":
        exempt_share = np.zeros((n_t, n_c))
    else:
        natural_ok = rules.natural_persons_f_exempt & (
            np.array([d >= NATURAL_PERSONS_F_EXEMPT_FROM for d in day_dates])[day_of])
        exempt = withdrawn_by_class_kwh[..., F_EXEMPT_BODY] + np.where(
            natural_ok[:, None], withdrawn_by_class_kwh[..., NATURAL_PERSON], 0.0)
        exempt_share = np.divide(exempt, withdrawn, out=np.zeros((n_t, n_c)), where=withdrawn > 0)

    plant_config = np.array([p.configuration for p in plants], dtype=int)
    config_cols = [np.flatnonzero(plant_config == k) for k in range(n_c)]
    seniority = np.array([p.entry_into_operation.toordinal() for p in plants])
    existing = np.array([p.existing for p in plants], dtype=bool)
    new_only = rules.existing_plant_allocation == "new_plants_only"
    power = np.array([p.power_kw for p in plants])
    obligation = np.array([1.0 - p.building_obligation_kw / p.power_kw for p in plants])
    grants = np.array([p.grant_intensity_pct > 0 for p in plants], dtype=bool)
    groups: dict[tuple[float, str], list[int]] = {}
    for j, p in enumerate(plants):
        groups.setdefault((p.grant_intensity_pct, p.source), []).append(j)
    # A plant earns while eligible, in the community and within its 20 years.
    earn_until = np.array([
        hourly.searchsorted(local_midnight_utc(premium_end(p.entry_into_operation, parameters)))
        if p.eligible else 0 for p in plants])

    inj_config = np.zeros((n_t, n_c))
    shared = np.zeros((n_t, n_c))
    allocated = np.zeros((n_t, n_p))
    tip = np.zeros((n_t, n_p))
    incentivised = np.zeros((n_t, n_p))
    premium = np.zeros((n_t, n_p))
    valorization = np.zeros((n_t, n_c))
    fees = np.zeros(n_p)
    rule_version = np.empty(n_t, dtype=object)
    versions: dict[str, dict[str, Any]] = {}
    year_list = sorted(set(years.tolist()))
    year_sums = np.zeros((len(year_list), 3, n_p))  # incentivised, injected while earning, premium
    year_earning = np.zeros((len(year_list), n_p), dtype=bool)

    # Blocks of hours with one calendar year and one set of parameters: temporaries stay small.
    changes = parameters.change_dates(day_dates[0], day_dates[-1] + dt.timedelta(days=1))
    cuts = {int(np.searchsorted(local_date, d)) for d in changes}
    cuts |= {int(i) for i in np.r_[0, np.flatnonzero(np.diff(years)) + 1]}
    bounds = sorted(c for c in cuts if c < n_t) + [n_t]
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        d = local_date[a]
        y = year_list.index(int(years[a]))
        version = parameters.version(d)
        versions.setdefault(version, parameters.snapshot(d))
        rule_version[a:b] = version
        inj = injected_kwh[a:b]
        alloc_all = np.zeros((b - a, n_p))
        for k, cols in enumerate(config_cols):
            inj_config[a:b, k] = inj[:, cols].sum(axis=1)
            shared[a:b, k] = shared_energy_kwh(inj_config[a:b, k], withdrawn[a:b, k])
            if not len(cols):
                continue
            alloc_all[:, cols] = allocate_by_seniority(shared[a:b, k], inj[:, cols],
                                                       seniority[cols])
            if new_only:
                new = cols[~existing[cols]]
                if len(new):
                    base = shared_energy_kwh(inj[:, new].sum(axis=1), withdrawn[a:b, k])
                    allocated[a:b, new] = allocate_by_seniority(base, inj[:, new],
                                                                seniority[new])
        if not new_only:
            allocated[a:b] = alloc_all

        earns = plant_active[a:b] & (np.arange(a, b)[:, None] < earn_until[None, :])
        for (grant, source), cols in groups.items():
            tip[a:b, cols] = tip_eur_per_mwh(
                power[None, cols], price[a:b, None], region, grant, source,
                f_exempt_share=exempt_share[a:b][:, plant_config[cols]], parameters=parameters,
                on=d)
        tip[a:b] *= earns
        np.multiply(allocated[a:b], obligation[None, :], out=incentivised[a:b])
        incentivised[a:b] *= earns
        np.multiply(incentivised[a:b], tip[a:b], out=premium[a:b])
        premium[a:b] /= 1000.0
        fees += np.array([gse_fee_eur_per_year(p.power_kw, parameters, d) for p in plants]) * (
            earns.T @ (1.0 / hours_in_year[a:b]))

        valorization[a:b] = valorization_eur(shared[a:b],
                                             parameters.scalar("tras_e_eur_per_mwh", d))
        for k, kind in enumerate(configuration_kinds):
            if kind == "self_consumer_group":
                cols = config_cols[k]
                by_voltage = {v: alloc_all[:, cols[[plants[j].voltage == v for j in cols]]]
                              .sum(axis=1) for v in ("lv", "mv")}
                valorization[a:b, k] += group_valorization_extra_eur(
                    shared[a:b, k], by_voltage, parameters.scalar("btau_eur_per_mwh", d),
                    price[a:b], parameters)

        year_sums[y, 0] += incentivised[a:b].sum(axis=0)
        year_sums[y, 1] += (inj * earns).sum(axis=0)
        year_sums[y, 2] += premium[a:b].sum(axis=0)
        year_earning[y] |= earns.any(axis=0)

    # The 55 % rule, per configuration and calendar year.
    excess = np.zeros(n_c)
    for k, cols in enumerate(config_cols):
        for y, year in enumerate(year_list):
            excess[k] += excess_premium_eur(
                year_sums[y, 0, cols].sum(), year_sums[y, 1, cols].sum(),
                year_sums[y, 2, cols].sum(),
                with_grant=bool((year_earning[y, cols] & grants[cols]).any()),
                formula=rules.excess_formula, parameters=parameters, on=dt.date(year, 7, 1))

    return {
        "injected_energy_kwh": injected_kwh,
        "allocated_shared_energy_kwh": allocated,
        "incentivised_energy_kwh": incentivised,
        "tip_eur_per_mwh": tip,
        "premium_eur": premium,
        "rid_revenue_eur": rid_revenue_eur(injected_kwh, price[:, None]),
        "configuration_injected_energy_kwh": inj_config,
        "configuration_withdrawn_energy_kwh": withdrawn,
        "f_exempt_share": exempt_share,
        "shared_energy_kwh": shared,
        "valorization_eur": valorization,
        "market_zone_shared_energy_kwh": shared_energy_kwh(inj_config.sum(axis=1),
                                                           withdrawn.sum(axis=1)),
        "zonal_price_eur_per_mwh": price,
        "gse_fee_eur": fees,
        "excess_premium_eur": excess,
        "rule_version": rule_version.astype(str),
        "rule_versions": versions,
    }


def scenario_parameters(events: list) -> Parameters:  # noqa: ANN001 - list of DomainEvent
    """Default parameters overridden by the log's ``TariffParameterSet`` events, in log order."""
    changes = [e for e in events if isinstance(e, TariffParameterSet)]
    return DEFAULT_PARAMETERS.overridden([
        Parameter(e.name, e.value, "", e.source, e.valid_from, e.valid_to) for e in changes])


def settle(spec: RunSpec, inputs: Inputs, flows: PhysicalFlows,
           counted: CountedFlows) -> xr.Dataset:
    """Shared energy, premium, valorization, RID and fees of every hour, plant and configuration."""
    community = spec.community
    configurations = spec.configurations
    rules = spec.settings.rules
    parameters = scenario_parameters(list(spec.events))
    steps = round(1.0 / interval_hours(inputs.index))
    plants = flows.plants
    configs = [c.configuration_id for c in configurations]
    config_index = {c: k for k, c in enumerate(configs)}
    eligibility = [
        premium_eligibility(tariff_power_kw(p), p.entry_into_operation, community.founded_on,
                            p.grant_intensity_pct, p.pre_constitution_exception, parameters)
        for p in plants
    ]
    terms = [
        PlantTerms(config_index[p.configuration_id], tariff_power_kw(p), p.entry_into_operation,
                   e.eligible, p.grant_intensity_pct, p.building_obligation_kw, p.source,
                   p.voltage)
        for p, e in zip(plants, eligibility, strict=True)
    ]
    out = apply_rules(
        inputs.hourly, inputs.price_eur_per_mwh.to_numpy(),
        to_hourly(counted.plant_injection_kwh, steps),
        to_hourly(counted.plant_active.astype(float), steps) > 0,
        to_hourly(counted.configuration_withdrawal_by_class_kwh, steps),
        terms, [c.kind for c in configurations], community.region, rules, parameters)

    time = inputs.hourly.tz_convert("UTC").tz_localize(None)
    members = flows.members
    by_dims = {
        ("time", "plant"): ["injected_energy_kwh", "allocated_shared_energy_kwh",
                            "incentivised_energy_kwh", "tip_eur_per_mwh", "premium_eur",
                            "rid_revenue_eur"],
        ("time", "configuration"): ["configuration_injected_energy_kwh",
                                    "configuration_withdrawn_energy_kwh", "f_exempt_share",
                                    "shared_energy_kwh", "valorization_eur"],
        ("time",): ["market_zone_shared_energy_kwh", "zonal_price_eur_per_mwh"],
        ("plant",): ["gse_fee_eur"],
        ("configuration",): ["excess_premium_eur"],
    }
    data = {name: (d, out[name]) for d, names in by_dims.items() for name in names}
    data["plant_production_energy_kwh"] = (("plant",), flows.production_kwh.sum(axis=0))
    data["plant_in_community"] = (("time", "plant"),
                                  (to_hourly(counted.plant_active.astype(np.int8), steps) > 0)
                                  .astype(np.int8))
    data["member_withdrawn_energy_kwh"] = (("member",), counted.member_withdrawal_total_kwh)
    ds = xr.Dataset(
        data,
        coords={
            "time": ("time", time, {"timezone": "UTC", "interval": "start"}),
            "plant": ("plant", [p.plant_id for p in plants]),
            "member": ("member", [m.member_id for m in members]),
            "configuration": ("configuration", configs),
            "configuration_name": ("configuration", [c.name for c in configurations]),
            "configuration_kind": ("configuration", [c.kind for c in configurations]),
            "cabina_primaria": ("configuration", [c.cabina_primaria for c in configurations]),
            "rule_version": ("time", out["rule_version"]),
            "plant_configuration": ("plant", [p.configuration_id for p in plants]),
            "plant_power_kw": ("plant", [t.power_kw for t in terms],
                               {"units": "kW", "long_name": "min(DC STC, AC) power"}),
            "plant_capacity_kwp": ("plant", [p.capacity_kwp for p in plants], {"units": "kWp"}),
            "plant_entry_into_operation": ("plant", [str(p.entry_into_operation) for p in plants]),
            "plant_eligible": ("plant", [e.eligible for e in eligibility]),
            "plant_eligibility": ("plant", [e.reason for e in eligibility]),
            "plant_grant_intensity_pct": ("plant", [p.grant_intensity_pct for p in plants],
                                          {"units": "%"}),
            "plant_building_obligation_kw": ("plant", [p.building_obligation_kw for p in plants],
                                             {"units": "kW"}),
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
        **spec.provenance,
        "seed": spec.settings.simulation.seed,
        "region": community.region,
        "market_zone": community.market_zone,
        "time_step": spec.settings.simulation.time_step,
        "weather_source": str(inputs.weather_meta.get("source")),
        "price_source": str(inputs.price_meta.get("source")),
        "price_filled_hours": int(inputs.price_meta.get("filled_hours", 0)),
        "existing_plant_allocation": rules.existing_plant_allocation,
        "excess_formula": rules.excess_formula,
        "f_exempt_allocation": rules.f_exempt_allocation,
        "natural_persons_f_exempt": int(rules.natural_persons_f_exempt),
        "rule_versions": json.dumps(out["rule_versions"], sort_keys=True),
        "cer_twin_version": __version__,
        "Conventions": "CF-1.8",
        "timezone": "UTC",
        "interval": "start",
    }
    return ds
