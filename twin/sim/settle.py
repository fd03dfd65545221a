"""Settle a run: the rules applied to what counted for the community, into the result Dataset.

Takes the counted flows of the simulation (sub-hourly steps are summed to the hour first: every
rule is hourly, CER_RULES.md §1.4), applies :func:`twin.rules.settlement.apply_rules` and returns
the result Dataset with an audit trail per hour and plant: allocated shared energy, premium
rate, incentivised energy, euro and the rule version (a hash of every parameter in force that
hour).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence

import numpy as np
import xarray as xr

from twin._version import __version__
from twin.core.calendar import BAND_NAMES
from twin.core.time import interval_hours, to_hourly
from twin.core.variables import attrs_for
from twin.events import (
    DomainEvent,
    PlantCommissioned,
    PlantOutageEnded,
    PlantOutageStarted,
    StorageInstalled,
    TariffParameterSet,
)
from twin.inputs.run import Inputs
from twin.rules import premium_eligibility, tariff_power_kw
from twin.rules.bill_parameters import BILL_PARAMETERS
from twin.rules.parameters import DEFAULT_PARAMETERS, Parameter, Parameters
from twin.rules.settlement import PlantTerms, apply_rules
from twin.rules.tariff import Eligibility
from twin.sim.flows import CountedFlows, PhysicalFlows
from twin.sim.results import SUMMED
from twin.sim.spec import RunSpec

FORCE_MAJEURE = "force_majeure"
"""The outage reason that extends a plant's 20 premium years (RO-2024 §2.2.1)."""


def scenario_parameters(events: list) -> Parameters:  # noqa: ANN001 - list of DomainEvent
    """Default parameters overridden by the log's ``TariffParameterSet`` events, in log order."""
    changes = [e for e in events if isinstance(e, TariffParameterSet)
               and e.name in DEFAULT_PARAMETERS]
    return DEFAULT_PARAMETERS.overridden([
        Parameter(e.name, e.value, "", e.source, e.valid_from, e.valid_to) for e in changes])


def bill_parameters(events: Sequence[DomainEvent]) -> Parameters:
    """Default bill parameters (:mod:`twin.rules.bill_parameters`) overridden by the log's
    ``TariffParameterSet`` events that name one, in log order."""
    changes = [e for e in events if isinstance(e, TariffParameterSet)
               and e.name in BILL_PARAMETERS]
    return BILL_PARAMETERS.overridden([
        Parameter(e.name, e.value, "", e.source, e.valid_from, e.valid_to) for e in changes])


def force_majeure_days(events: Sequence[DomainEvent], plant_id: str) -> float:
    """Days a plant stood still in outages whose reason is ``force_majeure`` (RO-2024 §2.2.1:
    the 20 premium years are counted net of them). An outage still open at the end of the log
    is not counted: the plant produces nothing until it ends, so what it would add to the
    premium years lies beyond the run."""
    days, since = 0.0, None
    for e in sorted(events, key=lambda e: e.effective_utc):
        if getattr(e, "plant_id", None) != plant_id:
            continue
        if isinstance(e, PlantOutageStarted) and e.reason == FORCE_MAJEURE:
            since = e.effective_utc
        elif isinstance(e, PlantOutageEnded) and since is not None:
            days += (e.effective_utc - since).total_seconds() / 86400.0
            since = None
    return days


def plant_prices(inputs: Inputs, plants: Sequence[PlantCommissioned]) -> np.ndarray | None:
    """The zonal price of each plant's own market zone, ``(time, plant)``; None when every
    plant is in the community's zone."""
    if not any(p.market_zone and p.market_zone in inputs.zone_prices for p in plants):
        return None
    columns = [inputs.zone_prices.get(p.market_zone or "", inputs.price_eur_per_mwh).to_numpy()
               for p in plants]
    return np.column_stack(columns) if columns else None


def plant_terms(spec: RunSpec, plants: list[PlantCommissioned],
                parameters: Parameters) -> tuple[list[Eligibility], list[PlantTerms]]:
    """Each plant's premium eligibility and the terms the rules settle it by."""
    config_index = {c.configuration_id: k for k, c in enumerate(spec.configurations)}
    founded_on = spec.community.founded_on
    eligibility = [
        premium_eligibility(tariff_power_kw(p), p.entry_into_operation, founded_on,
                            p.grant_intensity_pct, p.pre_constitution_exception, parameters)
        for p in plants
    ]
    terms = [
        PlantTerms(config_index[p.configuration_id], tariff_power_kw(p), p.entry_into_operation,
                   e.eligible, p.grant_intensity_pct, p.building_obligation_kw, p.source,
                   p.voltage, p.region or "", force_majeure_days(spec.events, p.plant_id))
        for p, e in zip(plants, eligibility, strict=True)
    ]
    return eligibility, terms


_DIMS = {
    ("time", "plant"): ["injected_energy_kwh", "allocated_shared_energy_kwh",
                        "incentivised_energy_kwh", "tip_eur_per_mwh", "premium_eur",
                        "rid_revenue_eur", "plant_f_exempt_share"],
    ("time", "configuration"): ["configuration_injected_energy_kwh",
                                "configuration_withdrawn_energy_kwh", "f_exempt_share",
                                "shared_energy_kwh", "valorization_eur"],
    ("time",): ["market_zone_shared_energy_kwh", "zonal_price_eur_per_mwh"],
    ("plant",): ["gse_fee_eur"],
    ("configuration",): ["excess_premium_eur"],
}
"""Dimensions of each result variable of :func:`~twin.rules.settlement.apply_rules`."""


def rules_applied(spec: RunSpec, inputs: Inputs, flows: PhysicalFlows, counted: CountedFlows
                  ) -> tuple[dict, list[Eligibility], list[PlantTerms], np.ndarray]:
    """The rules (:func:`~twin.rules.settlement.apply_rules`) on a run's counted flows, hourly:
    their results by name, each plant's eligibility and terms, and whether each plant counts
    in each hour."""
    parameters = scenario_parameters(list(spec.events))
    steps = round(1.0 / interval_hours(inputs.index))
    eligibility, terms = plant_terms(spec, flows.plants, parameters)
    active = to_hourly(counted.plant_active.astype(np.int8), steps) > 0
    out = apply_rules(
        inputs.hourly, inputs.price_eur_per_mwh.to_numpy(),
        to_hourly(counted.plant_injection_kwh, steps), active,
        to_hourly(counted.configuration_withdrawal_by_class_kwh, steps),
        terms, [c.kind for c in spec.configurations], spec.community.region,
        spec.settings.rules.switches(), parameters, plant_prices(inputs, flows.plants),
        None if counted.storage_injection_kwh is None
        else to_hourly(counted.storage_injection_kwh, steps))
    return out, eligibility, terms, active


def summary_arrays(spec: RunSpec, inputs: Inputs, flows: PhysicalFlows,
                   counted: CountedFlows) -> dict[str, np.ndarray]:
    """What the summary adds up (:data:`twin.sim.results.SUMMED`, and who belongs to which
    configuration), from the rules' results and the counted flows, without building the run's
    Dataset (a grid study's variant; the same values :func:`settle` puts in it)."""
    out, _, terms, _ = rules_applied(spec, inputs, flows, counted)
    at_end = _at_end(flows, counted, terms)
    data = {name: out[name] for name in SUMMED if name in out}
    data["member_self_consumed_by_band_kwh"] = counted.member_months.self_consumed_kwh
    data.update({name: at_end[name] for name in SUMMED if name in at_end})
    data["plant_configuration"] = np.array([p.configuration_id for p in flows.plants])
    data["member_configuration"] = np.array([m.configuration_id for m in flows.members])
    data["configuration"] = np.array([c.configuration_id for c in spec.configurations])
    return data


def _at_end(flows: PhysicalFlows, counted: CountedFlows, terms: list[PlantTerms]
            ) -> dict[str, np.ndarray]:
    """Each plant's power for the tariff and whether it, and each member, belongs at the end."""
    final = counted.final_state
    return {"plant_power_kw": np.array([t.power_kw for t in terms], dtype=float),
            "plant_active_at_end": np.array([p.plant_id in final.plants for p in flows.plants],
                                            dtype=bool),
            "member_active_at_end": np.array([m.member_id in final.members
                                              for m in flows.members], dtype=bool)}


def settle(spec: RunSpec, inputs: Inputs, flows: PhysicalFlows,
           counted: CountedFlows, counting: dict[str, str] | None = None) -> xr.Dataset:
    """Shared energy, premium, valorization, RID and fees of every hour, plant and configuration.

    ``counting`` (member id → how its membership counts, :mod:`twin.sim.counting`) becomes the
    ``member_counting`` coordinate when given."""
    out, eligibility, terms, active = rules_applied(spec, inputs, flows, counted)
    steps = round(1.0 / interval_hours(inputs.index))
    data = {name: (d, out[name]) for d, names in _DIMS.items() for name in names}
    data["plant_production_energy_kwh"] = (("plant",), flows.production_kwh.sum(axis=0))
    data["self_consumed_energy_kwh"] = (("time", "plant"), to_hourly(
        flows.production_kwh - flows.injection_kwh, steps))
    data["plant_in_community"] = (("time", "plant"), active.astype(np.int8))
    data["member_withdrawn_energy_kwh"] = (("member",), counted.member_withdrawal_total_kwh)
    mm = counted.member_months
    data["member_withdrawn_by_band_kwh"] = (("member", "month", "band"), mm.withdrawn_kwh)
    data["member_self_consumed_by_band_kwh"] = (("member", "month", "band"),
                                                mm.self_consumed_kwh)
    data["member_active_days"] = (("member", "month"),
                                  mm.active_steps * interval_hours(inputs.index) / 24.0)
    data["member_peak_kw"] = (("member",), mm.peak_kw)
    data.update(_battery_data(spec, counted, len(inputs.index), steps))
    coords = _coordinates(spec, inputs, flows, counted, out["rule_version"], eligibility, terms)
    if counting is not None:
        coords["member_counting"] = ("member", [counting.get(m.member_id, "")
                                                for m in flows.members])
    ds = xr.Dataset({name: (*value, attrs_for(name)) for name, value in data.items()},
                    coords=coords)
    ds.attrs = _attributes(spec, inputs, out["rule_versions"])
    return ds


def _battery_data(spec: RunSpec, counted: CountedFlows, n_steps: int, steps: int) -> dict:
    """Each battery's hourly charge, discharge and end-of-hour state of charge (zeros for one
    behind a POD with no plant to charge from)."""
    stored = [e for e in spec.events if isinstance(e, StorageInstalled)]
    zeros = np.zeros((n_steps, 1))
    cols = {name: [] for name in ("charge_kwh", "discharge_kwh", "soc_kwh")}
    for e in stored:
        d = counted.batteries.get(e.storage_id)
        for name in cols:
            cols[name].append(getattr(d, name) if d is not None else zeros)
    if not stored:
        empty = np.zeros((n_steps // steps, 0))
        return {f"battery_{n}": (("time", "battery"), empty) for n in
                ("charge_energy_kwh", "discharge_energy_kwh", "soc_kwh")}
    charge, discharge, soc = (np.hstack(cols[n]) for n in ("charge_kwh", "discharge_kwh",
                                                           "soc_kwh"))
    return {"battery_charge_energy_kwh": (("time", "battery"), to_hourly(charge, steps)),
            "battery_discharge_energy_kwh": (("time", "battery"), to_hourly(discharge, steps)),
            "battery_soc_kwh": (("time", "battery"), soc[steps - 1::steps])}


def _coordinates(spec: RunSpec, inputs: Inputs, flows: PhysicalFlows, counted: CountedFlows,
                 rule_version: np.ndarray, eligibility: list[Eligibility],
                 terms: list[PlantTerms]) -> dict:
    configurations = spec.configurations
    plants, members = flows.plants, flows.members
    at_end = _at_end(flows, counted, terms)
    return {
        "time": ("time", inputs.hourly.tz_convert("UTC").tz_localize(None),
                 {"timezone": "UTC", "interval": "start"}),
        "plant": ("plant", [p.plant_id for p in plants]),
        "member": ("member", [m.member_id for m in members]),
        "month": ("month", list(counted.member_months.months), {"timezone": "Europe/Rome"}),
        "band": ("band", list(BAND_NAMES)),
        "configuration": ("configuration", [c.configuration_id for c in configurations]),
        "configuration_name": ("configuration", [c.name for c in configurations]),
        "configuration_kind": ("configuration", [c.kind for c in configurations]),
        "cabina_primaria": ("configuration", [c.cabina_primaria for c in configurations]),
        "rule_version": ("time", rule_version),
        "plant_configuration": ("plant", [p.configuration_id for p in plants]),
        "plant_power_kw": ("plant", at_end["plant_power_kw"],
                           {"units": "kW", "long_name": "min(DC STC, AC) power"}),
        "plant_capacity_kwp": ("plant", np.array([p.capacity_kwp for p in plants], dtype=float),
                               {"units": "kWp"}),
        "plant_entry_into_operation": ("plant", [str(p.entry_into_operation) for p in plants]),
        "plant_eligible": ("plant", np.array([e.eligible for e in eligibility], dtype=bool)),
        "plant_eligibility": ("plant", [e.reason for e in eligibility]),
        "plant_eligibility_code": ("plant", [e.code for e in eligibility]),
        "plant_eligibility_values": ("plant", [json.dumps(dict(e.values)) for e in eligibility]),
        "plant_grant_intensity_pct": ("plant", [p.grant_intensity_pct for p in plants],
                                      {"units": "%"}),
        "plant_building_obligation_kw": ("plant", [p.building_obligation_kw for p in plants],
                                         {"units": "kW"}),
        "plant_active_at_end": ("plant", at_end["plant_active_at_end"]),
        "plant_degradation_pct_per_year": (
            "plant", np.array([p.degradation_pct_per_year for p in plants], dtype=float),
            {"units": "%/year"}),
        "plant_host_member": ("plant", [p.host_member or "" for p in plants]),
        "battery": ("battery", [e.storage_id for e in spec.events
                                if isinstance(e, StorageInstalled)]),
        "battery_host_member": ("battery", [e.host_member or "" for e in spec.events
                                            if isinstance(e, StorageInstalled)]),
        "member_configuration": ("member", [m.configuration_id for m in members]),
        "member_category": ("member", [m.category for m in members]),
        "member_archetype": ("member", [m.archetype for m in members]),
        "member_active_at_end": ("member", at_end["member_active_at_end"]),
    }


def _attributes(spec: RunSpec, inputs: Inputs, rule_versions: dict) -> dict:
    community, rules = spec.community, spec.settings.rules
    return {
        "title": f"cer-twin results: {community.name}",
        **spec.provenance,
        "seed": spec.settings.simulation.seed,
        "region": community.region,
        "market_zone": community.market_zone,
        "time_step": spec.settings.simulation.time_step,
        "weather_source": str(inputs.weather_meta.get("source")),
        "ghi_kwh_per_m2_per_year": float(
            inputs.weather["ghi"].sum() * interval_hours(inputs.index) / 1000.0
            * 8766.0 / (len(inputs.index) * interval_hours(inputs.index))),
        "price_source": str(inputs.price_meta.get("source")),
        "price_filled_hours": int(inputs.price_meta.get("filled_hours", 0)),
        **{name: (int(value) if isinstance(value, bool) else value)
           for name, value in dataclasses.asdict(rules.switches()).items()},
        "payment_calendar": "advance lag {:g} month(s), settlement in month {:g}, threshold "
                            "EUR {:g} [U]".format(
                                *(scenario_parameters(list(spec.events)).scalar(n) for n in (
                                    "advance_payment_lag_months", "settlement_payment_month",
                                    "payment_threshold_eur"))),
        "rule_versions": json.dumps(rule_versions, sort_keys=True),
        "cer_twin_version": __version__,
        "Conventions": "CF-1.8",
        "timezone": "UTC",
        "interval": "start",
    }
