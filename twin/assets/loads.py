"""Consumers: seeded, diverse load profiles from archetypes, scaled to each member's annual_kwh.

An archetype is a small parametric model of mean power by local hour, day type (workday,
Saturday, Sunday or holiday) and month, written as a base level plus Gaussian "bumps" (morning,
midday, evening) or opening-hours plateaus. Each member draws its own variation from a generator
seeded by (scenario seed, member id), so adding a member never changes another member's profile:

* a time shift of its habits (households ±~1 h, others less);
* its own amplitude for each bump;
* a persistent day-to-day factor (AR(1), log-normal);
* interval noise (appliance cycles), strongest for households;
* for households, one to three weeks away in summer (Milan empties around Ferragosto).

The shapes follow the published evidence in ``MILAN_FIGURES.md`` §2.2: three daily household
peaks with the largest in the evening (families ≈ 600 W at 19:30-22:30), energy-poor households
≈ 110 W at night to ≈ 280 W in the evening, and households drawing about one third of their energy
in band F1 (weekdays 08-19; ENEA: F1 33.4 %). Households with a contracted power take the shape
fitted for their ARERA power class, with lighting that follows each day's dusk and dawn
(:class:`~twin.assets.archetypes.Lighting`). Holidays are Italian national holidays plus
Sant'Ambrogio (7 December, Milan), from the ``holidays`` package.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pvlib
from scipy.special import expit

from twin.assets.appliances import add_appliance_cycles
from twin.assets.archetypes import (
    ARCHETYPES,
    COOLING_BALANCE_C,
    DAYLIGHT_SITE,
    NOISE_POOL_LENGTHS,
    Archetype,
    Bump,
    Lighting,
    Plateau,
    contracted_power_for_energy,
    household_for_power,
)
from twin.assets.capping import capped
from twin.core.calendar import day_types
from twin.core.random import ar1, member_rng
from twin.core.time import interval_hours, local_days, to_local


def expected_shape(archetype: Archetype, days: pd.DatetimeIndex,
                   daily_temp_c: np.ndarray | None = None) -> np.ndarray:
    """Expected relative power of an archetype's members by local clock hour (the middle of each
    hour) on local ``days``, shape ``(day, 24)``: base plus bumps widened by the members' time
    shifts, cooling from each day's mean temperature (Milan's UNI 10349 monthly means when
    ``daily_temp_c`` is not given, as in a run without temperatures), plateaus and lighting,
    times the month's factor. Leaves out what only scales or removes whole days (day-to-day
    factors, summer weeks away) and the heat-pump terms. Used to calibrate shapes
    (``bench/calibrate_households.py``)."""
    days = pd.DatetimeIndex(days)
    hours = np.arange(24) + 0.5
    month, kinds = days.month.to_numpy(), day_types(days)
    if daily_temp_c is None:
        daily_temp_c = normal_temperature_c(month)
    degrees = cooling_degrees_k(daily_temp_c)[:, None]
    summer = _summer_weight(month)[:, None]
    out = np.full((len(days), 24), archetype.base)
    sunrise_h, sunset_h = daylight_hours(days)
    for kind, shapes in archetype.day_shapes.items():
        on = kinds == kind
        for shape in shapes:
            if isinstance(shape, Bump):
                width = np.hypot(shape.width_h, archetype.shift_std_h)
                spread = shape.width_h / width
                gap = _circular_gap(hours[None, :], shape.hour + shape.summer_shift_h * summer[on])
                out[on] += shape.height * spread * np.exp(-0.5 * (gap / width) ** 2)
                gap = _circular_gap(hours[None, :], shape.hour + shape.summer_shift_h)
                out[on] += (shape.cooling_per_k * degrees[on] * spread
                            * np.exp(-0.5 * (gap / width) ** 2))
            elif isinstance(shape, Plateau):
                out[on] += shape.height * _smooth_plateau(hours, shape.opens, shape.closes)
            else:
                out[on] += shape.height * lighting_curve(
                    hours[None, :], sunrise_h[on, None], sunset_h[on, None], shape)
    level = (np.asarray(archetype.monthly_factor)[month - 1]
             * np.asarray(archetype.day_type_factor)[kinds])
    return out * level[:, None]


@dataclass(frozen=True)
class Consumer:
    """What the load model needs to know about one member."""

    member_id: str
    archetype: str
    annual_kwh: float
    contracted_power_kw: float | None = None
    """The meter lets through up to 110 % of it indefinitely: the load is capped there."""


def _in_period(month: np.ndarray, day: np.ndarray, start: tuple[int, int],
               end: tuple[int, int]) -> np.ndarray:
    code = month * 100 + day
    lo, hi = start[0] * 100 + start[1], end[0] * 100 + end[1]
    return (code >= lo) & (code <= hi) if lo <= hi else (code >= lo) | (code <= hi)


def _summer_weight(month: np.ndarray) -> np.ndarray:
    """0 in January, 1 in July, smooth in between."""
    return 0.5 - 0.5 * np.cos(2 * np.pi * (month - 1) / 12.0)


def daylight_hours(days: pd.DatetimeIndex) -> tuple[np.ndarray, np.ndarray]:
    """Local clock hours of sunrise and sunset at :data:`DAYLIGHT_SITE` on local dates
    (pvlib's geometric calculation, good to about ten minutes), kept per run of days as the
    calendars are (:data:`CALENDARS_KEPT`).

    Computed on UTC days and converted back, so daylight-saving days come out right.
    """
    key = (str(getattr(days, "tz", None)), pd.DatetimeIndex(days).asi8.tobytes())
    if key not in _DAYLIGHT:
        if len(_DAYLIGHT) >= CALENDARS_KEPT:
            _DAYLIGHT.clear()
        hours = _daylight_hours(days)
        for h in hours:
            h.flags.writeable = False  # shared by every block and call
        _DAYLIGHT[key] = hours
    return _DAYLIGHT[key]


_DAYLIGHT: dict[tuple[str, bytes], tuple[np.ndarray, np.ndarray]] = {}


def _daylight_hours(days: pd.DatetimeIndex) -> tuple[np.ndarray, np.ndarray]:
    noon_utc = pd.DatetimeIndex(pd.DatetimeIndex(days).date).tz_localize("UTC") + pd.Timedelta(
        hours=12)
    day_of_year = noon_utc.dayofyear.to_numpy()
    rise, sset, _ = pvlib.solarposition.sun_rise_set_transit_geometric(
        noon_utc, *DAYLIGHT_SITE, pvlib.solarposition.declination_spencer71(day_of_year),
        pvlib.solarposition.equation_of_time_spencer71(day_of_year))
    local = (to_local(t) for t in (rise, sset))
    return tuple((t.hour + t.minute / 60.0 + t.second / 3600.0).to_numpy() for t in local)


def lighting_curve(hours: np.ndarray, sunrise_h: np.ndarray, sunset_h: np.ndarray,
                   light: Lighting) -> np.ndarray:
    """Relative lighting load at local ``hours`` given the day's sunrise and sunset."""
    s = light.smoothing_h
    evening = expit((hours - sunset_h) / s) * expit((light.until_h - hours) / s)
    morning = expit((hours - light.wake_h) / s) * expit((sunrise_h - hours) / s)
    return evening + morning


def _circular_gap(hours: np.ndarray, centre: float) -> np.ndarray:
    return (hours - centre + 12.0) % 24.0 - 12.0


def _smooth_plateau(hours: np.ndarray, opens: float, closes: float) -> np.ndarray:
    rise = 1.0 / (1.0 + np.exp(-(hours - opens) / 0.25))
    fall = 1.0 / (1.0 + np.exp(-(closes - hours) / 0.25))
    return rise * fall


_CALENDARS: dict[tuple, tuple] = {}
CALENDARS_KEPT = 32
"""Grids whose calendars are kept: a long run models its members year by year, block after
block, on one grid a year (decision 71), so all of a 30-year run's years at once."""


def _calendar(index: pd.DatetimeIndex) -> tuple:
    """Local time of day, month, day of month, day number, days and day types of a grid,
    computed once per grid (every archetype and member block reuses them)."""
    key = (index[0], len(index), index.freqstr)
    if key not in _CALENDARS:
        step_h = interval_hours(index)
        local = to_local(index)
        hours = (local.hour + local.minute / 60.0 + step_h / 2).to_numpy()
        day_of, days = local_days(index)
        if len(_CALENDARS) >= CALENDARS_KEPT:
            _CALENDARS.clear()
        _CALENDARS[key] = (hours, local.month.to_numpy(), local.day.to_numpy(), day_of, days,
                           day_types(days)[day_of])
    return _CALENDARS[key]


def normal_temperature_c(month: np.ndarray) -> np.ndarray:
    """Milan's UNI 10349 monthly mean air temperature for months 1-12 [°C]."""
    from weather.milan import UNI_10349_MILANO

    return UNI_10349_MILANO["temp_air_c"].to_numpy()[np.asarray(month) - 1]


def daily_mean_temperature_c(index: pd.DatetimeIndex, temp_air_c: np.ndarray | None,
                             day_of: np.ndarray) -> np.ndarray:
    """Mean air temperature of each local day of ``index`` [°C]; Milan's UNI 10349 monthly means
    when no temperature is given."""
    if temp_air_c is None:
        temp_air_c = normal_temperature_c(to_local(index).month.to_numpy())
    return np.bincount(day_of, weights=temp_air_c) / np.bincount(day_of)


def cooling_degrees_k(daily_temp_c: np.ndarray) -> np.ndarray:
    """Kelvin of daily mean temperature above :data:`COOLING_BALANCE_C` (0 below it)."""
    return np.clip(np.asarray(daily_temp_c) - COOLING_BALANCE_C, 0.0, None)


def _thermal(archetype: Archetype, index: pd.DatetimeIndex, daily_t: np.ndarray,
             day_of: np.ndarray) -> np.ndarray:
    """Heating and cooling demand from the day's mean temperature, with a daily cycle (heat
    pumps run most in the morning and evening). Relative units, per interval."""
    heating = archetype.heating_kw_per_k * np.clip(16.0 - daily_t, 0.0, None)
    cooling = archetype.cooling_kw_per_k * np.clip(daily_t - 24.0, 0.0, None)
    hours = to_local(index).hour.to_numpy()
    heat_cycle = 1.0 + 0.4 * np.exp(-0.5 * ((hours - 7) / 2.0) ** 2) + 0.4 * np.exp(
        -0.5 * ((hours - 19) / 2.5) ** 2)
    cool_cycle = 1.0 + 0.8 * np.exp(-0.5 * ((hours - 15) / 3.0) ** 2)
    return heating[day_of] * heat_cycle + cooling[day_of] * cool_cycle


def _shape_table(archetype: Archetype, rngs: list[np.random.Generator], slot_hours: np.ndarray,
                 shift: np.ndarray) -> tuple[np.ndarray, np.ndarray | None, list]:
    """The daily shapes as a small table (day type, month, time of day, member), to be gathered
    once: the same values as evaluating every step, for a fraction of the work.

    Also returns the cooling per kelvin (day type, slot, member) when any bump has one, and the
    lighting terms ``(day type, lighting, member factors)`` (they follow each day's dusk, so they
    are added per step). Each shape draws one height factor per member, in order.
    """
    n_m = len(rngs)
    table = np.zeros((3, 12, len(slot_hours), n_m), dtype=np.float32)
    summer = _summer_weight(np.arange(1, 13))[:, None, None].astype(np.float32)  # (month, 1, 1)
    h = (slot_hours[None, :, None] - shift[None, None, :]).astype(np.float32)  # (1, slot, member)
    cooling = None
    lights = []
    for kind, shapes in archetype.day_shapes.items():
        for shape in shapes:
            factor = np.array([r.lognormal(-archetype.bump_height_cv**2 / 2,
                                           archetype.bump_height_cv) for r in rngs])
            heights = shape.height * factor
            if isinstance(shape, Lighting):
                lights.append((kind, shape, factor))
                continue
            if isinstance(shape, Bump):
                if shape.cooling_per_k:
                    if cooling is None:
                        cooling = np.zeros((3, len(slot_hours), n_m), dtype=np.float32)
                    gap = _circular_gap(h[0], shape.hour + shape.summer_shift_h)
                    cooling[kind] += (np.exp(-0.5 * (gap / shape.width_h) ** 2)
                                      * (shape.cooling_per_k * factor)).astype(np.float32)
                if not shape.height:
                    continue
                # (month, slot, member) if the bump moves in summer, else (1, slot, member)
                centre = (shape.hour + shape.summer_shift_h * summer if shape.summer_shift_h
                          else np.float32(shape.hour))
                g = np.exp(-0.5 * (_circular_gap(h, centre) / np.float32(shape.width_h)) ** 2)
            else:
                g = _smooth_plateau(h, shape.opens, shape.closes)
            table[kind] += g * heights.astype(np.float32)[None, None, :]
    return table, cooling, lights


def _add_lighting(variable: np.ndarray, lights: list, hours: np.ndarray, day_of: np.ndarray,
                  days: pd.DatetimeIndex, dtype: np.ndarray) -> None:
    """One pass: each day type's dusk-and-dawn curve, times the member's factor drawn for the
    first."""
    sunrise_h, sunset_h = daylight_hours(days)
    curve = np.zeros(len(hours))
    for kind, light, _ in lights:
        on = dtype == kind
        curve[on] = light.height * lighting_curve(hours[on], sunrise_h[day_of[on]],
                                                  sunset_h[day_of[on]], light)
    variable += np.multiply.outer(curve.astype(np.float32), lights[0][2].astype(np.float32))


def _availability(variable: np.ndarray, archetype: Archetype, rngs: list[np.random.Generator],
                  month: np.ndarray, dom: np.ndarray, day_of: np.ndarray,
                  days: pd.DatetimeIndex) -> None:
    """Closed periods, households' one to three weeks away in summer, and days of no use."""
    n_days = len(days)
    for start, end, factor in archetype.closed_periods:
        variable[_in_period(month, dom, start, end)] *= factor
    if archetype.summer_away:
        summer_days = np.flatnonzero(_in_period(days.month.to_numpy(), days.day.to_numpy(),
                                                (7, 15), (8, 31)))
        first_step = np.searchsorted(day_of, np.arange(n_days + 1))
        for j, r in enumerate(rngs):
            weeks = r.integers(0, 4)  # 0 to 3 weeks away
            if weeks and len(summer_days) > 7 * weeks:
                first = summer_days[r.integers(0, len(summer_days) - 7 * weeks + 1)]
                variable[first_step[first]:first_step[first + 7 * weeks], j] = 0.0
    if archetype.daily_use_probability < 1.0:
        used = np.column_stack([r.random(n_days) < archetype.daily_use_probability
                                for r in rngs])
        variable *= (used / archetype.daily_use_probability).astype(np.float32)[day_of]


def _variation(archetype: Archetype, rngs: list[np.random.Generator], seed: int, n_t: int,
               n_days: int) -> tuple[np.ndarray, np.ndarray]:
    """A persistent day-to-day factor per member (log-normal AR(1)), and hourly noise: each
    member reads its own window of one seeded pool of log-normal factors (its offset drawn from
    its own stream): independent-looking for the aggregate, stable per member, and far cheaper
    than drawing every value anew. ``n_t`` is the number of hours: the noise is drawn per hour
    and held within it, so a 15-minute run summed to hours has the hourly spread of a 1-hour
    run (what varies within the hour is the appliance cycles'). ``(day, member)``,
    ``(member, hour)``."""
    daily = np.exp(archetype.daily_cv * np.column_stack(
        [ar1(r, n_days, 0.6) for r in rngs]) - archetype.daily_cv**2 / 2).astype(np.float32)
    cv = np.float32(archetype.interval_cv)
    pool = np.random.default_rng(np.random.SeedSequence([seed, 0xA0153])).standard_normal(
        NOISE_POOL_LENGTHS * n_t, dtype=np.float32)
    pool = np.exp(cv * pool - cv * cv / 2)
    offsets = np.array([r.integers(0, (NOISE_POOL_LENGTHS - 1) * n_t) for r in rngs])
    return daily, np.lib.stride_tricks.sliding_window_view(pool, n_t)[offsets]


def _times_hourly(power: np.ndarray, noise: np.ndarray, per_hour: int) -> None:
    """Multiply ``power`` ``(time, member)`` by ``noise`` ``(member, hour)``, each hour's value
    on all its steps, in place (without expanding the noise to every step)."""
    whole = (power.shape[0] // per_hour) * per_hour
    power[:whole].reshape(-1, per_hour, power.shape[1])[...] *= \
        noise.T[: whole // per_hour, None, :]
    if whole < power.shape[0]:
        power[whole:] *= noise.T[whole // per_hour][None, :]


def archetype_power(
    archetype: Archetype,
    index: pd.DatetimeIndex,
    consumers: Sequence[Consumer],
    seed: int,
    temp_air_c: np.ndarray | None = None,
) -> np.ndarray:
    """Mean power of each consumer of one archetype in each interval. [kW], ``(time, member)``.

    Each column is scaled so that its mean power is ``annual_kwh / 8760`` over ``index``: a
    calendar year of simulation gives exactly ``annual_kwh``.
    """
    n_t = len(index)
    hours, month, dom, day_of, days, dtype = _calendar(index)
    rngs = [member_rng(seed, c.member_id) for c in consumers]
    shift = np.array([r.normal(0.0, archetype.shift_std_h) for r in rngs])
    shift = np.clip(shift, -2.5 * archetype.shift_std_h, 2.5 * archetype.shift_std_h)
    slot_hours, slot = np.unique(hours, return_inverse=True)
    daily_t = daily_mean_temperature_c(index, temp_air_c, day_of)
    table, cooling, lights = _shape_table(archetype, rngs, slot_hours, shift)
    variable = table[dtype, month - 1, slot]  # (time, member)
    if cooling is not None:
        degrees = cooling_degrees_k(daily_t)[day_of]
        hot = np.flatnonzero(degrees > 0)
        variable[hot] += cooling[dtype[hot], slot[hot]] * degrees[hot, None].astype(np.float32)
    if lights:
        _add_lighting(variable, lights, hours, day_of, days, dtype)
    _availability(variable, archetype, rngs, month, dom, day_of, days)
    season = (np.asarray(archetype.monthly_factor, dtype=np.float32)[month - 1]
              * np.asarray(archetype.day_type_factor, dtype=np.float32)[dtype])[:, None]
    per_hour = max(1, round(1.0 / interval_hours(index)))
    daily, noise = _variation(archetype, rngs, seed, -(-n_t // per_hour), len(days))

    power = variable
    power += np.float32(archetype.base)
    power *= season
    power *= daily[day_of]
    _times_hourly(power, noise, per_hour)
    if archetype.heating_kw_per_k or archetype.cooling_kw_per_k:
        thermal = _thermal(archetype, index, daily_t, day_of).astype(np.float32)
        power += thermal[:, None] * daily[day_of]

    mean_kw = np.array([c.annual_kwh for c in consumers]) / 8760.0
    step_h = interval_hours(index)
    # float32 in, float64 out, in one pass
    power = np.multiply(power, (mean_kw / power.mean(axis=0, dtype=np.float64))[None, :])
    if archetype.appliance_cycles:
        add_appliance_cycles(power, [c.member_id for c in consumers], mean_kw * n_t * step_h,
                             step_h, seed)
    return capped(power, consumers, mean_kw)


def with_contract(consumer: Consumer) -> Consumer:
    """A home without a contracted power gets the one its annual energy implies
    (:func:`~twin.assets.archetypes.contracted_power_for_energy`): its class's shape for a
    ``household``, and the meter's limit for every home."""
    if consumer.contracted_power_kw is not None or not ARCHETYPES.get(
            consumer.archetype, ARCHETYPES["vacant"]).appliance_cycles:
        return consumer
    return dataclasses.replace(consumer,
                               contracted_power_kw=contracted_power_for_energy(consumer.annual_kwh))


def load_model(consumer: Consumer) -> Archetype:
    """The archetype that models ``consumer``: its own, or for a ``household`` the class of its
    contracted power (:func:`with_contract` gives one to a home without)."""
    if consumer.archetype not in ARCHETYPES:
        raise ValueError(f"unknown archetype {consumer.archetype!r} for member "
                         f"{consumer.member_id!r}")
    consumer = with_contract(consumer)
    if consumer.archetype == "household" and consumer.contracted_power_kw is not None:
        return household_for_power(consumer.contracted_power_kw)
    return ARCHETYPES[consumer.archetype]


def put_columns(out: np.ndarray, cols: np.ndarray, values: np.ndarray) -> None:
    """``out[:, cols] = values``, copied run by run of consecutive columns: a slice copy each,
    several times faster than numpy's scatter by an index array when the runs are long (members
    sorted by model and membership are)."""
    cols = np.asarray(cols)
    breaks = np.flatnonzero(np.diff(cols) != 1) + 1
    for lo, hi in zip(np.r_[0, breaks], np.r_[breaks, len(cols)], strict=True):
        out[:, cols[lo]:cols[hi - 1] + 1] = values[:, lo:hi]


def load_power_kw(consumers: Sequence[Consumer], index: pd.DatetimeIndex, seed: int,
                  temp_air_c: np.ndarray | None = None) -> np.ndarray:
    """Mean power of every consumer in every interval. [kW], shape ``(time, member)``.

    ``temp_air_c`` (air temperature per interval) drives the weather-sensitive archetypes; the
    UNI 10349 monthly means are used when it is not given. One model call per archetype;
    consumers given grouped by :func:`load_model` (as runs give them) are written as column
    slices (:func:`put_columns`).
    """
    by_archetype: dict[str, list[int]] = {}
    models: dict[str, Archetype] = {}
    consumers = [with_contract(c) for c in consumers]
    for j, c in enumerate(consumers):
        model = load_model(c)
        models[model.name] = model
        by_archetype.setdefault(model.name, []).append(j)
    if len(by_archetype) == 1:  # one archetype: no reshuffling of columns
        return archetype_power(models[next(iter(by_archetype))], index, list(consumers), seed,
                               temp_air_c)
    out = np.empty((len(index), len(consumers)))
    for name, cols in by_archetype.items():
        power = archetype_power(models[name], index, [consumers[j] for j in cols], seed,
                                temp_air_c)
        put_columns(out, np.array(cols), power)
    return out


def typical_day(values: np.ndarray, index: pd.DatetimeIndex, month: int,
                day_type: int) -> np.ndarray:
    """Mean of ``values`` (one per step of ``index``) per local clock hour over the days of one
    month and day type, averaged as ARERA averages its profiles: summed over the days and divided
    by their number, so the hour skipped on the spring-forward Sunday counts as zero (hour 2 of
    March Sundays is about a quarter lower in every class and region of ARERA's file) and the
    repeated autumn hour counts once."""
    local = to_local(index)
    rows = (local.month == month) & (day_types(local.normalize()) == day_type)
    per_day_hour = pd.Series(np.asarray(values)[rows]).groupby(
        [local.normalize()[rows], local.hour[rows]]).mean()
    n_days = per_day_hour.index.get_level_values(0).nunique()
    return (per_day_hour.groupby(level=1).sum() / n_days).reindex(range(24)).to_numpy()


def reference_year_index(year: int, step: str = "1h") -> pd.DatetimeIndex:
    """UTC index of one local calendar year (helper for tests and calibration)."""
    from twin.core.time import time_index

    return time_index(dt.date(year, 1, 1), dt.date(year + 1, 1, 1), step)
