"""Money around the premium: ARERA valorization, GSE fees, advances, the 55 %/45 % excess, RID."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from twin.rules.parameters import CENTRE_REGIONS, DEFAULT_PARAMETERS, NORTH_REGIONS, Parameters
from twin.rules.tariff import band_of, fc_zonale_eur_per_mwh, reduction_factor


def valorization_eur(shared_kwh: ArrayLike, tras_e_eur_per_mwh: ArrayLike) -> np.ndarray:
    """ARERA valorization of a CER configuration: ``TRAS_E × EACV``. [€]

    TIAD (ARERA 727/2022/R/eel, All. A) via RO-2024 §2.2.2.2 [V]: for a CER (and CEC, remote
    self-consumer) the unit value CUAf_a,m is TRAS_E alone, paid on the energy shared under one
    cabina primaria (EACV). The BTAU and avoided-loss terms apply only to building-level groups
    (:func:`group_valorization_extra_eur`; CER_RULES.md §4.1).
    """
    return np.asarray(shared_kwh, dtype=float) / 1000.0 * np.asarray(tras_e_eur_per_mwh)


def group_valorization_extra_eur(
    shared_kwh: ArrayLike,
    shared_by_voltage_kwh: dict[str, ArrayLike],
    btau_eur_per_mwh: ArrayLike,
    zonal_price_eur_per_mwh: ArrayLike,
    parameters: Parameters = DEFAULT_PARAMETERS,
    on: dt.date | None = None,
) -> np.ndarray:
    """Extra valorization of a building-level group of self-consumers (AUC). [€]

    TIAD via RO-2024 §2.2.2.2.2 [V]: ``CUAf_b × E_ACVC + Σ_i E_ACVC,i × c_PR,i × Pz`` with
    CUAf_b = BTAU and c_PR = 1.2 % for plants on MV, 2.6 % on LV. Here E_ACVC is the shared energy
    (all withdrawal points of a building are taken as LV, so every plant's share qualifies) and
    ``shared_by_voltage_kwh`` splits it by the voltage of the plant it is allocated to
    (``"lv"``, ``"mv"``).
    """
    price = np.asarray(zonal_price_eur_per_mwh, dtype=float)
    extra = np.asarray(shared_kwh, dtype=float) / 1000.0 * np.asarray(btau_eur_per_mwh)
    for voltage, energy in shared_by_voltage_kwh.items():
        c_pr = parameters.scalar(f"loss_coefficient_{voltage}", on)
        extra = extra + np.asarray(energy, dtype=float) / 1000.0 * c_pr * price
    return extra


def gse_fee_eur_per_year(power_kw: float, parameters: Parameters = DEFAULT_PARAMETERS,
                         on: dt.date | None = None) -> float:
    """Annual GSE management fee of an incentivised plant. [€/year]

    DM MASE 15 March 2024, Allegato 1a [V]: €0 up to 3 kW; €15 up to 20 kW; above, €15 plus €1
    for each kW over 20 kW (a 150 kW plant pays €145). VAT excluded.
    """
    if power_kw <= parameters.scalar("gse_fee_free_up_to_kw", on):
        return 0.0
    flat_up_to = parameters.scalar("gse_fee_flat_up_to_kw", on)
    flat = parameters.scalar("gse_fee_flat_eur", on)
    if power_kw <= flat_up_to:
        return flat
    return flat + parameters.scalar("gse_fee_eur_per_kw_above", on) * (power_kw - flat_up_to)


def equivalent_hours(region: str, source: str = "pv",
                     parameters: Parameters = DEFAULT_PARAMETERS,
                     on: dt.date | None = None) -> float:
    """H_j of the advance: PV North 900 h, Centre 1,050, South 1,100 (RO-2024 §2.2.2.1.1)."""
    if source != "pv":
        raise ValueError(f"equivalent hours are modelled for PV only, not {source!r}")
    zone = "north" if region in NORTH_REGIONS else "centre" if region in CENTRE_REGIONS \
        else "south"
    return parameters.scalar(f"equivalent_hours_pv_{zone}", on)


def monthly_advance_eur(power_kw: float, region: str, grant_intensity_pct: float = 0.0,
                        source: str = "pv", parameters: Parameters = DEFAULT_PARAMETERS,
                        on: dt.date | None = None) -> float:
    """GSE's monthly premium advance for one incentivised plant. [€/month]

    RO-2024 §2.2.2.1.1 [V]: ``A = P × (H_j / 12) × α × TIP_a`` with
    ``TIP_a = (TP_base + Z + FC_zonale) × (1 − F)``, α = 0.60, Z = 20 €/MWh. Example
    (CER_RULES §2.6): 150 kW PV in Lombardy → 150 × 75 × 0.6 × 0.110 = €742.50 per month.
    """
    band = band_of(power_kw, parameters, on)
    tip_a = (band.base_eur_per_mwh + parameters.scalar("advance_z_eur_per_mwh", on)
             + fc_zonale_eur_per_mwh(region, source, parameters, on)) * (
        1.0 - reduction_factor(grant_intensity_pct, parameters, on))
    energy_kwh = power_kw * equivalent_hours(region, source, parameters, on) / 12.0
    return energy_kwh * parameters.scalar("advance_alpha", on) * tip_a / 1000.0


def excess_premium_eur(
    incentivised_shared_kwh: float,
    incentivised_injected_kwh: float,
    premium_eur: float,
    with_grant: bool = False,
    formula: Literal["literal_2025", "proportional"] = "literal_2025",
    parameters: Parameters = DEFAULT_PARAMETERS,
    on: dt.date | None = None,
) -> float:
    """Premium earmarked by the 55 % / 45 % rule over one year. [€]

    The ratio of incentivised shared energy to the injection of incentivised plants is compared
    with 55 % (45 % when the premium is cumulated with a capital grant) (DM 414 art. 3 c. 2
    lett. g; RO-2024 §2.2.2.1.3) [V]. The excess premium must go to consumers other than
    businesses or to social purposes in the plants' territory.

    ``literal_2025`` (default): ``max(0, ratio − threshold) × C_ACI`` as the July 2025 RO
    §2.2.2.1.3 is reported to write it [S/U]. ``proportional``:
    ``max(0, ratio − threshold) / ratio × C_ACI``. Example (CER_RULES.md §3): ratio 60 %,
    threshold 55 % → 5 % of the premium (literal) or 8.3 % (proportional).
    """
    if incentivised_injected_kwh <= 0 or premium_eur <= 0:
        return 0.0
    name = "excess_threshold_with_grant" if with_grant else "excess_threshold"
    threshold = parameters.scalar(name, on)
    ratio = incentivised_shared_kwh / incentivised_injected_kwh
    excess = max(0.0, ratio - threshold)
    if formula == "proportional":
        excess = excess / ratio if ratio > 0 else 0.0
    return excess * premium_eur


def rid_revenue_eur(injected_kwh: ArrayLike, zonal_price_eur_per_mwh: ArrayLike) -> np.ndarray:
    """Ritiro Dedicato revenue of the producer: injection × hourly zonal price. [€]

    ARERA delibera 280/07 via RO-2024 §2.2.1 [V]; guaranteed minimum prices are not modelled.
    """
    return np.asarray(injected_kwh, dtype=float) * (np.asarray(zonal_price_eur_per_mwh) / 1000.0)
