"""`cer-twin run --monte-carlo 50` on a one-year community: P-values in order, and weather years
that differ as Milan's do."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import write_scenario
from twin.cli import main

ONE_YEAR = """
schema_version = 1
[community]
name = "Year CER"
founded_on = 2025-01-01
region = "Lombardia"
market_zone = "NORD"
[simulation]
start = 2026-01-01
end = 2027-01-01
seed = 5
[[configurations]]
id = "c"
name = "C"
cabina_primaria = "TEST-CP"
[[plants]]
id = "pv"
configuration = "c"
capacity_kwp = 40.0
inverter_kw = 40.0
tilt_deg = 20.0
azimuth_deg = 180.0
latitude = 45.48
longitude = 9.20
entry_into_operation = 2026-01-01
lifecycle = "new"
[[members]]
id = "homes"
configuration = "c"
category = "household"
archetype = "household"
annual_kwh = 2200
count = 30
joined_on = 2025-01-01
"""


@pytest.mark.slow
def test_monte_carlo_50_gives_ordered_p_values_and_the_anchors_spread(tmp_path):
    path = write_scenario(tmp_path, ONE_YEAR)
    out = tmp_path / "out"
    assert main(["run", str(path), "--monte-carlo", "50", "--out", str(out), "--quiet"]) == 0
    p = pd.read_csv(out / "montecarlo_p_values.csv", index_col=[0, 1])
    shared = p.loc["community", "shared_mwh"]
    assert shared["P90"] < shared["P50"] < shared["P10"]
    assert p.loc["c", "npv_eur"]["P90"] < p.loc["c", "npv_eur"]["P10"]
    runs = pd.read_csv(out / "montecarlo.csv", index_col=[0, 1])
    ghi = runs.xs("community", level="configuration")["ghi_kwh_per_m2"]
    assert len(ghi) == 50 and ghi.nunique() == 50
    # RULES_UPDATES.md §6: interannual σ of annual GHI about 4 %, plausible 3-6 %.
    assert 0.03 <= ghi.std() / ghi.mean() <= 0.06
    plants = pd.read_csv(out / "montecarlo_plant_npv.csv", index_col=0)
    assert list(plants.columns) == ["P90", "P50", "P10"] and list(plants.index) == ["pv"]
