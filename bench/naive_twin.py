"""A naive reference twin: the obvious, slow way to compute what cer-twin computes.

It exists only to measure the fast path against and to check its totals (`bench/fast_vs_naive.py`);
it is not part of the package. Same inputs (weather, prices) and the same physical and legal
models, none of the fast path's structure:

* PV: pvlib ``ModelChain`` run plant by plant;
* loads: each member's profile drawn on its own, then one SimPy process per member that wakes
  every interval and books that interval's withdrawal into its configuration;
* rules: Python loops over hours, configurations and plants: shared energy = min(injection,
  withdrawal) (CER_RULES §1.2), the split among plants by seniority (RO-2024 App. A), the
  premium of each plant each hour (DM 414 Allegato 1, via ``twin.rules.tip_eur_per_mwh`` on
  scalars) and the valorization (TIAD art. 8, TRAS_E of the year).

Scope: the benchmark community (every plant new, eligible, without grants or obligations, in
operation and counting all period; every member active all period). It refuses anything else.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pvlib
import simpy

from twin.assets.loads import load_power_kw
from twin.assets.pv import (
    GAMMA_PDC_PER_C,
    INVERTER_EFFICIENCY,
    MODULE_EFFICIENCY,
    MOUNT_STANDOFF_IN,
    NOCT_C,
    SITE_CELL_DEG,
)
from twin.core.time import interval_hours
from twin.events import CommunityFounded, MemberJoined, PlantCommissioned
from twin.inputs.run import Inputs
from twin.rules import tip_eur_per_mwh, tras_e_eur_per_mwh
from twin.sim.spec import RunSpec
from twin.sim.timeline import consumer_of


def modelchain_kw(plant: PlantCommissioned, weather: pd.DataFrame,
                  transposition_model: str = "haydavies", at_cell_centre: bool = False
                  ) -> np.ndarray:
    """AC power of one plant with pvlib's ModelChain, the same models as the fast path, the
    sun's position at the middle of each interval (``weather`` is indexed by interval start),
    seen from the plant or (``at_cell_centre``) from the centre of its solar-position cell, as
    the model defines it (``twin.assets.pv.SITE_CELL_DEG``). [kW]"""
    latitude, longitude = plant.latitude, plant.longitude
    if at_cell_centre:
        latitude, longitude = (round(v / SITE_CELL_DEG) * SITE_CELL_DEG
                               for v in (latitude, longitude))
    location = pvlib.location.Location(latitude, longitude, tz="UTC")
    system = pvlib.pvsystem.PVSystem(
        surface_tilt=plant.tilt_deg, surface_azimuth=plant.azimuth_deg, albedo=plant.albedo,
        module_parameters={"pdc0": plant.capacity_kwp * 1000, "gamma_pdc": GAMMA_PDC_PER_C},
        inverter_parameters={"pdc0": plant.inverter_kw * 1000 / INVERTER_EFFICIENCY,
                             "eta_inv_nom": INVERTER_EFFICIENCY},
        temperature_model_parameters={"noct": NOCT_C, "module_efficiency": MODULE_EFFICIENCY,
                                      "mount_standoff": MOUNT_STANDOFF_IN[plant.mounting]})
    chain = pvlib.modelchain.ModelChain(
        system, location, transposition_model=transposition_model, aoi_model="physical",
        spectral_model="no_loss", temperature_model="noct_sam", dc_model="pvwatts",
        ac_model="pvwatts", losses_model="no_loss")
    shifted = weather.copy()
    shifted.index = weather.index + pd.Timedelta(hours=interval_hours(weather.index) / 2)
    chain.run_model(shifted)
    return np.clip(chain.results.ac.to_numpy(), 0, None) / 1000.0


def _check_scope(plants: list[PlantCommissioned], members: list[MemberJoined],
                 spec: RunSpec) -> None:
    start = spec.settings.simulation.start
    for p in plants:
        if (p.grant_intensity_pct or p.building_obligation_kw or p.system_losses_pct
                or p.degradation_pct_per_year or p.host_member or p.soiling_pct_by_month
                or p.horizon_elevation_deg or p.shading_loss_pct
                or p.entry_into_operation > start or p.capacity_kwp > 1000):
            raise ValueError(f"plant {p.plant_id}: outside the naive twin's scope")
    if any(m.contracted_power_kw or m.tariff_exempt_share for m in members):
        raise ValueError("members with contracted power or exempt shares: outside the scope")


def naive_totals(spec: RunSpec, inputs: Inputs) -> dict[str, float]:
    """Shared energy [kWh], premium and valorization [EUR] of the whole community."""
    events = list(spec.events)
    community = next(e for e in events if isinstance(e, CommunityFounded))
    plants = [e for e in events if isinstance(e, PlantCommissioned)]
    members = [e for e in events if isinstance(e, MemberJoined)]
    _check_scope(plants, members, spec)
    index, hourly = inputs.index, inputs.hourly
    step_h = interval_hours(index)
    per_hour = round(1 / step_h)
    configs = sorted({p.configuration_id for p in plants} | {m.configuration_id for m in members})

    # PV: one ModelChain per plant.
    injection = {p.plant_id: modelchain_kw(p, inputs.weather, at_cell_centre=True) * step_h
                 for p in plants}

    # Loads: one SimPy process per member, waking every interval.
    withdrawal = {c: np.zeros(len(index)) for c in configs}
    temp_air = inputs.weather["temp_air"].to_numpy()
    env = simpy.Environment()

    def member_process(member: MemberJoined):
        profile_kwh = load_power_kw([consumer_of(member)], index, spec.settings.simulation.seed,
                                    temp_air)[:, 0] * step_h
        booked = withdrawal[member.configuration_id]
        while True:
            step = int(env.now)
            booked[step] += profile_kwh[step]
            yield env.timeout(1)

    for m in members:
        env.process(member_process(m))
    env.run(until=len(index))

    # Rules: hour by hour, configuration by configuration, plant by plant.
    price = inputs.price_eur_per_mwh.to_numpy()
    shared_total = premium_total = valorization_total = 0.0
    for h, hour in enumerate(hourly):
        steps = slice(h * per_hour, (h + 1) * per_hour)
        day = hour.tz_convert("Europe/Rome").date()
        tras_e = tras_e_eur_per_mwh(day.year)
        for c in configs:
            ranked = sorted((p for p in plants if p.configuration_id == c),
                            key=lambda p: p.entry_into_operation)
            injected = {p.plant_id: float(injection[p.plant_id][steps].sum()) for p in ranked}
            shared = min(sum(injected.values()), float(withdrawal[c][steps].sum()))
            shared_total += shared
            valorization_total += shared * tras_e / 1000.0
            left = shared
            for p in ranked:
                allocated = min(left, injected[p.plant_id])
                left -= allocated
                power_kw = min(p.capacity_kwp, p.inverter_kw)
                tip = float(tip_eur_per_mwh(power_kw, float(price[h]), community.region, on=day))
                premium_total += allocated * tip / 1000.0
    return {"shared_kwh": shared_total, "premium_eur": premium_total,
            "valorization_eur": valorization_total}
