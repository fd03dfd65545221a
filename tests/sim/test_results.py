"""Results: every variable documented, totals consistent, the default scenario plausible."""

from __future__ import annotations

import numpy as np
import pytest

from twin.core.variables import VARIABLES


def test_every_result_variable_is_in_the_glossary_with_units(tiny_run):
    ds = tiny_run.dataset
    for name in ds.data_vars:
        assert name in VARIABLES
        assert ds[name].attrs["units"] == VARIABLES[name].units
    assert ds["time"].attrs == {"timezone": "UTC", "interval": "start"}
    assert ds.attrs["scenario_sha256"] and ds.attrs["cer_twin_version"]


def test_audit_sums_equal_the_summary(tiny_run):
    ds, summary = tiny_run.dataset, tiny_run.summary
    assert float(ds["premium_eur"].sum()) == pytest.approx(summary.loc["community",
                                                                       "premium_eur"])
    np.testing.assert_allclose(ds["allocated_shared_energy_kwh"].sum("plant"),
                               ds["shared_energy_kwh"].sum("configuration"), atol=1e-9)
    premium = ds["incentivised_energy_kwh"] / 1000 * ds["tip_eur_per_mwh"]
    np.testing.assert_allclose(premium, ds["premium_eur"])


def test_shared_energy_is_bounded_hour_by_hour(tiny_run):
    ds = tiny_run.dataset
    shared = ds["shared_energy_kwh"]
    assert (shared <= ds["configuration_injected_energy_kwh"] + 1e-9).all()
    assert (shared <= ds["configuration_withdrawn_energy_kwh"] + 1e-9).all()


def test_late_plant_earns_only_after_entering_operation(tiny_run):
    ds = tiny_run.dataset
    late = ds.sel(plant="late")
    before = ds["time"] < np.datetime64("2026-06-07T22:00")
    assert float(late["injected_energy_kwh"].where(before).sum()) == 0.0
    assert float(late["premium_eur"].sum()) > 0.0


def test_same_scenario_and_seed_give_identical_results(tiny_run):
    import xarray as xr

    import twin
    from tests.conftest import TESTS

    again = twin.load(TESTS / "data" / "scenarios" / "tiny.toml").run()
    xr.testing.assert_identical(again.dataset, tiny_run.dataset)


@pytest.mark.slow
def test_default_scenario_is_plausible(default_run):
    s = default_run.summary.loc["community"]
    ds = default_run.dataset
    assert s["members"] == 300
    # Specific yield of the community's plants: 900-1,400 kWh/kW in Milan.
    produced = float(ds["plant_production_energy_kwh"].sum())
    assert 900 <= produced / float(ds["plant_power_kw"].sum()) <= 1400
    assert 0 < s["shared_mwh"] < min(s["injected_mwh"], s["withdrawn_mwh"])
    # Mean premium rate within the band-1 range for Lombardy PV (90-130 €/MWh).
    assert 90 <= s["premium_eur"] / s["shared_mwh"] <= 130
    assert s["fund_eur"] == pytest.approx(s["premium_eur"] + s["valorization_eur"]
                                          - s["gse_fees_eur"])
    assert all(ds["plant_eligible"].to_numpy())  # the scenario assumes the exception applies


@pytest.mark.slow
def test_whatif_200kw_school_roof_adds_shared_energy_and_premium(default_run):
    import twin

    whatif = twin.load("whatif-chiaravalle-school-200kw.toml").run().summary
    base = default_run.summary
    assert whatif.loc["chiaravalle", "shared_mwh"] > base.loc["chiaravalle", "shared_mwh"]
    assert whatif.loc["chiaravalle", "premium_eur"] > base.loc["chiaravalle", "premium_eur"]
    assert whatif.loc["bovisa", "shared_mwh"] == pytest.approx(base.loc["bovisa", "shared_mwh"])


def test_self_sufficiency_counts_what_is_used_on_site(tmp_path):
    """docs/guide.md "Definitions": the members' consumption met by the community's PV, on site
    or shared. Recomputed from members.csv (consumption = withdrawn + self-consumed)."""
    import pandas as pd

    import twin
    from tests.conftest import write_scenario
    from tests.finance.test_self_consumption import SCHOOL

    result = twin.load(write_scenario(tmp_path, SCHOOL.format(host='host_member = "school"'))).run()
    result.write(tmp_path / "out")
    members = pd.read_csv(tmp_path / "out" / "members.csv")
    row = result.summary.loc["community"]
    consumed = members["consumption_kwh"].sum() / 1000
    on_site = members["self_consumed_kwh"].sum() / 1000
    assert row["self_consumed_mwh"] == pytest.approx(on_site, rel=1e-6)
    assert row["self_sufficiency_pct"] == pytest.approx(
        100 * (row["shared_mwh"] + on_site) / consumed, rel=1e-3)
    assert row["self_sufficiency_pct"] > row["shared_pct_of_withdrawn"]
