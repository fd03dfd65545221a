import datetime as dt

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from twin.rules import band_of, premium_eligibility, premium_end, reduction_factor, tip_eur_per_mwh


@pytest.mark.parametrize(
    ("power_kw", "expected"),
    [
        (150, [130, 130, 120, 105, 90]),
        (300, [120, 120, 110, 95, 80]),
        (800, [110, 110, 100, 85, 70]),
    ],
)
def test_cer_rules_2_5_table_lombardy_pv(power_kw, expected):
    """CER_RULES.md §2.5, Pz = 60, 110, 150, 165, 180 €/MWh, FC = +10 €/MWh, F = 0."""
    tip = tip_eur_per_mwh(power_kw, [60, 110, 150, 165, 180], "Lombardia")
    np.testing.assert_allclose(tip, expected)


def test_cer_rules_2_5_four_hour_example_gives_20_eur():
    shared_kwh = np.array([50, 120, 0, 10])
    tip = tip_eur_per_mwh(150, [95, 165, 70, 230], "Lombardia")
    np.testing.assert_allclose(tip, [130, 105, 130, 90])
    premium = shared_kwh / 1000 * tip
    np.testing.assert_allclose(premium, [6.50, 12.60, 0.0, 0.90])
    assert premium.sum() == pytest.approx(20.00)


@pytest.mark.parametrize(("intensity", "f", "tip"), [(20, 0.25, 97.5), (40, 0.5, 65.0),
                                                      (41, 1.0, 0.0), (0, 0.0, 130.0)])
def test_cer_rules_2_4_grant_cases(intensity, f, tip):
    assert reduction_factor(intensity) == pytest.approx(f)
    assert tip_eur_per_mwh(150, 110, "Lombardia", intensity) == pytest.approx(tip)


def test_band_boundaries_are_inclusive_at_the_lower_band():
    """200 kW is band 1 and 600 kW is band 2 (RSE's ">= 600" is wrong)."""
    assert band_of(200).cap_eur_per_mwh == 120
    assert band_of(200.001).cap_eur_per_mwh == 110
    assert band_of(600).cap_eur_per_mwh == 110
    assert band_of(600.001).cap_eur_per_mwh == 100
    assert tip_eur_per_mwh(600, 100, "Lombardia") == 120  # 110 cap + 10 FC


def test_fc_zonale_by_region_and_source():
    assert tip_eur_per_mwh(100, 100, "Lazio") == 124
    assert tip_eur_per_mwh(100, 100, "Sicilia") == 120
    assert tip_eur_per_mwh(100, 100, "Lombardia", source="wind") == 120


def test_plants_over_one_megawatt_get_no_premium():
    assert tip_eur_per_mwh(1000, 100, "Lombardia") == 110
    assert tip_eur_per_mwh(1000.1, 100, "Lombardia") == 0


@given(st.floats(0.1, 1000), st.floats(-100, 4000), st.sampled_from(["Lombardia", "Lazio",
                                                                      "Puglia"]),
       st.floats(0, 40))
def test_tariff_within_zero_and_cap_plus_fc(power, price, region, grant):
    tip = float(tip_eur_per_mwh(power, price, region, grant))
    cap = band_of(power).cap_eur_per_mwh
    assert 0.0 <= tip <= cap + 10.0


def test_eligibility_reasons():
    founded = dt.date(2024, 10, 14)
    assert premium_eligibility(150, dt.date(2025, 3, 1), founded).eligible
    existing = premium_eligibility(150, dt.date(2021, 12, 15), founded)
    assert not existing.eligible and "existing plant" in existing.reason
    assert premium_eligibility(150, dt.date(2021, 12, 16), dt.date(2021, 12, 1)).eligible
    before = premium_eligibility(150, dt.date(2024, 5, 1), founded)
    assert not before.eligible and "before the CER was constituted" in before.reason
    assert premium_eligibility(150, dt.date(2024, 5, 1), founded,
                               pre_constitution_exception=True).eligible
    assert not premium_eligibility(1200, dt.date(2025, 3, 1), founded).eligible
    assert not premium_eligibility(150, dt.date(2025, 3, 1), founded, 45).eligible


def test_premium_lasts_twenty_years():
    assert premium_end(dt.date(2025, 3, 1)) == dt.date(2045, 3, 1)
    assert premium_end(dt.date(2024, 2, 29)) == dt.date(2044, 2, 29)
    assert premium_end(dt.date(2080, 2, 29)) == dt.date(2100, 3, 1)  # 2100 is not leap
