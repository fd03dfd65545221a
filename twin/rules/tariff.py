"""The incentive tariff (tariffa premio, TIP) of DM MASE 7 December 2023 n. 414.

Formula (DM 414 Allegato 1 = RO-2024 Appendice B; RO-2024 §2.2.2.1) [V], hourly, in €/MWh::

    TIP_h = { min[CAP ; TP_base + max(0 ; 180 − Pz_h)] + FC_zonale } × (1 − F)

with TP_base and CAP from the plant's power band, Pz_h the hourly zonal price of the plant's
market zone, FC_zonale (+10 €/MWh North, +4 Centre; PV only) added after the cap, and F the
capital-grant reduction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from twin.rules import parameters as par


def band_of(power_kw: float) -> par.TariffBand:
    """The DM 414 band of a plant power: ≤ 200, 200-600 (600 included), > 600 kW."""
    for band in par.TARIFF_BANDS:
        if power_kw <= band.max_power_kw:
            return band
    return par.TARIFF_BANDS[-1]


def fc_zonale_eur_per_mwh(region: str, source: str = "pv") -> float:
    """FC zonale: +10 €/MWh in the North, +4 in the Centre, PV only (DM 414 All. 1) [V]."""
    if source != "pv":
        return 0.0
    if region in par.NORTH_REGIONS:
        return par.FC_NORTH_EUR_PER_MWH
    if region in par.CENTRE_REGIONS:
        return par.FC_CENTRE_EUR_PER_MWH
    return 0.0


def reduction_factor(grant_intensity_pct: float) -> float:
    """Capital-grant reduction F = 0.5 × intensity / 40 % (RO-2024 App. B §3) [V].

    Above 40 % the premium is not cumulable at all: F = 1 (no premium).
    """
    if grant_intensity_pct < 0:
        raise ValueError(f"grant intensity must be ≥ 0 %, found {grant_intensity_pct}")
    if grant_intensity_pct > par.MAX_GRANT_INTENSITY_PCT:
        return 1.0
    return par.MAX_REDUCTION_F * grant_intensity_pct / par.MAX_GRANT_INTENSITY_PCT


def tip_eur_per_mwh(
    power_kw: ArrayLike,
    zonal_price_eur_per_mwh: ArrayLike,
    region: str,
    grant_intensity_pct: float = 0.0,
    source: str = "pv",
) -> np.ndarray:
    """Hourly DM 414 premium of a plant. [€/MWh]

    Parameters
    ----------
    power_kw : array_like
        Plant power for the bands: min(DC STC, AC rating). [kW]
    zonal_price_eur_per_mwh : array_like
        Hourly zonal price Pz of the plant's market zone. [€/MWh]
    region : str
        Region of the plant (decides FC zonale), e.g. ``"Lombardia"``.
    grant_intensity_pct : float
        Capital grant as a share of the reference investment cost. [%]
    source : str
        ``"pv"`` or another renewable source (FC zonale applies to PV only).

    Returns
    -------
    ndarray
        ``{min[CAP; TP_base + max(0; 180 − Pz)] + FC} × (1 − F)``, broadcast over the inputs;
        0 for plants over 1 MW (valorization only, RO-2024 §1.2.1.2 b). [€/MWh]

    Notes
    -----
    DM MASE 414/2023 Allegato 1 and RO-2024 §2.2.2.1.2 and App. B [V]. Worked examples in
    CER_RULES.md §2.5: a 150 kW Lombardy PV plant gets 130 €/MWh at Pz = 110 and 105 at Pz = 165.
    """
    power = np.asarray(power_kw, dtype=float)
    price = np.asarray(zonal_price_eur_per_mwh, dtype=float)
    base = np.select(
        [power <= b.max_power_kw for b in par.TARIFF_BANDS[:-1]],
        [b.base_eur_per_mwh for b in par.TARIFF_BANDS[:-1]],
        par.TARIFF_BANDS[-1].base_eur_per_mwh,
    )
    cap = np.select(
        [power <= b.max_power_kw for b in par.TARIFF_BANDS[:-1]],
        [b.cap_eur_per_mwh for b in par.TARIFF_BANDS[:-1]],
        par.TARIFF_BANDS[-1].cap_eur_per_mwh,
    )
    variable = np.maximum(0.0, par.VARIABLE_REFERENCE_EUR_PER_MWH - price)
    tip = (np.minimum(cap, base + variable) + fc_zonale_eur_per_mwh(region, source)) * (
        1.0 - reduction_factor(grant_intensity_pct)
    )
    return np.where(power > par.MAX_INCENTIVISED_POWER_KW, 0.0, tip)


@dataclass(frozen=True)
class Eligibility:
    """Whether a plant earns the premium, and why (in words a planner can check)."""

    eligible: bool
    reason: str


def premium_eligibility(
    power_kw: float,
    entry_into_operation: dt.date,
    community_founded_on: dt.date,
    grant_intensity_pct: float = 0.0,
    pre_constitution_exception: bool = False,
) -> Eligibility:
    """Eligibility of a plant for the DM 414 premium (RO-2024 §1.2.1.2) [V].

    Ineligible plants still count for shared energy and the ARERA valorization.
    """
    if entry_into_operation < par.EXISTING_PLANT_CUTOFF:
        return Eligibility(False, f"existing plant (in operation before "
                           f"{par.EXISTING_PLANT_CUTOFF}): no premium, counts for sharing and "
                           "valorization (RO-2024 §1.2.1.2)")
    if power_kw > par.MAX_INCENTIVISED_POWER_KW:
        return Eligibility(False, f"{power_kw:g} kW is over 1 MW: valorization only "
                           "(RO-2024 §1.2.1.2 b)")
    if grant_intensity_pct > par.MAX_GRANT_INTENSITY_PCT:
        return Eligibility(False, f"capital grant of {grant_intensity_pct:g} % is over 40 %: "
                           "premium not cumulable (RO-2024 App. B §3)")
    if entry_into_operation < community_founded_on and not pre_constitution_exception:
        return Eligibility(False, f"entered operation ({entry_into_operation}) before the CER "
                           f"was constituted ({community_founded_on}) (RO-2024 §1.2.1.2 point 5)")
    band = par.TARIFF_BANDS.index(band_of(power_kw)) + 1
    extra = " under the pre-constitution exception" if entry_into_operation < \
        community_founded_on else ""
    f = reduction_factor(grant_intensity_pct)
    return Eligibility(True, f"eligible{extra}: new plant of {power_kw:g} kW, band {band}, "
                       f"F = {f:g}, premium until {premium_end(entry_into_operation)}")


def premium_end(entry_into_operation: dt.date) -> dt.date:
    """First day without premium: 20 years after entry into operation (RO-2024 §2.2.1) [V]."""
    try:
        return entry_into_operation.replace(year=entry_into_operation.year + par.PREMIUM_YEARS)
    except ValueError:  # 29 February
        return dt.date(entry_into_operation.year + par.PREMIUM_YEARS, 3, 1)
