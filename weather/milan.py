"""Built-in Milan weather: a seeded stochastic generator calibrated to UNI 10349 monthly values.

The generator needs no download. For each simulated local day it draws a daily clear-sky index
``k_d`` (ratio of the day's global horizontal irradiation to the clear-sky value) from a Beta
distribution whose mean reproduces the month's UNI 10349 irradiation; a latent Gaussian AR(1)
process gives the day-to-day persistence of Milan's cloudy and clear spells. Within the day a
log-normal AR(1) factor varies the hourly clear-sky index, most on partly cloudy days. Global
irradiance is split into direct and diffuse with the Erbs model, its diffuse scaled month by
month to the target's diffuse fraction. Temperature follows the UNI monthly mean with an AR(1)
daily anomaly, interpolated between day centres (no step at midnight), and a daily cycle from a
minimum just after sunrise to a maximum at 15:00 solar time whose range widens on clear days;
wind follows the UNI monthly mean with a log-normal daily factor.

One seed is one weather year; many seeds are Monte Carlo years: each year and month draws its
irradiation around the target (a monthly and a yearly log-normal factor), so years differ as
Milan's do (RULES_UPDATES.md §6: annual σ about 4 %, monthly CVs 5-8 % in summer to 20-30 %
in winter). Calibration targets ship here as
published figures with their source (``../shared/docs/MILAN_FIGURES.md`` §1.1).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pvlib
from scipy import stats

from weather.errors import WeatherDataError
from weather.stochastic import ar1

UNI_10349_MILANO = pd.DataFrame(
    {
        # Daily global horizontal irradiation H_h = H_d + H_b. [kWh/m²·day]
        "ghi_kwh_per_m2_day": [1.36, 2.06, 3.28, 4.44, 5.28, 6.36, 6.47, 5.31, 4.22, 2.22, 1.19,
                               1.00],
        # Monthly mean air temperature. [°C]
        "temp_air_c": [4.0, 7.1, 10.6, 13.4, 19.4, 22.8, 24.5, 24.3, 19.8, 14.1, 7.5, 3.5],
        # Mean daily temperature range. [K]
        "daily_range_k": [6.6, 6.4, 8.1, 7.6, 8.4, 8.5, 8.6, 8.5, 8.3, 5.8, 3.7, 4.8],
        # Mean wind speed. [m/s]
        "wind_speed_m_per_s": [1.5, 1.6, 2.2, 1.9, 1.8, 2.0, 1.9, 1.5, 1.6, 1.4, 1.2, 1.5],
        # Diffuse fraction H_d/H_h of the month's irradiation. [-]
        "diffuse_fraction": [0.45, 0.43, 0.42, 0.41, 0.44, 0.43, 0.38, 0.39, 0.38, 0.45, 0.49,
                             0.53],
    },
    index=pd.Index(range(1, 13), name="month"),
)
UNI_10349_MILANO.attrs["source"] = (
    "UNI 10349-1:2016, Milano (z = 122 m, 45°28'N, 9°13'E), as transcribed in Regione Lombardia "
    "CENED+2.0 Allegato H, Prospetti I-VI; see MILAN_FIGURES.md §1.1. Annual H_h 1,316.6 kWh/m²."
)

MILANO_SITE = {"latitude": 45.4667, "longitude": 9.2167, "altitude": 122.0, "name": "Milano"}

# Generator parameters (documented choices, revisited by the weather validation work).
DAILY_PERSISTENCE = 0.40
"""Lag-1 autocorrelation of the latent daily cloudiness process (fitted: calibrated to the
TMYx 2004-2018, 20 seeds give a lag-1 autocorrelation of deseasonalised daily clearness of
0.32 against the file's 0.32). [-]"""
BETA_CONCENTRATION = 1.6
"""a + b of the Beta distribution of the daily clear-sky index; lower = more extreme days
(fitted with :data:`DAILY_INDEX_RANGE` to the TMYx's share of overcast days, 13.7 %). [-]"""
DAILY_INDEX_RANGE = (0.10, 1.04)
"""Range of the daily clear-sky index: the darkest overcast day still gets a tenth of the
clear-sky irradiation, and the clearest days exceed the (turbid) Ineichen clear sky. [-]"""
HOURLY_PERSISTENCE = 0.75
"""Lag-1 autocorrelation of the hourly variability factor. [-]"""
HOURLY_VARIABILITY = 0.45
"""Log-standard deviation of hourly variability on a half-cloudy day (k_d = 0.5). [-]"""
MONTHLY_GHI_SD = (0.238, 0.182, 0.091, 0.074, 0.062, 0.036, 0.030, 0.020, 0.079, 0.086, 0.173,
                  0.235)
"""Log-standard deviation of each month's irradiation around its target, January first, drawn
once per year and month. With the daily draws' own spread (a month's mean of 28-31 daily
indices varies by 5-10 %) and :data:`ANNUAL_GHI_SD`, monthly irradiation varies by the anchors
of RULES_UPDATES.md §6 [U, derived]: a coefficient of variation of 20-30 % in December and
January, 15-25 % in November and February, 10-15 % in March and October, 8-12 % in April, May
and September, 5-8 % in June to August. [-]"""
ANNUAL_GHI_SD = 0.025
"""Log-standard deviation of a factor common to all months of a year (independent months alone
give about 3 % annual spread; the anchor is about 4 %, plausible 3-6 %). [-]"""
TEMP_ANOMALY_STD_K = 2.5
"""Standard deviation of the daily mean temperature around the monthly mean. [K]"""
TEMP_ANOMALY_PERSISTENCE = 0.75
"""Lag-1 autocorrelation of the daily temperature anomaly. [-]"""
TMAX_SOLAR_H = 15.0
"""Solar time of the daily maximum temperature (TMYx 2004-2018: 14 to 16 h by month). [h]"""
TMIN_AFTER_SUNRISE_H = -0.5
"""The daily minimum of the hourly means comes this long after sunrise, i.e. in the hour that
ends just after it (fitted: the TMYx 2004-2018 has its coldest hours at 04-07 solar time, the
earlier in summer). [h]"""
RANGE_SCALE = 1.0
"""The cycle's range relative to the target's mean daily range: below 1 leaves room for the
day-to-day drift of the daily mean, which widens a day's max - min. [-]"""


def _monthly_values(column: str, months: np.ndarray, targets: pd.DataFrame) -> np.ndarray:
    return targets[column].to_numpy()[months - 1]


MILANO_TZ = "Europe/Rome"
"""Local time of the site: UNI 10349's months and the daily temperature cycle are local."""


def _step_hours(index: pd.DatetimeIndex) -> float:
    if index.freq is None:
        raise ValueError("the time index has no fixed frequency")
    return pd.Timedelta(index.freq).total_seconds() / 3600.0


def _calendar(local: pd.DatetimeIndex) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Local day of each interval, the month of each day, and the (year, month) of each day."""
    day_codes, day_of_interval = np.unique(
        (local.year * 10000 + local.month * 100 + local.day).to_numpy(), return_inverse=True
    )
    day_month = (day_codes // 100) % 100
    _, ym_of_day = np.unique((day_codes // 10000) * 100 + day_month, return_inverse=True)
    return day_of_interval, day_month, ym_of_day


def year_month_factors(seed: int, year_of_ym: np.ndarray, month_of_ym: np.ndarray) -> np.ndarray:
    """This weather year's irradiation of each (year, month) relative to its target: a
    log-normal monthly anomaly (:data:`MONTHLY_GHI_SD`) times one common to the year
    (:data:`ANNUAL_GHI_SD`), both of mean one. A stream of its own, so the daily draws of a seed
    do not change with it. [-]"""
    years, year_index = np.unique(year_of_ym, return_inverse=True)
    rng = np.random.default_rng(np.random.SeedSequence([seed, 0x1A7E]))
    annual = rng.standard_normal(len(years))[year_index]
    monthly = rng.standard_normal(len(month_of_ym))
    sd = np.asarray(MONTHLY_GHI_SD)[month_of_ym - 1]
    return np.exp(sd * monthly - sd**2 / 2 + ANNUAL_GHI_SD * annual - ANNUAL_GHI_SD**2 / 2)


def _daily_clearness(rng: np.random.Generator, cs_daily: np.ndarray, day_month: np.ndarray,
                     ym_of_day: np.ndarray, targets: pd.DataFrame,
                     factors: np.ndarray) -> np.ndarray:
    """Daily clear-sky index: a Beta marginal on :data:`DAILY_INDEX_RANGE` with the month's
    target mean (target irradiation × this year's factor for the month, over the mean clear-sky
    irradiation of that year-month), persistent via a Gaussian copula (latent AR(1))."""
    n_days = len(cs_daily)
    cs_month_mean = np.bincount(ym_of_day, weights=cs_daily) / np.bincount(ym_of_day)
    target = _monthly_values("ghi_kwh_per_m2_day", day_month, targets) * factors[ym_of_day]
    lo, hi = DAILY_INDEX_RANGE
    ratio = np.divide(target, cs_month_mean[ym_of_day], out=np.full(n_days, 0.5),
                      where=cs_month_mean[ym_of_day] > 0)  # a sunless sliver of a month: moot
    mean_kd = np.clip(ratio, lo + 0.02, hi - 0.02)
    u = stats.norm.cdf(ar1(rng, n_days, DAILY_PERSISTENCE))
    a = (mean_kd - lo) / (hi - lo) * BETA_CONCENTRATION
    return lo + (hi - lo) * stats.beta.ppf(u, a, BETA_CONCENTRATION - a)


def _hourly_ghi(rng: np.random.Generator, k_day: np.ndarray, day_of_interval: np.ndarray,
                cs_ghi: np.ndarray) -> np.ndarray:
    """GHI with hourly variability, strongest on half-cloudy days, renormalised to keep each
    day's total. [W/m²]"""
    n_days = len(k_day)
    kd_i = k_day[day_of_interval]
    sigma = HOURLY_VARIABILITY * 4.0 * np.clip(kd_i * (1.0 - kd_i), 0.0, None)
    factor = np.exp(sigma * ar1(rng, len(cs_ghi), HOURLY_PERSISTENCE) - sigma**2 / 2)
    day_cs = np.bincount(day_of_interval, weights=cs_ghi, minlength=n_days)
    day_var = np.bincount(day_of_interval, weights=cs_ghi * factor, minlength=n_days)
    norm = np.divide(day_cs, day_var, out=np.ones(n_days), where=day_var > 0)
    return np.clip(kd_i * factor * norm[day_of_interval], 0.0, 1.2) * cs_ghi


def daily_cycle(solar_hour: np.ndarray, tmin_h: np.ndarray) -> np.ndarray:
    """Relative daily temperature cycle in [-1, 1]: a half cosine rising from the minimum at
    ``tmin_h`` to the maximum at :data:`TMAX_SOLAR_H`, another falling to the next minimum
    (both average zero, so the day's mean is kept). Hours in solar time. [-]"""
    rise = TMAX_SOLAR_H - tmin_h
    since_min = (solar_hour - tmin_h) % 24.0
    rising = since_min < rise
    falling = (since_min - rise) / (24.0 - rise)
    return np.where(rising, -np.cos(np.pi * since_min / rise), np.cos(np.pi * falling))


def _solar_hours(mid: pd.DatetimeIndex, latitude: float, longitude: float
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Solar time of each interval's middle, and the solar time of that day's sunrise. [h]"""
    doy = mid.dayofyear.to_numpy()
    eot_h = pvlib.solarposition.equation_of_time_spencer71(doy) / 60.0
    utc_h = (mid.hour + mid.minute / 60.0).to_numpy()
    solar = (utc_h + longitude / 15.0 + eot_h) % 24.0
    declination = pvlib.solarposition.declination_spencer71(doy)
    cos_ws = np.clip(-np.tan(np.radians(latitude)) * np.tan(declination), -1.0, 1.0)
    return solar, 12.0 - np.degrees(np.arccos(cos_ws)) / 15.0


def _temperature(rng: np.random.Generator, k_day: np.ndarray, day_of_interval: np.ndarray,
                 day_month: np.ndarray, ym_of_day: np.ndarray, day_position: np.ndarray,
                 solar: tuple[np.ndarray, np.ndarray], targets: pd.DataFrame) -> np.ndarray:
    """Monthly mean + persistent daily anomaly + the daily cycle (:func:`daily_cycle`), the
    daily values interpolated between day centres (``day_position``: days since the first local
    midnight, fractional). [°C]"""
    anomaly = TEMP_ANOMALY_STD_K * ar1(rng, len(k_day), TEMP_ANOMALY_PERSISTENCE)
    t_day = _monthly_values("temp_air_c", day_month, targets) + anomaly
    clear = 0.6 + 0.8 * k_day
    clear /= (np.bincount(ym_of_day, weights=clear) / np.bincount(ym_of_day))[ym_of_day]
    day_range = _monthly_values("daily_range_k", day_month, targets) * clear * RANGE_SCALE
    centres = np.arange(len(k_day)) + 0.5
    solar_hour, sunrise_h = solar
    cycle = daily_cycle(solar_hour, sunrise_h + TMIN_AFTER_SUNRISE_H)
    return (np.interp(day_position, centres, t_day)
            + 0.5 * np.interp(day_position, centres, day_range) * cycle)


def split_diffuse(ghi: np.ndarray, zenith_deg: np.ndarray, day_of_year: np.ndarray,
                  ym_of_interval: np.ndarray, target_fraction: np.ndarray | None
                  ) -> tuple[np.ndarray, np.ndarray]:
    """DHI and DNI from GHI: the Erbs split, its diffuse scaled in each (year, month) so that the
    month's DHI over GHI is ``target_fraction`` (per year-month; None keeps Erbs). All diffuse
    with the sun within 3° of the horizon, where Erbs sets no beam. [W/m²]"""
    dhi = np.asarray(pvlib.irradiance.erbs(ghi, zenith_deg, day_of_year)["dhi"], dtype=float)
    low_sun = zenith_deg >= 87.0
    dhi = np.where(low_sun, ghi, np.clip(dhi, 0.0, ghi))
    if target_fraction is not None:
        ghi_month = np.bincount(ym_of_interval, weights=ghi)
        for _ in range(3):  # clipping at GHI takes a second pass to reach the target
            dhi_month = np.bincount(ym_of_interval, weights=dhi, minlength=len(ghi_month))
            scale = np.divide(target_fraction * ghi_month, dhi_month,
                              out=np.ones_like(ghi_month), where=dhi_month > 0)
            dhi = np.where(low_sun, ghi, np.minimum(dhi * scale[ym_of_interval], ghi))
    cos_z = np.cos(np.radians(zenith_deg))
    dni = np.where(low_sun, 0.0, (ghi - dhi) / np.maximum(cos_z, 0.05))
    return dhi, dni


def _wind(rng: np.random.Generator, n_days: int, day_of_interval: np.ndarray,
          day_month: np.ndarray, local_hour: np.ndarray, targets: pd.DataFrame) -> np.ndarray:
    """Monthly mean × log-normal daily factor (mean 1) × a mild afternoon maximum. [m/s]"""
    wind_day = np.exp(0.4 * ar1(rng, n_days, 0.5) - 0.08)
    diurnal = 1.0 + 0.3 * np.cos(2 * np.pi * (local_hour - 14.0) / 24.0)
    wind = _monthly_values("wind_speed_m_per_s", day_month, targets)[day_of_interval]
    return wind * wind_day[day_of_interval] * diurnal


def generate_milan_weather(
    index: pd.DatetimeIndex,
    seed: int,
    site: dict[str, Any] | None = None,
    targets: pd.DataFrame | None = None,
    interannual: bool = True,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Generate weather for every interval of ``index`` (UTC, interval start).

    Parameters
    ----------
    index : DatetimeIndex
        Regular UTC index, labelled by interval start (``twin.core.time.time_index``).
    seed : int
        Seed of the weather year; the same seed gives the same weather.
    site : dict, optional
        ``latitude``, ``longitude``, ``altitude``; default :data:`MILANO_SITE`.
    targets : DataFrame, optional
        Monthly targets with the columns of :data:`UNI_10349_MILANO` (default).
    interannual : bool
        Draw each year's and month's irradiation around its target (:func:`year_month_factors`,
        the default: a seed is a weather year); False keeps every month on its target mean (the
        calibration's own check).

    Returns
    -------
    data, metadata
        As the readers in :mod:`weather`: ``ghi``, ``dni``, ``dhi`` [W/m², interval mean],
        ``temp_air`` [°C], ``wind_speed`` [m/s].
    """
    site = site or MILANO_SITE
    targets = UNI_10349_MILANO if targets is None else targets
    rng = np.random.default_rng(np.random.SeedSequence([seed, 0x57EA7]))
    step_h = _step_hours(index)
    mid = index + pd.Timedelta(hours=step_h / 2)
    location = pvlib.location.Location(site["latitude"], site["longitude"], tz="UTC",
                                       altitude=site["altitude"])
    solpos = location.get_solarposition(mid)
    clearsky = location.get_clearsky(mid, solar_position=solpos, model="ineichen")
    cs_ghi = clearsky["ghi"].to_numpy()

    local = index.tz_convert(MILANO_TZ)
    day_of_interval, day_month, ym_of_day = _calendar(local)
    n_days = len(day_month)
    cs_daily = np.bincount(day_of_interval, weights=cs_ghi * step_h, minlength=n_days) / 1000.0
    ym_codes = np.unique((local.year * 100 + local.month).to_numpy())
    factors = year_month_factors(seed, ym_codes // 100, ym_codes % 100) if interannual \
        else np.ones(len(ym_codes))
    k_day = _daily_clearness(rng, cs_daily, day_month, ym_of_day, targets, factors)
    ghi = _hourly_ghi(rng, k_day, day_of_interval, cs_ghi)
    ym_of_interval = ym_of_day[day_of_interval]
    fraction = (_monthly_values("diffuse_fraction", ym_codes % 100, targets)
                if "diffuse_fraction" in targets else None)
    dhi, dni = split_diffuse(ghi, solpos["zenith"].to_numpy(), mid.day_of_year.to_numpy(),
                             ym_of_interval, fraction)
    local_hour = (local.hour + local.minute / 60.0 + step_h / 2).to_numpy()
    temp_air = _temperature(rng, k_day, day_of_interval, day_month, ym_of_day,
                            day_of_interval + local_hour / 24.0,
                            _solar_hours(mid, site["latitude"], site["longitude"]), targets)
    wind_speed = _wind(rng, n_days, day_of_interval, day_month, local_hour, targets)

    data = pd.DataFrame(
        {"ghi": ghi, "dni": dni, "dhi": dhi, "temp_air": temp_air, "wind_speed": wind_speed},
        index=index,
    )
    metadata = {
        **{k: site[k] for k in ("latitude", "longitude", "altitude")},
        "source": f"builtin-milan (seed {seed})",
        "seed": seed,
        "interval": "start",
        "calibration": targets.attrs.get("source", "custom monthly targets"),
    }
    return data, metadata


def monthly_targets(data: pd.DataFrame, source: str = "weather file") -> pd.DataFrame:
    """Monthly calibration targets (the columns of :data:`UNI_10349_MILANO`) from weather data.

    ``data`` has a UTC index (interval start) and the canonical columns; months are local
    (Europe/Rome) months over every year in the data. Irradiation per day is the month's energy
    over its hours × 24, so a typical year stitched from different years (whose month edges
    leave fragments of days in local time) is not diluted; the daily temperature range is taken
    over whole days only.
    """
    step_h = (data.index[1] - data.index[0]).total_seconds() / 3600.0
    local = data.index.tz_convert(MILANO_TZ)
    month = pd.Series(local.month, index=data.index)
    energy = (data["ghi"] * step_h / 1000.0).groupby(month).sum()
    hours = month.groupby(month).size() * step_h
    day = pd.Series(local.date, index=data.index)
    daily = pd.DataFrame({"month": month, "t": data["temp_air"], "day": day})
    per_day = daily.groupby("day").agg(month=("month", "first"), n=("t", "size"),
                                       lo=("t", "min"), hi=("t", "max"))
    whole = per_day[per_day["n"] * step_h >= 23]
    targets = pd.DataFrame({
        "ghi_kwh_per_m2_day": energy / hours * 24.0,
        "temp_air_c": data["temp_air"].groupby(month).mean(),
        "daily_range_k": (whole["hi"] - whole["lo"]).groupby(whole["month"]).mean(),
        "wind_speed_m_per_s": data["wind_speed"].groupby(month).mean(),
        "diffuse_fraction": data["dhi"].groupby(month).sum() / data["ghi"].groupby(month).sum(),
    })
    targets.index.name = "month"
    if len(targets) != 12 or targets.isna().any().any():
        raise WeatherDataError(f"{source}: calibration needs whole data for all 12 months")
    targets.attrs["source"] = f"monthly means of {source}"
    return targets
