"""Meter imports accumulate: each adds coverage to its meter's series, a later import of an
interval corrects the earlier value (the event log keeps both), and what is in force is the
newest value of every interval.

A meter is a member's or a plant's quantity: ``("member", id, "withdrawal")``,
``("member", id, "injection")`` (net injection at the member's POD, of the plants behind it) or
``("plant", id, "injection")``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from twin.events import MeterDataImported
from twin.inputs.meters.series import MeterSeries

Meter = tuple[str, str, str]
"""``(kind, id, quantity)``: ``kind`` is ``"member"`` or ``"plant"``."""

CORRECTION_TOLERANCE_KWH = 1e-6
"""Values closer than this are the same reading, not a correction. [kWh]"""


def meter_of(event: MeterDataImported) -> Meter:
    if event.member_id is not None:
        return ("member", event.member_id, event.quantity)
    return ("plant", str(event.plant_id), event.quantity)


@dataclass(frozen=True)
class InForce:
    """A meter's series as every import so far leaves it."""

    step: str
    energy_kwh: pd.Series
    """The newest value of every interval any import covers. [kWh]"""
    source: pd.Series
    """Position (in the imports given) of the import whose value is in force, per interval."""


def in_force(imports: Sequence[tuple[MeterDataImported, MeterSeries]]) -> dict[Meter, InForce]:
    """Every meter's series in force after ``imports`` (in log order): for each interval, the
    value of the last import that covers it."""
    parts: dict[Meter, list[tuple[int, MeterSeries]]] = {}
    for position, (event, series) in enumerate(imports):
        parts.setdefault(meter_of(event), []).append((position, series))
    out: dict[Meter, InForce] = {}
    for meter, found in parts.items():
        energy = pd.concat([s.energy_kwh for _, s in found])
        source = np.concatenate([np.full(len(s.energy_kwh), pos) for pos, s in found])
        newest = ~energy.index.duplicated(keep="last")  # later imports come later
        order = np.argsort(energy.index[newest].asi8, kind="stable")
        index = energy.index[newest][order]
        out[meter] = InForce(found[0][1].step,
                             pd.Series(energy.to_numpy()[newest][order], index=index,
                                       name="energy_kwh"),
                             pd.Series(source[newest][order], index=index))
    return out


def corrections(before: InForce | None, series: MeterSeries) -> list[str]:
    """What a new import changes in a meter's series: the runs of intervals whose value it
    corrects, each with its period and largest change, in one line each."""
    if before is None:
        return []
    common = series.energy_kwh.index.intersection(before.energy_kwh.index)
    if not len(common):
        return []
    diff = series.energy_kwh[common] - before.energy_kwh[common]
    changed = diff.abs() > CORRECTION_TOLERANCE_KWH
    if not changed.any():
        return [f"{len(common)} interval(s) already imported with the same values"]
    step = pd.Timedelta(series.step)
    stamps = common[changed.to_numpy()]
    breaks = np.flatnonzero(stamps[1:] - stamps[:-1] != step) + 1
    lines = []
    for run in np.split(np.arange(len(stamps)), breaks):
        first, last = stamps[run[0]], stamps[run[-1]] + step
        largest = float(diff[stamps[run]].abs().max())
        lines.append(f"corrects {len(run)} interval(s) from {first:%Y-%m-%d %H:%M} to "
                     f"{last:%Y-%m-%d %H:%M} UTC (largest change {largest:.3f} kWh)")
    return lines


def history(imports: Sequence[tuple[int, MeterDataImported, MeterSeries]]) -> pd.DataFrame:
    """One row per import in log order: its meter, period, intervals, energy and how many of
    its intervals are still in force (not corrected by a later import)."""
    force = in_force([(e, s) for _, e, s in imports])
    rows = []
    for position, (seq, event, series) in enumerate(imports):
        meter = meter_of(event)
        kept = int((force[meter].source == position).sum())
        rows.append({"seq": seq, "meter": f"{meter[0]} {meter[1]}", "quantity": meter[2],
                     "file": event.source_name, "format": event.format,
                     "from_utc": series.energy_kwh.index[0], "to_utc": series.end_utc,
                     "intervals": len(series.energy_kwh), "in_force": kept,
                     "energy_kwh": float(series.energy_kwh.sum())})
    return pd.DataFrame(rows)


def coverage_by_month(force: dict[Meter, InForce], index: pd.DatetimeIndex,
                      to_local_month: pd.Index) -> pd.DataFrame:
    """Share of each month's steps of the run where each meter's measured values are used. [%]

    ``to_local_month`` labels each step of ``index`` with its local month (``YYYY-MM``).
    """
    from twin.inputs.meters.series import on_grid

    rows = {}
    for meter, series in sorted(force.items()):
        _, covered = on_grid(series.energy_kwh, series.step, index)
        share = pd.Series(covered, index=to_local_month).groupby(level=0).mean() * 100.0
        rows[f"{meter[0]} {meter[1]} {meter[2]}"] = share
    table = pd.DataFrame(rows).T
    table.index.name = "meter"
    return table
