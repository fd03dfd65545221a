"""Members' loads over a run, year by year: each year of the run is modelled as a run of that
year (its own seed, :func:`~twin.core.random.seeded_years`, the first year's being the run's), and
only for the members it needs.

A member is modelled in the years it belongs to the community at some step; the years before
it joins and after it leaves are zero (they were computed, then masked, before: in the
20-year default more than half of the member-days). A member whose POD hosts a plant or a
battery is modelled throughout: its load decides what the plant injects, member or not.
Decision 71.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
import pandas as pd

from twin.assets.loads import Consumer, load_power_kw, put_columns
from twin.core.random import seeded_years
from twin.events import MemberJoined
from twin.sim.reuse import load_columns
from twin.sim.timeline import Timeline

__all__ = ["member_power_kw", "years_modelled", "yearly_power_kw"]


def yearly_power_kw(consumers: Sequence[Consumer], index: pd.DatetimeIndex, seed: int,
                    temp_air_c: np.ndarray, modelled: np.ndarray | None = None,
                    out: np.ndarray | None = None) -> np.ndarray:
    """Mean power of every consumer per step, each year of ``index`` modelled on its own, zero
    in the years ``modelled`` ``(year, consumer)`` leaves out (all modelled when it is None).
    [kW], ``(time, consumer)``, written in ``out`` when given (a buffer a run reuses from block
    to block: memory touched once, not once a block). A run of one year, all modelled, returns
    the load model's (or the study cache's, read-only) array itself."""
    years = seeded_years(index, seed)
    if len(years) == 1 and (modelled is None or modelled.all()):
        return load_columns(consumers, index, seed, temp_air_c, load_power_kw)
    out = np.empty((len(index), len(consumers))) if out is None else out
    for k, (a, b, year) in enumerate(years):
        cols = np.arange(len(consumers)) if modelled is None else np.flatnonzero(modelled[k])
        if len(cols) < len(consumers):
            out[a:b] = 0.0
        if not len(cols):
            continue
        power = load_columns([consumers[i] for i in cols], index[a:b], year,
                             temp_air_c[a:b], load_power_kw)
        put_columns(out[a:b], cols, power)
    return out


def years_modelled(present: np.ndarray, bounds: np.ndarray, spans: Sequence[tuple[int, int]],
                   throughout: np.ndarray) -> np.ndarray:
    """Which members to model in which year of the run, ``(year, member)``: those present
    (``(segment, member)``, segments ``bounds``) at some step of the year, and those
    ``throughout`` (hosts of plants or batteries, ``(member,)``) every year."""
    out = np.zeros((len(spans), present.shape[1]), dtype=bool)
    out[:] = throughout
    for k, (a, b) in enumerate(spans):
        overlapping = (bounds[:, 0] < b) & (bounds[:, 1] > a)
        out[k] |= present[overlapping].any(axis=0)
    return out


def member_power_kw(members: Sequence[MemberJoined], timeline: Timeline,
                    index: pd.DatetimeIndex, seed: int, temp_air_c: np.ndarray,
                    throughout: Collection[str] = (),
                    out: np.ndarray | None = None) -> np.ndarray:
    """Mean power of a block of members per step, following their profile changes, each year
    modelled on its own and only for the members it needs (:func:`years_modelled`). [kW],
    ``(time, member)``, in ``out`` when given (see :func:`yearly_power_kw`); possibly
    read-only (a study's cache), copied before any change."""
    years = seeded_years(index, seed)
    ids = [m.member_id for m in members]
    modelled = years_modelled(timeline.members_present(ids), timeline.bounds,
                              [(a, b) for a, b, _ in years], np.isin(ids, list(throughout)))
    history = [timeline.profiles[m.member_id] for m in members]
    first = [h[0][1] for h in history]
    out = yearly_power_kw(first, index, seed, temp_air_c, modelled, out)
    changes = [(i, h) for i, h in enumerate(history) if len(h) > 1]
    if changes and not out.flags.writeable:
        out = out.copy()
    for k, (a, b, year) in enumerate(years):
        for i, h in changes:
            if not modelled[k, i]:
                continue
            for position, profile in h[1:]:
                if position >= b:
                    break
                # a year's part from a change on: the new profile's model of that year
                series = load_columns([profile], index[a:b], year, temp_air_c[a:b],
                                      load_power_kw)
                out[max(position, a):b, i] = series[max(position, a) - a:, 0]
    return out
