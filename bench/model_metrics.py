"""Figures of the built-in models that the validation compares with real data, computed the same
way for the model and the reference (used by bench/validate_models.py and the validation tests).

Weather figures take local standard time (UTC+1) days and months, as the EPW files do.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pvlib

STANDARD_TIME = pd.Timedelta(hours=1)
"""Milan's standard time offset (no daylight saving): the EPW's clock."""
SITE = (45.4494, 9.2783)
"""Milano-Linate, where the TMYx was measured. [°N, °E]"""
OVERCAST_KT = 0.3
"""A day whose clearness index is below this is overcast. [-]"""


def _standard(index: pd.DatetimeIndex, step_h: float) -> pd.DatetimeIndex:
    """Interval midpoints on Milan's standard-time clock (naive)."""
    return (index + pd.Timedelta(hours=step_h / 2) + STANDARD_TIME).tz_localize(None)


def _step_h(data: pd.DataFrame) -> float:
    return (data.index[1] - data.index[0]).total_seconds() / 3600.0


def daily_clearness(data: pd.DataFrame) -> pd.Series:
    """Daily GHI over daily extraterrestrial horizontal irradiation, by standard-time day."""
    step_h = _step_h(data)
    mid = pd.DatetimeIndex(data.index) + pd.Timedelta(hours=step_h / 2)
    zenith = pvlib.solarposition.get_solarposition(mid, *SITE)["zenith"].to_numpy()
    h0 = pvlib.irradiance.get_extra_radiation(mid).to_numpy() * np.clip(
        np.cos(np.radians(zenith)), 0.0, None)
    day = _standard(data.index, step_h).normalize()
    ghi = pd.Series(data["ghi"].to_numpy(), index=day).groupby(level=0).sum()
    extra = pd.Series(h0, index=day).groupby(level=0).sum()
    return (ghi / extra)[extra > 0]


def deseasonalised_persistence(kt: pd.Series) -> float:
    """Lag-1 autocorrelation of daily clearness with each month's mean removed."""
    month = kt.index.to_period("M")
    anomaly = kt - kt.groupby(month).transform("mean")
    return float(np.corrcoef(anomaly.to_numpy()[:-1], anomaly.to_numpy()[1:])[0, 1])


def overcast_share(kt: pd.Series) -> float:
    """Share of days with clearness below :data:`OVERCAST_KT`. [-]"""
    return float((kt < OVERCAST_KT).mean())


def daily_temperature_range_k(data: pd.DataFrame) -> pd.Series:
    """Mean of (daily max - daily min) air temperature by month 1-12 (standard-time days). [K]"""
    t = pd.Series(data["temp_air"].to_numpy(), index=_standard(data.index, _step_h(data)))
    daily = t.groupby(t.index.normalize()).agg(["min", "max"])
    return (daily["max"] - daily["min"]).groupby(daily.index.month).mean()


def _centre_of_three(cycle: np.ndarray, hours: np.ndarray) -> np.ndarray:
    """Circular mean hour of the three lowest values of each row (a flat night is not decided
    by a tenth of a kelvin). [h]"""
    lowest = np.argsort(cycle, axis=1)[:, :3]
    angle = 2 * np.pi * hours[lowest] / 24.0
    mean = np.arctan2(np.sin(angle).mean(axis=1), np.cos(angle).mean(axis=1))
    return (mean * 24.0 / (2 * np.pi)) % 24.0


def extreme_hours_solar(data: pd.DataFrame, longitude: float = SITE[1]) -> pd.DataFrame:
    """Solar time of the daily minimum and maximum temperature by month: the centre of the
    three coldest and of the three warmest hours of the month's mean daily cycle
    (standard-time hours shifted to solar time at ``longitude``, without the equation of
    time's few minutes). [h]"""
    step_h = _step_h(data)
    clock = _standard(data.index, step_h)
    solar_h = (clock.hour + clock.minute / 60.0 + (longitude - 15.0) / 15.0) % 24
    frame = pd.DataFrame({"t": data["temp_air"].to_numpy(), "month": clock.month,
                          "slot": np.round(solar_h / step_h).astype(int) % round(24 / step_h)})
    cycle = frame.groupby(["month", "slot"])["t"].mean().unstack()
    hours = cycle.columns.to_numpy() * step_h
    values = cycle.to_numpy()
    return pd.DataFrame({"tmin_h": _centre_of_three(values, hours),
                         "tmax_h": _centre_of_three(-values, hours)}, index=cycle.index)


def median_hourly_change_k(data: pd.DataFrame, hour: int | None = None) -> float:
    """Median absolute change of air temperature from one hour to the next; with ``hour``,
    only the changes into that standard-time hour (0: across midnight). [K]"""
    t = pd.Series(data["temp_air"].to_numpy(), index=_standard(data.index, _step_h(data)))
    t = t.resample("1h").mean()
    change = t.diff().abs().iloc[1:]
    if hour is not None:
        change = change[change.index.hour == hour]
    return float(change.median())


def diffuse_fraction_by_month(data: pd.DataFrame) -> pd.Series:
    """Monthly DHI over GHI (energy ratio), standard-time months 1-12. [-]"""
    clock = _standard(data.index, _step_h(data))
    frame = pd.DataFrame({"ghi": data["ghi"].to_numpy(), "dhi": data["dhi"].to_numpy()})
    sums = frame.groupby(clock.month).sum()
    return sums["dhi"] / sums["ghi"]


ARERA_DAY_TYPES = {0: "Giorno feriale", 1: "Sabato", 2: "Domenica"}
"""ARERA's day types, by the twin's day-type codes (WORKDAY, SATURDAY, HOLIDAY)."""
ARERA_CLASSES = {"0<P<=1.5": 1.5, "1.5<P<=3": 3.0, "3<P<=4.5": 4.5, "4.5<P<=6": 6.0,
                 "P>6": 10.0}
"""ARERA's contracted-power classes, and the contracted power simulated for each. [kW]"""


def arera_typical_days(frame: pd.DataFrame, power_class: str) -> np.ndarray:
    """ARERA Lombardy mean hourly withdrawal of a class, ``(month 1-12, day type, hour)``.
    [kWh per hour]"""
    rows = frame[(frame["Regione"] == "Lombardia") & (frame["Classe potenza"] == power_class)]
    out = np.zeros((12, 3, 24))
    for (m, kind), group in rows.groupby(["Mese", "Working day"]):
        d = {v: k for k, v in ARERA_DAY_TYPES.items()}[kind]
        out[m - 1, d] = group.sort_values("Ora")["Prelievo medio Orario Regionale (kWh)"]
    return out


def model_typical_days(values: np.ndarray, index: pd.DatetimeIndex) -> np.ndarray:
    """The model's typical days averaged as ARERA averages (twin.assets.loads.typical_day),
    ``(month, day type, hour)``."""
    from twin.assets.loads import typical_day

    return np.array([[typical_day(values, index, m, d) for d in ARERA_DAY_TYPES]
                     for m in range(1, 13)])


def day_counts(year: int) -> np.ndarray:
    """Days of each month and day type in a year (Milan's holidays), ``(month, day type)``."""
    from twin.core.calendar import day_types

    days = pd.date_range(f"{year}-01-01", f"{year}-12-31", freq="D")
    kinds = day_types(days)
    return np.array([[np.sum((days.month == m) & (kinds == d)) for d in ARERA_DAY_TYPES]
                     for m in range(1, 13)])


def household_figures(typical: np.ndarray, counts: np.ndarray) -> dict[str, float]:
    """Figures of a set of typical days ``(month, day type, hour)`` with the days they stand
    for: annual energy, min/mean and peak/mean of the typical days (mean over months and day
    types), Saturday and Sunday daily energy over the weekday's, and the F1 share (weekdays
    08-19 h)."""
    daily = typical.sum(axis=2)  # (month, day type)
    mean = typical.mean(axis=2)
    weekday = (daily[:, 0] * counts[:, 0]).sum() / counts[:, 0].sum()
    total = (daily * counts).sum()
    f1 = (typical[:, 0, 8:19].sum(axis=1) * counts[:, 0]).sum()
    return {"annual_kwh": float(total),
            "min_over_mean": float((typical.min(axis=2) / mean).mean()),
            "peak_over_mean": float((typical.max(axis=2) / mean).mean()),
            "saturday_ratio": float((daily[:, 1] * counts[:, 1]).sum() / counts[:, 1].sum()
                                    / weekday),
            "sunday_ratio": float((daily[:, 2] * counts[:, 2]).sum() / counts[:, 2].sum()
                                  / weekday),
            "f1_share_pct": float(f1 / total * 100)}


def shape_error(ours: np.ndarray, reference: np.ndarray) -> float:
    """Mean over months and day types of the typical day's mean absolute error over the
    reference typical day's mean (both at the same annual energy). [-]"""
    mae = np.abs(ours - reference).mean(axis=2)
    return float((mae / reference.mean(axis=2)).mean())


def pearson_min(ours: np.ndarray, reference: np.ndarray) -> float:
    """Lowest Pearson correlation of a typical day with its reference (a reported figure)."""
    a = ours - ours.mean(axis=2, keepdims=True)
    b = reference - reference.mean(axis=2, keepdims=True)
    r = (a * b).sum(axis=2) / np.sqrt((a * a).sum(axis=2) * (b * b).sum(axis=2))
    return float(r.min())


RSE_SHEETS = {"school": "scuola_500_studenti", "office": "ufficio_comunale",
              "public_building": "PA_comune", "gym": "palestra_comunale",
              "library": "biblioteca_comunale", "shop": "COM_>6kw_feriale"}
"""The RSE typical-day sheet (shared/data/load/rse_cacer/curve_carico_input.xlsx) each
non-residential archetype is compared with."""
SHOP_SUNDAY_SHEET = "COM_1.5<P<=3_festivo"
"""A shop's Sunday: RSE's commercial sheet of a business closed on holidays (its Saturday is a
holiday too, so the Saturday comes from a business open every day, RSE_SHEETS["shop"])."""
TERM_MONTHS = (3, 4, 5, 10, 11)
"""Months of a normal school and working term (no summer or Christmas closures)."""


def rse_weekend_ratios(workbook: dict[str, pd.DataFrame], archetype: str) -> tuple[float, float]:
    """RSE's Saturday and Sunday daily energy over its working day's, for an archetype."""
    sheet = workbook[RSE_SHEETS[archetype]]
    sunday = workbook[SHOP_SUNDAY_SHEET] if archetype == "shop" else sheet
    working = sheet["Working_day"].sum()
    return (float(sheet["Saturday"].sum() / working),
            float(sunday["Sunday"].sum() / sunday["Working_day"].sum()))


def model_weekend_ratios(power: np.ndarray, index: pd.DatetimeIndex) -> tuple[float, float]:
    """The model's Saturday and Sunday-or-holiday daily energy over a workday's, in the term
    months."""
    from twin.core.calendar import HOLIDAY, SATURDAY, WORKDAY, day_types

    local = index.tz_convert("Europe/Rome")
    term = np.isin(local.month, TERM_MONTHS)
    kinds = day_types(local.normalize())
    day = local.normalize()
    daily = pd.Series(power[term]).groupby([kinds[term], day[term]]).sum().groupby(level=0).mean()
    return (float(daily[SATURDAY] / daily[WORKDAY]), float(daily[HOLIDAY] / daily[WORKDAY]))


def model_day_profile(power: np.ndarray, index: pd.DatetimeIndex, day_type: int) -> np.ndarray:
    """Mean power by quarter hour of the day over the term months' days of one type."""
    from twin.core.calendar import day_types

    local = index.tz_convert("Europe/Rome")
    on = np.isin(local.month, TERM_MONTHS) & (day_types(local.normalize()) == day_type)
    quarter = local.hour * 4 + local.minute // 15
    return pd.Series(power[on]).groupby(quarter[on]).mean().reindex(range(96)).to_numpy()


def coincidence_factor(power: np.ndarray) -> float:
    """Peak of the group's summed power over the sum of each member's own peak, ``power``
    ``(time, member)``. [-]"""
    return float(power.sum(axis=1).max() / power.max(axis=0).sum())


def beam_over_extraterrestrial(data: pd.DataFrame) -> float:
    """Highest DNI over the extraterrestrial normal irradiance of the hour (a clear sky lets
    through at most about 80 %). [-]"""
    mid = pd.DatetimeIndex(data.index) + pd.Timedelta(hours=_step_h(data) / 2)
    extra = pvlib.irradiance.get_extra_radiation(mid).to_numpy()
    return float((data["dni"].to_numpy() / extra).max())
