"""Who and what a configuration may hold, and how its withdrawal points are classed.

* Members refused by the law (large enterprises; points with net metering).
* Holder classes of withdrawal points for the F exemption of DM 414.
* The cap on the power of existing plants in a configuration.

Plain data in, plain data out: the functions read ``category``, ``net_metering``,
``configuration_id``, ``capacity_kwp``, ``inverter_kw`` and ``entry_into_operation`` from whatever
objects they are given (domain events in the twin, simple records in a notebook).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from twin.errors import Text
from twin.rules.parameters import (
    DEFAULT_PARAMETERS,
    EXISTING_PLANT_CUTOFF,
    F_EXEMPT_CATEGORIES,
    NATURAL_PERSON_CATEGORIES,
    Parameters,
)
from twin.rules.tariff import tariff_power_kw

REFUSED_CATEGORIES = frozenset({"large_enterprise"})
"""Large enterprises cannot be CER members (RO-2024 §1.2.2.2 c; D.Lgs. 199/2021 art. 31) [V]."""

EXISTING_POWER_SHARE_LIMIT = 0.30
"""Existing plants (in operation before 2021-12-16) may be up to 30 % of a configuration's plant
power (RO-2024 §1.2.1.2) [V]."""

OTHER, F_EXEMPT_BODY, NATURAL_PERSON = 0, 1, 2
"""Holder classes of withdrawal points for the F exemption (RO-2024 §2.2.2.1.2; natural persons
from 2025-06-26, DM 127/2025)."""


def holder_class(category: str) -> int:
    """:data:`OTHER`, :data:`F_EXEMPT_BODY` or :data:`NATURAL_PERSON` for a member category."""
    if category in F_EXEMPT_CATEGORIES:
        return F_EXEMPT_BODY
    if category in NATURAL_PERSON_CATEGORIES:
        return NATURAL_PERSON
    return OTHER


def refusal(member_id: str, category: str, net_metering: bool) -> str | None:
    """Why a point cannot join a CER configuration, or ``None`` when it can.

    Large enterprises are not admitted (RO-2024 §1.2.2.2); a point with net metering (scambio
    sul posto) cannot be a CER consumer (RO-2024 §1.2.2.3).
    """
    if category in REFUSED_CATEGORIES:
        return f"member {member_id!r}: large enterprises cannot be CER members (RO-2024 §1.2.2.2)"
    if net_metering:
        return (f"member {member_id!r}: a point with net metering (scambio sul posto) cannot be "
                "a CER consumer (RO-2024 §1.2.2.3)")
    return None


def existing_power_warnings(configurations: Iterable[str], plants: Iterable[Any]) -> list[str]:
    """Configurations whose existing plants exceed :data:`EXISTING_POWER_SHARE_LIMIT` of their
    plant power (RO-2024 §1.2.1.2): flagged, not refused."""
    plants = list(plants)
    out = []
    for cid in configurations:
        mine = [p for p in plants if p.configuration_id == cid]
        total = sum(tariff_power_kw(p) for p in mine)
        existing = sum(tariff_power_kw(p) for p in mine
                       if p.entry_into_operation < EXISTING_PLANT_CUTOFF)
        if total and existing / total > EXISTING_POWER_SHARE_LIMIT:
            out.append(Text("configuration {id!r}: existing plants are {share:.0%} of its plant "
                            "power, above the 30 % allowed (RO-2024 §1.2.1.2)", id=cid,
                            share=existing / total))
    return out


def counts_from(happened: dt.date, notified: dt.date | None, configuration_start: dt.date,
                parameters: Parameters = DEFAULT_PARAMETERS) -> tuple[dt.date, str]:
    """The day a member's joining (or leaving) takes effect for GSE, and why.

    Notified within 120 days of the day it happened, it counts from that day, but never before
    the configuration's own start; notified later, from the day of notification (GSE FAQ on
    changes to configurations [S]; RULES_UPDATES §3). A late removal is read the same way [U].
    """
    days = (notified - happened).days if notified is not None else 0
    if notified is not None and days > parameters.scalar("membership_notice_days"):
        return notified, (f"notified on {notified}, {days} days later (over the 120 days of the "
                          "GSE rules): counts from the notification")
    start = max(happened, configuration_start)
    if start > happened:
        return start, f"counts from the configuration's start, {configuration_start}"
    return start, ""
