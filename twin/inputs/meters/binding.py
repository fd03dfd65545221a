"""An import bound to its meter: the file's POD checked against the member's or plant's, the
quantities that apply to it, the period it may hold energy in, and values the POD could carry.

What applies to what:

* a member's POD measures its **withdrawal**, and, when plants sit behind it, their **net
  injection** (imported for the member: the run splits it among those plants by their modelled
  production);
* a plant's own POD measures its **injection**; a plant behind a member's POD is imported through
  the member.

Energy before a plant's entry into operation cannot exist: an error naming the first interval.
Energy of a member before it joins or after it leaves is not counted (the POD exists outside the
community): a note says how much. Values above 1.1 x the contracted power (members; the meter's
tolerance) or 1.2 x the inverter power (plants) over the interval, and a file of zeros only,
are errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from twin.core.time import local_midnight_utc
from twin.errors import InputDataError, Text
from twin.events import DomainEvent, MemberJoined, MeterDataImported, PlantCommissioned
from twin.events.state import ValidityInterval, validity_intervals
from twin.inputs.meters import MeterFile, MeterSeries
from twin.inputs.meters.ledger import InForce, Meter, corrections

MEMBER_POWER_TOLERANCE = 1.1
"""A meter lets through up to 110 % of the contracted power indefinitely (the load model caps
there too)."""
PLANT_POWER_TOLERANCE = 1.2
"""Injection above 1.2 x the inverter's AC rating over an interval is not physical (inverters
clip at their rating; 20 % allows for metering and rating tolerances)."""


@dataclass
class Binding:
    """The events one import appends (one per quantity), and what checking it found."""

    events: list[MeterDataImported]
    series: list[MeterSeries]
    notes: list[str] = field(default_factory=list)
    """What the reader repaired or left out, for the person importing (translatable Texts)."""


@dataclass(frozen=True)
class _Target:
    kind: str
    id: str
    pod: str | None
    joined: MemberJoined | None
    plant: PlantCommissioned | None
    hosts: list[PlantCommissioned]
    validity: list[ValidityInterval]


def _target(events: Sequence[DomainEvent], member: str | None, plant: str | None) -> _Target:
    if (member is None) == (plant is None):
        raise InputDataError(Text("give either --member or --plant"))
    kind, key = ("member", member) if member is not None else ("plant", plant)
    assert key is not None
    joins = [e for e in events if isinstance(e, MemberJoined) and e.member_id == key]
    plants = [e for e in events if isinstance(e, PlantCommissioned) and e.plant_id == key]
    if kind == "member" and not joins:
        raise InputDataError(Text("--member {key}: no such member on the branch", key=key))
    if kind == "plant" and not plants:
        raise InputDataError(Text("--plant {key}: no such plant on the branch", key=key))
    joined = joins[-1] if joins else None
    the_plant = plants[-1] if plants else None
    hosts = [e for e in events if isinstance(e, PlantCommissioned) and e.host_member == key]
    pod = joined.pod if joined is not None else the_plant.pod if the_plant else None
    if the_plant is not None and the_plant.host_member:
        raise InputDataError(Text("--plant {key}: the plant sits behind member "
                                  "{host!r}'s POD; import that POD's file with "
                                  "--member {host}", key=key,
                                  host=the_plant.host_member))
    validity = [v for v in validity_intervals(events) if v.kind == kind and v.id == key]
    return _Target(kind, key, pod, joined, the_plant, hosts, validity)


def _check_pod(target: _Target, meter_file: MeterFile, pod: str | None) -> str:
    """The POD the import is for: the file's (or ``--pod`` when the file names none), which must
    be the target's."""
    where = f"{meter_file.name}"
    if meter_file.pod is None and pod is None:
        raise InputDataError(Text("{where}: the file names no POD; give --pod (the POD of "
                                  "{kind} {id!r} is {target_pod})", where=where,
                                  kind=target.kind, id=target.id,
                                  target_pod=target.pod))
    if meter_file.pod is not None and pod is not None and pod != meter_file.pod:
        raise InputDataError(Text("{where}: --pod {pod} differs from the file's POD "
                                  "{file_pod}", where=where, pod=pod,
                                  file_pod=meter_file.pod))
    found = meter_file.pod or pod
    if target.pod is not None and found != target.pod:
        raise InputDataError(Text("{where}: field 'POD': expected {target_pod}, the POD of "
                                  "{kind} {id!r}; found {found}", where=where,
                                  target_pod=target.pod, kind=target.kind,
                                  id=target.id, found=found))
    return str(found)


def _quantities(target: _Target, meter_file: MeterFile, quantity: str | None,
                notes: list[str]) -> list[str]:
    """The quantities to import: ``--quantity`` (an error if it does not apply), else those in
    the file that apply (others are noted and left out)."""
    applies = {"withdrawal", "injection"} if target.kind == "member" and target.hosts else \
        {"withdrawal"} if target.kind == "member" else {"injection"}
    if quantity is not None:
        wanted = [quantity]
    elif not meter_file.directed:  # one value per interval: the target's own quantity
        wanted = ["withdrawal" if target.kind == "member" else "injection"]
    else:
        wanted = [q for q in meter_file.series if q in applies]
    for q in wanted:
        if q not in applies:
            why = ("no plant sits behind its POD" if q == "injection" else
                   "a plant's own POD is imported for its injection")
            raise InputDataError(Text("{file}: quantity {q} does not apply to "
                                      "{kind} {id!r} ({why})",
                                      file=meter_file.name, q=q,
                                      kind=target.kind, id=target.id, why=why))
        meter_file.quantity(q)  # present in the file, or an error naming it
    for q, series in meter_file.series.items():
        if meter_file.directed and q not in wanted and series.energy_kwh.any():
            notes.append(Text("{q} in the file left out: it does not apply to {kind} "
                              "{id!r}", q=q, kind=target.kind, id=target.id))
    if not wanted:
        raise InputDataError(Text("{file}: holds {held}, none of which "
                                  "applies to {kind} {id!r}",
                                  file=meter_file.name,
                                  held=sorted(meter_file.series),
                                  kind=target.kind, id=target.id))
    return wanted


def _outside(series: pd.Series, validity: list[ValidityInterval]) -> pd.Series:
    """Intervals of ``series`` outside every validity interval."""
    inside = pd.Series(False, index=series.index)
    for v in validity:
        end = pd.Timestamp(v.end_utc) if v.end_utc is not None else series.index[-1] + \
            pd.Timedelta(days=1)
        inside |= (series.index >= pd.Timestamp(v.start_utc)) & (series.index < end)
    return ~inside


def _period_notes(target: _Target, series: MeterSeries) -> list[str]:
    energy = series.energy_kwh
    if target.plant is not None:
        start = local_midnight_utc(target.plant.entry_into_operation)
        early = energy[(energy.index < start) & (energy > 0)]
        if len(early):
            raise InputDataError(
                Text("{file}: {quantity} of {kwh:.3f} kWh in the "
                     "interval starting {start:%Y-%m-%d %H:%M} UTC, before plant "
                     "{id!r} entered operation ({entry})",
                     file=series.source_name, quantity=series.quantity,
                     kwh=early.iloc[0], start=early.index[0],
                     id=target.id, entry=target.plant.entry_into_operation))
    outside = _outside(energy, target.validity)
    if not outside.any():
        return []
    kwh = float(energy[outside].sum())
    return [f"{series.quantity}: {int(outside.sum())} interval(s) outside {target.kind} "
            f"{target.id!r}'s time in the community ({kwh:,.1f} kWh): stored, not counted"]


def _check_plausible(target: _Target, series: MeterSeries) -> None:
    energy = series.energy_kwh
    if not (energy > 0).any():
        raise InputDataError(Text("{file}: every {quantity} value is zero",
                                  file=series.source_name,
                                  quantity=series.quantity))
    limit_kw, what = None, ""
    if target.kind == "member" and series.quantity == "withdrawal" and target.joined and \
            target.joined.contracted_power_kw:
        limit_kw = MEMBER_POWER_TOLERANCE * target.joined.contracted_power_kw
        what = (f"{MEMBER_POWER_TOLERANCE:g} x the contracted "
                f"{target.joined.contracted_power_kw:g} kW")
    elif series.quantity == "injection":
        plants = target.hosts if target.kind == "member" else [target.plant]
        limit_kw = PLANT_POWER_TOLERANCE * sum(p.inverter_kw for p in plants if p is not None)
        what = (f"{PLANT_POWER_TOLERANCE:g} x the inverter power "
                f"({limit_kw / PLANT_POWER_TOLERANCE:g} kW)")
    if limit_kw is None:
        return
    over = energy[energy > limit_kw * series.step_h + 1e-9]
    if len(over):
        when = f"{over.index[0]:%Y-%m-%d %H:%M}"
        raise InputDataError(Text("{file}: {quantity} of {kwh:.3f} "
                                  "kWh in the {step} interval starting {when} UTC is above "
                                  "what the POD can carry ({what}: {limit_kwh:.3f} kWh)",
                                  file=series.source_name,
                                  quantity=series.quantity, kwh=over.iloc[0],
                                  step=series.step, when=when, what=what,
                                  limit_kwh=limit_kw * series.step_h))


def bind(events: Sequence[DomainEvent], meter_file: MeterFile, *, member: str | None = None,
         plant: str | None = None, quantity: str | None = None, pod: str | None = None,
         existing: dict[Meter, InForce] | None = None) -> Binding:
    """Check an import against the branch and build its ``MeterDataImported`` events."""
    target = _target(events, member, plant)
    found_pod = _check_pod(target, meter_file, pod)
    binding = Binding([], [], list(meter_file.notes))
    for q in _quantities(target, meter_file, quantity, binding.notes):
        series = meter_file.quantity(q)
        _check_plausible(target, series)
        binding.notes += _period_notes(target, series)
        before = (existing or {}).get((target.kind, target.id, q))
        if before is not None and before.step != series.step:
            raise InputDataError(Text("{file}: {q} of {kind} {id!r} was "
                                      "imported at {before}; this file is {step}",
                                      file=meter_file.name, q=q,
                                      kind=target.kind, id=target.id,
                                      before=before.step, step=series.step))
        binding.notes += [f"{q}: {line}" for line in corrections(before, series)]
        binding.series.append(series)
        binding.events.append(MeterDataImported(
            effective_utc=series.end_utc, pod=found_pod,
            member_id=member, plant_id=plant, quantity=q, sha256=series.sha256,
            start_utc=series.start_utc, end_utc=series.end_utc, step=series.step,
            source_name=series.source_name.rsplit("/", 1)[-1], format=series.format,
            unit=series.unit))
    return binding
