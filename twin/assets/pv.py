"""PV plants with pvlib, computed for all plants at once.

Chain (the same models as a pvlib ``ModelChain`` with ``transposition_model='haydavies'``,
``aoi_model='physical'``, ``temperature_model='sapm'``, ``dc_model='pvwatts'``,
``ac_model='pvwatts'``): solar position once per site, plane-of-array irradiance once per
orientation, then cell temperature, DC and AC power broadcast over the plants as arrays
``[time, plant]``.

The plant's power for the tariff band is min(DC at STC, AC rating) (DM 414/2023, RO-2024 App. A);
see :func:`tariff_power_kw`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pvlib

from twin.events.domain import PlantCommissioned
from twin.timeutil import interval_hours, local_midnight_utc

GAMMA_PDC_PER_C = -0.0037
"""Temperature coefficient of DC power, crystalline silicon. [1/°C]"""
INVERTER_EFFICIENCY = 0.96
"""Nominal inverter efficiency of the PVWatts inverter model. [-]"""
TEMPERATURE_PARAMETERS = {
    "open_rack": pvlib.temperature.TEMPERATURE_MODEL_PARAMETERS["sapm"]["open_rack_glass_polymer"],
    "roof_mounted": pvlib.temperature.TEMPERATURE_MODEL_PARAMETERS["sapm"][
        "insulated_back_glass_polymer"
    ],
}
"""SAPM cell-temperature parameters by mounting."""


def tariff_power_kw(plant: PlantCommissioned) -> float:
    """Plant power for the DM 414 bands: the lower of DC STC power and AC rating. [kW]"""
    return min(plant.capacity_kwp, plant.inverter_kw)


def plant_ac_power_kw(
    plants: Sequence[PlantCommissioned], weather: pd.DataFrame
) -> np.ndarray:
    """Mean AC power of each plant in each interval. [kW], shape ``(time, plant)``.

    ``weather`` is on the simulation grid (UTC, interval start) with columns ``ghi``, ``dni``,
    ``dhi`` [W/m²], ``temp_air`` [°C], ``wind_speed`` [m/s]. Solar geometry is taken at interval
    midpoints. Output is zero before a plant's entry into operation; degradation is linear from
    that date.
    """
    index = pd.DatetimeIndex(weather.index)
    n_time, n_plant = len(index), len(plants)
    out = np.zeros((n_time, n_plant))
    if n_plant == 0:
        return out
    mid = index + pd.Timedelta(hours=interval_hours(index) / 2)
    ghi, dni, dhi = (weather[c].to_numpy(dtype=float) for c in ("ghi", "dni", "dhi"))
    temp_air = weather["temp_air"].to_numpy(dtype=float)[:, None]
    wind = weather["wind_speed"].to_numpy(dtype=float)[:, None]
    dni_extra = pvlib.irradiance.get_extra_radiation(mid).to_numpy()

    by_site: dict[tuple[float, float], list[int]] = defaultdict(list)
    for j, p in enumerate(plants):
        by_site[(round(p.latitude, 4), round(p.longitude, 4))].append(j)

    poa_global = np.zeros((n_time, n_plant))
    effective = np.zeros((n_time, n_plant))
    for (lat, lon), site_plants in by_site.items():
        solpos = pvlib.solarposition.get_solarposition(mid, lat, lon)
        zenith = solpos["apparent_zenith"].to_numpy()
        azimuth = solpos["azimuth"].to_numpy()
        by_orientation: dict[tuple[float, float, float], list[int]] = defaultdict(list)
        for j in site_plants:
            p = plants[j]
            by_orientation[(p.tilt_deg, p.azimuth_deg, p.albedo)].append(j)
        for (tilt, surface_azimuth, albedo), cols in by_orientation.items():
            poa = pvlib.irradiance.get_total_irradiance(
                tilt, surface_azimuth, zenith, azimuth, dni, ghi, dhi,
                dni_extra=dni_extra, albedo=albedo, model="haydavies",
            )
            aoi = pvlib.irradiance.aoi(tilt, surface_azimuth, zenith, azimuth)
            iam = pvlib.iam.physical(aoi)
            direct = np.nan_to_num(np.asarray(poa["poa_direct"], dtype=float))
            diffuse = np.nan_to_num(np.asarray(poa["poa_diffuse"], dtype=float))
            poa_global[:, cols] = (direct + diffuse)[:, None]
            effective[:, cols] = (direct * np.nan_to_num(iam) + diffuse)[:, None]

    a = np.array([TEMPERATURE_PARAMETERS[p.mounting]["a"] for p in plants])
    b = np.array([TEMPERATURE_PARAMETERS[p.mounting]["b"] for p in plants])
    delta_t = np.array([TEMPERATURE_PARAMETERS[p.mounting]["deltaT"] for p in plants])
    temp_cell = pvlib.temperature.sapm_cell(poa_global, temp_air, wind, a, b, delta_t)

    kwp = np.array([p.capacity_kwp for p in plants])
    losses = np.array([p.system_losses_pct for p in plants]) / 100.0
    dc_w = pvlib.pvsystem.pvwatts_dc(effective, temp_cell, kwp * 1000.0, GAMMA_PDC_PER_C)
    dc_w = np.clip(dc_w, 0.0, None) * (1.0 - losses)

    entry = np.array([local_midnight_utc(p.entry_into_operation).value for p in plants])
    age_years = (index.as_unit("ns").asi8[:, None] - entry[None, :]) / (365.25 * 86400e9)
    degradation = np.array([p.degradation_pct_per_year for p in plants]) / 100.0
    dc_w *= np.clip(1.0 - degradation * np.clip(age_years, 0.0, None), 0.0, 1.0)

    ac_rating_w = np.array([p.inverter_kw for p in plants]) * 1000.0
    ac_w = pvlib.inverter.pvwatts(dc_w, ac_rating_w / INVERTER_EFFICIENCY, INVERTER_EFFICIENCY)
    ac_w = np.clip(ac_w, 0.0, ac_rating_w)
    out[:] = np.where(age_years >= 0.0, ac_w, 0.0) / 1000.0
    return out
