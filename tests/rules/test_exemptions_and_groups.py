"""F exemption, building-group valorization, withdrawal adjustments, advances."""

from __future__ import annotations

import numpy as np
import pytest

from twin.rules import (
    group_valorization_extra_eur,
    monthly_advance_eur,
    tip_eur_per_mwh,
    withdrawal_for_sharing_kwh,
)


def test_f_applies_only_to_the_non_exempt_share():
    """40 % grant → F = 0.5; with half the energy afferent to exempt points, TIP × (1 − 0.25)."""
    full = tip_eur_per_mwh(150, 110, "Lombardia", 40)
    half = tip_eur_per_mwh(150, 110, "Lombardia", 40, f_exempt_share=0.5)
    none = tip_eur_per_mwh(150, 110, "Lombardia", 40, f_exempt_share=1.0)
    assert (full, half, none) == pytest.approx((65.0, 97.5, 130.0))
    assert tip_eur_per_mwh(150, 110, "Lombardia", 41, f_exempt_share=1.0) == 0.0


def test_cer_rules_2_6_monthly_advance():
    """150 kW PV in Lombardy: 150 × 75 × 0.6 × 0.110 = €742.50 per month."""
    assert monthly_advance_eur(150, "Lombardia") == pytest.approx(742.50)
    assert monthly_advance_eur(150, "Lombardia", 40) == pytest.approx(742.50 / 2)
    assert monthly_advance_eur(300, "Lazio") == pytest.approx(300 * 1050 / 12 * 0.6 * 0.094)


def test_group_valorization_adds_btau_and_avoided_losses():
    """TIAD: BTAU × E + Σ E_i × c_PR,i × Pz, c_PR 2.6 % LV and 1.2 % MV."""
    extra = group_valorization_extra_eur(
        np.array([100.0]), {"lv": np.array([60.0]), "mv": np.array([40.0])},
        btau_eur_per_mwh=0.65, zonal_price_eur_per_mwh=np.array([100.0]))
    expected = 0.1 * 0.65 + 0.06 * 0.026 * 100 + 0.04 * 0.012 * 100
    assert extra[0] == pytest.approx(expected)


def test_withdrawal_adjustments():
    wd = withdrawal_for_sharing_kwh([100.0, 50.0], tariff_exempt_kwh=[20.0, 0.0],
                                    storage_grid_charge_kwh=[0.0, -10.0],
                                    storage_round_trip_efficiency=0.9)
    np.testing.assert_allclose(wd, [80.0, 59.0])
    with pytest.raises(ValueError, match="tariff-exempt"):
        withdrawal_for_sharing_kwh([10.0], tariff_exempt_kwh=[11.0])
    with pytest.raises(ValueError, match="efficiency"):
        withdrawal_for_sharing_kwh([10.0], storage_round_trip_efficiency=1.5)
