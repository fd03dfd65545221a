"""The incentive tariff (tariffa premio, TIP) of DM MASE 7 December 2023 n. 414.

Formula (DM 414 Allegato 1 = RO-2024 Appendice B; RO-2024 §2.2.2.1) [V], hourly, in €/MWh::

    TIP_h = { min[CAP ; TP_base + max(0 ; 180 − Pz_h)] + FC_zonale } × (1 − F)

with TP_base and CAP from the plant's power band, Pz_h the hourly zonal price of the plant's
market zone, FC_zonale (+10 €/MWh North, +4 Centre; PV only) added after the cap, and F the
capital-grant reduction. F does not apply to the energy "afferente" to withdrawal points of exempt
holders (public, religious, third-sector, environmental bodies; natural persons from the 2025
rules): the share of exempt energy is an input (RO-2024 §2.2.2.1.2; CER_RULES §2.4).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import ArrayLike

from twin.rules.parameters import (
    CENTRE_REGIONS,
    DEFAULT_PARAMETERS,
    EXISTING_PLANT_CUTOFF,
    NORTH_REGIONS,
    Parameters,
)


class Rated(Protocol):
    """A plant's ratings, as the tariff reads them."""

    capacity_kwp: float
    inverter_kw: float


def tariff_power_kw(plant: Rated) -> float:
    """Plant power for the DM 414 bands: the lower of the modules' DC power at STC and the
    inverter's AC rating (RO-2024 App. A, DM 414 definitions; CER_RULES §2.1) [V]. [kW]"""
    return min(plant.capacity_kwp, plant.inverter_kw)


@dataclass(frozen=True)
class TariffBand:
    """One power band of the DM 414 premium."""

    number: int
    max_power_kw: float
    base_eur_per_mwh: float
    cap_eur_per_mwh: float


def bands(parameters: Parameters = DEFAULT_PARAMETERS,
          on: dt.date | None = None) -> tuple[TariffBand, ...]:
    """The DM 414 bands in force on a date."""
    limits = parameters.get("tip_band_max_power_kw", on)
    bases = parameters.get("tip_base_eur_per_mwh", on)
    caps = parameters.get("tip_cap_eur_per_mwh", on)
    assert isinstance(limits, tuple) and isinstance(bases, tuple) and isinstance(caps, tuple)
    return tuple(TariffBand(i + 1, lim, b, c)
                 for i, (lim, b, c) in enumerate(zip(limits, bases, caps, strict=True)))


def band_of(power_kw: float, parameters: Parameters = DEFAULT_PARAMETERS,
            on: dt.date | None = None) -> TariffBand:
    """The band of a plant power: ≤ 200, 200-600 (600 included), > 600 kW (DM 414 All. 1)."""
    table = bands(parameters, on)
    for band in table:
        if power_kw <= band.max_power_kw:
            return band
    return table[-1]


def fc_zonale_eur_per_mwh(region: str, source: str = "pv",
                          parameters: Parameters = DEFAULT_PARAMETERS,
                          on: dt.date | None = None) -> float:
    """FC zonale: +10 €/MWh in the North, +4 in the Centre, PV only (DM 414 All. 1) [V]."""
    if source != "pv":
        return 0.0
    if region in NORTH_REGIONS:
        return parameters.scalar("fc_north_eur_per_mwh", on)
    if region in CENTRE_REGIONS:
        return parameters.scalar("fc_centre_eur_per_mwh", on)
    return 0.0


def reduction_factor(grant_intensity_pct: float, parameters: Parameters = DEFAULT_PARAMETERS,
                     on: dt.date | None = None) -> float:
    """Capital-grant reduction F = 0.5 × intensity / 40 % (RO-2024 App. B §3) [V].

    Above 40 % the premium is not cumulable at all: F = 1 (no premium).
    """
    if grant_intensity_pct < 0:
        raise ValueError(f"grant intensity must be ≥ 0 %, found {grant_intensity_pct}")
    limit = parameters.scalar("max_grant_intensity_pct", on)
    if grant_intensity_pct > limit:
        return 1.0
    return parameters.scalar("max_reduction_f", on) * grant_intensity_pct / limit


def tip_eur_per_mwh(
    power_kw: ArrayLike,
    zonal_price_eur_per_mwh: ArrayLike,
    region: str,
    grant_intensity_pct: float = 0.0,
    source: str = "pv",
    *,
    f_exempt_share: ArrayLike = 0.0,
    parameters: Parameters = DEFAULT_PARAMETERS,
    on: dt.date | None = None,
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
    f_exempt_share : array_like
        Share of the energy afferent to withdrawal points exempt from F, in [0, 1]. [-]
    parameters, on
        Rule parameters and the date they must be valid on (default: current rules).

    Returns
    -------
    ndarray
        ``{min[CAP; TP_base + max(0; 180 − Pz)] + FC} × (1 − F × (1 − exempt share))``,
        broadcast over the inputs; 0 for plants over 1 MW (valorization only, RO-2024
        §1.2.1.2 b) and for grants over 40 %. [€/MWh]

    Notes
    -----
    DM MASE 414/2023 Allegato 1 and RO-2024 §2.2.2.1.2 and App. B [V]. Worked examples in
    CER_RULES.md §2.5: a 150 kW Lombardy PV plant gets 130 €/MWh at Pz = 110 and 105 at Pz = 165.
    """
    power = np.asarray(power_kw, dtype=float)
    price = np.asarray(zonal_price_eur_per_mwh, dtype=float)
    table = bands(parameters, on)
    conditions = [power <= b.max_power_kw for b in table[:-1]]
    base = np.select(conditions, [b.base_eur_per_mwh for b in table[:-1]],
                     table[-1].base_eur_per_mwh)
    cap = np.select(conditions, [b.cap_eur_per_mwh for b in table[:-1]],
                    table[-1].cap_eur_per_mwh)
    reference = parameters.scalar("tip_reference_price_eur_per_mwh", on)
    variable = np.maximum(0.0, reference - price)
    f = reduction_factor(grant_intensity_pct, parameters, on)
    exempt = np.clip(np.asarray(f_exempt_share, dtype=float), 0.0, 1.0)
    factor = 0.0 if f >= 1.0 else 1.0 - f * (1.0 - exempt)
    tip = (np.minimum(cap, base + variable)
           + fc_zonale_eur_per_mwh(region, source, parameters, on)) * factor
    return np.where(power > parameters.scalar("max_incentivised_power_kw", on), 0.0, tip)


@dataclass(frozen=True)
class Eligibility:
    """Whether a plant earns the premium, and why (in words a planner can check); ``code`` and
    ``values`` say the same for a report in another language."""

    eligible: bool
    reason: str
    code: str = ""
    values: tuple[tuple[str, str], ...] = ()


def premium_eligibility(
    power_kw: float,
    entry_into_operation: dt.date,
    community_founded_on: dt.date,
    grant_intensity_pct: float = 0.0,
    pre_constitution_exception: bool = False,
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> Eligibility:
    """Eligibility of a plant for the DM 414 premium (RO-2024 §1.2.1.2) [V].

    Ineligible plants still count for shared energy and the ARERA valorization.
    """
    on = entry_into_operation
    if entry_into_operation < EXISTING_PLANT_CUTOFF:
        return Eligibility(False, f"existing plant (in operation before "
                           f"{EXISTING_PLANT_CUTOFF}): no premium, counts for sharing and "
                           "valorization (RO-2024 §1.2.1.2)", "existing",
                           (("cutoff", str(EXISTING_PLANT_CUTOFF)),))
    if power_kw > parameters.scalar("max_incentivised_power_kw", on):
        return Eligibility(False, f"{power_kw:g} kW is over 1 MW: valorization only "
                           "(RO-2024 §1.2.1.2 b)", "over_1mw", (("kw", f"{power_kw:g}"),))
    if grant_intensity_pct > parameters.scalar("max_grant_intensity_pct", on):
        return Eligibility(False, f"capital grant of {grant_intensity_pct:g} % is over 40 %: "
                           "premium not cumulable (RO-2024 App. B §3)", "grant_over_40",
                           (("pct", f"{grant_intensity_pct:g}"),))
    window = premium_window_end(parameters)
    if entry_into_operation > window:
        return Eligibility(False, f"entered operation ({entry_into_operation}) after the DM 414 "
                           f"window closed ({window}: 31 Dec 2027, or 30 days after the 5 GW "
                           "quota; DM 414 art. 1 c. 2): valorization only", "after_window",
                           (("entry", str(entry_into_operation)), ("window", str(window))))
    if entry_into_operation < community_founded_on and not pre_constitution_exception:
        return Eligibility(False, f"entered operation ({entry_into_operation}) before the CER "
                           f"was constituted ({community_founded_on}) (RO-2024 §1.2.1.2 point 5)",
                           "before_constitution", (("entry", str(entry_into_operation)),
                                                   ("founded", str(community_founded_on))))
    band = band_of(power_kw, parameters, on).number
    extra = (" under the pre-constitution exception"
             if entry_into_operation < community_founded_on else "")
    f = reduction_factor(grant_intensity_pct, parameters, on)
    until = premium_end(entry_into_operation, parameters)
    return Eligibility(True, f"eligible{extra}: new plant of {power_kw:g} kW, band {band}, "
                       f"F = {f:g}, in operation within the DM 414 window (by {window}), "
                       f"premium until {until}",
                       "eligible_exception" if extra else "eligible",
                       (("kw", f"{power_kw:g}"), ("band", str(band)), ("f", f"{f:g}"),
                        ("window", str(window)), ("until", str(until))))


def premium_window_end(parameters: Parameters = DEFAULT_PARAMETERS) -> dt.date:
    """Last day a plant may enter operation and still earn the premium: 31 Dec 2027, or 30 days
    after the 5 GW quota is reached if that comes first (DM 414 art. 1 c. 2) [V]."""
    end = parameters.date("premium_window_end")
    assert end is not None
    reached = parameters.date("premium_quota_reached_on")
    if reached is not None:
        grace = dt.timedelta(days=parameters.scalar("premium_quota_grace_days"))
        end = min(end, reached + grace)
    return end


def premium_end(entry_into_operation: dt.date,
                parameters: Parameters = DEFAULT_PARAMETERS) -> dt.date:
    """First day without premium: 20 years after entry into operation (RO-2024 §2.2.1) [V]."""
    years = int(parameters.scalar("premium_years", entry_into_operation))
    try:
        return entry_into_operation.replace(year=entry_into_operation.year + years)
    except ValueError:  # 29 February
        return dt.date(entry_into_operation.year + years, 3, 1)
