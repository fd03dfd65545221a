"""A bill's lines against hand computations from BILLS.md: excise with the residents'
exemption, the non-domestic BTA6 totals of §4.1, the bonus sociale, and ARERA's bands."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from twin.core.calendar import F1, F2, F3, tariff_bands
from twin.rules.bills import COMPONENTS, Customers, excise_eur, month_bills

RESIDENT = np.array(["domestic_resident"])


@pytest.mark.parametrize(("kwh", "power_kw", "expected"), [
    (100.0, 3.0, 0.0),                        # all within the 150 kWh exempt
    (200.0, 3.0, 50 * 0.0227),                # 150-220: 150 exempt
    (300.0, 3.0, (300 - 70) * 0.0227),        # above 220: exempt 150 - (300 - 220) = 70
    (400.0, 3.0, 400 * 0.0227),               # exemption gone
    (200.0, 1.5, (200 - 100) * 0.0227),       # ≤ 1.5 kW: the phase-out starts at 150
    (200.0, 4.5, 200 * 0.0227),               # a resident above 3 kW pays on every kWh
])
def test_residents_excise_follows_bills_5_1(kwh, power_kw, expected):
    got = excise_eur(np.array([kwh]), RESIDENT, np.array([power_kw]), dt.date(2026, 3, 1))
    assert got[0] == pytest.approx(expected)


@pytest.mark.parametrize(("kwh", "expected"), [
    (50_000.0, 50_000 * 0.0125),
    (250_000.0, 200_000 * 0.0125 + 50_000 * 0.0075),
    (1_300_000.0, 4820.0),
])
def test_other_uses_excise_tiers(kwh, expected):
    got = excise_eur(np.array([kwh]), np.array(["lv_other"]), np.array([100.0]),
                     dt.date(2026, 3, 1))
    assert got[0] == pytest.approx(expected)


def customers(cls: str, offer: str, power_kw: float, prices=(0.0, 0.0, 0.0),
              bonus: int = -1, isee: float = float("nan"),
              fixed_eur: float = float("nan")) -> Customers:
    return Customers(np.array([cls]), np.array([offer]), np.array([power_kw]),
                     np.array([np.nan]), np.array([fixed_eur]), np.array([prices], dtype=float),
                     np.array([np.nan]), np.array([bonus]), np.array([isee]))


def test_a_school_on_bta6_matches_the_totals_of_bills_4_1():
    """BILLS.md §4.1, totals for 2026 H2 [D]: fixed 42.73 €/POD/yr, power 51.20 €/kW/yr, and
    0.048879 €/kWh of regulated charges (network 0.01539 + ASOS 0.031875 + ARIM 0.001614), plus
    energy and excise (0.0125 €/kWh for 'altri usi' up to 200,000 kWh a month, §5.1) and VAT at
    22 % (§5.2). Worked example: a school of 40 kW withdrawing 6,000 kWh in September 2026
    (30 days) at a fixed price of 0.14 €/kWh in every band, with no seller's fixed fee."""
    kwh, days, kw, price = 6000.0, 30.0, 40.0, 0.14
    by_hand = (42.73 * days / 365 + 51.20 * kw * days / 365
               + (0.048879 + price + 0.0125) * kwh) * 1.22
    bill = month_bills(np.array([[kwh * 0.5, kwh * 0.3, kwh * 0.2]]), np.array([days]),
                       customers("lv_other", "fixed_price", kw, (price,) * 3, fixed_eur=0.0),
                       np.zeros(3),
                       dt.date(2026, 9, 1))
    assert bill.sum() == pytest.approx(by_hand, rel=0.01)
    assert bill.sum() == pytest.approx(by_hand, rel=1e-3)  # BILLS rounds its totals to 0.01


def test_pun_indexed_energy_is_pun_plus_spread_times_losses_plus_dispatching():
    """BILLS §1 step 2 with the defaults: λ = 1.10, spread 0.01991, dispatching 0.016739."""
    pun = np.array([0.12, 0.13, 0.10])
    kwh = np.array([[100.0, 50.0, 50.0]])
    bill = month_bills(kwh, np.array([31.0]), customers("domestic_resident", "pun_indexed", 3.0),
                       pun, dt.date(2026, 1, 1))
    by_hand = ((100 * 0.12 + 50 * 0.13 + 50 * 0.10) + 200 * 0.01991) * 1.10 + 200 * 0.016739
    assert bill[0, COMPONENTS.index("energy_eur")] == pytest.approx(by_hand)


def test_bonus_sociale_by_household_size_and_isee():
    """BILLS §7, 2026: 0.51 €/day for 3-4 people; ISEE threshold 9,796 €."""
    kwh = np.array([[80.0, 40.0, 40.0]])
    bonus = COMPONENTS.index("bonus_sociale_eur")
    for isee, expected in ((float("nan"), -0.51 * 30), (9000.0, -0.51 * 30), (12000.0, 0.0)):
        bill = month_bills(kwh, np.array([30.0]), customers(
            "domestic_resident", "regulated_vulnerable", 3.0, bonus=1, isee=isee), np.zeros(3),
            dt.date(2026, 6, 1))
        assert bill[0, bonus] == pytest.approx(expected)
    vat = COMPONENTS.index("vat_eur")
    assert bill[0, vat] == pytest.approx(bill[0, :vat].sum() * 0.10)  # bonus outside VAT


def test_bands_of_a_week_with_a_holiday():
    """Week of 5-11 January 2026: Tuesday 6 January (Epiphany) is all F3 (BILLS §6.1)."""
    hours = pd.date_range("2026-01-05", periods=7 * 24, freq="h", tz="Europe/Rome")
    counts = np.bincount(tariff_bands(hours), minlength=3)
    # Four working days: 11 h F1 and 5 h F2 each; Saturday 16 h F2; the rest F3.
    assert counts[F1] == 4 * 11
    assert counts[F2] == 4 * 5 + 16
    assert counts[F3] == 7 * 24 - 4 * 16 - 16
