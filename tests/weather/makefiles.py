"""Small weather files in PVGIS, CSV and ERA5 NetCDF layouts, made from a known frame."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pvlib


def pvgis_tmy_csv(path: Path, data: pd.DataFrame) -> Path:
    """``data``: UTC index, canonical columns. Written as PVGIS writes a TMY CSV."""
    lines = ["Latitude (decimal degrees): 45.467", "Longitude (decimal degrees): 9.217",
             "Elevation (m): 122.0", "Irradiance Time Offset (h): 0.1761", "month,year"]
    lines += [f"{m},2018" for m in range(1, 13)]
    lines.append("time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP")
    for t, row in data.iterrows():
        lines.append(f"{t:%Y%m%d:%H%M},{row.temp_air:.2f},70.0,{row.ghi:.1f},{row.dni:.2f},"
                     f"{row.dhi:.1f},300.0,{row.wind_speed:.2f},180.0,100000.0")
    lines += ["", "T2m: 2-m air temperature (degree Celsius)", "", "PVGIS (c) European Union"]
    path.write_text("\n".join(lines) + "\n")
    return path


def pvgis_tmy_json(path: Path, data: pd.DataFrame) -> Path:
    rows = [{"time(UTC)": f"{t:%Y%m%d:%H%M}", "T2m": row.temp_air, "RH": 70.0, "G(h)": row.ghi,
             "Gb(n)": row.dni, "Gd(h)": row.dhi, "IR(h)": 300.0, "WS10m": row.wind_speed,
             "WD10m": 180.0, "SP": 100000.0} for t, row in data.iterrows()]
    doc = {"inputs": {"location": {"latitude": 45.467, "longitude": 9.217, "elevation": 122.0}},
           "outputs": {"months_selected": [{"month": m, "year": 2018} for m in range(1, 13)],
                       "tmy_hourly": rows},
           "meta": {"inputs": {}, "outputs": {}}}
    path.write_text(json.dumps(doc))
    return path


def pvgis_hourly_csv(path: Path, data: pd.DataFrame, slope: int = 0) -> Path:
    """A PVGIS hourly series on a plane of ``slope`` degrees (times at HH:10 UTC)."""
    mid = data.index + pd.Timedelta(minutes=30)
    zenith = pvlib.solarposition.get_solarposition(mid, 45.467, 9.217)["zenith"].to_numpy()
    beam = data["ghi"].to_numpy() - data["dhi"].to_numpy()
    lines = ["Latitude (decimal degrees):\t45.467", "Longitude (decimal degrees):\t9.217",
             "Elevation (m):\t122", "Radiation database:\tPVGIS-SARAH3", "", "",
             f"Slope: {slope} deg. ", "Azimuth: 0 deg. ",
             "time,Gb(i),Gd(i),Gr(i),H_sun,T2m,WS10m,Int"]
    for (t, row), b, z in zip(data.iterrows(), beam, zenith, strict=True):
        stamp = t + pd.Timedelta(minutes=10)
        lines.append(f"{stamp:%Y%m%d:%H%M},{b:.2f},{row.dhi:.2f},0.0,{max(0, 90 - z):.2f},"
                     f"{row.temp_air:.2f},{row.wind_speed:.2f},0.0")
    lines += ["", "Gb(i): Beam (direct) irradiance on the inclined plane (W/m2)", "",
              "PVGIS (c) European Union, 2001-2024"]
    path.write_text("\n".join(lines) + "\n")
    return path


def era5_netcdf(path: Path, data: pd.DataFrame) -> Path:
    """ERA5-style accumulations labelled at the end of each hour, on a 2 × 2 grid."""
    import xarray as xr

    mid = data.index + pd.Timedelta(minutes=30)
    zenith = pvlib.solarposition.get_solarposition(mid, 45.5, 9.25)["zenith"].to_numpy()
    direct = np.where(zenith < 87, data["dni"].to_numpy() * np.cos(np.radians(zenith)), 0.0)
    end = (data.index + pd.Timedelta(hours=1)).tz_localize(None)
    grid = np.ones((1, 2, 2))

    def field(values: np.ndarray, units: str) -> tuple:
        return (("time", "latitude", "longitude"), values[:, None, None] * grid, {"units": units})

    ds = xr.Dataset(
        {"ssrd": field(data["ghi"].to_numpy() * 3600.0, "J m**-2"),
         "fdir": field(direct * 3600.0, "J m**-2"),
         "t2m": field(data["temp_air"].to_numpy() + 273.15, "K"),
         "u10": field(data["wind_speed"].to_numpy() * 0.6, "m s**-1"),
         "v10": field(data["wind_speed"].to_numpy() * 0.8, "m s**-1")},
        coords={"time": end, "latitude": [45.75, 45.5], "longitude": [9.0, 9.25]},
    )
    ds.to_netcdf(path, engine="h5netcdf")
    return path


def pvgis_hourly_json(path: Path, data: pd.DataFrame, slope: int = 0) -> Path:
    """The same series as :func:`pvgis_hourly_csv`, in PVGIS's JSON layout."""
    beam = data["ghi"].to_numpy() - data["dhi"].to_numpy()
    rows = [{"time": f"{t + pd.Timedelta(minutes=10):%Y%m%d:%H%M}", "Gb(i)": float(b),
             "Gd(i)": float(row.dhi), "Gr(i)": 0.0, "H_sun": 0.0, "T2m": float(row.temp_air),
             "WS10m": float(row.wind_speed), "Int": 0.0}
            for (t, row), b in zip(data.iterrows(), beam, strict=True)]
    doc = {"inputs": {"location": {"latitude": 45.467, "longitude": 9.217, "elevation": 122.0},
                      "mounting_system": {"fixed": {"slope": {"value": slope, "optimal": False},
                                                    "azimuth": {"value": 0, "optimal": False},
                                                    "type": "free-standing"}}},
           "outputs": {"hourly": rows}, "meta": {"inputs": {}, "outputs": {}}}
    path.write_text(json.dumps(doc))
    return path
