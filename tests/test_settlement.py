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
