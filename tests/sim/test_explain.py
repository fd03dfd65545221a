"""`cer-twin explain`: the derivation of one hour agrees with the audit trail."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from twin.errors import TwinError
from twin.sim.explain import explain_hour, parse_hour


def test_local_time_is_parsed_as_europe_rome():
    assert parse_hour("2026-06-15T13:00") == pd.Timestamp("2026-06-15T11:00Z")
    assert parse_hour("2026-01-15T13:30") == pd.Timestamp("2026-01-15T12:00Z")
    assert parse_hour("2026-06-15T11:00Z") == pd.Timestamp("2026-06-15T11:00Z")
    with pytest.raises(TwinError, match="--hour"):
        parse_hour("noon")


def test_explained_numbers_match_the_dataset(tiny_run):
    ds = tiny_run.dataset
    hour = pd.Timestamp("2026-06-12T11:00Z")
    text = explain_hour(ds, hour, "c1")
    h = ds.sel(time=hour.tz_localize(None), configuration="c1")
    shared = float(h["shared_energy_kwh"])
    assert f"shared = min = {shared:,.3f} kWh" in text
    total = float(h["premium_eur"].sum())
    assert f"premium of the hour: € {total:.4f}" in text
    # Each premium line's TIP × energy equals its euro figure.
    for tip, energy, eur in re.findall(r"= ([\d.]+) €/MWh\n\s+× ([\d.]+) kWh incentivised = "
                                       r"€ ([\d.]+)", text):
        assert float(tip) * float(energy) / 1000 == pytest.approx(float(eur), abs=1e-3)


def test_unknown_configuration_and_hour_outside_the_period(tiny_run):
    with pytest.raises(TwinError, match="expected one of"):
        explain_hour(tiny_run.dataset, pd.Timestamp("2026-06-12T11:00Z"), "nowhere")
    with pytest.raises(TwinError, match="outside the simulated period"):
        explain_hour(tiny_run.dataset, pd.Timestamp("2027-06-12T11:00Z"), "c1")


def test_the_derivation_in_italian(tiny_run):
    ds = tiny_run.dataset
    hour = pd.Timestamp("2026-06-12T11:00Z")
    text = explain_hour(ds, hour, "c1", "it")
    h = ds.sel(time=hour.tz_localize(None), configuration="c1")

    def italian(value: float, digits: int) -> str:  # 1,234.5 -> 1.234,5
        return f"{value:,.{digits}f}".translate(str.maketrans(",.", ".,"))

    assert f"condivisa = min = {italian(float(h['shared_energy_kwh']), 3)} kWh" in text
    assert f"tariffa premio dell'ora: € {italian(float(h['premium_eur'].sum()), 4)}" in text
    assert "1. Energia condivisa" in text and "5. Ritiro Dedicato ai produttori" in text
    assert "Shared energy" not in text and "premium of the hour" not in text
