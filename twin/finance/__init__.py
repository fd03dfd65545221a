"""Money over time: investment appraisal (NPV, IRR, payback), the GSE cash timeline (advances,
fees, settlement) and the solidarity fund."""

from twin.finance.investment import (
    CAPEX_EUR_PER_KWP,
    OPEX_EUR_PER_KWP_YEAR,
    FinanceAssumptions,
    Investment,
    capex_eur_per_kwp,
    cash_flows,
    irr,
    npv,
    payback_years,
    plant_capex_eur,
    plant_finance,
)

__all__ = [
    "CAPEX_EUR_PER_KWP", "OPEX_EUR_PER_KWP_YEAR", "FinanceAssumptions", "Investment",
    "capex_eur_per_kwp", "cash_flows", "irr", "npv", "payback_years", "plant_capex_eur",
    "plant_finance",
]
