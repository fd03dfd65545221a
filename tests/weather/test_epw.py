"""EPW reader and typical-year alignment, on the real Milano-Linate TMYx file."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from twin.core.time import time_index
from weather import align_typical_year, read_epw
from weather.errors import WeatherDataError


def test_read_epw_gives_utc_interval_start_and_canonical_columns(milano_epw):
    data, meta = read_epw(milano_epw)
    assert list(data.columns) == ["ghi", "dni", "dhi", "temp_air", "wind_speed"]
    assert str(data.index.tz) == "UTC"
    assert meta["interval"] == "start" and meta["utc_offset_h"] == 1.0
    # The first EPW row (hour 1 = 00:00-01:00 local standard time) starts at 23:00 UTC.
    assert data.index[0].hour == 23
    assert len(data) == 8760
    # Annual global horizontal irradiation of this TMYx file. [kWh/m²]
    assert data["ghi"].sum() / 1000 == pytest.approx(1493.3, abs=0.5)


def test_typical_year_aligns_on_any_year_including_leap_years(milano_epw):
    data, meta = read_epw(milano_epw)
    leap = time_index(dt.date(2024, 1, 1), dt.date(2025, 1, 1), "1h")
    aligned = align_typical_year(data, meta, leap)
    assert len(aligned) == 8784 and not aligned.isna().any().any()
    feb28 = aligned.loc["2024-02-28T10:00Z", "ghi"]
    feb29 = aligned.loc["2024-02-29T10:00Z", "ghi"]
    assert feb28 == feb29
    # Noon local standard time stays noon: same values as the file at the same LST hour.
    assert aligned.loc["2024-06-21T11:00Z", "ghi"] == data.loc[
        data.index[(data.index + pd.Timedelta(hours=1)).strftime("%m-%d %H") == "06-21 12"][0],
        "ghi"]


def test_quarter_hour_alignment_repeats_the_hourly_mean(milano_epw):
    data, meta = read_epw(milano_epw)
    quarter = time_index(dt.date(2026, 6, 1), dt.date(2026, 6, 2), "15min")
    aligned = align_typical_year(data, meta, quarter)
    ghi = aligned["ghi"].to_numpy().reshape(-1, 4)
    assert (ghi == ghi[:, :1]).all()


def test_bad_values_name_the_file_field_and_row(tmp_path, milano_epw):
    lines = milano_epw.read_text().splitlines()
    fields = lines[8 + 12].split(",")
    fields[13] = "-50"  # global horizontal radiation of the 13th hour
    lines[8 + 12] = ",".join(fields)
    broken = tmp_path / "broken.epw"
    broken.write_text("\n".join(lines) + "\n")
    with pytest.raises(WeatherDataError, match=r"broken\.epw: field 'ghi' .*row 13.*found -50"):
        read_epw(broken)


def test_missing_file():
    with pytest.raises(WeatherDataError, match="not found"):
        read_epw("/nonexistent.epw")


def test_a_wrong_time_zone_or_kilowatts_are_refused(tmp_path, milano_epw):
    """Issue 19: an EPW with TZ=-12 or irradiance in kW/m² ran."""
    lines = milano_epw.read_text().splitlines()
    header = lines[0].split(",")
    header[8] = "-12"
    zone = tmp_path / "tz.epw"
    zone.write_text("\n".join([",".join(header), *lines[1:]]) + "\n")
    with pytest.raises(WeatherDataError, match=r"header field 'TZ'.*found -12 h"):
        read_epw(zone)
    rows = []
    for line in lines[8:]:
        fields = line.split(",")
        for k in (13, 14, 15):  # GHI, DNI, DHI
            fields[k] = str(float(fields[k]) / 1000)
        rows.append(",".join(fields))
    kilo = tmp_path / "kw.epw"
    kilo.write_text("\n".join([*lines[:8], *rows]) + "\n")
    with pytest.raises(WeatherDataError, match=r"expected W/m².*kW/m²"):
        read_epw(kilo)


def test_midday_sun_at_night_is_refused(tmp_path, milano_epw):
    """Rows shifted by six hours put the sun where the site has none."""
    lines = milano_epw.read_text().splitlines()
    rows = lines[8:]
    shifted = []
    for i, line in enumerate(rows):
        fields = line.split(",")
        donor = rows[(i + 6) % len(rows)].split(",")
        fields[13:16] = donor[13:16]
        shifted.append(",".join(fields))
    path = tmp_path / "shifted.epw"
    path.write_text("\n".join([*lines[:8], *shifted]) + "\n")
    with pytest.raises(WeatherDataError, match=r"time zone and the time labels"):
        read_epw(path)


def test_the_2004_2018_tmyx_is_on_solar_noon_in_every_month(milano_epw):
    _, meta = read_epw(milano_epw)
    offsets = meta["timing_offset_h_by_month"]
    assert sorted(offsets) == list(range(1, 13))
    assert all(abs(v) <= 0.15 for v in offsets.values()), offsets  # README: +0.02 to +0.12 h
    assert meta["warnings"] == []


def test_the_2009_2023_tmyx_warns_naming_its_months_half_an_hour_off():
    """Stitched from ISD and ERA5 months: +0.5 h in Jan, Mar, Jun, Jul, Oct and Nov, -0.4 to
    -0.55 h in the others (shared/data README §1b, checked there against solar geometry)."""
    from tests.conftest import SHARED_DATA, _require

    path = _require(SHARED_DATA / "weather" / "ITA_LM_Milano-Linate.AP.160800_TMYx.2009-2023.epw")
    _, meta = read_epw(path)
    offsets = meta["timing_offset_h_by_month"]
    assert all(offsets[m] > 0.4 for m in (1, 3, 6, 7, 10, 11)), offsets
    assert all(-0.6 < offsets[m] < -0.3 for m in (2, 4, 5, 8, 9, 12)), offsets
    timing = meta["warnings"][0]
    assert path.name in timing and "Jan +0.59 h" in timing and "Feb -0.40 h" in timing


def test_a_file_shifted_by_half_an_hour_warns_but_runs(tmp_path, milano_epw):
    """Half the irradiance of each hour moved to the next: centre +0.5 h, every month."""
    lines = milano_epw.read_text().splitlines()
    rows = [line.split(",") for line in lines[8:]]
    for i in range(len(rows) - 1, 0, -1):
        for k in (13, 14, 15):
            rows[i][k] = f"{(float(rows[i][k]) + float(rows[i - 1][k])) / 2:.0f}"
    path = tmp_path / "late.epw"
    path.write_text("\n".join([*lines[:8], *(",".join(r) for r in rows)]) + "\n")
    _, meta = read_epw(path)
    assert all(0.45 < v < 0.65 for v in meta["timing_offset_h_by_month"].values())  # +0.04-0.11
    assert "12 month(s)" in meta["warnings"][0]
