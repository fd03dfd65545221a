"""Money around the premium: ARERA valorization, GSE fees, the 55 %/45 % excess, RID revenue."""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from twin.rules import parameters as par


def valorization_eur(shared_kwh: ArrayLike, tras_e_eur_per_mwh: ArrayLike) -> np.ndarray:
    """ARERA valorization of a CER configuration: ``TRAS_E × EACV``. [€]

    TIAD (ARERA 727/2022/R/eel, All. A) via RO-2024 §2.2.2.2 [V]: for a CER the unit value
    CUAf_a,m is TRAS_E alone, paid on the energy shared under one cabina primaria (EACV). The
    BTAU and avoided-loss terms apply only to building-level groups (CER_RULES.md §4.1).
    """
    return np.asarray(shared_kwh, dtype=float) / 1000.0 * np.asarray(tras_e_eur_per_mwh)


def gse_fee_eur_per_year(power_kw: float) -> float:
    """Annual GSE management fee of an incentivised plant. [€/year]

    DM MASE 15 March 2024, Allegato 1a [V]: €0 up to 3 kW; €15 up to 20 kW; above, €15 plus €1
    for each kW over 20 kW (a 150 kW plant pays €145). VAT excluded.
    """
    if power_kw <= par.GSE_FEE_FREE_UP_TO_KW:
        return 0.0
    if power_kw <= par.GSE_FEE_FLAT_UP_TO_KW:
        return par.GSE_FEE_FLAT_EUR
    return par.GSE_FEE_FLAT_EUR + par.GSE_FEE_EUR_PER_KW_ABOVE * (
        power_kw - par.GSE_FEE_FLAT_UP_TO_KW)


def excess_premium_eur(
    incentivised_shared_kwh: float,
    incentivised_injected_kwh: float,
    premium_eur: float,
    with_grant: bool = False,
    formula: Literal["literal_2025", "proportional"] = "literal_2025",
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
    threshold = par.EXCESS_THRESHOLD_WITH_GRANT if with_grant else par.EXCESS_THRESHOLD
    ratio = incentivised_shared_kwh / incentivised_injected_kwh
    excess = max(0.0, ratio - threshold)
    if formula == "proportional":
        excess = excess / ratio if ratio > 0 else 0.0
    return excess * premium_eur


def rid_revenue_eur(injected_kwh: ArrayLike, zonal_price_eur_per_mwh: ArrayLike) -> np.ndarray:
    """Ritiro Dedicato revenue of the producer: injection × hourly zonal price. [€]

    ARERA delibera 280/07 via RO-2024 §2.2.1 [V]; guaranteed minimum prices are not modelled.
    """
    return np.asarray(injected_kwh, dtype=float) / 1000.0 * np.asarray(zonal_price_eur_per_mwh)
