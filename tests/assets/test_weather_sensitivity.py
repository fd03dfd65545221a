"""Loads follow the run's temperatures: air conditioning on hot days, heat pumps on cold ones."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from twin.assets import loads
from twin.assets.archetypes import (
    COOLING_BALANCE_C,
    Bump,
    household_for_power,
)
from twin.assets.loads import (
    Consumer,
    load_power_kw,
    reference_year_index,
)

YEAR = reference_year_index(2025)
LOCAL = YEAR.tz_convert("Europe/Rome")
JULY, JANUARY = LOCAL.month == 7, LOCAL.month == 1
AFTERNOON = (LOCAL.hour >= 13) & (LOCAL.hour < 18)


def homes(n: int = 50, archetype: str = "household", kw: float | None = None) -> list[Consumer]:
    return [Consumer(f"h{i}", archetype, 2500.0, kw) for i in range(n)]


def temperature(july_c: float, rest_c: float = 12.0) -> np.ndarray:
    return np.where(JULY, july_c, rest_c)


def smooth(kw: float | None) -> loads.Archetype:
    """The household model without appliance cycles (their own tests are elsewhere)."""
    model = loads.ARCHETYPES["household"] if kw is None else household_for_power(kw)
    return dataclasses.replace(model, appliance_cycles=False)


@pytest.mark.parametrize("kw", [None, 10.0])
def test_a_hot_july_raises_afternoon_load_and_changes_nothing_else_but_the_scale(kw):
    """Hot days add cooling; on other days the profile only takes the annual rescaling (each
    member keeps its annual_kwh)."""
    mild = loads.archetype_power(smooth(kw), YEAR, homes(kw=kw), 1, temperature(july_c=22.0))
    hot = loads.archetype_power(smooth(kw), YEAR, homes(kw=kw), 1, temperature(july_c=30.0))
    afternoon_share = [p[JULY & AFTERNOON].sum() / p[JULY].sum() for p in (mild, hot)]
    assert afternoon_share[1] > 1.02 * afternoon_share[0]
    assert hot[JULY].sum() > 1.15 * mild[JULY].sum()
    ratio = hot[JANUARY] / mild[JANUARY]  # (time, member): one factor per member
    np.testing.assert_allclose(ratio, np.broadcast_to(ratio[:1], ratio.shape), rtol=1e-5)
    assert (ratio[0] < 1.0).all()  # the July energy is taken from the rest of the year


def test_no_cooling_below_the_balance_point():
    """A summer below 18 °C gives the load of the same households without any cooling."""
    cool = temperature(july_c=COOLING_BALANCE_C - 1.0)
    with_cooling = load_power_kw(homes(kw=6.0), YEAR, 2, cool)
    model = household_for_power(6.0)
    no_ac = dataclasses.replace(model, day_shapes={
        kind: tuple(dataclasses.replace(s, cooling_per_k=0.0) if isinstance(s, Bump) else s
                    for s in shapes) for kind, shapes in model.day_shapes.items()})
    without = loads.archetype_power(no_ac, YEAR, homes(kw=6.0), 2, cool)
    np.testing.assert_allclose(with_cooling, without, rtol=1e-5)


def test_heat_pumps_draw_more_on_cold_days():
    cold = load_power_kw(homes(20, "heat_pump_home"), YEAR, 1, np.where(JANUARY, -2.0, 12.0))
    mild = load_power_kw(homes(20, "heat_pump_home"), YEAR, 1, np.where(JANUARY, 8.0, 12.0))
    share = [p.sum(axis=1)[JANUARY].sum() / p.sum() for p in (mild, cold)]
    assert share[1] > 1.2 * share[0]
