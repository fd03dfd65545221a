"""The departures from the text fixed in issue 15, each worked by hand from CER_RULES.md and
RULES_UPDATES.md (numbers in the docstrings, not computed by the code under test)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from tests.rules.hours import plant, settle
from twin.rules.parameters import DEFAULT_PARAMETERS, Parameter
from twin.rules.switches import Switches

OLD, NEW = dt.date(2024, 3, 1), dt.date(2025, 3, 1)


def test_building_groups_allocate_the_lowest_voltage_first():
    """CER_RULES §1.1: E_ACVC,i allocates plants at the lowest voltage first. One hour: an older
    MV plant and a newer LV plant inject 10 kWh each, the building withdraws 10 kWh, Pz 100.
    TRAS_E 10.57 × 0.010 MWh = 0.1057; BTAU 0.65 × 0.010 = 0.0065; losses: LV first, so
    0.010 × 0.026 × 100 = 0.026 (by seniority the MV plant would take it: 0.010 × 0.012 × 100 =
    0.012). Valorization 0.1057 + 0.0065 + 0.026 = 0.1382 € (not 0.1242)."""
    out = settle([[10.0, 10.0]], [10.0], [plant(OLD, voltage="mv"), plant(NEW, voltage="lv")],
                 kind="self_consumer_group")
    assert out["valorization_eur"][0, 0] == pytest.approx(0.1382)


def test_the_loss_coefficient_in_force_on_the_day_is_used():
    """c_PR LV set to 5 % from 2026-06-01: the same hour gives 0.1057 + 0.0065 + 0.010 × 0.05 ×
    100 = 0.1622 €."""
    params = DEFAULT_PARAMETERS.overridden([Parameter("loss_coefficient_lv", 0.05, "1", "test",
                                                      dt.date(2026, 6, 1))])
    out = settle([[10.0, 10.0]], [10.0], [plant(OLD, voltage="mv"), plant(NEW, voltage="lv")],
                 kind="self_consumer_group", parameters=params)
    assert out["valorization_eur"][0, 0] == pytest.approx(0.1622)


def test_ties_share_in_proportion_to_injection_by_default():
    """Two plants entering operation the same day inject 30 and 10 kWh, 20 kWh are shared.
    pro_rata_injection: 15 and 5 kWh; file_order: 20 and 0 kWh."""
    plants = [plant(NEW), plant(NEW)]
    default = settle([[30.0, 10.0]], [20.0], plants)
    assert default["allocated_shared_energy_kwh"][0] == pytest.approx([15.0, 5.0])
    ordered = settle([[30.0, 10.0]], [20.0], plants, rules=Switches(tie_allocation="file_order"))
    assert ordered["allocated_shared_energy_kwh"][0] == pytest.approx([20.0, 0.0])


def test_the_excess_is_computed_per_set_premium_only_and_with_grant():
    """RO 2025 App. B §4: each set on its own. Plant A (no grant, newer) and plant B (20 %
    grant, F = 0.25, older) inject 100 kWh each over two hours: hour 1 A 70, B 0, withdrawal
    70 → A 70 shared; hour 2 A 30, B 100, withdrawal 30 → B (older) 30. Pz 100, 100 kW, band 1:
    TIP A = min(120; 80 + 80) + 10 = 130 €/MWh, B 130 × 0.75 = 97.5. Premiums A 0.070 × 130 =
    9.10 €, B 0.030 × 97.5 = 2.925 €. A: 70 % − 55 % = 15 % → 1.365 €; B: 30 % < 45 % → 0.
    Excess 1.365 € (one set for both under 45 % would give 0.05 × 12.025 = 0.601 €)."""
    out = settle([[70.0, 0.0], [30.0, 100.0]], [70.0, 30.0],
                 [plant(NEW), plant(OLD, grant_intensity_pct=20.0)])
    assert out["premium_eur"].sum(axis=0) == pytest.approx([9.10, 2.925])
    assert out["excess_premium_eur"][0] == pytest.approx(1.365)


def test_f_exempt_energy_goes_to_grant_funded_plants_first():
    """One hour, 20 kWh shared of which 10 kWh withdrawn by a public body (exempt). Plants:
    A (older, no grant) and B (newer, 40 % grant, F = 0.5) each inject 10 kWh; A takes 10,
    B 10. grant_funded_first: all 10 exempt kWh are B's → B's F does not apply: TIP 130;
    pro_rata: half of B's energy exempt → 130 × (1 − 0.5 × 0.5) = 97.5 €/MWh."""
    plants = [plant(OLD), plant(NEW, grant_intensity_pct=40.0)]
    first = settle([[10.0, 10.0]], [20.0], plants, exempt_kwh=[10.0])
    assert first["tip_eur_per_mwh"][0, 1] == pytest.approx(130.0)
    even = settle([[10.0, 10.0]], [20.0], plants, exempt_kwh=[10.0],
                  rules=Switches(f_exempt_priority="pro_rata"))
    assert even["tip_eur_per_mwh"][0, 1] == pytest.approx(97.5)


def test_the_excess_denominator_switch():
    """A 100 kW plant with a 50 kW building obligation ((P − P0)/P = 0.5) injects 100 kWh, 80
    shared: 40 kWh incentivised. whole_injection: 40/100 = 40 % < 55 %, no excess;
    incentivised_share: 40/50 = 80 % → 25 % of the premium 0.040 × 130 = 5.20 € → 1.30 €."""
    plants = [plant(NEW, building_obligation_kw=50.0)]
    whole = settle([[100.0]], [80.0], plants)
    assert whole["excess_premium_eur"][0] == 0.0
    share = settle([[100.0]], [80.0], plants,
                   rules=Switches(excess_denominator="incentivised_share"))
    assert share["excess_premium_eur"][0] == pytest.approx(0.25 * 5.20)


def test_the_gse_fee_of_part_of_a_year():
    """A 150 kW plant pays €145 a year (€15 + €1 × 130 kW). Settled for 2 hours of 2026
    (8,760 h): prorated 145 × 2 / 8760 = 0.0331 €; whole_year 145 €."""
    plants = [plant(NEW, power_kw=150.0)]
    prorated = settle([[5.0], [5.0]], [5.0, 5.0], plants)
    assert prorated["gse_fee_eur"][0] == pytest.approx(145 * 2 / 8760)
    whole = settle([[5.0], [5.0]], [5.0, 5.0], plants,
                   rules=Switches(gse_fee_part_year="whole_year"))
    assert whole["gse_fee_eur"][0] == pytest.approx(145.0)


def test_the_20_years_are_counted_net_of_force_majeure():
    """Entered operation 2006-06-10 (hypothetically eligible): the 20 years end 2026-06-10
    00:00 local, before the settled hours (10:00 UTC). 3 days of force-majeure stops move the
    end to 2026-06-13: the hours earn under the default, not under 'calendar'."""
    entered = dt.date(2006, 6, 10)
    stopped = plant(entered, force_majeure_days=3.0)
    net = settle([[10.0]], [10.0], [stopped])
    assert net["premium_eur"][0, 0] == pytest.approx(0.010 * 130)
    calendar = settle([[10.0]], [10.0], [stopped], rules=Switches(premium_years="calendar"))
    assert calendar["premium_eur"][0, 0] == 0.0


def test_a_plant_in_another_region_and_zone_takes_its_own_fc_and_price():
    """Two 100 kW plants share 10 kWh each. Lombardia: FC +10; Lazio: +4. Prices: 100 €/MWh
    for the first, 150 for the second (its own zone): TIP 80 + 80 + 10 = 130 capped at 120 + 10
    = 130 for the first; min(120, 80 + 30) + 4 = 114 for the second."""
    price = np.array([[100.0, 150.0]])
    out = settle([[10.0, 10.0]], [20.0], [plant(NEW), plant(NEW, region="Lazio")],
                 plant_price_eur_per_mwh=price)
    assert out["tip_eur_per_mwh"][0] == pytest.approx([130.0, 114.0])
    assert out["rid_revenue_eur"][0] == pytest.approx([1.0, 1.5])
