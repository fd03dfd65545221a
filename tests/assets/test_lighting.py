"""Lighting follows each day's dusk and dawn in Milan, on the local clock."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from twin.assets.archetypes import (
    Lighting,
)
from twin.assets.loads import (
    Consumer,
    daylight_hours,
    lighting_curve,
    load_power_kw,
    reference_year_index,
)


def local_days(*dates: str) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(dates).tz_localize("Europe/Rome")


@pytest.mark.parametrize(("date", "sunrise_h", "sunset_h"), [
    ("2023-06-21", 5 + 35 / 60, 21 + 15 / 60),  # summer solstice, CEST
    ("2023-12-21", 8 + 2 / 60, 16 + 43 / 60),  # winter solstice, CET
])
def test_sunrise_and_sunset_in_milan_within_a_quarter_of_an_hour(date, sunrise_h, sunset_h):
    rise, sset = daylight_hours(local_days(date))
    assert rise[0] == pytest.approx(sunrise_h, abs=0.25)
    assert sset[0] == pytest.approx(sunset_h, abs=0.25)


@pytest.mark.parametrize(("before", "after", "jump_h"), [
    ("2023-03-25", "2023-03-26", 1.0),  # spring forward: the sun rises and sets an hour later
    ("2023-10-28", "2023-10-29", -1.0),  # fall back
])
def test_daylight_saving_days_move_the_local_clock_by_an_hour(before, after, jump_h):
    rise, sset = daylight_hours(local_days(before, after))
    assert rise[1] - rise[0] == pytest.approx(jump_h, abs=0.05)
    assert sset[1] - sset[0] == pytest.approx(jump_h, abs=0.05)


def test_lights_are_on_between_dusk_and_the_end_of_the_evening_and_before_dawn():
    light = Lighting(wake_h=6.5, until_h=23.0, height=1.0, smoothing_h=0.25)
    hours = np.arange(24) + 0.5
    winter = lighting_curve(hours, np.full(24, 8.0), np.full(24, 16.7), light)
    summer = lighting_curve(hours, np.full(24, 5.6), np.full(24, 21.2), light)
    on = winter > 0.5
    assert on[[7, 17, 18, 22]].all() and not on[[3, 5, 10, 13, 23]].any()
    assert (summer > 0.5).sum() == 2  # only 21:30 and 22:30 are dark and awake
    assert ((winter >= 0) & (winter <= 1)).all()


def test_large_households_start_their_evening_earlier_in_december_than_in_june():
    """The dusk term moves the evening rise with the season (ARERA P > 6 kW: 17:00 in winter,
    19:00 in summer)."""
    year = reference_year_index(2023)
    local = year.tz_convert("Europe/Rome")
    homes = [Consumer(f"h{i}", "household", 5000.0, 10.0) for i in range(200)]
    total = load_power_kw(homes, year, seed=1).sum(axis=1)

    def rise_hour(month: int) -> int:
        rows = local.month == month
        by_hour = pd.Series(total[rows]).groupby(local.hour[rows]).mean()
        afternoon = by_hour.loc[14:]
        return int((afternoon > by_hour.mean()).idxmax())

    assert rise_hour(12) + 1 <= rise_hour(6)
