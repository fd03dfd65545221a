"""Weather readers: PVGIS TMY (CSV, JSON), PVGIS hourly, generic CSV, ERA5 NetCDF."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from tests.weather import makefiles
from twin.core.time import time_index
from weather import (
    align_weather,
    generate_milan_weather,
    read_netcdf,
    read_pvgis_hourly,
    read_pvgis_tmy,
    read_weather_csv,
)
from weather.errors import WeatherDataError

YEAR_2018 = pd.date_range("2018-01-01", periods=8760, freq="h", tz="UTC", name="time")


@pytest.fixture(scope="module")
def truth() -> pd.DataFrame:
    return generate_milan_weather(YEAR_2018, seed=11)[0].round(2)


@pytest.mark.parametrize("writer", [makefiles.pvgis_tmy_csv, makefiles.pvgis_tmy_json])
def test_pvgis_tmy_round_trip_in_utc(tmp_path, truth, writer):
    suffix = ".json" if "json" in writer.__name__ else ".csv"
    data, meta = read_pvgis_tmy(writer(tmp_path / f"tmy{suffix}", truth))
    assert str(data.index.tz) == "UTC" and data.index[0] == truth.index[0]
    np.testing.assert_allclose(data[["ghi", "dhi", "temp_air"]], truth[["ghi", "dhi",
                                                                        "temp_air"]], atol=0.06)
    assert meta["latitude"] == pytest.approx(45.467) and meta["interval"] == "start"
    # A TMY stands for any year: it aligns on 2026 by calendar hour.
    aligned = align_weather(data, meta, time_index(dt.date(2026, 1, 1), dt.date(2027, 1, 1),
                                                   "1h"))
    assert len(aligned) == 8760 and not aligned.isna().any().any()


def test_pvgis_hourly_on_a_horizontal_plane(tmp_path, truth):
    week = truth.iloc[:168]
    data, _ = read_pvgis_hourly(makefiles.pvgis_hourly_csv(tmp_path / "h.csv", week))
    assert data.index[0] == week.index[0]  # HH:10 floored to the hour start
    np.testing.assert_allclose(data["ghi"], week["ghi"], atol=0.02)
    np.testing.assert_allclose(data["dhi"], week["dhi"], atol=0.01)
    sunny = week["ghi"] > 100
    np.testing.assert_allclose(data["dni"][sunny], week["dni"][sunny], rtol=0.01, atol=1.0)
    with pytest.raises(WeatherDataError, match="horizontal plane.*found slope 30"):
        read_pvgis_hourly(makefiles.pvgis_hourly_csv(tmp_path / "t.csv", week, slope=30))


def test_era5_netcdf_is_shifted_from_hour_end_and_converted(tmp_path, truth):
    week = truth.iloc[:168]
    data, meta = read_netcdf(makefiles.era5_netcdf(tmp_path / "e.nc", week), 45.47, 9.22)
    assert (meta["latitude"], meta["longitude"]) == (45.5, 9.25)  # the nearest grid point
    assert data.index[0] == week.index[0]
    np.testing.assert_allclose(data["ghi"], week["ghi"], atol=1e-6)
    np.testing.assert_allclose(data["temp_air"], week["temp_air"], atol=1e-6)
    np.testing.assert_allclose(data["wind_speed"], week["wind_speed"], atol=1e-6)
    with pytest.raises(WeatherDataError, match="needs the site's latitude"):
        read_netcdf(tmp_path / "e.nc")


def test_generic_csv_in_local_time_with_dst_and_hour_ending_labels(tmp_path, truth):
    """Europe/Rome wall clock, hour-ending, across the October DST change (a repeated 02:00)."""
    days = truth.loc["2018-10-27T00:00Z":"2018-10-29T00:00Z"]
    local_end = (days.index + pd.Timedelta(hours=1)).tz_convert("Europe/Rome").tz_localize(None)
    frame = pd.DataFrame({"when": local_end.strftime("%Y-%m-%d %H:%M"),
                          "GHI": days["ghi"].to_numpy(), "DNI": days["dni"].to_numpy(),
                          "DHI": days["dhi"].to_numpy(), "T": days["temp_air"].to_numpy(),
                          "WS": days["wind_speed"].to_numpy()})
    path = tmp_path / "local.csv"
    frame.to_csv(path, index=False)
    data, _ = read_weather_csv(path, columns={"ghi": "GHI", "dni": "DNI", "dhi": "DHI",
                                              "temp_air": "T", "wind_speed": "WS"},
                               time_column="when", timezone="Europe/Rome", interval="end")
    pd.testing.assert_index_equal(data.index, days.index, check_names=False, check_freq=False)
    np.testing.assert_allclose(data["ghi"], days["ghi"])


def test_bad_values_are_refused_or_repaired(tmp_path, truth):
    day = truth.iloc[:24].copy()
    day.index = day.index.strftime("%Y-%m-%dT%H:%MZ")
    day.index.name = "time"
    small = day.copy()
    small.iloc[3, 0] = -2.0  # sensor noise at night: repaired and counted
    small.to_csv(tmp_path / "small.csv")
    data, meta = read_weather_csv(tmp_path / "small.csv")
    assert meta["repaired_values"] == 1 and data["ghi"].min() == 0.0
    for value, expected in [(-50.0, "found -50.0"), (np.nan, "found nan"),
                            (2500.0, "found 2500.0")]:
        bad = day.copy()
        bad.iloc[12, 0] = value
        bad.to_csv(tmp_path / "bad.csv")
        with pytest.raises(WeatherDataError, match=rf"bad\.csv: field 'ghi' .*row 13.*{expected}"):
            read_weather_csv(tmp_path / "bad.csv")


def test_pvgis_hourly_json(tmp_path, truth):
    week = truth.iloc[:48]
    data, _ = read_pvgis_hourly(makefiles.pvgis_hourly_json(tmp_path / "h.json", week))
    np.testing.assert_allclose(data["ghi"], week["ghi"], atol=0.02)
    with pytest.raises(WeatherDataError, match="found slope 35"):
        read_pvgis_hourly(makefiles.pvgis_hourly_json(tmp_path / "t.json", week, slope=35))
