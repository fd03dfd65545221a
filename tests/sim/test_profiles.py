"""A measured year as another year's profile: last year's school data in next year's what-if."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import twin
from tests.conftest import TESTS
from tests.inputs.meters import exports
from twin.cli import main
from twin.core.calendar import HOLIDAY, day_types
from twin.core.time import time_index
from twin.errors import ScenarioError
from twin.inputs.meters.transfer import transfer

METERED = TESTS / "data" / "scenarios" / "metered.toml"


def school_2025() -> pd.Series:
    """A school's 2025: 30 kWh an hour on workday school hours, 2 otherwise (and holidays)."""
    index = time_index(dt.date(2025, 1, 1), dt.date(2026, 1, 1), "1h")
    local = index.tz_convert("Europe/Rome")
    kind = day_types(local.normalize())
    open_ = (kind == 0) & (local.hour >= 8) & (local.hour < 16)
    return pd.Series(np.where(open_, 30.0, 2.0), index=index)


def write_whatif(tmp_path, annual: str = "") -> object:
    meter = tmp_path / "school-2025.csv"
    meter.write_text(exports.daily_rows(school_2025(), pod="IT012E00000201"))
    whatif = tmp_path / "whatif-school-measured.toml"
    whatif.write_text(f'extends = "{METERED}"\n\n[[members]]\nid = "school"\n'
                      f'profile = {{meter_file = "school-2025.csv", year = 2025{annual}}}\n')
    return whatif


def test_the_2025_profile_runs_2026_with_the_measured_energy(tmp_path):
    result = twin.load(write_whatif(tmp_path)).run()
    school = float(result.dataset["member_withdrawn_energy_kwh"].sel(member="school"))
    measured = school_2025().sum()
    assert school == pytest.approx(measured, rel=1e-3)  # the bound: 0.1 %


def test_the_profile_scales_to_a_given_annual_energy(tmp_path):
    result = twin.load(write_whatif(tmp_path, ", annual_kwh = 50000")).run()
    school = float(result.dataset["member_withdrawn_energy_kwh"].sel(member="school"))
    assert school == pytest.approx(50000.0, rel=1e-3)


def test_weekdays_align_to_weekdays_and_holidays_to_holidays():
    """2026-01-01 (Thursday, a holiday) must take a 2025 holiday, not the Thursday 2025-01-02;
    2026-01-02 (Friday) a 2025 workday."""
    index = time_index(dt.date(2026, 1, 1), dt.date(2026, 1, 8), "1h")
    out = transfer(school_2025(), "1h", 2025, index, annual_kwh=1.0)
    local = index.tz_convert("Europe/Rome")
    kinds = day_types(local.normalize())
    noon = local.hour == 11
    assert np.all(out[noon & (kinds == HOLIDAY)] < out[noon & (kinds == 0)].min())
    assert out[noon & (local.day == 2)][0] > out[noon & (local.day == 1)][0]


def test_dst_days_are_mapped_by_clock():
    """A 23-hour run day (29 March 2026) gets 23 values, the 25-hour one 25, no NaN."""
    index = time_index(dt.date(2026, 3, 28), dt.date(2026, 10, 27), "1h")
    out = transfer(school_2025(), "1h", 2025, index, annual_kwh=8760.0)
    assert np.isfinite(out).all() and len(out) == len(index)


def test_a_store_keeps_the_profile_file_and_runs_the_same(tmp_path):
    whatif = write_whatif(tmp_path)
    store = str(tmp_path / "twin.db")
    assert main(["events", "init", str(whatif), "--store", store]) == 0
    from_file = twin.load(whatif).run().summary
    from_store = twin.load_store(store).run().summary
    pd.testing.assert_frame_equal(from_file, from_store)


def test_a_missing_profile_file_names_the_field(tmp_path):
    whatif = tmp_path / "w.toml"
    whatif.write_text(f'extends = "{METERED}"\n[[members]]\nid = "school"\n'
                      'profile = {meter_file = "nope.csv", year = 2025}\n')
    with pytest.raises(ScenarioError, match=r"members\[0\] \(id 'school'\)\.profile\.meter_file: "
                                        r"expected a readable meter file; found 'nope.csv'"):
        twin.load(whatif)


def test_a_plant_takes_its_production_from_a_measured_year(tmp_path):
    """roof-b's 2025 injection (here: 4 kWh every daylight hour) as its 2026 production."""
    index = time_index(dt.date(2025, 1, 1), dt.date(2026, 1, 1), "1h")
    hour = index.tz_convert("Europe/Rome").hour
    measured = pd.Series(np.where((hour >= 9) & (hour < 16), 4.0, 0.0), index=index)
    (tmp_path / "roof-b-2025.csv").write_text(exports.daily_rows(measured,
                                                                 pod="IT012E00000102"))
    whatif = tmp_path / "w.toml"
    whatif.write_text(f'extends = "{METERED}"\n[[plants]]\nid = "roof-b"\n'
                      'entry_into_operation = 2025-03-01\n'
                      'profile = {meter_file = "roof-b-2025.csv", year = 2025}\n')
    ds = twin.load(whatif).run().dataset
    produced = float(ds["plant_production_energy_kwh"].sel(plant="roof-b"))
    assert produced == pytest.approx(measured.sum(), rel=1e-3)
    local_hour = pd.DatetimeIndex(ds["time"].to_numpy()).tz_localize("UTC").tz_convert(
        "Europe/Rome").hour
    night = ds["injected_energy_kwh"].sel(plant="roof-b").to_numpy()[local_hour < 6]
    assert night.max() == 0.0
