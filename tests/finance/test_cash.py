"""The monthly GSE cash timeline conserves money and follows the payment rules."""

from __future__ import annotations

import pytest


def test_payments_add_up_to_accruals_net_of_fees(default_run):
    cash = default_run.cash_timeline
    accrued = cash["premium_accrued_eur"].sum() + cash["valorization_accrued_eur"].sum()
    paid = cash["payment_eur"].sum() + cash.attrs["unpaid_eur"]
    assert paid == pytest.approx(accrued - cash["gse_fees_eur"].sum())
    assert paid == pytest.approx(default_run.summary.loc["community", "fund_eur"])


def test_fees_match_the_summary(default_run):
    assert default_run.cash_timeline["gse_fees_eur"].sum() == pytest.approx(
        default_run.summary.loc["community", "gse_fees_eur"])


def test_settlement_is_actual_minus_advances_paid_in_june(default_run):
    cash = default_run.cash_timeline
    year = cash.loc[cash.index.str.startswith("2026")]
    actual = year["premium_accrued_eur"].sum() + year["valorization_accrued_eur"].sum()
    assert cash.loc["2027-06", "settlement_eur"] == pytest.approx(
        actual - year["advance_eur"].sum())
    assert (cash.drop(index="2027-06")["settlement_eur"] == 0).all()


def test_advances_follow_the_rule_and_small_amounts_wait_for_the_threshold(tiny_run):
    cash = tiny_run.cash_timeline
    # Two weeks of June 2026 for the tiny community: paid in July, above €50.
    assert cash.loc["2026-06", "payment_eur"] == 0.0
    assert cash.loc["2026-07", "payment_eur"] == pytest.approx(
        cash.loc["2026-06", "advance_eur"] - cash.loc["2026-06", "gse_fees_eur"])
    assert cash.loc["2026-07", "payment_eur"] >= 50.0
    # Premium advances P × 900/12 × 0.6 × TIP_a: "early" 55 kW band 1 (TIP_a 110 €/MWh) for the
    # 14 days of June simulated, "late" 240 kW band 2 (TIP_a 100 €/MWh) from 8 June (7 days);
    # valorization advances P × 900/12 × 0.6 × TRAS_E (10.57 €/MWh) on the same days.
    def monthly(kw: float, eur_per_mwh: float) -> float:
        return kw * 900 / 12 * 0.6 * eur_per_mwh / 1000

    expected = (monthly(55, 110 + 10.57) * 14 / 30) + (monthly(240, 100 + 10.57) * 7 / 30)
    assert cash.loc["2026-06", "advance_eur"] == pytest.approx(expected)
