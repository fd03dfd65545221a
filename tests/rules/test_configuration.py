"""What a configuration may hold: holder classes, refusals, the 30 % cap on existing plants."""

import datetime as dt
from types import SimpleNamespace

from twin.rules.configuration import (
    F_EXEMPT_BODY,
    NATURAL_PERSON,
    OTHER,
    existing_power_warnings,
    holder_class,
    refusal,
)


def plant(cid, kwp, entry, inverter_kw=None):
    return SimpleNamespace(configuration_id=cid, capacity_kwp=kwp,
                           inverter_kw=inverter_kw or kwp, entry_into_operation=entry)


def test_existing_plants_above_30_percent_are_flagged():
    """RO-2024 §1.2.1.2: existing plants (before 2021-12-16) up to 30 % of the power.
    a: 40 kW existing of 40 + 60 = 100 kW -> 40 % > 30 %: flagged.
    b: 30 kW existing of 30 + 70 = 100 kW -> exactly 30 %: allowed.
    c: a 50 kWp plant on a 25 kW inverter counts 25 kW (min of DC and AC): 25 of 25 + 100 ->
    20 %: allowed."""
    old, new = dt.date(2020, 5, 1), dt.date(2024, 5, 1)
    plants = [plant("a", 40, old), plant("a", 60, new), plant("b", 30, old), plant("b", 70, new),
              plant("c", 50, old, inverter_kw=25), plant("c", 100, new)]
    warnings = existing_power_warnings(["a", "b", "c"], plants)
    assert warnings == ["configuration 'a': existing plants are 40% of its plant power, above "
                        "the 30 % allowed (RO-2024 §1.2.1.2)"]


def test_the_cutoff_day_itself_is_new():
    """A plant entering operation on 2021-12-16 is not existing (DM 414 art. 3)."""
    plants = [plant("a", 100, dt.date(2021, 12, 16))]
    assert existing_power_warnings(["a"], plants) == []
    plants = [plant("a", 100, dt.date(2021, 12, 15))]
    assert len(existing_power_warnings(["a"], plants)) == 1


def test_holder_classes_and_refusals():
    assert holder_class("public_body") == F_EXEMPT_BODY
    assert holder_class("household") == NATURAL_PERSON
    assert holder_class("sme") == OTHER
    assert refusal("x", "sme", False) is None
    assert "large enterprises" in refusal("x", "large_enterprise", False)
    assert "net metering" in refusal("x", "household", True)
