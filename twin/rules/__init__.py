"""The rules of Italian CERs, one module per legal text, each citing its source.

Public API for notebooks (arrays in, arrays out)::

    from twin.rules import shared_energy_kwh, tip_eur_per_mwh
"""

from twin.rules.money import (
    excess_premium_eur,
    gse_fee_eur_per_year,
    rid_revenue_eur,
    valorization_eur,
)
from twin.rules.parameters import tras_e_eur_per_mwh
from twin.rules.shared_energy import allocate_by_seniority, shared_energy_kwh
from twin.rules.tariff import (
    Eligibility,
    band_of,
    fc_zonale_eur_per_mwh,
    premium_eligibility,
    premium_end,
    reduction_factor,
    tip_eur_per_mwh,
)

__all__ = [
    "Eligibility",
    "allocate_by_seniority",
    "band_of",
    "excess_premium_eur",
    "fc_zonale_eur_per_mwh",
    "gse_fee_eur_per_year",
    "premium_eligibility",
    "premium_end",
    "reduction_factor",
    "rid_revenue_eur",
    "shared_energy_kwh",
    "tip_eur_per_mwh",
    "tras_e_eur_per_mwh",
    "valorization_eur",
]
