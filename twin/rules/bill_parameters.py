"""Numbers of Italian electricity bills as data: network, system charges, regulated prices, taxes
and the bonus sociale, each with its unit, source and validity dates.

Values and tags come from ``BILLS.md`` (``../shared/docs``), whose sources are: P1-P10 ARERA
press releases on the vulnerable reference customer; G1-G3 repositories parsing ARERA's tables
(del. 575/2025/R/eel TIT and TIME, 588/2025/R/com, 98/2026 and 227/2026/R/com oneri, the STG and
maggior tutela workbooks); W1 the excise table (D.Lgs. 504/95); W2 VAT (DPR 633/72 Tab. A-III
n.103); B1 the bonus sociale amounts. Tags: [S] official, [D] derived or read from a secondary
extraction, [U] uncertain. A value before its first known validity is the earliest known one
(:meth:`twin.rules.parameters.Parameters.get`), after its last the last one: years the sources do
not cover are billed at the nearest known values [U], stated in docs/bills.md.

A scenario overrides any of them like a rule parameter (``[[parameters]]``, name and validity).
"""

from __future__ import annotations

import datetime as dt

from twin.rules.parameters import Parameter, Parameters

D = dt.date

_NETWORK_2025_SCALE = 6.28 / 6.18
"""ARERA's network component for the reference customer (2,000 kWh, 3 kW): 6.28 c€/kWh in every
quarter of 2025, 6.18 in Q1 2026 (BILLS §3.2 [S]). The 2025 unit values are not published in the
sources (BILLS §10); the 2026 ones scaled by this ratio reproduce the 2025 aggregate [D]."""


def _quarters(name: str, unit: str, source: str, year: int,
              values: tuple[float, float, float, float]) -> tuple[Parameter, ...]:
    """One record per calendar quarter of a year."""
    starts = [D(year, 1, 1), D(year, 4, 1), D(year, 7, 1), D(year, 10, 1), D(year + 1, 1, 1)]
    return tuple(Parameter(name, v, unit, source, starts[q], starts[q + 1])
                 for q, v in enumerate(values))


BILL_RECORDS: tuple[Parameter, ...] = (
    # --- Domestic network (tariff TD): σ1, σ2 + UC6 power, σ3 + UC3 + UC6 energy -------------
    Parameter("bill_domestic_network_fixed_eur_per_year", 23.04 * _NETWORK_2025_SCALE,
              "EUR/POD/year", "BILLS §3.1-3.2: 2026 σ1 scaled to the 2025 aggregate [D]",
              valid_to=D(2026, 1, 1)),
    Parameter("bill_domestic_network_fixed_eur_per_year", 23.04, "EUR/POD/year",
              "BILLS §3.1: σ1 2026, del. 575/2025 [D] (G1, G2)", valid_from=D(2026, 1, 1)),
    Parameter("bill_domestic_network_power_eur_per_kw_year", 23.7188 * _NETWORK_2025_SCALE,
              "EUR/kW/year", "BILLS §3.1-3.2: 2026 σ2 + UC6 scaled to the 2025 aggregate [D]",
              valid_to=D(2026, 1, 1)),
    Parameter("bill_domestic_network_power_eur_per_kw_year", 23.7188, "EUR/kW/year",
              "BILLS §3.1: σ2 23.52 + UC6 0.1988, 2026 [D] (G1, G2)", valid_from=D(2026, 1, 1)),
    Parameter("bill_domestic_network_energy_eur_per_kwh", 0.01473 * _NETWORK_2025_SCALE,
              "EUR/kWh", "BILLS §3.1-3.2: 2026 σ3 + UC3 + UC6 scaled to the 2025 aggregate [D]",
              valid_to=D(2026, 1, 1)),
    Parameter("bill_domestic_network_energy_eur_per_kwh", 0.01473, "EUR/kWh",
              "BILLS §3.1: σ3 0.01190 + UC3 0.00276 + UC6 0.00007, 2026 [D] (G1, G2)",
              valid_from=D(2026, 1, 1)),
    # --- Domestic system charges (ASOS + ARIM): energy only for residents ----------------------
    *_quarters("bill_domestic_system_energy_eur_per_kwh", "EUR/kWh",
               "BILLS §3.2: ARERA reference customer, oneri c€/kWh (100 % energy-based for "
               "residents) [S] P5, P4, P3, P2", 2025, (0.0322, 0.0313, 0.0313, 0.0313)),
    Parameter("bill_domestic_system_energy_eur_per_kwh", 0.030295, "EUR/kWh",
              "BILLS §3.1: ASOS 0.028657 + ARIM 0.001638, del. 588/2025, 98/2026 [D] (G2)",
              valid_from=D(2026, 1, 1), valid_to=D(2026, 7, 1)),
    Parameter("bill_domestic_system_energy_eur_per_kwh", 0.033153, "EUR/kWh",
              "BILLS §3.1: ASOS 0.031515 + ARIM 0.001638, del. 227/2026/R/com [D] (G1, G2)",
              valid_from=D(2026, 7, 1)),
    Parameter("bill_domestic_system_fixed_non_resident_eur_per_year", 95.09, "EUR/POD/year",
              "BILLS §3.1: oneri fixed part, non-resident homes, Q3 2026 [D] (G1); other "
              "periods not found, held [U]"),
    # --- Maggior tutela for vulnerable customers: PED + PPE (incl. losses and PD), PCV + DISPbt -
    *_quarters("bill_regulated_energy_eur_per_kwh", "EUR/kWh",
               "BILLS §3.2: ARERA reference customer, energy c€/kWh [S] P5, P4, P3, P2", 2025,
               (0.1664, 0.1605, 0.1641, 0.1425)),
    Parameter("bill_regulated_energy_eur_per_kwh", 0.1375, "EUR/kWh",
              "BILLS §3.2: Q1 2026 energy 13.75 c€/kWh [S] P1",
              valid_from=D(2026, 1, 1), valid_to=D(2026, 4, 1)),
    Parameter("bill_regulated_energy_eur_per_kwh", 0.15811, "EUR/kWh",
              "BILLS §3.1: MT Q2 2026 F0 (PE + PD + PPE) [D] (G3, ARERA E2026-smt)",
              valid_from=D(2026, 4, 1), valid_to=D(2026, 7, 1)),
    Parameter("bill_regulated_energy_eur_per_kwh", 0.16913, "EUR/kWh",
              "BILLS §3.1: MT Q3 2026 F0, del. 219/2026/R/eel [D] (G1); later quarters held [U]",
              valid_from=D(2026, 7, 1)),
    *_quarters("bill_regulated_fixed_eur_per_year", "EUR/POD/year",
               "BILLS §3.2: commercialisation c€/kWh × 2,000 kWh (PCV + DISPbt) [S] P5-P2", 2025,
               (41.40, 41.40, 44.80, 44.80)),
    Parameter("bill_regulated_fixed_eur_per_year", 44.80, "EUR/POD/year",
              "BILLS §3.2: Q1 2026 2.24 c€/kWh × 2,000 kWh [S] P1",
              valid_from=D(2026, 1, 1), valid_to=D(2026, 4, 1)),
    Parameter("bill_regulated_fixed_eur_per_year", 44.7311, "EUR/POD/year",
              "BILLS §3.1: PCV 43.50 + DISPbt 1.2311, Q2 2026 [D] (G3)",
              valid_from=D(2026, 4, 1), valid_to=D(2026, 7, 1)),
    Parameter("bill_regulated_fixed_eur_per_year", 42.287, "EUR/POD/year",
              "BILLS §3.1: MT Q3 2026 fixed [D] (G1); later quarters held [U]",
              valid_from=D(2026, 7, 1)),
    # --- Market offers (PUN-indexed defaults) ------------------------------------------------
    Parameter("bill_losses_factor", 1.10, "1",
              "BILLS §1: λ_BT implied by ARERA's March-2026 STG values (CELD/PUN = 1.1000) [D]"),
    Parameter("bill_dispatch_eur_per_kwh", 0.016739, "EUR/kWh",
              "BILLS §3.1: STG March 2026 CDISPD 0.016509 + CSED 0.00056 + CPSTGD -0.00033 [D] "
              "(G3); other months held [U]"),
    Parameter("bill_offer_spread_eur_per_kwh", 0.01991, "EUR/kWh",
              "BILLS §6.3: the one documented PUN-indexed offer ('CASA FLEX', May 2026) [D] "
              "(G1); market-wide spreads not found [U]"),
    Parameter("bill_offer_fixed_eur_per_year", 207.6, "EUR/POD/year",
              "BILLS §6.3: the same offer's fixed fee [D] (G1) [U as a default]"),
    # --- Non-domestic low voltage > 16.5 kW (BTA6), network and system charges ---------------
    Parameter("bill_lv_network_fixed_eur_per_year", 5.3471 + 19.6826 + 1.6824, "EUR/POD/year",
              "BILLS §4.1: distribution 5.3471 + metering 19.6826 + UC6 1.6824, 2026 [D] (G2); "
              "earlier years not found, held [U]"),
    Parameter("bill_lv_network_power_eur_per_kw_year", 32.9297, "EUR/kW/year",
              "BILLS §4.1: distribution power part, 2026 [D] (G2); no UC6 power part"),
    Parameter("bill_lv_network_energy_eur_per_kwh", 0.00066 + 0.01189 + 0.00276 + 0.00007,
              "EUR/kWh", "BILLS §4.1: distribution 0.00066 + transmission 2025 0.01189 + UC3 "
              "+ UC6 [D] (G2)", valid_to=D(2026, 1, 1)),
    Parameter("bill_lv_network_energy_eur_per_kwh", 0.00066 + 0.01190 + 0.00276 + 0.00007,
              "EUR/kWh", "BILLS §4.1: distribution + transmission 2026 0.01190 + UC3 + UC6 "
              "[D] (G2)", valid_from=D(2026, 1, 1)),
    Parameter("bill_lv_system_fixed_eur_per_year", 3.0276 + 12.9924, "EUR/POD/year",
              "BILLS §4.1: ARIM 3.0276 + ASOS class 0 12.9924 [D] (G2, del. 588/2025, "
              "227/2026); other periods held [U]"),
    Parameter("bill_lv_system_power_eur_per_kw_year", 3.4524 + 14.8164, "EUR/kW/year",
              "BILLS §4.1: ARIM 3.4524 + ASOS class 0 14.8164 [D] (G2); other periods held [U]"),
    *_quarters("bill_lv_system_energy_eur_per_kwh", "EUR/kWh",
               "BILLS §4.1: ASOS energy 0.042284 (Q1, Q4 2025), 0 from April to September 2025 "
               "(DL 19/2025; del. 131/2025, 281/2025) [D] (W3), plus ARIM 0.001614 (2026 "
               "value, 2025 not found [U])", 2025,
               (0.042284 + 0.001614, 0.001614, 0.001614, 0.042284 + 0.001614)),
    Parameter("bill_lv_system_energy_eur_per_kwh", 0.031875 + 0.001614, "EUR/kWh",
              "BILLS §4.1: ASOS class 0 0.031875 (from 2026-07-01; H1 2026 not found, taken "
              "equal [U]) + ARIM 0.001614 [D] (G2)", valid_from=D(2026, 1, 1)),
    # --- Excise (D.Lgs. 504/95) ----------------------------------------------------------------
    Parameter("bill_excise_domestic_eur_per_kwh", 0.0227, "EUR/kWh", "BILLS §5.1 [S] (W1)"),
    Parameter("bill_excise_resident_exempt_kwh_per_month", 150.0, "kWh/month",
              "BILLS §5.1 [S] (W1): residents ≤ 3 kW, first 150 kWh a month exempt"),
    Parameter("bill_excise_resident_phase_out_from_kwh", 220.0, "kWh/month",
              "BILLS §5.1 [S] (W1, G1): 1.5-3 kW, the exemption shrinks kWh for kWh above 220 "
              "(≤ 1.5 kW: above 150)"),
    Parameter("bill_excise_other_eur_per_kwh", (0.0125, 0.0075), "EUR/kWh",
              "BILLS §5.1 [D] (W1): altri usi, up to 200,000 kWh a month, the part above"),
    Parameter("bill_excise_other_step_kwh_per_month", 200_000.0, "kWh/month", "BILLS §5.1 [D]"),
    Parameter("bill_excise_other_fixed_above_kwh_per_month", 1_200_000.0, "kWh/month",
              "BILLS §5.1 [D] (W1): above 1.2 GWh a month a fixed amount"),
    Parameter("bill_excise_other_fixed_eur_per_month", 4820.0, "EUR/month", "BILLS §5.1 [D]"),
    # --- VAT (DPR 633/72) --------------------------------------------------------------------
    Parameter("bill_vat_domestic_pct", 10.0, "%", "BILLS §5.2 [S] (W2): Tab. A-III n.103"),
    Parameter("bill_vat_other_pct", 22.0, "%", "BILLS §5.2 [S] (W2): other non-domestic uses "
              "(shops, offices, municipal buildings; a day school assumed here [U])"),
    # --- Bonus sociale elettrico -------------------------------------------------------------
    Parameter("bill_bonus_eur_per_day", (0.46, 0.60, 0.66), "EUR/day",
              "BILLS §7 [D] (B1): 2025, households of 1-2, 3-4, more than 4; 2024 not "
              "complete, so 2025 holds before [U]", valid_to=D(2026, 1, 1)),
    Parameter("bill_bonus_eur_per_day", (0.40, 0.51, 0.56), "EUR/day",
              "BILLS §7 [S] (B1, G3): 2026", valid_from=D(2026, 1, 1)),
    Parameter("bill_bonus_isee_threshold_eur", 9530.0, "EUR", "BILLS §7 [S] (B1): 2024, 2025",
              valid_to=D(2026, 1, 1)),
    Parameter("bill_bonus_isee_threshold_eur", 9796.0, "EUR", "BILLS §7 [D] (G3): from 2026",
              valid_from=D(2026, 1, 1)),
)

BILL_PARAMETERS = Parameters(BILL_RECORDS)
"""The bill parameters in force by default."""
