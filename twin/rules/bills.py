"""An electricity bill, one month of many customers at once: the recipe of BILLS.md §1.

For each customer and month, from its grid withdrawal by ARERA band (F1, F2, F3):

1. **energy** ("materia energia"): the regulated vulnerable price (maggior tutela: PED + PPE,
   losses and dispatching included) × kWh; or a PUN-indexed offer
   ``Σ_F W_F × (PUN_F + spread) × λ + dispatching × W``; or a fixed price per band;
2. **sale fixed**: PCV + DISPbt (regulated) or the offer's fixed fee, × days/365;
3. **network** ("trasporto e gestione del contatore"): fixed × days/365, power (€/kW/yr ×
   contracted kW × days/365), energy × kWh;
4. **system charges** ("oneri di sistema"): energy × kWh, plus a fixed part (non-resident homes
   and non-domestic customers) and a power part (non-domestic);
5. **excise** (D.Lgs. 504/95) on the month's kWh with the residents' exemption (BILLS §5.1);
6. **VAT** on 1-5 (10 % domestic, 22 % other; DPR 633/72 Tab. A-III n.103);
7. **bonus sociale**, a separate deduction of a daily amount for energy-poor homes whose ISEE is
   within the threshold (BILLS §7: ≤ 9,530 € in 2025, ≤ 9,796 € from 2026; kept outside the
   VAT base [U]).

CER membership does not change a bill (shared energy is settled virtually; BILLS §1 [D]): only
what a plant behind the customer's meter supplies on site (self-consumption) lowers it, by the
energy-proportional parts; the fixed and power parts stay (BILLS §2).

Arrays in, arrays out; the numbers are :data:`twin.rules.bill_parameters.BILL_RECORDS`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from twin.rules.bill_parameters import BILL_PARAMETERS
from twin.rules.parameters import Parameters

CUSTOMER_CLASSES = ("domestic_resident", "domestic_non_resident", "lv_other", "mv_other")
"""Tariff classes: homes (TD) of residents and non-residents, other uses at low voltage (BTA;
the > 16.5 kW values of BILLS §4.1 are used for every size, ≤ 16.5 kW values were not found [U])
and at medium voltage (MTA: no values found, billed as low voltage [U])."""
OFFERS = ("regulated_vulnerable", "pun_indexed", "fixed_price")
"""How energy is priced: ARERA's maggior tutela for vulnerable customers, an offer indexed to
the PUN by band, or a fixed price per band."""
COMPONENTS = ("energy_eur", "sale_fixed_eur", "network_fixed_eur", "network_power_eur",
              "network_energy_eur", "system_fixed_eur", "system_power_eur",
              "system_energy_eur", "excise_eur", "vat_eur", "bonus_sociale_eur")
"""Lines of a bill; their sum is the total (the bonus is negative)."""
DAYS_PER_YEAR = 365.0
"""Fixed charges are prorated by days/365 (BILLS §1)."""


@dataclass(frozen=True)
class Customers:
    """What decides the bills of ``n`` customers (arrays of length ``n``).

    ``spread_eur_per_kwh``, ``fixed_eur_per_year`` and ``vat_pct`` are NaN where the default
    applies; ``band_price_eur_per_kwh`` is ``(n, 3)`` (used by ``fixed_price`` offers only);
    ``bonus_household`` is -1 for a customer outside the bonus sociale (not an energy-poor
    home), else 0, 1, 2 for households of 1-2, 3-4, more than 4 people; ``isee_eur`` (NaN:
    unknown, taken to qualify) is tested against the threshold in force each month.
    """

    customer_class: np.ndarray
    offer: np.ndarray
    power_kw: np.ndarray
    spread_eur_per_kwh: np.ndarray
    fixed_eur_per_year: np.ndarray
    band_price_eur_per_kwh: np.ndarray
    vat_pct: np.ndarray
    bonus_household: np.ndarray
    isee_eur: np.ndarray

    def __len__(self) -> int:
        return len(self.customer_class)


def excise_eur(month_kwh: np.ndarray, customer_class: np.ndarray, power_kw: np.ndarray,
               on: dt.date, parameters: Parameters = BILL_PARAMETERS) -> np.ndarray:
    """Excise of one month's consumption (D.Lgs. 504/95; BILLS §5.1). [€]

    Homes pay 0.0227 €/kWh; residents up to 3 kW have the first 150 kWh exempt, an exemption
    that shrinks kWh for kWh above 220 kWh a month (above 150 for 1.5 kW or less). Other uses
    pay 0.0125 €/kWh up to 200,000 kWh a month and 0.0075 on the part above, and a fixed
    4,820 € a month above 1.2 GWh.
    """
    kwh = np.asarray(month_kwh, dtype=float)
    rate = parameters.scalar("bill_excise_domestic_eur_per_kwh", on)
    free = parameters.scalar("bill_excise_resident_exempt_kwh_per_month", on)
    phase = parameters.scalar("bill_excise_resident_phase_out_from_kwh", on)
    phase_from = np.where(power_kw <= 1.5, free, phase)
    exempt = np.where(kwh <= phase_from, np.minimum(kwh, free),
                      np.maximum(0.0, free - (kwh - phase_from)))
    resident_small = (customer_class == "domestic_resident") & (power_kw <= 3.0)
    domestic = rate * (kwh - np.where(resident_small, exempt, 0.0))
    low, high = parameters.get("bill_excise_other_eur_per_kwh", on)  # type: ignore[misc]
    step = parameters.scalar("bill_excise_other_step_kwh_per_month", on)
    fixed_from = parameters.scalar("bill_excise_other_fixed_above_kwh_per_month", on)
    other = np.where(kwh > fixed_from,
                     parameters.scalar("bill_excise_other_fixed_eur_per_month", on),
                     low * np.minimum(kwh, step) + high * np.maximum(kwh - step, 0.0))
    return np.where(np.char.startswith(customer_class.astype(str), "domestic"), domestic, other)


def month_bills(band_kwh: np.ndarray, days: np.ndarray, customers: Customers,
                pun_eur_per_kwh: np.ndarray, on: dt.date,
                parameters: Parameters = BILL_PARAMETERS) -> np.ndarray:
    """Bill components of ``n`` customers for one month, ``(n, len(COMPONENTS))``. [€]

    ``band_kwh`` ``(n, 3)`` is the withdrawal in F1, F2, F3; ``days`` the days billed in the
    month; ``pun_eur_per_kwh`` ``(3,)`` the month's PUN by band; ``on`` the month's first day
    (the parameters in force on it).
    """
    p = _MonthTariff(parameters, on)
    kwh = band_kwh.sum(axis=1)
    c = customers
    domestic = np.char.startswith(c.customer_class.astype(str), "domestic")
    resident = c.customer_class == "domestic_resident"
    year_share = days / DAYS_PER_YEAR
    spread = np.where(np.isnan(c.spread_eur_per_kwh), p.spread, c.spread_eur_per_kwh)
    indexed = ((band_kwh * (pun_eur_per_kwh[None, :] + spread[:, None])).sum(axis=1)
               * p.losses + p.dispatch * kwh)
    energy = np.select([c.offer == "regulated_vulnerable", c.offer == "pun_indexed"],
                       [p.regulated_energy * kwh, indexed],
                       (band_kwh * c.band_price_eur_per_kwh).sum(axis=1))
    default_fixed = np.where(c.offer == "regulated_vulnerable", p.regulated_fixed,
                             p.offer_fixed)
    sale_fixed = np.where(np.isnan(c.fixed_eur_per_year), default_fixed,
                          c.fixed_eur_per_year) * year_share
    out = np.zeros((len(c), len(COMPONENTS)))
    out[:, 0], out[:, 1] = energy, sale_fixed
    out[:, 2] = np.where(domestic, p.dom_net_fixed, p.lv_net_fixed) * year_share
    out[:, 3] = np.where(domestic, p.dom_net_power, p.lv_net_power) * c.power_kw * year_share
    out[:, 4] = np.where(domestic, p.dom_net_energy, p.lv_net_energy) * kwh
    out[:, 5] = np.where(domestic, np.where(resident, 0.0, p.dom_sys_fixed_nonres),
                         p.lv_sys_fixed) * year_share
    out[:, 6] = np.where(domestic, 0.0, p.lv_sys_power * c.power_kw) * year_share
    out[:, 7] = np.where(domestic, p.dom_sys_energy, p.lv_sys_energy) * kwh
    out[:, 8] = excise_eur(kwh, c.customer_class, c.power_kw, on, parameters)
    vat = np.where(np.isnan(c.vat_pct), np.where(domestic, p.vat_domestic, p.vat_other),
                   c.vat_pct)
    out[:, 9] = out[:, :9].sum(axis=1) * vat / 100.0
    bonus = np.asarray(p.bonus_per_day)[np.clip(c.bonus_household, 0, 2)]
    qualifies = (c.bonus_household >= 0) & resident & ~(c.isee_eur > p.isee_threshold)
    out[:, 10] = np.where(qualifies, -bonus * days, 0.0)
    return out


class _MonthTariff:
    """The parameters of one month, read once."""

    def __init__(self, parameters: Parameters, on: dt.date) -> None:
        s = parameters.scalar
        self.regulated_energy = s("bill_regulated_energy_eur_per_kwh", on)
        self.regulated_fixed = s("bill_regulated_fixed_eur_per_year", on)
        self.losses = s("bill_losses_factor", on)
        self.dispatch = s("bill_dispatch_eur_per_kwh", on)
        self.spread = s("bill_offer_spread_eur_per_kwh", on)
        self.offer_fixed = s("bill_offer_fixed_eur_per_year", on)
        self.dom_net_fixed = s("bill_domestic_network_fixed_eur_per_year", on)
        self.dom_net_power = s("bill_domestic_network_power_eur_per_kw_year", on)
        self.dom_net_energy = s("bill_domestic_network_energy_eur_per_kwh", on)
        self.dom_sys_energy = s("bill_domestic_system_energy_eur_per_kwh", on)
        self.dom_sys_fixed_nonres = s("bill_domestic_system_fixed_non_resident_eur_per_year", on)
        self.lv_net_fixed = s("bill_lv_network_fixed_eur_per_year", on)
        self.lv_net_power = s("bill_lv_network_power_eur_per_kw_year", on)
        self.lv_net_energy = s("bill_lv_network_energy_eur_per_kwh", on)
        self.lv_sys_fixed = s("bill_lv_system_fixed_eur_per_year", on)
        self.lv_sys_power = s("bill_lv_system_power_eur_per_kw_year", on)
        self.lv_sys_energy = s("bill_lv_system_energy_eur_per_kwh", on)
        self.vat_domestic = s("bill_vat_domestic_pct", on)
        self.vat_other = s("bill_vat_other_pct", on)
        self.bonus_per_day = parameters.get("bill_bonus_eur_per_day", on)
        self.isee_threshold = s("bill_bonus_isee_threshold_eur", on)

