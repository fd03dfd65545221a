"""Load archetypes: scaled exactly, seeded, diverse, shaped like the published evidence."""

from __future__ import annotations

import numpy as np
import pytest

from twin.assets.archetypes import (
    ARCHETYPES,
)
from twin.assets.loads import (
    Consumer,
    load_power_kw,
    reference_year_index,
)
from twin.core.calendar import WORKDAY, day_types

YEAR = reference_year_index(2026)


def homes(n: int, kwh: float = 2000.0, prefix: str = "h") -> list[Consumer]:
    return [Consumer(f"{prefix}{i}", "household", kwh) for i in range(n)]


@pytest.mark.parametrize("archetype", sorted(ARCHETYPES))
def test_every_archetype_is_scaled_to_its_annual_energy(archetype):
    power = load_power_kw([Consumer("m", archetype, 12345.0)], YEAR, seed=1)
    assert power.sum() == pytest.approx(12345.0)
    assert (power >= 0).all()


def test_same_seed_same_profile_and_members_do_not_disturb_each_other():
    alone = load_power_kw(homes(1), YEAR, seed=3)
    with_others = load_power_kw(homes(1) + homes(5, prefix="x"), YEAR, seed=3)
    np.testing.assert_allclose(alone[:, 0], with_others[:, 0], rtol=1e-12)
    assert not np.allclose(load_power_kw(homes(1), YEAR, seed=4), alone)


def test_a_column_does_not_depend_on_its_neighbours_or_their_order():
    """Grouped by model (written as slices) or interleaved (written by column index), each
    member's column is the one it has alone."""
    mixed = [Consumer("a", "household", 1000.0), Consumer("b", "school", 50_000.0),
             Consumer("c", "household", 5000.0), Consumer("d", "household", 1000.0),
             Consumer("e", "office", 20_000.0), Consumer("f", "school", 40_000.0)]
    for order in ([0, 1, 2, 3, 4, 5], [0, 3, 2, 1, 5, 4]):  # interleaved, then grouped
        together = load_power_kw([mixed[k] for k in order], YEAR, seed=2)
        for column, k in enumerate(order):
            alone = load_power_kw([mixed[k]], YEAR, seed=2)[:, 0]
            np.testing.assert_allclose(together[:, column], alone, rtol=1e-12)


def test_one_hundred_households_are_not_one_hundred_copies():
    power = load_power_kw(homes(100), YEAR, seed=1)
    correlation = np.corrcoef(power[:, :10].T)[np.triu_indices(10, 1)]
    assert correlation.max() < 0.8  # diversity against data: tests/assets/test_diversity.py


def test_households_draw_about_a_third_in_band_f1():
    """ENEA KiloWattene: F1 33.4 % of household consumption (MILAN_FIGURES §2.2)."""
    total = load_power_kw(homes(200), YEAR, seed=2).sum(axis=1)
    local = YEAR.tz_convert("Europe/Rome")
    workday = day_types(local.normalize()) == WORKDAY
    f1 = workday & (local.hour >= 8) & (local.hour < 19)
    assert total[f1].sum() / total.sum() == pytest.approx(0.334, abs=0.04)


def test_household_evening_peak_is_the_largest():
    total = load_power_kw(homes(200), YEAR, seed=5).sum(axis=1)
    local_hour = YEAR.tz_convert("Europe/Rome").hour
    by_hour = np.bincount(local_hour, weights=total) / np.bincount(local_hour)
    assert 19 <= int(np.argmax(by_hour)) <= 22
    assert by_hour[3] < 0.6 * by_hour.max()


def test_school_is_closed_on_sundays_and_in_august():
    school = load_power_kw([Consumer("s", "school", 25000.0)], YEAR, seed=1)[:, 0]
    local = YEAR.tz_convert("Europe/Rome")
    tuesday_noon = (local.day_of_week == 1) & (local.hour == 11) & (local.month == 3)
    sunday_noon = (local.day_of_week == 6) & (local.hour == 11) & (local.month == 3)
    august_noon = (local.month == 8) & (local.hour == 11) & (local.day_of_week == 1)
    assert school[sunday_noon].mean() < 0.4 * school[tuesday_noon].mean()
    assert school[august_noon].mean() < 0.4 * school[tuesday_noon].mean()


def test_milan_holidays_include_sant_ambrogio():
    local = reference_year_index(2026).tz_convert("Europe/Rome").normalize().unique()
    types = dict(zip(local.date, day_types(local), strict=True))
    import datetime as dt

    assert types[dt.date(2026, 12, 7)] != WORKDAY  # a Monday, Milan's patron saint
    assert types[dt.date(2026, 12, 9)] == WORKDAY
