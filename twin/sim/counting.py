"""What GSE counts, derived from the log before a run: the day each joining and leaving takes
effect for GSE (notified within 120 days or not), and the sections capacity upgrades add."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from twin.core.time import local_date, local_midnight_utc
from twin.events import (
    ConfigurationRegistered,
    DomainEvent,
    MemberJoined,
    MemberLeft,
    PlantCommissioned,
    PlantUpgraded,
)
from twin.rules.configuration import counts_from
from twin.rules.parameters import Parameters


def counted_membership(events: Sequence[DomainEvent], parameters: Parameters
                       ) -> tuple[list[DomainEvent], dict[str, str]]:
    """The events with each ``MemberJoined`` and ``MemberLeft`` moved to the day it counts from
    for GSE (:func:`twin.rules.configuration.counts_from`), and why, per member whose counting
    differs from the day it happened."""
    starts = {e.configuration_id: local_date(e.effective_utc) for e in events
              if isinstance(e, ConfigurationRegistered)}
    config_of = {e.member_id: e.configuration_id for e in events if isinstance(e, MemberJoined)}
    out, notes = [], {}
    for e in events:
        if isinstance(e, MemberJoined | MemberLeft) and e.notified_on is not None:
            happened = local_date(e.effective_utc)
            start = starts.get(config_of.get(e.member_id, ""), happened)
            day, why = counts_from(happened, e.notified_on, start, parameters)
            if day != happened:
                what = "joining" if isinstance(e, MemberJoined) else "leaving"
                notes[e.member_id] = f"{what} of {happened}: {why}"
                e = dataclasses.replace(e, effective_utc=local_midnight_utc(day).to_pydatetime())
        out.append(e)
    return out, notes


def with_sections(events: Sequence[DomainEvent]) -> list[DomainEvent]:
    """The events with every ``PlantUpgraded`` as the plant section it adds: the same plant's
    site and orientation with the added power and its own date of entry into operation (only
    the section's injection earns the premium, CER_RULES §1.5)."""
    plants = {e.plant_id: e for e in events if isinstance(e, PlantCommissioned)}
    out: list[DomainEvent] = []
    for e in events:
        if isinstance(e, PlantUpgraded):
            base = plants[e.plant_id]
            e = dataclasses.replace(
                base, effective_utc=e.effective_utc,
                plant_id=f"{e.plant_id}+{e.entry_into_operation:%Y%m%d}",
                capacity_kwp=e.added_capacity_kwp, inverter_kw=e.added_inverter_kw,
                entry_into_operation=e.entry_into_operation, lifecycle="new",
                grant_intensity_pct=0.0, building_obligation_kw=0.0,
                pre_constitution_exception=False, profile=None)
        out.append(e)
    return out
