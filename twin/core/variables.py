"""The glossary of result variables: one entry per name, used to set Dataset attrs.

Conventions (STYLE.md habits 1-4): units in names; two non-negative flows instead of a signed net
value; time is UTC, stored naive with ``attrs['timezone'] = 'UTC'``, each step labelled by its
interval **start**; energy per interval has ``cell_methods: time: sum``, power ``time: mean``.
"""

from __future__ import annotations

from typing import NamedTuple


class Variable(NamedTuple):
    units: str
    long_name: str
    cell_methods: str


VARIABLES: dict[str, Variable] = {
    "injected_energy_kwh": Variable(
        "kWh", "energy injected by the plant while it counts for its configuration",
        "time: sum"),
    "configuration_injected_energy_kwh": Variable(
        "kWh", "energy injected by the configuration's active plants", "time: sum"),
    "configuration_withdrawn_energy_kwh": Variable(
        "kWh", "energy withdrawn by the configuration's active members", "time: sum"),
    "shared_energy_kwh": Variable(
        "kWh", "shared energy: hourly min(injection, withdrawal) under one cabina primaria",
        "time: sum"),
    "allocated_shared_energy_kwh": Variable(
        "kWh", "shared energy allocated to the plant by seniority", "time: sum"),
    "incentivised_energy_kwh": Variable(
        "kWh", "energy on which the plant earns the DM 414 premium", "time: sum"),
    "zonal_price_eur_per_mwh": Variable("EUR/MWh", "hourly zonal price Pz", "time: mean"),
    "market_zone_shared_energy_kwh": Variable(
        "kWh", "shared energy over the whole market zone (earns nothing from GSE)", "time: sum"),
    "f_exempt_share": Variable(
        "1", "share of the configuration's withdrawal exempt from the grant reduction F",
        "time: mean"),
    "plant_f_exempt_share": Variable(
        "1", "share of the plant's incentivised energy exempt from the grant reduction F",
        "time: mean"),
    "tip_eur_per_mwh": Variable(
        "EUR/MWh", "DM 414 premium rate of the plant (0 when not eligible)", "time: mean"),
    "premium_eur": Variable("EUR", "DM 414 premium earned by the plant", "time: sum"),
    "valorization_eur": Variable(
        "EUR", "ARERA valorization TRAS_E x shared energy of the configuration", "time: sum"),
    "rid_revenue_eur": Variable(
        "EUR", "Ritiro Dedicato revenue of the producer at the zonal price", "time: sum"),
    "gse_fee_eur": Variable("EUR", "GSE management fee of the plant over the period", "sum"),
    "excess_premium_eur": Variable(
        "EUR", "premium earmarked by the 55%/45% rule over the period", "sum"),
    "member_withdrawn_energy_kwh": Variable(
        "kWh", "energy withdrawn by the member while active in the community", "time: sum"),
    "member_withdrawn_by_band_kwh": Variable(
        "kWh", "grid withdrawal of the member while active, by local month and ARERA band",
        "time: sum"),
    "member_self_consumed_by_band_kwh": Variable(
        "kWh", "output of plants behind the member's POD used on site while active, by local "
        "month and ARERA band", "time: sum"),
    "member_active_days": Variable("day", "days of the local month the member was active",
                                   "time: sum"),
    "member_peak_kw": Variable(
        "kW", "highest mean power of the member's load (before self-consumption) in a step",
        "time: maximum"),
    "bill_eur": Variable(
        "EUR", "member's bill by local month and component (total_eur: with taxes, after the "
        "bonus sociale)", "time: sum"),
    "bill_cost_eur": Variable(
        "EUR", "member's bill total net of the VAT it recovers, by local month", "time: sum"),
    "avoided_bill_eur": Variable(
        "EUR", "bill the plants behind the member's POD avoid it (same basis), by local month",
        "time: sum"),
    "battery_charge_energy_kwh": Variable(
        "kWh", "energy the battery took in (from its host's plants, or the grid for a community "
        "battery)", "time: sum"),
    "battery_discharge_energy_kwh": Variable(
        "kWh", "energy the battery delivered (to its host's load, or the grid for a community "
        "battery)", "time: sum"),
    "battery_soc_kwh": Variable("kWh", "energy stored in the battery at the end of the hour",
                                "time: point"),
    "plant_in_community": Variable(
        "1", "1 while the plant counts for its configuration, else 0", "time: point"),
    "self_consumed_energy_kwh": Variable(
        "kWh", "output of the plant used on site by the member whose POD it sits behind",
        "time: sum"),
    "plant_production_energy_kwh": Variable(
        "kWh", "AC energy produced by the plant over the period (before self-consumption)",
        "time: sum"),
}


def attrs_for(name: str) -> dict[str, str]:
    """Attrs of a result variable; a name missing from the glossary is a bug."""
    v = VARIABLES[name]
    return {"units": v.units, "long_name": v.long_name, "cell_methods": v.cell_methods}
