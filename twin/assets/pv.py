"""PV plants with pvlib, computed for all plants at once.

Chain (the same models as a pvlib ``ModelChain`` with ``transposition_model='haydavies'``
or ``'perez'``, ``aoi_model='physical'``, ``temperature_model='noct_sam'``,
``dc_model='pvwatts'``, ``ac_model='pvwatts'``): solar position once per site (pvlib's SPA, its
time-only part once for all sites, :mod:`twin.assets.solar`), plane-of-array
irradiance once per orientation, then cell temperature, DC and AC power broadcast over the
plants as arrays ``[time, plant]``.

Optional losses per plant: monthly soiling (on the effective irradiance), a horizon profile (the
beam is blocked while the sun is below it) and a uniform near-shading loss of the beam.

The plant's power for the tariff band is min(DC at STC, AC rating) (DM 414/2023, RO-2024 App. A);
see :func:`twin.rules.tariff.tariff_power_kw`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pvlib

from twin.assets.solar import solar_positions
from twin.core.time import interval_hours, local_midnight_utc, to_local
from twin.events.domain import PlantCommissioned

SITE_CELL_DEG = 0.1
"""Plants within one cell of this size (about 8 × 11 km at Milan's latitude: a whole cabina
primaria area, most of the city) share the solar position computed at the cell's centre, so a
plant's output never depends on which other plants are modelled with it (a what-if plant does
not move its neighbours' sun). The sun's position differs by at most about 0.05° inside a cell,
the same as a 12-second clock shift: well under 0.1 % of plane-of-array irradiance in any hour
(tested against ModelChain at each plant's own coordinates). [°]"""
ROW_BLOCK = 4096
"""Time steps per block in the per-plant part of the chain (bounded temporaries)."""
GAMMA_PDC_PER_C = -0.0037
"""Temperature coefficient of DC power, crystalline silicon. [1/°C]"""
INVERTER_EFFICIENCY = 0.96
"""Nominal inverter efficiency of the PVWatts inverter model. [-]"""
NOCT_C = 45.0
"""Nominal operating cell temperature of a standard module, PVWatts' "standard" module type
(Dobos 2014, PVWatts Version 5 Manual, NREL/TP-6A20-62641, table 2). [°C]"""
MODULE_EFFICIENCY = 0.19
"""Module efficiency at STC of the NOCT heat balance (PVWatts v8 standard module: 19 %). [-]"""
MOUNT_STANDOFF_IN = {"open_rack": 4.0, "roof_mounted": 2.0, "building_integrated": 0.2}
"""Gap between the modules and the surface behind them by mounting, in the inches of SAM's
NOCT cell-temperature model (Gilman et al. 2018, SAM Photovoltaic Model Technical Reference
Update, NREL/TP-6A20-67399, §7.2; pvlib ``temperature.noct_sam``), which adds to the NOCT:
open rack (more than 3.5 in: + 0 K), a close roof mount with a ventilated gap of 1.5-2.5 in
(+ 6 K) and a building-integrated module with next to no air behind it (under 0.5 in: + 18 K).
The insulated-back SAPM parameters once used for roofs made them 7 % too warm-hearted in
yield terms (docs/decisions.md, "PV cell temperature")."""
TRANSPOSITION_MODELS = ("haydavies", "perez")
"""Sky-diffuse models for the plane of array: Hay-Davies (the default) or Perez (1990
coefficients, ``allsitescomposite1990``), as in pvlib."""


def beam_factor(plants: Sequence[PlantCommissioned], cols: Sequence[int],
                elevation_deg: np.ndarray, azimuth_deg: np.ndarray) -> np.ndarray:
    """Share of the beam reaching each plant: 0 while the sun is below the plant's horizon
    profile (interpolated at the sun's azimuth), else 1 − shading loss. ``(time, len(cols))``"""
    out = np.ones((len(elevation_deg), len(cols)))
    for k, j in enumerate(cols):
        p = plants[j]
        if p.horizon_elevation_deg:
            profile = np.asarray(p.horizon_elevation_deg, dtype=float)
            azimuths = np.linspace(0.0, 360.0, len(profile), endpoint=False)
            horizon = np.interp(azimuth_deg % 360.0, np.r_[azimuths, 360.0],
                                np.r_[profile, profile[0]])
            out[:, k] = np.where(elevation_deg > horizon, 1.0, 0.0)
        out[:, k] *= 1.0 - p.shading_loss_pct / 100.0
    return out


def plane_of_array(plants: Sequence[PlantCommissioned], weather: pd.DataFrame,
                   transposition_model: str) -> tuple[np.ndarray, np.ndarray]:
    """Plane-of-array irradiance of each plant, and its effective part (after the angle of
    incidence, and the horizon and shading losses of the beam). [W/m²], ``(time, plant)``"""
    index = pd.DatetimeIndex(weather.index)
    n_time, n_plant = len(index), len(plants)
    mid = index + pd.Timedelta(hours=interval_hours(index) / 2)
    ghi, dni, dhi = (weather[c].to_numpy(dtype=float) for c in ("ghi", "dni", "dhi"))
    dni_extra = pvlib.irradiance.get_extra_radiation(mid).to_numpy()

    by_site: dict[tuple[int, int], list[int]] = defaultdict(list)
    for j, p in enumerate(plants):
        cell = (round(p.latitude / SITE_CELL_DEG), round(p.longitude / SITE_CELL_DEG))
        by_site[cell].append(j)

    poa_global = np.zeros((n_time, n_plant))
    effective = np.zeros((n_time, n_plant))
    centres = {cell: (cell[0] * SITE_CELL_DEG, cell[1] * SITE_CELL_DEG) for cell in by_site}
    sun = solar_positions(mid, centres.values())
    for cell, site_plants in by_site.items():
        zenith, azimuth = sun[centres[cell]]
        airmass = (pvlib.atmosphere.get_relative_airmass(zenith)
                   if transposition_model == "perez" else None)
        by_orientation: dict[tuple[float, float, float], list[int]] = defaultdict(list)
        for j in site_plants:
            p = plants[j]
            by_orientation[(p.tilt_deg, p.azimuth_deg, p.albedo)].append(j)
        for (tilt, surface_azimuth, albedo), cols in by_orientation.items():
            poa = pvlib.irradiance.get_total_irradiance(
                tilt, surface_azimuth, zenith, azimuth, dni, ghi, dhi,
                dni_extra=dni_extra, airmass=airmass, albedo=albedo, model=transposition_model,
            )
            aoi = pvlib.irradiance.aoi(tilt, surface_azimuth, zenith, azimuth)
            iam = pvlib.iam.physical(aoi)
            direct = np.nan_to_num(np.asarray(poa["poa_direct"], dtype=float))
            diffuse = np.nan_to_num(np.asarray(poa["poa_diffuse"], dtype=float))
            beam = beam_factor(plants, cols, 90.0 - zenith, azimuth)  # (time, plants in group)
            poa_global[:, cols] = direct[:, None] * beam + diffuse[:, None]
            effective[:, cols] = (direct * np.nan_to_num(iam))[:, None] * beam + \
                diffuse[:, None]
    return poa_global, effective


def plant_ac_power_kw(
    plants: Sequence[PlantCommissioned], weather: pd.DataFrame,
    transposition_model: str = "haydavies",
) -> np.ndarray:
    """Mean AC power of each plant in each interval. [kW], shape ``(time, plant)``.

    ``weather`` is on the simulation grid (UTC, interval start) with columns ``ghi``, ``dni``,
    ``dhi`` [W/m²], ``temp_air`` [°C], ``wind_speed`` [m/s]. Solar geometry is taken at interval
    midpoints. Output is zero before a plant's entry into operation; degradation is linear from
    that date. ``transposition_model``: one of :data:`TRANSPOSITION_MODELS`.
    """
    if transposition_model not in TRANSPOSITION_MODELS:
        raise ValueError(f"transposition_model: expected one of {TRANSPOSITION_MODELS}; found "
                         f"{transposition_model!r}")
    index = pd.DatetimeIndex(weather.index)
    n_time, n_plant = len(index), len(plants)
    out = np.zeros((n_time, n_plant))
    if n_plant == 0:
        return out
    poa_global, effective = plane_of_array(plants, weather, transposition_model)
    temp_air = weather["temp_air"].to_numpy(dtype=float)[:, None]
    wind = weather["wind_speed"].to_numpy(dtype=float)[:, None]
    month = to_local(index).month.to_numpy() - 1
    soiling = np.array([p.soiling_pct_by_month or (0.0,) * 12 for p in plants]).T / 100.0
    effective *= 1.0 - soiling[month]

    standoff = np.array([MOUNT_STANDOFF_IN[p.mounting] for p in plants])
    pdc0_w = np.array([p.capacity_kwp for p in plants]) * 1000.0
    kept = 1.0 - np.array([p.system_losses_pct for p in plants]) / 100.0
    degradation = np.array([p.degradation_pct_per_year for p in plants]) / 100.0
    entry = np.array([local_midnight_utc(p.entry_into_operation).value for p in plants])
    ac_rating_w = np.array([p.inverter_kw for p in plants]) * 1000.0
    t_ns = index.as_unit("ns").asi8
    # Cell temperature, DC and AC in blocks of rows: temporaries stay cache-sized.
    for lo in range(0, n_time, ROW_BLOCK):
        hi = min(lo + ROW_BLOCK, n_time)
        with np.errstate(invalid="ignore", divide="ignore"):  # 0/0 at night, replaced below
            temp_cell = pvlib.temperature.noct_sam(
                poa_global[lo:hi], temp_air[lo:hi], wind[lo:hi], NOCT_C, MODULE_EFFICIENCY,
                effective_irradiance=effective[lo:hi], mount_standoff=standoff)
        temp_cell = np.where(poa_global[lo:hi] > 0, temp_cell, temp_air[lo:hi])
        dc_w = pvlib.pvsystem.pvwatts_dc(effective[lo:hi], temp_cell, pdc0_w, GAMMA_PDC_PER_C)
        age_years = (t_ns[lo:hi, None] - entry[None, :]) / (365.25 * 86400e9)
        dc_w = np.clip(dc_w, 0.0, None) * kept * np.clip(
            1.0 - degradation * np.clip(age_years, 0.0, None), 0.0, 1.0)
        ac_w = pvlib.inverter.pvwatts(dc_w, ac_rating_w / INVERTER_EFFICIENCY,
                                      INVERTER_EFFICIENCY)
        out[lo:hi] = np.where(age_years >= 0.0, np.clip(ac_w, 0.0, ac_rating_w), 0.0) / 1000.0
    return out
