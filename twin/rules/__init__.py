"""The rules of Italian CERs, one module per legal text, each citing its source.

Public API for notebooks (arrays in, arrays out)::

    from twin.rules import shared_energy_kwh, tip_eur_per_mwh
    shared_energy_kwh([80, 120, 0, 30], [50, 140, 60, 10]).sum()     # 180 kWh (CER_RULES §1.2)
    tip_eur_per_mwh(150, [110, 165], "Lombardia")                     # [130, 105] €/MWh (§2.5)
"""

from twin.rules.money import (
    equivalent_hours,
    excess_premium_eur,
    group_valorization_extra_eur,
    gse_fee_eur_per_year,
    monthly_advance_eur,
    rid_revenue_eur,
    valorization_eur,
)
from twin.rules.parameters import DEFAULT_PARAMETERS, Parameter, Parameters, tras_e_eur_per_mwh
from twin.rules.shared_energy import (
    allocate_by_seniority,
    shared_energy_kwh,
    withdrawal_for_sharing_kwh,
)
from twin.rules.tariff import (
    Eligibility,
    TariffBand,
    band_of,
    bands,
    fc_zonale_eur_per_mwh,
    premium_eligibility,
    premium_end,
    reduction_factor,
    tariff_power_kw,
    tip_eur_per_mwh,
)

__all__ = [
    "DEFAULT_PARAMETERS",
    "Eligibility",
    "Parameter",
    "Parameters",
    "TariffBand",
    "allocate_by_seniority",
    "band_of",
    "bands",
    "equivalent_hours",
    "excess_premium_eur",
    "fc_zonale_eur_per_mwh",
    "group_valorization_extra_eur",
    "gse_fee_eur_per_year",
    "monthly_advance_eur",
    "premium_eligibility",
    "premium_end",
    "reduction_factor",
    "rid_revenue_eur",
    "tariff_power_kw",
    "shared_energy_kwh",
    "tip_eur_per_mwh",
    "tras_e_eur_per_mwh",
    "valorization_eur",
    "withdrawal_for_sharing_kwh",
]
