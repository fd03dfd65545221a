"""Members and plants whose profile comes from measured data of another year (a meter file
stored beside the events), put on a run's grid (:mod:`twin.inputs.meters.transfer`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from twin.events import DomainEvent, MemberJoined, PlantCommissioned
from twin.events.domain import MeasuredProfile
from twin.inputs.meters import parse_meter_file
from twin.inputs.meters.transfer import transfer

Profiled = dict[tuple[str, str], np.ndarray]
"""``("member" | "plant", id)`` → energy per step of the run [kWh]."""


def profiles_of(events: Iterable[DomainEvent]) -> list[MeasuredProfile]:
    """The measured profiles the events refer to, once each."""
    seen: dict[str, MeasuredProfile] = {}
    for e in events:
        profile = getattr(e, "profile", None)
        if isinstance(profile, MeasuredProfile):
            seen.setdefault(profile.sha256, profile)
    return list(seen.values())


def profiled_energy(events: Sequence[DomainEvent], files: Mapping[str, tuple[str, bytes]],
                    index: pd.DatetimeIndex) -> Profiled:
    """Energy per step of every profiled member (its withdrawal: the load it takes from the
    grid, as measured at its POD in the profile's year) and plant (its injection)."""
    out: Profiled = {}
    for e in events:
        if isinstance(e, MemberJoined) and e.profile is not None:
            key, quantity = ("member", e.member_id), "withdrawal"
        elif isinstance(e, PlantCommissioned) and e.profile is not None:
            key, quantity = ("plant", e.plant_id), "injection"
        else:
            continue
        p = e.profile
        name, data = files[p.sha256]
        series = parse_meter_file(data, name, p.format, p.unit).quantity(quantity)
        out[key] = transfer(series.energy_kwh, series.step, p.year, index, p.annual_kwh,
                            where=f"{key[0]} {key[1]}: profile {name}")
    return out
