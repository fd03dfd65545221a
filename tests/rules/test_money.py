import pytest

from twin.rules import (
    excess_premium_eur,
    gse_fee_eur_per_year,
    rid_revenue_eur,
    tras_e_eur_per_mwh,
    valorization_eur,
)


def test_cer_rules_2_5_valorization_of_180_kwh_at_2024_tras_e():
    assert tras_e_eur_per_mwh(2024) == pytest.approx(10.57)
    assert valorization_eur(180.0, tras_e_eur_per_mwh(2024)) == pytest.approx(1.90, abs=0.005)


def test_tras_e_falls_back_to_the_latest_known_year():
    assert tras_e_eur_per_mwh(2026) == tras_e_eur_per_mwh(2024)


@pytest.mark.parametrize(("power", "fee"), [(3, 0), (3.5, 15), (20, 15), (150, 145), (1000, 995)])
def test_cer_rules_2_6_gse_fee(power, fee):
    assert gse_fee_eur_per_year(power) == pytest.approx(fee)


def test_cer_rules_3_excess_premium_readings():
    """Ratio 60 % vs 55 %: 5 % of C_ACI (literal) or 8.3 % (proportional); §3 illustration."""
    premium = 13_455.0
    literal = excess_premium_eur(103.5e3, 172.5e3, premium)
    proportional = excess_premium_eur(103.5e3, 172.5e3, premium, formula="proportional")
    assert literal == pytest.approx(0.05 * premium)
    assert literal == pytest.approx(673, abs=1)
    assert proportional == pytest.approx(1121, abs=1)
    assert excess_premium_eur(50e3, 172.5e3, premium) == 0.0
    assert excess_premium_eur(90e3, 172.5e3, premium, with_grant=True) == pytest.approx(
        (90 / 172.5 - 0.45) * premium)


def test_rid_revenue_is_injection_times_zonal_price():
    assert rid_revenue_eur(1000.0, 107.41) == pytest.approx(107.41)
