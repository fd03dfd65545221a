"""Bills of a built-in scenario against ARERA's published annual spend."""

from __future__ import annotations

import pandas as pd
import pytest

import twin


@pytest.fixture(scope="module")
def arera_bills(tmp_path_factory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("arera")
    twin.load("arera-reference-customer-2025.toml").run().write(out)
    return pd.read_csv(out / "bills.csv")


def test_the_reference_customer_pays_what_arera_published_for_2025(arera_bills):
    """ARERA's vulnerable reference customer (2,000 kWh/yr, 3 kW, resident, maggior tutela)
    spent 608.72 € in calendar 2025, taxes included (BILLS.md §3.3, source P10: ARERA via
    finanza.lastampa.it, 26 Sep 2025). The twin's bills.csv, one row per month, sums to it
    within 1 %."""
    assert len(arera_bills) == 12
    assert arera_bills["member"].unique().tolist() == ["arera-reference-customer"]
    assert arera_bills["withdrawn_kwh"].sum() == pytest.approx(2000.0, rel=1e-3)
    assert arera_bills["total_eur"].sum() == pytest.approx(608.72, rel=0.01)


def test_the_components_add_up_to_the_total(arera_bills):
    parts = arera_bills.loc[:, "energy_eur":"bonus_sociale_eur"]
    assert parts.shape[1] == 11
    # Each of the 11 lines and the total are rounded to the cent in the file.
    assert (parts.sum(axis=1) - arera_bills["total_eur"]).abs().max() <= 12 * 0.005 + 1e-9
