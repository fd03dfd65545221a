"""Numbers of the rules, each with its source and validity.

Every figure the rules use lives here, never inline in a formula. Sources are the GSE "Regole
operative CACER e TIAD" of February 2024 (RO-2024), DM MASE 7 December 2023 n. 414 (DM 414) as
restated in RO-2024 Appendice B, the DM MASE of 15 March 2024 on GSE fees, and the TIAD (ARERA
727/2022/R/eel) as restated in RO-2024 Appendice A; see ``CER_RULES.md`` for tags.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class TariffBand:
    """One power band of the DM 414 premium. [kW], [€/MWh]"""

    max_power_kw: float  # inclusive upper bound
    base_eur_per_mwh: float
    cap_eur_per_mwh: float


TARIFF_BANDS = (
    TariffBand(200.0, 80.0, 120.0),
    TariffBand(600.0, 70.0, 110.0),
    TariffBand(1000.0, 60.0, 100.0),
)
"""DM 414 Allegato 1 / RO-2024 App. B §1: P ≤ 200 kW; 200 < P ≤ 600 kW; P > 600 kW (max 1 MW).
Boundaries are inclusive at the lower band: 600 kW is band 2 [V]."""

VARIABLE_REFERENCE_EUR_PER_MWH = 180.0
"""The premium's variable part is max(0, 180 − Pz). [€/MWh] (DM 414 Allegato 1) [V]"""

MAX_INCENTIVISED_POWER_KW = 1000.0
"""Plants above 1 MW receive the valorization only (RO-2024 §1.2.1.2 b) [V]. [kW]"""

NORTH_REGIONS = frozenset({
    "Emilia-Romagna", "Friuli-Venezia Giulia", "Liguria", "Lombardia", "Piemonte",
    "Trentino-Alto Adige", "Valle d'Aosta", "Veneto",
})
CENTRE_REGIONS = frozenset({"Lazio", "Marche", "Toscana", "Umbria", "Abruzzo"})
FC_NORTH_EUR_PER_MWH = 10.0
FC_CENTRE_EUR_PER_MWH = 4.0
"""FC zonale, PV only, added after the cap (DM 414 Allegato 1; RO-2024 App. B) [V]."""

MAX_GRANT_INTENSITY_PCT = 40.0
MAX_REDUCTION_F = 0.5
"""F = 0.5 × intensity / 40 %; above 40 % the premium is not cumulable (RO-2024 App. B §3) [V]."""

EXISTING_PLANT_CUTOFF = dt.date(2021, 12, 16)
"""Plants in operation before this date (D.Lgs. 199/2021 in force) are 'existing': they count for
shared energy and valorization but get no premium (RO-2024 §1.2.1.2) [V]."""

PREMIUM_YEARS = 20
"""The premium lasts 20 years from entry into operation (RO-2024 §2.2.1) [V]."""

TRAS_E_EUR_PER_MWH: dict[int, float] = {
    2023: 8.48,   # RSE CACER_Simulator config, year not stated [U/S]
    2024: 10.57,  # Regione Emilia-Romagna page; RSE config.yml [S]
}
"""TRAS_E, the valorization unit value for CER configurations (TIAD; CER_RULES.md §4.2).
Years without a published value use the latest earlier one [U: 2025-2026 not found]."""

GSE_FEE_FREE_UP_TO_KW = 3.0
GSE_FEE_FLAT_UP_TO_KW = 20.0
GSE_FEE_FLAT_EUR = 15.0
GSE_FEE_EUR_PER_KW_ABOVE = 1.0
"""Annual GSE management fee per incentivised plant (DM MASE 15 Mar 2024, Allegato 1a) [V]:
€0 up to 3 kW, €15 up to 20 kW, then €15 + €1 per kW above 20 kW (VAT excluded)."""

EXCESS_THRESHOLD = 0.55
EXCESS_THRESHOLD_WITH_GRANT = 0.45
"""Annual ratio of incentivised shared energy to injection of incentivised plants above which
the premium is earmarked for non-business consumers or social purposes (DM 414 art. 3 c. 2
lett. g; RO-2024 §2.2.2.1.3) [V]."""


def tras_e_eur_per_mwh(year: int) -> float:
    """TRAS_E for a calendar year. [€/MWh]"""
    known = sorted(TRAS_E_EUR_PER_MWH)
    usable = [y for y in known if y <= year] or known[:1]
    return TRAS_E_EUR_PER_MWH[usable[-1]]
