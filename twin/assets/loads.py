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
(:class:`Lighting`). Holidays are Italian national holidays plus
Sant'Ambrogio (7 December, Milan), from the ``holidays`` package.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pvlib
from scipy.special import expit

from twin.assets.appliances import add_appliance_cycles
from twin.core.calendar import HOLIDAY, SATURDAY, WORKDAY, day_types
from twin.core.random import ar1, member_rng
from twin.core.time import LOCAL_TZ, interval_hours, local_days

DAYLIGHT_SITE = (45.464, 9.190)
"""Where sunrise and sunset are taken for :class:`Lighting` (Milan, [°N], [°E]). Members carry no
location; elsewhere in northern Italy dusk differs by at most about half an hour."""
COOLING_BALANCE_C = 18.0
"""Daily mean air temperature above which buildings start to be cooled [°C] (assumed: a usual
balance point for cooling degree-days; Milan's UNI 10349 means pass it from May to September)."""
NOISE_POOL_LENGTHS = 8
"""Length of the interval-noise pool in periods: members read windows at random offsets."""


@dataclass(frozen=True)
class Bump:
    """A Gaussian bump of relative power centred on a local hour.

    In summer (weight 0 in January, 1 in July) the centre moves by ``summer_shift_h``: later
    evenings. The height grows by ``cooling_per_k`` for each kelvin of the day's mean air
    temperature above :data:`COOLING_BALANCE_C`: air conditioning and fans, driven by the run's
    weather (that part sits at the bump's July hour).
    """

    hour: float
    width_h: float
    height: float
    summer_shift_h: float = 0.0
    cooling_per_k: float = 0.0


@dataclass(frozen=True)
class Plateau:
    """Opening hours: relative power ``height`` between ``opens`` and ``closes`` (local hours)."""

    opens: float
    closes: float
    height: float


@dataclass(frozen=True)
class Lighting:
    """Lights, and the activity that comes with them, while the household is up and it is dark:
    from ``wake_h`` until sunrise and from sunset until ``until_h`` (local hours), each edge
    smoothed over ``smoothing_h``.

    Sunrise and sunset are each day's at :data:`DAYLIGHT_SITE`, so the evening rise comes earlier
    in winter and moves by an hour with daylight saving time, as in the ARERA profiles. Not
    shifted per member: dusk comes at the same time for every household.
    """

    wake_h: float
    until_h: float
    height: float
    smoothing_h: float = 0.5


@dataclass(frozen=True)
class Archetype:
    """Parameters of one kind of consumer (relative units; scaled to annual_kwh later)."""

    name: str
    base: float
    day_shapes: dict[int, tuple[Bump | Plateau | Lighting, ...]]
    monthly_factor: tuple[float, ...]  # Jan..Dec
    shift_std_h: float
    bump_height_cv: float
    daily_cv: float
    interval_cv: float
    closed_periods: tuple[tuple[tuple[int, int], tuple[int, int], float], ...] = ()
    """((month, day) from, (month, day) to inclusive, factor on the non-base part)."""
    summer_away: bool = False
    daily_use_probability: float = 1.0
    """Probability that the variable part happens on a given day (an EV is not charged daily)."""
    appliance_cycles: bool = False
    """Part of the energy comes as discrete appliance cycles (:mod:`twin.assets.appliances`)."""
    heating_kw_per_k: float = 0.0
    cooling_kw_per_k: float = 0.0
    """Weather sensitivity, relative units per kelvin of the day's mean temperature below 16 °C
    (heating) or above 24 °C (cooling)."""
    note: str = field(default="", compare=False)


_HOUSEHOLD_SEASON = (1.18, 1.10, 1.00, 0.92, 0.88, 0.94, 1.04, 0.96, 0.90, 0.95, 1.05, 1.20)
_FLAT = (1.0,) * 12
_COOLING = (
    Bump(15.0, 2.6, 0.0, cooling_per_k=0.046),  # afternoon air conditioning
    Bump(3.0, 3.0, 0.0, cooling_per_k=0.023),  # fans and cooling at night
    Bump(23.3, 1.8, 0.0, cooling_per_k=0.023),  # late summer evenings
)
"""Cooling that grows with the day's temperature (0.30, 0.15 and 0.15 on a day of Milan's July
mean, 6.5 K above the balance point)."""

_HOUSEHOLD = Archetype(
    name="household",
    base=0.30,
    day_shapes={},  # set per power class by household_archetype
    monthly_factor=_HOUSEHOLD_SEASON,
    shift_std_h=0.7,
    bump_height_cv=0.35,
    daily_cv=0.20,
    interval_cv=0.45,
    summer_away=True,
    appliance_cycles=True,
    note="Morning, midday and a largest evening bump, later in summer, lights from dusk, "
    "cooling on hot days (Besagni et al. 2020; shapes fitted per ARERA power class, see "
    "docs/models.md).",
)
"""What every household class shares: variation between members, seasons, weeks away."""

HOUSEHOLD_CLASS_SHAPES: tuple[tuple[float, tuple[float, ...]], ...] = (
    (1.5, (0.25, 0.46, 0.82, 19.73, 1.28, 0.04, 0.03, 1.66, 2.63, 0.01, 0.20, 21.59, 0.30)),
    (3.0, (0.47, 0.91, 1.29, 19.83, 0.73, 0.08, 0.06, 1.04, 2.40, 0.01, 0.14, 22.17, 0.53)),
    (4.5, (0.32, 0.71, 1.10, 19.95, 0.84, 0.06, 0.04, 0.00, 2.23, 0.00, 0.18, 20.92, 1.02)),
    (6.0, (0.14, 0.28, 0.50, 20.37, 0.49, 0.04, 0.03, 0.43, 2.11, 0.01, 0.31, 19.56, 1.50)),
    (np.inf, (0.72, 0.50, 2.05, 20.87, 0.00, 0.16, 0.14, 0.00, 1.82, 0.00, 2.56, 19.74, 0.97)),
)
"""Household shape parameters by contracted power (up to [kW]), in the order of
:data:`HOUSEHOLD_PARAMETERS`. Fitted with ``python bench/calibrate_households.py`` so that the
expected daily shape follows the ARERA Lombardy profiles of each power class by month and day
type; used for ``household`` members with a ``contracted_power_kw``."""

HOUSEHOLD_PARAMETERS = (
    "morning", "midday", "evening", "evening_hour", "evening_summer_shift_h", "cooling_per_k",
    "night_cooling_per_k", "base", "evening_width_h", "night", "lighting", "lighting_until_h",
    "lighting_smoothing_h")
"""Names of the household class parameters: heights of the morning, midday and evening bumps,
the evening's hour and its shift in summer [h], cooling in the afternoon and at night [per K
above :data:`COOLING_BALANCE_C`], base, evening width [h], night loads all year, and the
:class:`Lighting` height, the hour it ends [h] and its smoothing [h]."""

_WAKE_H = {WORKDAY: 6.5, SATURDAY: 7.5, HOLIDAY: 8.0}
"""Local hour the lights may go on in the morning, by day type (assumed)."""


def household_archetype(name: str, params: Sequence[float]) -> Archetype:
    """The ``household`` archetype with its daily shapes set from class parameters (see
    :data:`HOUSEHOLD_PARAMETERS`); heights below 0.01 become 0.01."""
    p = dict(zip(HOUSEHOLD_PARAMETERS, params, strict=True))
    eps = 0.01

    def day(kind: int, morning_hour: float, midday_hour: float, midday_width: float) -> tuple:
        return (Bump(morning_hour, 1.2, max(p["morning"], eps)),
                Bump(midday_hour, midday_width, max(p["midday"], eps)),
                Bump(p["evening_hour"], p["evening_width_h"], max(p["evening"], eps),
                     summer_shift_h=p["evening_summer_shift_h"]),
                Bump(1.5, 3.0, max(p["night"], eps)),
                Bump(15.0, 2.6, 0.0, cooling_per_k=p["cooling_per_k"]),
                Bump(3.0, 3.0, 0.0, cooling_per_k=p["night_cooling_per_k"]),
                Bump(23.3, 1.8, 0.0, cooling_per_k=p["night_cooling_per_k"]),
                Lighting(_WAKE_H[kind], p["lighting_until_h"], max(p["lighting"], eps),
                         p["lighting_smoothing_h"]))

    return dataclasses.replace(
        _HOUSEHOLD, name=name, base=max(p["base"], 0.05),
        day_shapes={WORKDAY: day(WORKDAY, 7.6, 13.0, 3.6), SATURDAY: day(SATURDAY, 9.5, 13.5, 2.8),
                    HOLIDAY: day(HOLIDAY, 10.0, 12.0, 1.7)})


ARCHETYPES: dict[str, Archetype] = {
    # Contracted power unknown: the typical 3 kW contract (ARERA's "famiglia tipo").
    "household": household_archetype("household", HOUSEHOLD_CLASS_SHAPES[1][1]),
    "energy_poor_household": Archetype(
        name="energy_poor_household",
        base=0.40,
        day_shapes={
            WORKDAY: (Bump(7.5, 1.0, 0.18), Bump(13.0, 1.5, 0.22), Bump(20.0, 2.2, 0.62)),
            SATURDAY: (Bump(9.0, 1.5, 0.22), Bump(13.0, 1.5, 0.28), Bump(20.0, 2.2, 0.62)),
            HOLIDAY: (Bump(9.5, 1.5, 0.22), Bump(13.0, 1.5, 0.30), Bump(20.0, 2.2, 0.60)),
        },
        monthly_factor=(1.12, 1.08, 1.0, 0.95, 0.92, 0.95, 1.0, 0.95, 0.93, 0.97, 1.05, 1.12),
        shift_std_h=0.6,
        bump_height_cv=0.30,
        daily_cv=0.15,
        interval_cv=0.35,
        appliance_cycles=True,
        note="About 110 W at night to 280 W in the evening (Besagni et al. 2020).",
    ),
    "shop": Archetype(
        name="shop",
        base=0.35,
        day_shapes={
            WORKDAY: (Plateau(9.0, 19.5, 0.65),),
            SATURDAY: (Plateau(9.0, 19.5, 0.70),),
            HOLIDAY: (),
        },
        monthly_factor=(1.05, 1.0, 0.95, 0.93, 0.97, 1.05, 1.12, 1.05, 0.98, 0.93, 0.97, 1.05),
        shift_std_h=0.3,
        bump_height_cv=0.15,
        daily_cv=0.08,
        interval_cv=0.12,
        closed_periods=(((8, 10), (8, 23), 0.0),),
        note="Refrigeration and standby as base; opening hours Mon-Sat.",
    ),
    "office": Archetype(
        name="office",
        base=0.22,
        day_shapes={
            WORKDAY: (Plateau(7.5, 18.5, 0.78), Plateau(18.5, 21.5, 0.25)),
            SATURDAY: (Plateau(9.0, 13.0, 0.10),),
            HOLIDAY: (),
        },
        monthly_factor=(1.08, 1.04, 0.97, 0.92, 0.95, 1.05, 1.15, 0.85, 0.98, 0.95, 1.0, 1.06),
        shift_std_h=0.25,
        bump_height_cv=0.10,
        daily_cv=0.06,
        interval_cv=0.08,
        closed_periods=(((12, 24), (12, 31), 0.5), ((8, 10), (8, 21), 0.5)),
        note="Weekday working hours; summer cooling, winter lighting.",
    ),
    "school": Archetype(
        name="school",
        base=0.15,
        day_shapes={
            WORKDAY: (Plateau(7.75, 16.5, 0.85),),
            SATURDAY: (),
            HOLIDAY: (),
        },
        monthly_factor=(1.12, 1.08, 1.0, 0.92, 0.9, 0.9, 0.9, 0.9, 0.95, 1.0, 1.06, 1.12),
        shift_std_h=0.2,
        bump_height_cv=0.10,
        daily_cv=0.06,
        interval_cv=0.08,
        # Lombardy school calendar (typical): summer break, Christmas and Easter-time breaks.
        closed_periods=(((6, 9), (9, 11), 0.12), ((12, 23), (12, 31), 0.0), ((1, 1), (1, 6), 0.0)),
        note="Term-time weekdays 07:45-16:30; closed in summer and at Christmas.",
    ),
    "public_building": Archetype(
        name="public_building",
        base=0.25,
        day_shapes={
            WORKDAY: (Plateau(8.0, 20.0, 0.75),),
            SATURDAY: (Plateau(9.0, 13.0, 0.40),),
            HOLIDAY: (),
        },
        monthly_factor=(1.1, 1.05, 1.0, 0.93, 0.93, 1.0, 1.05, 0.85, 0.95, 0.97, 1.02, 1.1),
        shift_std_h=0.25,
        bump_height_cv=0.12,
        daily_cv=0.08,
        interval_cv=0.10,
        note="Municipal gym, library or office: long weekday opening, Saturday mornings.",
    ),
    "university": Archetype(
        name="university",
        base=0.38,
        day_shapes={
            WORKDAY: (Plateau(8.0, 19.0, 0.62),),
            SATURDAY: (Plateau(8.5, 13.0, 0.12),),
            HOLIDAY: (),
        },
        monthly_factor=(1.05, 1.05, 1.02, 0.98, 0.98, 1.02, 1.05, 0.8, 0.98, 1.0, 1.02, 1.02),
        shift_std_h=0.2,
        bump_height_cv=0.08,
        daily_cv=0.05,
        interval_cv=0.06,
        closed_periods=(((8, 8), (8, 23), 0.3), ((12, 24), (12, 31), 0.4)),
        note="Labs and servers as base; teaching hours on weekdays; August closure.",
    ),
    "household_working": Archetype(
        name="household_working",
        base=0.28,
        day_shapes={
            WORKDAY: (Bump(7.0, 0.9, 0.40), Bump(13.0, 2.5, 0.08),
                      Bump(20.3, 1.8, 1.05, summer_shift_h=0.7), *_COOLING),
            SATURDAY: (Bump(9.8, 1.6, 0.35), Bump(13.5, 2.6, 0.50),
                       Bump(20.2, 2.0, 0.75, summer_shift_h=0.6), *_COOLING),
            HOLIDAY: (Bump(10.3, 1.6, 0.35), Bump(12.5, 1.7, 0.60),
                      Bump(19.9, 2.0, 0.85, summer_shift_h=0.9), *_COOLING),
        },
        monthly_factor=_HOUSEHOLD_SEASON,
        shift_std_h=0.6, bump_height_cv=0.35, daily_cv=0.20, interval_cv=0.45,
        summer_away=True, appliance_cycles=True,
        note="Working adults: little use on weekday daytimes, a strong evening.",
    ),
    "household_family": Archetype(
        name="household_family",
        base=0.28,
        day_shapes={
            WORKDAY: (Bump(7.2, 0.9, 0.40), Bump(13.0, 1.4, 0.25), Bump(17.0, 1.6, 0.35),
                      Bump(20.8, 1.5, 1.00, summer_shift_h=0.6), *_COOLING),
            SATURDAY: (Bump(9.3, 1.5, 0.40), Bump(13.0, 2.4, 0.60),
                       Bump(20.5, 1.8, 0.85, summer_shift_h=0.6), *_COOLING),
            HOLIDAY: (Bump(9.8, 1.5, 0.40), Bump(12.5, 1.8, 0.70),
                      Bump(20.3, 1.8, 0.90, summer_shift_h=0.8), *_COOLING),
        },
        monthly_factor=_HOUSEHOLD_SEASON,
        shift_std_h=0.6, bump_height_cv=0.30, daily_cv=0.18, interval_cv=0.40,
        summer_away=True, appliance_cycles=True,
        note="Family with children: after-school afternoon, evening peak at 19:30-22:30 "
        "(Besagni et al. 2020: about 600 W).",
    ),
    "household_elderly": Archetype(
        name="household_elderly",
        base=0.32,
        day_shapes={
            WORKDAY: (Bump(8.0, 1.4, 0.30), Bump(12.3, 2.0, 0.55), Bump(16.0, 2.0, 0.25),
                      Bump(19.0, 1.7, 0.70, summer_shift_h=0.5), *_COOLING),
            SATURDAY: (Bump(8.5, 1.4, 0.30), Bump(12.3, 2.0, 0.55),
                       Bump(19.0, 1.7, 0.70, summer_shift_h=0.5), *_COOLING),
            HOLIDAY: (Bump(8.8, 1.4, 0.30), Bump(12.3, 1.8, 0.65),
                      Bump(19.0, 1.7, 0.65, summer_shift_h=0.5), *_COOLING),
        },
        monthly_factor=_HOUSEHOLD_SEASON,
        shift_std_h=0.5, bump_height_cv=0.30, daily_cv=0.15, interval_cv=0.40,
        appliance_cycles=True,
        note="Elderly at home: daytime use, an earlier evening and night.",
    ),
    "vacant": Archetype(
        name="vacant",
        base=1.0,
        day_shapes={WORKDAY: (), SATURDAY: (), HOLIDAY: ()},
        monthly_factor=_FLAT,
        shift_std_h=0.0, bump_height_cv=0.0, daily_cv=0.02, interval_cv=0.05,
        note="An empty dwelling: fridge and standby only.",
    ),
    "ev_charging": Archetype(
        name="ev_charging",
        base=0.02,
        day_shapes={
            WORKDAY: (Bump(20.5, 1.6, 1.0),),
            SATURDAY: (Bump(14.0, 2.5, 0.7), Bump(20.5, 1.6, 0.5)),
            HOLIDAY: (Bump(15.0, 2.5, 0.8),),
        },
        monthly_factor=(1.1, 1.08, 1.0, 0.96, 0.94, 0.94, 0.95, 0.9, 0.96, 1.0, 1.05, 1.1),
        shift_std_h=1.0, bump_height_cv=0.3, daily_cv=0.3, interval_cv=0.3,
        daily_use_probability=0.55,
        note="A home charging point: evening sessions on about half the days.",
    ),
    "heat_pump_home": Archetype(
        name="heat_pump_home",
        base=0.30,
        day_shapes={
            WORKDAY: (Bump(7.3, 1.2, 0.45), Bump(13.0, 3.6, 0.30),
                      Bump(19.8, 2.0, 0.80, summer_shift_h=0.7)),
            SATURDAY: (Bump(9.5, 1.6, 0.40), Bump(13.5, 2.8, 0.50), Bump(19.9, 2.0, 0.70)),
            HOLIDAY: (Bump(10.0, 1.6, 0.40), Bump(12.0, 1.7, 0.60), Bump(19.7, 2.0, 0.80)),
        },
        monthly_factor=_FLAT,
        shift_std_h=0.6, bump_height_cv=0.3, daily_cv=0.12, interval_cv=0.35,
        heating_kw_per_k=0.12, cooling_kw_per_k=0.10, appliance_cycles=True,
        note="All-electric home: space heating and cooling follow the day's mean temperature "
        "(heating below 16 °C, cooling above 24 °C).",
    ),
    "gym": Archetype(
        name="gym",
        base=0.20,
        day_shapes={
            WORKDAY: (Plateau(8.0, 13.5, 0.85), Plateau(17.5, 21.0, 0.85)),
            SATURDAY: (Plateau(9.0, 19.0, 0.70),),
            HOLIDAY: (Plateau(8.5, 11.0, 0.8), Plateau(16.5, 20.0, 0.8)),
        },
        monthly_factor=(1.15, 1.1, 1.0, 0.92, 0.9, 0.85, 0.7, 0.5, 0.95, 1.05, 1.1, 1.15),
        shift_std_h=0.2, bump_height_cv=0.10, daily_cv=0.08, interval_cv=0.10,
        note="Municipal gym: school sports in the morning, clubs in the evening, matches on "
        "Sundays.",
    ),
    "library": Archetype(
        name="library",
        base=0.20,
        day_shapes={
            WORKDAY: (Plateau(9.0, 19.0, 0.80),),
            SATURDAY: (Plateau(9.0, 13.0, 0.60),),
            HOLIDAY: (),
        },
        monthly_factor=(1.1, 1.05, 1.0, 0.95, 0.95, 1.0, 1.05, 0.6, 0.95, 1.0, 1.05, 1.1),
        shift_std_h=0.2, bump_height_cv=0.10, daily_cv=0.06, interval_cv=0.08,
        closed_periods=(((8, 8), (8, 22), 0.2),),
        note="Municipal library: opening hours on weekdays and Saturday mornings.",
    ),
    "condominium_services": Archetype(
        name="condominium_services",
        base=0.65,
        day_shapes={
            WORKDAY: (Bump(8.0, 1.2, 0.25), Bump(19.5, 2.5, 0.45)),
            SATURDAY: (Bump(9.5, 1.5, 0.25), Bump(19.5, 2.5, 0.45)),
            HOLIDAY: (Bump(10.0, 1.5, 0.25), Bump(19.5, 2.5, 0.45)),
        },
        monthly_factor=(1.15, 1.08, 1.0, 0.93, 0.88, 0.86, 0.86, 0.85, 0.92, 1.0, 1.1, 1.17),
        shift_std_h=0.3,
        bump_height_cv=0.15,
        daily_cv=0.05,
        interval_cv=0.10,
        note="Lifts, pumps and common lighting.",
    ),
}


@functools.cache
def household_for_power(contracted_power_kw: float) -> Archetype:
    """The ``household`` archetype with the shapes fitted for a contracted-power class."""
    params = next(p for limit, p in HOUSEHOLD_CLASS_SHAPES if contracted_power_kw <= limit)
    return household_archetype(f"household_{contracted_power_kw:g}kw", params)


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
    return out * np.asarray(archetype.monthly_factor)[month - 1, None]


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
    (pvlib's geometric calculation, good to about ten minutes).

    Computed on UTC days and converted back, so daylight-saving days come out right.
    """
    noon_utc = pd.DatetimeIndex(pd.DatetimeIndex(days).date).tz_localize("UTC") + pd.Timedelta(
        hours=12)
    day_of_year = noon_utc.dayofyear.to_numpy()
    rise, sset, _ = pvlib.solarposition.sun_rise_set_transit_geometric(
        noon_utc, *DAYLIGHT_SITE, pvlib.solarposition.declination_spencer71(day_of_year),
        pvlib.solarposition.equation_of_time_spencer71(day_of_year))
    local = (pd.DatetimeIndex(t).tz_convert(LOCAL_TZ) for t in (rise, sset))
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


def _calendar(index: pd.DatetimeIndex) -> tuple:
    """Local time of day, month, day of month, day number, days and day types of a grid,
    computed once per grid (every archetype and member block reuses them)."""
    key = (index[0], len(index), index.freqstr)
    if key not in _CALENDARS:
        step_h = interval_hours(index)
        local = index.tz_convert(LOCAL_TZ)
        hours = (local.hour + local.minute / 60.0 + step_h / 2).to_numpy()
        day_of, days = local_days(index)
        _CALENDARS.clear()  # keep one grid: runs use one at a time
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
        temp_air_c = normal_temperature_c(index.tz_convert(LOCAL_TZ).month.to_numpy())
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
    hours = (index.tz_convert(LOCAL_TZ).hour).to_numpy()
    heat_cycle = 1.0 + 0.4 * np.exp(-0.5 * ((hours - 7) / 2.0) ** 2) + 0.4 * np.exp(
        -0.5 * ((hours - 19) / 2.5) ** 2)
    cool_cycle = 1.0 + 0.8 * np.exp(-0.5 * ((hours - 15) / 3.0) ** 2)
    return heating[day_of] * heat_cycle + cooling[day_of] * cool_cycle


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
    n_t, n_m = len(index), len(consumers)
    hours, month, dom, day_of, days, dtype = _calendar(index)
    n_days = len(days)

    rngs = [member_rng(seed, c.member_id) for c in consumers]
    shift = np.array([r.normal(0.0, archetype.shift_std_h) for r in rngs])
    shift = np.clip(shift, -2.5 * archetype.shift_std_h, 2.5 * archetype.shift_std_h)

    # The daily shapes as a small table (day type, month, time of day, member), then one gather:
    # the same values as evaluating every step, for a fraction of the work.
    slot_hours, slot = np.unique(hours, return_inverse=True)
    table = np.zeros((3, 12, len(slot_hours), n_m), dtype=np.float32)
    summer = _summer_weight(np.arange(1, 13))[:, None, None].astype(np.float32)  # (month, 1, 1)
    h = (slot_hours[None, :, None] - shift[None, None, :]).astype(np.float32)  # (1, slot, member)
    daily_t = daily_mean_temperature_c(index, temp_air_c, day_of)
    cooling = None  # (day type, slot, member): cooling per kelvin, when any bump has it
    lights = []
    for kind, shapes in archetype.day_shapes.items():
        for shape in shapes:
            factor = np.array([r.lognormal(-archetype.bump_height_cv**2 / 2,
                                           archetype.bump_height_cv) for r in rngs])
            heights = shape.height * factor
            if isinstance(shape, Lighting):  # follows each day's dusk: added per step below
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
    variable = table[dtype, month - 1, slot]  # (time, member)
    if cooling is not None:
        degrees = cooling_degrees_k(daily_t)[day_of]
        hot = np.flatnonzero(degrees > 0)
        variable[hot] += cooling[dtype[hot], slot[hot]] * degrees[hot, None].astype(np.float32)
    if lights:  # one pass: each day type's curve, times the member's factor drawn for the first
        sunrise_h, sunset_h = daylight_hours(days)
        curve = np.zeros(n_t)
        for kind, light, _ in lights:
            on = dtype == kind
            curve[on] = light.height * lighting_curve(hours[on], sunrise_h[day_of[on]],
                                                      sunset_h[day_of[on]], light)
        variable += np.multiply.outer(curve.astype(np.float32), lights[0][2].astype(np.float32))

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

    season = np.asarray(archetype.monthly_factor, dtype=np.float32)[month - 1][:, None]
    daily = np.exp(archetype.daily_cv * np.column_stack(
        [ar1(r, n_days, 0.6) for r in rngs]) - archetype.daily_cv**2 / 2).astype(np.float32)
    # Interval noise: each member reads its own window of one seeded pool of log-normal
    # factors (its offset drawn from its own stream): independent-looking for the aggregate,
    # stable per member, and far cheaper than drawing every value anew.
    cv = np.float32(archetype.interval_cv)
    pool = np.random.default_rng(np.random.SeedSequence([seed, 0xA0153])).standard_normal(
        NOISE_POOL_LENGTHS * n_t, dtype=np.float32)
    pool = np.exp(cv * pool - cv * cv / 2)
    offsets = np.array([r.integers(0, (NOISE_POOL_LENGTHS - 1) * n_t) for r in rngs])
    noise = np.lib.stride_tricks.sliding_window_view(pool, n_t)[offsets]  # (member, time)

    base = np.float32(archetype.base)
    power = variable
    power += base
    power *= season
    power *= daily[day_of]
    power *= noise.T
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
    cap = np.array([1.1 * c.contracted_power_kw if c.contracted_power_kw else np.inf
                    for c in consumers])
    if not np.isfinite(cap).any():
        return power
    for _ in range(3):  # cap at the meter's limit, then give back the energy clipped off
        if (power <= cap).all():
            break
        np.minimum(power, cap, out=power)
        power *= (mean_kw / power.mean(axis=0))[None, :]
    return np.minimum(power, cap, out=power)


def load_power_kw(consumers: Sequence[Consumer], index: pd.DatetimeIndex, seed: int,
                  temp_air_c: np.ndarray | None = None) -> np.ndarray:
    """Mean power of every consumer in every interval. [kW], shape ``(time, member)``.

    ``temp_air_c`` (air temperature per interval) drives the weather-sensitive archetypes; the
    UNI 10349 monthly means are used when it is not given.
    """
    by_archetype: dict[str, list[int]] = {}
    models: dict[str, Archetype] = {}
    for j, c in enumerate(consumers):
        if c.archetype not in ARCHETYPES:
            raise ValueError(f"unknown archetype {c.archetype!r} for member {c.member_id!r}")
        model = ARCHETYPES[c.archetype]
        if c.archetype == "household" and c.contracted_power_kw is not None:
            model = household_for_power(c.contracted_power_kw)
        models[model.name] = model
        by_archetype.setdefault(model.name, []).append(j)
    if len(by_archetype) == 1:  # one archetype: no reshuffling of columns
        return archetype_power(models[next(iter(by_archetype))], index, list(consumers), seed,
                               temp_air_c)
    out = np.empty((len(index), len(consumers)))
    for name, cols in by_archetype.items():
        out[:, cols] = archetype_power(models[name], index, [consumers[j] for j in cols], seed,
                                       temp_air_c)
    return out


def typical_day(values: np.ndarray, index: pd.DatetimeIndex, month: int,
                day_type: int) -> np.ndarray:
    """Mean of ``values`` (one per step of ``index``) per local clock hour over the days of one
    month and day type, averaged as ARERA averages its profiles: summed over the days and divided
    by their number, so the hour skipped on the spring-forward Sunday counts as zero (hour 2 of
    March Sundays is about a quarter lower in every class and region of ARERA's file) and the
    repeated autumn hour counts once."""
    local = index.tz_convert(LOCAL_TZ)
    rows = (local.month == month) & (day_types(local.normalize()) == day_type)
    per_day_hour = pd.Series(np.asarray(values)[rows]).groupby(
        [local.normalize()[rows], local.hour[rows]]).mean()
    n_days = per_day_hour.index.get_level_values(0).nunique()
    return (per_day_hour.groupby(level=1).sum() / n_days).reindex(range(24)).to_numpy()


def reference_year_index(year: int, step: str = "1h") -> pd.DatetimeIndex:
    """UTC index of one local calendar year (helper for tests and calibration)."""
    from twin.core.time import time_index

    return time_index(dt.date(year, 1, 1), dt.date(year + 1, 1, 1), step)
