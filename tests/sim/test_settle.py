"""The rules applied to a whole run: F exemption, rule changes, building groups, adjustments."""

from __future__ import annotations

import numpy as np
import pytest

import twin
from tests.conftest import TESTS, write_scenario

TINY = (TESTS / "data" / "scenarios" / "tiny.toml").read_text()
GRANT = TINY.replace('capacity_kwp = 60.0\ninverter_kw = 55.0',
                     'capacity_kwp = 60.0\ninverter_kw = 55.0\ngrant_intensity_pct = 40.0')


def run(tmp_path, text: str, name: str = "s.toml") -> twin.RunResult:
    return twin.load(write_scenario(tmp_path, text, name)).run()


def test_f_is_applied_to_the_non_exempt_share_only(tmp_path):
    res = run(tmp_path, GRANT)
    ds = res.dataset.sel(plant="early", configuration="c1")
    earning = ds["incentivised_energy_kwh"] > 0
    price = ds["zonal_price_eur_per_mwh"].where(earning, drop=True).to_numpy()
    share = ds["f_exempt_share"].where(earning, drop=True).to_numpy()
    tip = ds["tip_eur_per_mwh"].where(earning, drop=True).to_numpy()
    expected = (np.minimum(120, 80 + np.maximum(0, 180 - price)) + 10) * (1 - 0.5 * (1 - share))
    np.testing.assert_allclose(tip, expected)
    # Households (natural persons, 2026) and the school (public body) are exempt; the shop is not.
    assert 0 < share.min() and share.max() <= 1


def test_f_exemption_switches_change_the_premium(tmp_path):
    pro_rata = run(tmp_path, GRANT, "a.toml").summary.loc["community", "premium_eur"]
    no_natural = run(tmp_path, GRANT + "\n[rules]\nnatural_persons_f_exempt = false\n",
                     "b.toml").summary.loc["community", "premium_eur"]
    none = run(tmp_path, GRANT + '\n[rules]\nf_exempt_allocation = "none"\n',
               "c.toml").summary.loc["community", "premium_eur"]
    assert pro_rata > no_natural > none > 0


def test_a_rule_change_takes_effect_at_its_date_and_shows_in_the_rule_version(tmp_path):
    text = TINY + '''
[[parameters]]
name = "fc_north_eur_per_mwh"
value = 0.0
valid_from = 2026-06-10
source = "test: a hypothetical decree removing FC zonale"
'''
    ds = run(tmp_path, text).dataset.sel(plant="early")
    versions = ds["rule_version"].to_numpy()
    before = ds["time"] < np.datetime64("2026-06-09T22:00")
    assert len(set(versions[before])) == 1 and len(set(versions[~before])) == 1
    assert versions[before][0] != versions[~before][0]
    tip = ds["tip_eur_per_mwh"].to_numpy()
    assert tip[before & (tip > 0)].max() == pytest.approx(130.0)
    assert tip[~before & (tip > 0)].max() == pytest.approx(120.0)


def test_invalid_parameter_override_names_the_field(tmp_path):
    from twin.errors import ScenarioError
    from twin.scenario import load_scenario

    path = write_scenario(tmp_path, TINY + '\n[[parameters]]\nname = "tip_cap_eur_per_mwh"\n'
                          'value = 130.0\nsource = "x"\n')
    with pytest.raises(ScenarioError, match=r"parameters\[0\]\.value: expected a list of 3"):
        load_scenario(path)
    path = write_scenario(tmp_path, TINY + '\n[[parameters]]\nname = "nope"\nvalue = 1.0\n'
                          'source = "x"\n')
    with pytest.raises(ScenarioError, match=r"parameters\[0\]\.name: expected one of"):
        load_scenario(path)


def test_building_group_earns_btau_and_avoided_losses(tmp_path):
    cer = run(tmp_path, TINY, "cer.toml").dataset
    group = run(tmp_path, TINY.replace('cabina_primaria = "TEST-CP-1"',
                                       'cabina_primaria = "TEST-CP-1"\nkind = '
                                       '"self_consumer_group"'), "group.toml").dataset
    np.testing.assert_allclose(group["shared_energy_kwh"], cer["shared_energy_kwh"])
    shared = cer["shared_energy_kwh"].sel(configuration="c1")
    price = cer["zonal_price_eur_per_mwh"]
    expected = shared / 1000 * (10.57 + 0.65 + 0.026 * price)
    np.testing.assert_allclose(group["valorization_eur"].sel(configuration="c1"), expected)


def test_tariff_exempt_withdrawal_is_netted_out(tmp_path):
    base = run(tmp_path, TINY, "a.toml").summary
    half = run(tmp_path, TINY.replace('annual_kwh = 2000.0\ncount = 20',
                                      'annual_kwh = 2000.0\ncount = 20\n'
                                      'tariff_exempt_share = 0.5'), "b.toml").summary
    assert half.loc["c1", "withdrawn_mwh"] < base.loc["c1", "withdrawn_mwh"]
    assert half.loc["c1", "shared_mwh"] <= base.loc["c1", "shared_mwh"]


def test_market_zone_shared_energy_is_reported(default_run):
    ds = default_run.dataset
    zone = float(ds["market_zone_shared_energy_kwh"].sum())
    per_config = float(ds["shared_energy_kwh"].sum())
    assert zone >= per_config - 1e-6  # pooling across cabine can only share more


EXISTING = TINY.replace("entry_into_operation = 2025-03-01", "entry_into_operation = 2020-03-01")


def test_existing_plant_counts_for_sharing_but_earns_no_premium(tmp_path):
    ds = run(tmp_path, EXISTING).dataset
    early = ds.sel(plant="early")
    assert not bool(early["plant_eligible"])
    assert "existing plant" in str(early["plant_eligibility"].values)
    assert float(early["allocated_shared_energy_kwh"].sum()) > 0  # first in seniority
    assert float(early["premium_eur"].sum()) == 0.0
    assert float(ds["valorization_eur"].sum()) > 0


def test_existing_plant_switch_gives_new_plants_the_premium_base(tmp_path):
    seniority = run(tmp_path, EXISTING, "a.toml").dataset.sel(plant="late")
    new_only = run(tmp_path, EXISTING + '\n[rules]\nexisting_plant_allocation = '
                   '"new_plants_only"\n', "b.toml").dataset
    late = new_only.sel(plant="late")
    assert float(late["premium_eur"].sum()) > float(seniority["premium_eur"].sum())
    assert float(new_only.sel(plant="early")["allocated_shared_energy_kwh"].sum()) == 0.0
    # Valorization is paid on all shared energy either way.
    assert float(new_only["valorization_eur"].sum()) == pytest.approx(
        float(run(tmp_path, EXISTING, "c.toml").dataset["valorization_eur"].sum()))


def test_building_obligation_scales_the_incentivised_energy(tmp_path):
    text = TINY.replace("capacity_kwp = 60.0\ninverter_kw = 55.0",
                        "capacity_kwp = 60.0\ninverter_kw = 55.0\nbuilding_obligation_kw = 11.0")
    ds = run(tmp_path, text).dataset.sel(plant="early")
    np.testing.assert_allclose(ds["incentivised_energy_kwh"],
                               ds["allocated_shared_energy_kwh"] * (1 - 11.0 / 55.0))


def test_premium_stops_after_twenty_years(tmp_path):
    """RO-2024 §2.2.1: a plant in operation from 2022-01-10 earns until 2042-01-10."""
    text = (TINY.replace("founded_on = 2025-01-01", "founded_on = 2022-01-01")
            .replace("entry_into_operation = 2025-03-01", "entry_into_operation = 2022-01-10")
            .replace("start = 2026-06-01\nend = 2026-06-15", "start = 2042-01-01\nend = 2042-01-20")
            .replace("left_on = 2026-06-05", "left_on = 2042-06-05"))
    ds = run(tmp_path, text).dataset.sel(plant="early")
    after = ds["time"] >= np.datetime64("2042-01-09T23:00")  # local midnight of 10 January
    assert float(ds["premium_eur"].where(~after).sum()) > 0
    assert float(ds["premium_eur"].where(after).sum()) == 0.0
    assert float(ds["allocated_shared_energy_kwh"].where(after).sum()) > 0  # still shares
