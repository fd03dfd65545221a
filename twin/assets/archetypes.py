"""Load archetypes as data: each is a small parametric model of mean power by local hour, day
type and month (a base level plus Gaussian bumps, opening-hours plateaus and dusk lighting), with
the parameters fitted or assumed for it and their reasons. The model that turns them into member
load series is :mod:`twin.assets.loads`.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from twin.core.calendar import HOLIDAY, SATURDAY, WORKDAY

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
    day_type_factor: tuple[float, float, float] = (1.0, 1.0, 1.0)
    """Level of a workday, Saturday and Sunday or holiday (times the monthly factor)."""
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

@dataclass(frozen=True)
class HouseholdClass:
    """The household model fitted for one ARERA contracted-power class."""

    limit_kw: float
    """Contracted power up to which the class applies (its upper edge). [kW]"""
    shape: tuple[float, ...]
    """Shape parameters, in the order of :data:`HOUSEHOLD_PARAMETERS`."""
    monthly_factor: tuple[float, ...]
    """Level of each month, January first. [-]"""
    day_type_factor: tuple[float, float, float]
    """Level of a workday, a Saturday and a Sunday or holiday. [-]"""


HOUSEHOLD_CLASSES: tuple[HouseholdClass, ...] = (
    # 0<P<=1.5: typical-day error (MAE / mean) 0.062 -> 0.038
    HouseholdClass(1.5,
                   (0.567, 1.081, 1.912, 19.965, 1.113, 0.102, 0.068, 3.000, 2.474, 0.006, 0.487,
                    21.322, 0.300),
                   (1.250, 1.134, 1.029, 0.946, 0.839, 0.911, 0.975, 1.007, 0.879, 0.914, 1.001,
                    1.117),
                   (1.000, 1.067, 1.080)),
    # 1.5<P<=3: typical-day error (MAE / mean) 0.124 -> 0.071
    HouseholdClass(3.0,
                   (1.951, 3.571, 5.556, 19.959, 0.641, 0.371, 0.232, 3.000, 2.197, 0.007, 0.181,
                    24.000, 0.300),
                   (1.260, 1.138, 1.070, 1.003, 0.868, 0.840, 0.859, 0.903, 0.819, 0.974, 1.083,
                    1.184),
                   (1.000, 1.138, 1.204)),
    # 3<P<=4.5: typical-day error (MAE / mean) 0.250 -> 0.071
    HouseholdClass(4.5,
                   (1.546, 3.010, 5.257, 20.163, 0.563, 0.344, 0.228, 2.928, 2.099, 0.001, 0.391,
                    20.000, 0.300),
                   (1.282, 1.148, 1.068, 0.996, 0.846, 0.833, 0.855, 0.873, 0.813, 0.978, 1.099,
                    1.208),
                   (1.000, 1.113, 1.178)),
    # 4.5<P<=6: typical-day error (MAE / mean) 0.118 -> 0.059
    HouseholdClass(6.0,
                   (1.173, 1.801, 4.003, 20.237, 0.552, 0.248, 0.173, 2.997, 2.013, 0.005, 0.537,
                    19.898, 0.300),
                   (1.350, 1.168, 1.048, 0.962, 0.807, 0.809, 0.837, 0.836, 0.796, 0.948, 1.129,
                    1.310),
                   (1.000, 1.072, 1.117)),
    # P>6: typical-day error (MAE / mean) 0.401 -> 0.041
    HouseholdClass(np.inf,
                   (0.558, 0.305, 2.028, 20.637, 0.149, 0.118, 0.108, 2.996, 1.784, 0.003, 1.417,
                    19.293, 0.785),
                   (1.383, 1.162, 1.016, 0.921, 0.769, 0.837, 0.888, 0.872, 0.828, 0.897, 1.098,
                    1.330),
                   (1.000, 1.027, 1.029)),
)
"""The household model by contracted power, fitted with ``python bench/calibrate_households.py``
to the ARERA Lombardy profiles of each power class by month and day type (level and shape);
used for ``household`` members (with a ``contracted_power_kw``, or one by their energy,
:func:`contracted_power_for_energy`)."""

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


def household_archetype(name: str, params: Sequence[float],
                        monthly_factor: Sequence[float] = _HOUSEHOLD_SEASON,
                        day_type_factor: Sequence[float] = (1.0, 1.0, 1.0)) -> Archetype:
    """The ``household`` archetype with its daily shapes set from class parameters (see
    :data:`HOUSEHOLD_PARAMETERS`) and its levels by month and day type; heights below 0.01
    become 0.01."""
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
        monthly_factor=tuple(monthly_factor), day_type_factor=tuple(day_type_factor),
        day_shapes={WORKDAY: day(WORKDAY, 7.6, 13.0, 3.6), SATURDAY: day(SATURDAY, 9.5, 13.5, 2.8),
                    HOLIDAY: day(HOLIDAY, 10.0, 12.0, 1.7)})


ARCHETYPES: dict[str, Archetype] = {
    # The 3 kW class (ARERA's "famiglia tipo"); a member without a contracted power takes the
    # class of its energy (twin.assets.loads.load_power_kw).
    "household": household_archetype("household", HOUSEHOLD_CLASSES[1].shape,
                                     HOUSEHOLD_CLASSES[1].monthly_factor,
                                     HOUSEHOLD_CLASSES[1].day_type_factor),
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
        day_type_factor=(1.0, 1.0, 0.5),
        note="Refrigeration and standby as base; opening hours Mon-Sat; on Sundays less "
        "refrigeration and lighting (RSE's shop closed on holidays: 0.28 of a weekday).",
    ),
    "office": Archetype(
        name="office",
        base=0.22,
        day_shapes={
            WORKDAY: (Plateau(7.5, 18.5, 0.78), Plateau(18.5, 21.5, 0.25)),
            SATURDAY: (Plateau(8.0, 14.0, 0.55),),
            HOLIDAY: (),
        },
        monthly_factor=(1.08, 1.04, 0.97, 0.92, 0.95, 1.05, 1.15, 0.85, 0.98, 0.95, 1.0, 1.06),
        day_type_factor=(1.0, 1.0, 0.92),
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
        day_type_factor=(1.0, 0.40, 0.40),
        note="Term-time weekdays 07:45-16:30; closed in summer and at Christmas; at weekends "
        "a fraction of the night's base (RSE: 0.13 of a weekday's energy).",
    ),
    "public_building": Archetype(
        name="public_building",
        base=0.25,
        day_shapes={
            WORKDAY: (Plateau(8.0, 20.0, 0.75),),
            SATURDAY: (),
            HOLIDAY: (),
        },
        monthly_factor=(1.1, 1.05, 1.0, 0.93, 0.93, 1.0, 1.05, 0.85, 0.95, 0.97, 1.02, 1.1),
        day_type_factor=(1.0, 0.1, 0.1),
        shift_std_h=0.25,
        bump_height_cv=0.12,
        daily_cv=0.08,
        interval_cv=0.10,
        note="Municipal offices: long weekday opening, closed at weekends with next to nothing "
        "left on (RSE's PA_comune: no withdrawal on Saturdays and Sundays).",
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
            SATURDAY: (),
            HOLIDAY: (Plateau(8.5, 11.0, 0.8), Plateau(16.5, 20.0, 0.8)),
        },
        monthly_factor=(1.15, 1.1, 1.0, 0.92, 0.9, 0.85, 0.7, 0.5, 0.95, 1.05, 1.1, 1.15),
        day_type_factor=(1.0, 0.05, 0.65),
        shift_std_h=0.2, bump_height_cv=0.10, daily_cv=0.08, interval_cv=0.10,
        note="Municipal gym: school sports in the morning, clubs in the evening, closed on "
        "Saturdays, matches on Sundays (RSE's palestra_comunale).",
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
        day_type_factor=(1.0, 1.0, 0.68),
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
    """The ``household`` archetype fitted for a contracted-power class."""
    fitted = next(c for c in HOUSEHOLD_CLASSES if contracted_power_kw <= c.limit_kw)
    return household_archetype(f"household_{contracted_power_kw:g}kw", fitted.shape,
                               fitted.monthly_factor, fitted.day_type_factor)


CONTRACT_BY_ENERGY: tuple[tuple[float, float], ...] = (
    (1100.0, 1.5), (3000.0, 3.0), (3900.0, 4.5), (6500.0, 6.0), (np.inf, 10.0))
"""Contracted power of a home whose contract is not given, by its annual energy: (up to
[kWh/yr], contracted power [kW]). The edges lie between the ARERA Lombardy class means (577,
1,961, 3,333, 4,366 and 9,656 kWh on a 2023 calendar), the 3 kW class reaching to 3,000 kWh so
that ARERA's typical household (2,700 kWh on 3 kW) stays in it; above 6 kW the usual 10 kW
contract (assumed)."""


def contracted_power_for_energy(annual_kwh: float) -> float:
    """The contracted power of :data:`CONTRACT_BY_ENERGY` for a home's annual energy. [kW]"""
    return next(kw for limit, kw in CONTRACT_BY_ENERGY if annual_kwh <= limit)
