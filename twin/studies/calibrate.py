"""The twin held against what was measured: each meter's measured energy beside the model's for
the same intervals and weather, month by month, with the correction it suggests.

* plants (their injection; a member's injection is the net injection of the plants behind its
  POD): measured/modelled energy (the **performance ratio against the model**: 1.0 = as
  modelled, 0.9 = the roof yields 10 % less), specific yield measured and modelled [kWh/kWp],
  and a suggested derate factor (:class:`~twin.events.PlantDerated`);
* members (their withdrawal): measured/modelled energy, the hourly correlation r, the peaks, and
  a suggested scale of ``annual_kwh`` (:class:`~twin.events.MemberProfileChanged`).

The model runs without the measurements (what the twin would have said), on the run's own
weather: give the scenario a weather file for the measured period to compare like with like.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
import pandas as pd

from twin.core.progress import Progress, silent
from twin.core.time import to_local
from twin.events import (
    DomainEvent,
    MemberJoined,
    MemberProfileChanged,
    PlantCommissioned,
    PlantDerated,
)
from twin.inputs.meters.ledger import in_force
from twin.inputs.meters.series import on_grid
from twin.sim.flows import behind_the_meter, member_withdrawal, plant_production
from twin.sim.profiles import profiled_energy
from twin.sim.spec import RunSpec
from twin.sim.timeline import run_timeline

MIN_COVERED_HOURS = 24
"""A meter needs at least a day of measurements to be compared."""


@dataclasses.dataclass(frozen=True)
class Calibration:
    """Per meter: the annual comparison and its suggestion; per meter and month: the energies."""

    meters: pd.DataFrame
    monthly: pd.DataFrame
    suggestions: list[DomainEvent]


def _modelled(spec: RunSpec, progress: Progress
              ) -> tuple[dict, list[PlantCommissioned], np.ndarray]:
    """The run's inputs and profiles, its plants and their modelled production per step."""
    inputs = spec.load_inputs()
    progress("modelling the metered period")
    profiles = profiled_energy(spec.events, spec.files, inputs.index)
    plants = [e for e in spec.events if isinstance(e, PlantCommissioned)]
    production = plant_production(spec.events, plants, inputs, profiles)
    return {"inputs": inputs, "profiles": profiles}, plants, production


def _member_model(spec: RunSpec, context: dict, plants: list[PlantCommissioned],
                  production: np.ndarray, member_id: str) -> tuple[np.ndarray, np.ndarray]:
    """A member's modelled net withdrawal and the net injection of its plants. [kWh per step]"""
    inputs = context["inputs"]
    members = {e.member_id: e for e in spec.events if isinstance(e, MemberJoined)}
    member = members[member_id]
    timeline = run_timeline(spec.events, inputs.index)
    withdrawal = member_withdrawal([member], timeline, inputs, spec.settings.simulation.seed,
                                  throughout={member_id})  # the meter's whole period
    if ("member", member_id) in context["profiles"]:
        withdrawal[:, 0] = context["profiles"][("member", member_id)]
    cols = [j for j, p in enumerate(plants) if p.host_member == member_id]
    injection = production.copy()
    behind_the_meter([member], withdrawal, production, injection, {member_id: cols}, {})
    return withdrawal[:, 0], injection[:, cols].sum(axis=1) if cols else np.zeros(len(withdrawal))


def _row(kind: str, key: str, quantity: str, measured: np.ndarray, modelled: np.ndarray,
         step_h: float, kwp: float | None) -> dict:
    m, s = measured.sum(), modelled.sum()
    ratio = m / s if s > 0 else np.nan
    r = float(np.corrcoef(measured, modelled)[0, 1]) if measured.std() > 0 and \
        modelled.std() > 0 else np.nan
    row = {"meter": f"{kind} {key}", "quantity": quantity, "covered_h": len(measured) * step_h,
           "measured_kwh": m, "modelled_kwh": s, "ratio": ratio, "r": r,
           "peak_measured_kw": measured.max() / step_h, "peak_modelled_kw": modelled.max() / step_h}
    if kwp:
        row |= {"specific_yield_measured_kwh_per_kwp": m / kwp,
                "specific_yield_modelled_kwh_per_kwp": s / kwp}
    return row


def calibrate(spec: RunSpec, progress: Progress | None = None) -> Calibration:
    """Every meter with data on the run's period, measured against the model."""
    say = progress or silent
    context, plants, production = _modelled(spec, say)
    index = context["inputs"].index
    step_h = pd.Timedelta(index.freq).total_seconds() / 3600.0
    by_plant = {p.plant_id: j for j, p in enumerate(plants)}
    members = {e.member_id: e for e in spec.events if isinstance(e, MemberJoined)}
    month = to_local(index).strftime("%Y-%m")
    rows, monthly, suggestions = [], [], []
    for (kind, key, quantity), series in sorted(in_force(spec.meter_data).items()):
        values, covered = on_grid(series.energy_kwh, series.step, index)
        if covered.sum() * step_h < MIN_COVERED_HOURS:
            continue
        kwp = None
        if kind == "plant":
            modelled = production[:, by_plant[key]]
            kwp = plants[by_plant[key]].capacity_kwp
        else:
            withdrawal, injection = _member_model(spec, context, plants, production, key)
            modelled = withdrawal if quantity == "withdrawal" else injection
            if quantity == "injection":
                kwp = sum(p.capacity_kwp for p in plants if p.host_member == key)
        row = _row(kind, key, quantity, values[covered], modelled[covered], step_h, kwp)
        rows.append(row)
        frame = pd.DataFrame({"month": month[covered], "measured_kwh": values[covered],
                              "modelled_kwh": modelled[covered]}).groupby("month").sum()
        frame["ratio"] = frame["measured_kwh"] / frame["modelled_kwh"].where(
            frame["modelled_kwh"] > 0)
        monthly.append(frame.assign(meter=row["meter"], quantity=quantity))
        suggestions += _suggest(kind, key, quantity, row["ratio"], members, plants, index[0])
        say("meters", len(rows), len(spec.meter_data))
    table = pd.DataFrame(rows).set_index(["meter", "quantity"]) if rows else pd.DataFrame()
    months = (pd.concat(monthly).reset_index().set_index(["meter", "quantity", "month"])
              if monthly else pd.DataFrame())
    return Calibration(table, months, suggestions)


def _suggest(kind: str, key: str, quantity: str, ratio: float,
             members: dict[str, MemberJoined], plants: Sequence[PlantCommissioned],
             start: pd.Timestamp) -> list[DomainEvent]:
    """The events that would bring the model to the measurements, effective from the start."""
    if not np.isfinite(ratio) or abs(ratio - 1.0) < 0.005:
        return []
    when = start.to_pydatetime()
    if kind == "plant":
        return [PlantDerated(effective_utc=max(when, _plant(plants, key).effective_utc),
                             plant_id=key, factor=round(float(ratio), 4),
                             reason="cer-twin calibrate: measured / modelled injection")]
    if quantity == "injection":  # the plants behind the member's POD, alike
        return [PlantDerated(effective_utc=max(when, p.effective_utc), plant_id=p.plant_id,
                             factor=round(float(ratio), 4),
                             reason=f"cer-twin calibrate: {key}'s measured net injection")
                for p in plants if p.host_member == key]
    member = members[key]
    if member.profile is not None or not member.annual_kwh:
        return []  # a measured profile is already the member's own data
    return [MemberProfileChanged(effective_utc=max(when, member.effective_utc), member_id=key,
                                 annual_kwh=round(member.annual_kwh * float(ratio), 1),
                                 reason="cer-twin calibrate: measured / modelled withdrawal")]


def _plant(plants: Sequence[PlantCommissioned], key: str) -> PlantCommissioned:
    return next(p for p in plants if p.plant_id == key)
