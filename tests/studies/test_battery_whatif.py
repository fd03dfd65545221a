"""The built-in battery what-if against the default: `compare` shows its effect."""

from __future__ import annotations

import pytest

import twin
from twin.studies.compare import compare


@pytest.mark.slow
def test_the_citta_studi_battery_adds_shared_energy_and_valorization(default_run):
    whatif = twin.load("whatif-school-battery.toml").run()
    result = compare(default_run, whatif, "default", "battery")
    year = result.by_year.xs("citta-studi", level="configuration").iloc[0]
    # 100 kWh usable 85 %, 90 % round trip: at most 27.9 MWh in a year.
    assert 10 < year["shared_mwh_diff"] <= 100 * 0.85 * 365 * 0.9 / 1000
    assert year["premium_eur_diff"] == pytest.approx(0.0, abs=1e-6)
    assert year["valorization_eur_diff"] > 0 and year["fund_eur_diff"] > 0
    other = result.by_year.xs("bovisa", level="configuration").iloc[0]
    assert other["shared_mwh_diff"] == pytest.approx(0.0, abs=1e-9)
    from twin.report import run_report

    page = run_report(whatif, "battery what-if")
    assert "<h2>Batteries</h2>" in page and "citta-studi-battery" in page
    assert "<h2>Batterie</h2>" in run_report(whatif, "batteria", "it")
